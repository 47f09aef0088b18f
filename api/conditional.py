"""HTTP caching of open-data answers: ETag, Last-Modified, 304s and a Cache-Control a CDN can use.

Every answer is a function of the address and of what is public, so the validators come from
the public state (library.cache): one small query, before any work. A client (or CDN) whose
copy is current gets a 304 without the answer being built again. Browsers always revalidate
(max-age=0); shared caches may keep an answer for API_SHARED_CACHE_SECONDS, never past the next
scheduled publication.
"""

import hashlib
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from library.cache import public_state

# part of every ETag: a release that changes what an answer holds makes every old copy stale
ANSWER_FORMAT = "api-1"


def validators(request, state, extra=""):
    digest = hashlib.sha256(
        f"{ANSWER_FORMAT}\x1f{state.token}\x1f{extra}\x1f{request.get_full_path()}".encode()
    )
    etag = f'"{digest.hexdigest()[:40]}"'
    # whole seconds, sent once its second is over: a later change always carries a later time
    changed = state.last_modified.replace(microsecond=0)
    last_modified = changed if timezone.now() >= changed + timedelta(seconds=1) else None
    return etag, last_modified


def cache_headers(response, state, *, etag, last_modified, cap=None):
    seconds = state.seconds_left(settings.API_SHARED_CACHE_SECONDS, timezone.now())
    if cap is not None:
        seconds = min(seconds, cap)
    response["Cache-Control"] = (
        f"public, max-age=0, s-maxage={seconds}" if seconds > 0 else "public, no-cache"
    )
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return response


def conditional(view, *, more_state=None):
    """Answer GET and HEAD with validators and 304s; other methods go straight to the view
    (which refuses them).

    `more_state()`, for answers that change with more than the public version (the events:
    places left, an event's registration closing), returns (text, seconds it holds for or None):
    the text joins the ETag, the seconds cap s-maxage, and no Last-Modified is sent (the public
    version's time does not tell when such an answer changed)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        state = public_state()
        extra, cap = more_state() if more_state else ("", None)
        etag, last_modified = validators(request, state, extra)
        if more_state:
            last_modified = None
        response = get_conditional_response(
            request, etag=etag, last_modified=last_modified and int(last_modified.timestamp())
        )
        headers = {"etag": etag, "last_modified": last_modified, "cap": cap}
        if response is not None:
            return cache_headers(response, state, **headers)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            cache_headers(response, state, **headers)
        return response

    return wrapped
