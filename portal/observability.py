"""Request ids and JSON-lines logs.

Every request gets an id: the incoming X-Request-ID when it is a sane token (set by the proxy,
so one id follows a request through proxy, app and logs), else a fresh random one. The id is
echoed in the response's X-Request-ID header and added to every log record written while the
request is handled.
"""

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished

NO_REQUEST = "-"
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,127}")

_current_request_id = contextvars.ContextVar("request_id", default=NO_REQUEST)


def current_request_id() -> str:
    return _current_request_id.get()


def request_id_from(incoming: str | None) -> str:
    if incoming and SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Outermost middleware, so even a 500 or a redirect by a later middleware carries the id.

    The id stays current until the response is closed (request_finished), because Django logs
    4xx responses after the middleware chain has returned."""

    def __init__(self, get_response):
        self.get_response = get_response
        request_finished.connect(_forget_request_id, dispatch_uid="portal-forget-request-id")

    def __call__(self, request):
        request.request_id = request_id_from(request.headers.get("X-Request-ID"))
        _current_request_id.set(request.request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


def _forget_request_id(**kwargs):
    _current_request_id.set(NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a dash outside requests)."""

    def filter(self, record):
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id()
        return True
