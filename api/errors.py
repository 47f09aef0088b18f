"""Every refusal of the API as JSON: {"error": {"status", "message", "parameters"?}}.

A bad query parameter is a 400 naming the parameter and what it takes; an unknown address a
404; too many requests a 429 with `Retry-After`. Nothing a client sends gives a 500."""

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


class BadParameters(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "A query parameter is not understood."

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = {name: [str(message) for message in messages] for name, messages in errors.items()}
        names = ", ".join(sorted(self.errors))
        super().__init__(f"Not understood: {names}. See `parameters` for what each one takes.")


def body(status_code, message, **extra):
    return {"error": {"status": status_code, "message": str(message), **extra}}


def json_error_handler(exc, context):
    if isinstance(exc, BadParameters):
        response = Response(body(400, exc.detail, parameters=exc.errors), status=400)
    elif isinstance(exc, Http404 | exceptions.NotFound):
        response = Response(body(404, "Nothing public is found at this address."), status=404)
    elif isinstance(exc, exceptions.Throttled):
        response = exception_handler(exc, context)
        wait = max(1, round(exc.wait or 1))
        response["Retry-After"] = str(wait)
        response.data = body(
            429, f"Too many requests from your address; try again in {wait} s.", retry_after=wait
        )
    else:
        response = exception_handler(exc, context)
        if response is None:
            return None
        detail = response.data.get("detail", exc) if isinstance(response.data, dict) else exc
        response.data = body(response.status_code, detail)
    response["Cache-Control"] = "no-store" if response.status_code == 429 else "public, no-cache"
    return response
