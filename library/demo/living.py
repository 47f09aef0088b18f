"""Demo step: living content, so the features show. Once (the first run after the demo library
exists), it:

- uploads two new versions, with change notes, of the election observation toolkit's public PDF
  (three versions in all: the resource page says "Updated ..." and lists the earlier ones);
- makes a few published resources due for review (three overdue, two due at the end of this
  month), so the admin index lists them;
- adds a "Further reading" line to three resources with links to this demo server
  (`DEMO_SITE`): /library/ works, the /demo-archive/... addresses answer 404 only because the
  demo server has no such page. `check_links` (run by `make run` once the server is up) then
  shows them as broken in the admin.

Idempotent: it does nothing once the toolkit's file has more than one version (also when staff
have uploaded one themselves). Each part runs in one transaction with the rest.
"""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from library.demo.outcome import Outcome
from library.demo.pdf import toolkit_pdf
from library.models import Resource, ResourceFile
from library.models.files import Access
from library.models.resources import Status
from library.reviews import end_of_month

TOOLKIT = "citizen-election-observation-toolkit"
DEMO_SITE = "http://127.0.0.1:8000"
VERSIONS = [
    (
        "Revised after the 2026 electoral law",
        "- The accreditation section follows the **2026 electoral law**: observers apply 30 days ahead.\n"
        "- New checklist for counting at polling stations with electronic tallies.",
    ),
    (
        "Corrections from partners in Kenya and Peru",
        "- Fixed the deadlines table (page 4).\n"
        "- Added a short guide to reporting incidents by SMS, from partners' feedback.",
    ),
]
OVERDUE = [
    "community-radio-programming-toolkit",
    "community-scorecard-toolkit-for-health-and-education-services",
    "first-time-voter-education-kit-for-schools-and-youth-clubs",
]
DUE_THIS_MONTH = ["campaign-school-toolkit-for-women-candidates", "community-paralegal-training-toolkit"]
LINKED = {
    "election-fact-checking-toolkit-for-newsrooms": ["/demo-archive/fact-checking-2019.pdf", "/library/"],
    "participatory-budgeting-toolkit-for-municipalities-and-civil-society": ["/demo-archive/budget-portal/"],
    TOOLKIT: ["/demo-archive/observer-forms-2015/"],
}


def seed_living_content(options=None):
    resource_file = (
        ResourceFile.objects.filter(resource__slug=TOOLKIT, access=Access.PUBLIC)
        .order_by("position", "id")
        .first()
    )
    if resource_file is None or resource_file.version > 1:
        return Outcome("living content", existing=1 if resource_file else 0)
    stored = []
    try:
        with transaction.atomic():
            add_versions(resource_file, stored)
            reviews = set_review_dates()
            links = add_links()
    except BaseException:
        for name in stored:
            ResourceFile._meta.get_field("file").storage.delete(name)
        raise
    notes = [
        f"{len(VERSIONS) + 1} versions of “{resource_file.title}”",
        f"{reviews} due for review",
        f"{links} demo links",
    ]
    return Outcome("living content", created=1, notes=notes)


def add_versions(resource_file, stored):
    resource = resource_file.resource
    for number, (subtitle, notes) in enumerate(VERSIONS, start=2):
        content = toolkit_pdf(
            title=resource.title,
            subtitle=f"{subtitle} (version {number})",
            summary=resource.summary,
            text=f"## What changed\n\n{notes}\n\n{resource.body}",
            language=resource_file.language,
            published=date(2026, number, 1),
        )
        resource_file.file.save(f"{TOOLKIT}-v{number}.pdf", ContentFile(content), save=False)
        stored.append(resource_file.file.name)
        resource_file.change_notes = notes
        resource_file.save()


def set_review_dates():
    today = timezone.localdate()
    published = Resource.objects.filter(status=Status.PUBLISHED, reviewed_at__isnull=True)
    count = 0
    for days, slug in enumerate(OVERDUE, start=1):
        count += published.filter(slug=slug).update(review_by=today - timedelta(days=30 * days))
    count += published.filter(slug__in=DUE_THIS_MONTH).update(review_by=end_of_month(today))
    return count


def add_links():
    added = 0
    for slug, paths in LINKED.items():
        resource = Resource.objects.filter(slug=slug).first()
        if resource is None:
            continue
        links = ", ".join(f"[{path}]({DEMO_SITE}{path})" for path in paths)
        resource.body = f"{resource.body.rstrip()}\n\nFurther reading: {links}.\n"
        resource.save()
        added += len(paths)
    return added
