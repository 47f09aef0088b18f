"""Caching of what the public sees, and its invalidation.

Every change to something public (a resource, its files, themes, tags, countries, related
resources) bumps one *public version*, a row in the database (library.models.versions) replaced
in the same transaction as the change: every process sees it the moment the change commits,
never before, and a rolled-back change takes its bump with it. Cached pages and counts, and each
process's facet index, are keyed by that version, so after a change no reader gets an old copy:
the keys are new, the old entries simply age out.

Scheduled resources need no save to go public: their time just comes. The *public state* holds,
beside the version, the newest publication time that has come (`latest_due`) and the next one
still to come (`next_due`); once `next_due` has passed, `latest_due` changes and with it every
key. Entries are also never kept beyond `next_due`. Each request reads the version alone, and
the times with it only when the version has changed or a time has come since they were read
(library.models.versions): a write that changes publication times without bumping the version
is not seen, like any other write that skips the bump.

The cache only speeds things up: when it fails, pages render uncached (the state comes from the
database).
"""

import contextvars
import hashlib
import logging
from datetime import UTC, datetime
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)


def bump_public_version(**_signal_kwargs):
    """Call after any write that changes what the public sees (model signals do it for you;
    call it yourself after `QuerySet.update()` or raw SQL on public content)."""
    from library.models import PublicVersion

    PublicVersion.objects.replace()
    if _this_request.get() is not _NOT_IN_A_REQUEST:
        _this_request.set(None)  # what this request reads next includes its own change


class PublicState:
    """What keys the public's cache: the version and the publication times around now."""

    def __init__(self, version, latest_due, next_due):
        self.version = version
        self.latest_due = latest_due
        self.next_due = next_due

    @property
    def token(self) -> str:
        due = self.latest_due.timestamp() if self.latest_due else 0
        return f"{self.version}:{due}"

    @property
    def last_modified(self) -> datetime:
        changed = datetime.fromtimestamp(self.version / 1e9, tz=UTC)
        return max(changed, self.latest_due) if self.latest_due else changed

    def seconds_left(self, wanted: int, now: datetime) -> int:
        """`wanted`, cut short so an entry never outlives the next scheduled publication."""
        if self.next_due is None:
            return wanted
        return min(wanted, int((self.next_due - now).total_seconds()))


# The state is read once per request: the facet index, the page cache, the detail page's ETag and
# the cards all ask for it, and one request should see one state. A new request reads it afresh.
_NOT_IN_A_REQUEST = object()
_this_request = contextvars.ContextVar("public_state", default=_NOT_IN_A_REQUEST)


def _request_begins(**_kwargs):
    _this_request.set(None)


def _request_ends(**_kwargs):
    _this_request.set(_NOT_IN_A_REQUEST)


request_started.connect(_request_begins, dispatch_uid="library-public-state-begins")
request_finished.connect(_request_ends, dispatch_uid="library-public-state-ends")


def public_state() -> PublicState:
    from library.models import PublicVersion

    remembered = _this_request.get()
    if isinstance(remembered, PublicState):
        return remembered
    state = PublicState(*PublicVersion.objects.current(timezone.now()))
    if remembered is None:  # inside a request
        _this_request.set(state)
    return state


def cache_public_page(view):
    """Keep the rendered page for anonymous readers, keyed by the public state, the interface
    language and the full address. Signed-in people, readers with pending messages and pages
    that set a cookie (a CSRF token) are always rendered afresh and never stored."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _shared_page_request(request):
            return view(request, *args, **kwargs)
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if seconds <= 0:
            return _mark_public(view(request, *args, **kwargs))
        try:
            state = public_state()
            language = translation.get_language() or ""
            key = "library:page:" + _digest(state.token, language, request.get_full_path())
            stored = cache.get(key)
        except Exception:
            logger.exception("Cache unavailable; rendering %s without it", request.path)
            return view(request, *args, **kwargs)
        if stored is not None:
            content, content_type = stored
            response = HttpResponse(content, content_type=content_type)
            response["X-Cache"] = "hit"
            return _mark_public(response)
        started = timezone.now()
        response = view(request, *args, **kwargs)
        if _storable(request, response):
            ttl = state.seconds_left(seconds, started)
            if ttl > 0:
                _quietly(cache.set, key, (response.content, response["Content-Type"]), ttl)
            response["X-Cache"] = "miss"
        return _mark_public(response) if response.status_code == 200 else response

    return wrapped


def _shared_page_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and not len(messages.get_messages(request))
    )


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Cache-Control")
    )


def _mark_public(response):
    # Shared caches may keep the page but must revalidate every time (the ETag makes that
    # cheap), so unpublishing takes effect at once everywhere.
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, no_cache=True)
    return response


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _quietly(function, *args):
    try:
        return function(*args)
    except Exception:
        logger.exception("Cache unavailable (%s)", function.__name__)
        return None
