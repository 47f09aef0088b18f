"""`manage.py check_links`: every external link in public content, checked and stored.

Links are read from published resources (summary and body), case studies' own fields (context,
what was done, results, lessons learned) and the metadata of their public files (the title and the
text extracted from the file). Each address is one Link row with its latest result (status,
HTTP status, the redirects followed, the error, when it first failed); each place it appears is a
LinkUse. A run holds a lock row (LinkCheckRun.lock) so a cron run and a worker task never run
side by side; one that died is taken over after LOCK_STALE_AFTER. The HTTP part
(upkeep.http_check) runs with no database connection in use; the results are written at the end
in one transaction, so a run that fails halfway changes nothing.
"""

import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from casestudies.models import CaseStudy
from library.models import Resource, ResourceFile
from library.models.files import Access
from upkeep import http_check
from upkeep.models import Link, LinkCheckRun, LinkUse, url_hash

LOCK = "running"
LOCK_STALE_AFTER = timedelta(hours=1)
URL_PATTERN = re.compile(r"https?://[^\s<>\"'`\[\]{}|\\^]+", re.IGNORECASE)
TRAILING = ".,;:!?*_~"
RESOURCE_FIELDS = ("summary", "body")
CASE_STUDY_FIELDS = ("context", "approach", "results", "lessons_learned")
MAX_URL = 2000


def find_urls(text):
    """The http(s) addresses in a piece of Markdown or plain text, in order, without duplicates."""
    found = []
    for match in URL_PATTERN.finditer(text or ""):
        url = match.group(0)
        # a Markdown link's closing bracket, or a sentence's full stop, is not part of the address
        while url and (url[-1] in TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
            url = url[:-1]
        if len(url) > len("https://") and len(url) <= MAX_URL and url not in found:
            found.append(url)
    return found


def collect():
    """{url: {(resource id, place), ...}} for every link in public content."""
    uses = defaultdict(set)
    public = Resource.objects.published()
    for row in public.values_list("pk", *RESOURCE_FIELDS).iterator(chunk_size=1000):
        for place, text in zip(RESOURCE_FIELDS, row[1:], strict=True):
            for url in find_urls(text):
                uses[url].add((row[0], place))
    for row in CaseStudy.objects.published().values_list("pk", *CASE_STUDY_FIELDS).iterator(chunk_size=1000):
        for place, text in zip(CASE_STUDY_FIELDS, row[1:], strict=True):
            for url in find_urls(text):
                uses[url].add((row[0], place))
    files = ResourceFile.objects.filter(resource__in=public, access=Access.PUBLIC)
    for resource_id, title, text in files.values_list("resource_id", "title", "text").iterator(
        chunk_size=200
    ):
        place = f"file: {title}"[:80]
        for url in find_urls(f"{title}\n{text}"):
            uses[url].add((resource_id, place))
    return uses


@dataclass
class Summary:
    ran: bool
    checked: int = 0
    broken: int = 0
    redirected: int = 0
    note: str = ""

    def as_dict(self):
        return asdict(self)


def acquire(now):
    """A LinkCheckRun holding the lock, or None while another run holds it."""
    LinkCheckRun.objects.filter(lock=LOCK, started_at__lt=now - LOCK_STALE_AFTER).update(
        lock=None, note="abandoned: taken over by a later run"
    )
    try:
        with transaction.atomic():
            return LinkCheckRun.objects.create(lock=LOCK, started_at=now)
    except IntegrityError:
        return None


def options_from_settings(**overrides):
    options = {
        "concurrency": getattr(settings, "LINK_CHECK_CONCURRENCY", 8),
        "host_delay": getattr(settings, "LINK_CHECK_HOST_DELAY", 1.0),
        "timeout": getattr(settings, "LINK_CHECK_TIMEOUT", 10.0),
        "max_redirects": getattr(settings, "LINK_CHECK_MAX_REDIRECTS", 10),
    }
    options.update({key: value for key, value in overrides.items() if value is not None})
    return options


def run(*, now=None, **overrides):
    now = now or timezone.now()
    started = acquire(now)
    if started is None:
        return Summary(ran=False, note="another link check is running")
    try:
        uses = collect()
        results = http_check.check_urls(list(uses), **options_from_settings(**overrides))
        summary = store(uses, results, timezone.now())
    except BaseException:
        LinkCheckRun.objects.filter(pk=started.pk).update(
            lock=None, finished_at=timezone.now(), note="failed"
        )
        raise
    LinkCheckRun.objects.filter(pk=started.pk).update(
        lock=None, finished_at=timezone.now(), checked=summary.checked, broken=summary.broken
    )
    return summary


def store(uses, results, now):
    """Write every result and where each link is used, in one transaction; links no longer found
    anywhere are removed with their uses."""
    summary = Summary(ran=True)
    with transaction.atomic():
        existing = Link.objects.in_bulk([url_hash(url) for url in uses], field_name="url_hash")
        for url, result in results.items():
            link = existing.get(url_hash(url)) or Link(url=url)
            broken = result.status in Link.BROKEN
            if broken and not link.is_broken:
                link.first_broken_at = now
            elif not broken:
                link.first_broken_at = None
                link.last_ok_at = now
            link.status = result.status
            link.status_code = result.status_code
            link.method = result.method
            link.final_url = result.final_url[:MAX_URL]
            link.redirects = result.redirects
            link.error = result.error
            link.checked_at = now
            link.save()
            existing[link.url_hash] = link
            summary.checked += 1
            summary.broken += broken
            summary.redirected += result.status == Link.Status.REDIRECTED
        Link.objects.exclude(url_hash__in=list(existing)).delete()
        wanted = {
            (existing[url_hash(url)].pk, resource_id, place)
            for url, places in uses.items()
            for resource_id, place in places
        }
        present = set(LinkUse.objects.values_list("link_id", "resource_id", "place"))
        stale = present - wanted
        for link_id, resource_id, place in stale:
            LinkUse.objects.filter(link_id=link_id, resource_id=resource_id, place=place).delete()
        LinkUse.objects.bulk_create(
            [
                LinkUse(link_id=link_id, resource_id=resource_id, place=place)
                for link_id, resource_id, place in wanted - present
            ]
        )
    return summary
