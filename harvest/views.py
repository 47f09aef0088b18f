"""/oai/ (OAI-PMH 2.0, GET and POST) and /catalog.jsonld (the library described as a data catalogue)."""

from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from api.conditional import conditional
from api.throttling import HarvestThrottle
from harvest import protocol
from harvest.xmlwriting import CLOSING, opening
from library.licences import LICENCES, default_licence

XML = "text/xml; charset=utf-8"


def _throttled(request):
    """Harvesters are told to wait as the OAI-PMH guidelines say: 503 with Retry-After."""
    throttle = HarvestThrottle()
    if throttle.allow_request(request, None):
        return None
    wait = max(1, round(throttle.wait() or 1))
    response = HttpResponse(
        f"Too many requests from your address; try again in {wait} s.\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # OAI-PMH allows POST; it changes nothing, and no session is read
@require_http_methods(["GET", "HEAD", "POST"])
@conditional
def oai(request):
    refused = _throttled(request)
    if refused:
        return refused
    params = request.POST if request.method == "POST" else request.GET
    base_url = request.build_absolute_uri(reverse("harvest:oai"))
    response_date = protocol.stamp(datetime.now(UTC))
    try:
        answer = protocol.handle(params, request.build_absolute_uri)
        echoed, parts = answer.arguments, answer.parts
    except protocol.OAIError as error:
        # badVerb and badArgument echo no arguments (the protocol says so); other errors echo them
        keep = error.code not in ("badVerb", "badArgument")
        echoed = {k: v for k, v in params.items() if k in protocol.REQUEST_ATTRIBUTES} if keep else {}
        parts = protocol.error_parts(error)
    body = "".join([opening(response_date, echoed, base_url), *parts, CLOSING])
    return HttpResponse(body.encode(), content_type=XML)


@require_http_methods(["GET", "HEAD"])
@conditional
def catalog(request):
    """The library as a schema.org DataCatalog: one Dataset (its records) in the forms it is
    offered: the JSON API, OAI-PMH, CSV and Atom."""

    def link(name):
        return request.build_absolute_uri(reverse(name))

    licence = LICENCES[default_licence()]
    home = request.build_absolute_uri("/")
    data = {
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "@id": link("harvest:catalog"),
        "name": settings.PUBLIC_SITE_NAME,
        "description": (
            "Toolkits, guides and case studies on elections, participation, media freedom, the rule "
            "of law and community action, written from the projects of a democracy fund."
        ),
        "url": home,
        "inLanguage": [code for code, _name in settings.LANGUAGES],
        "publisher": {"@type": "Organization", "name": settings.PUBLIC_SITE_NAME, "url": home},
        "license": licence.url,
        "dataset": [
            {
                "@type": "Dataset",
                "name": f"{settings.PUBLIC_SITE_NAME}: resource records",
                "description": "Every published resource: title, summary, kind, themes, countries, "
                "language, licence, files; updated as the library changes.",
                "url": link("library:list"),
                "license": licence.url,
                "isAccessibleForFree": True,
                "creator": {"@type": "Organization", "name": settings.PUBLIC_SITE_NAME},
                "distribution": [
                    {
                        "@type": "DataDownload",
                        "name": "JSON API (OpenAPI 3)",
                        "encodingFormat": "application/json",
                        "contentUrl": link("api:resource-list"),
                        "description": f"Schema: {link('api:schema')}",
                    },
                    {
                        "@type": "DataDownload",
                        "name": "OAI-PMH 2.0 (oai_dc)",
                        "encodingFormat": "text/xml",
                        "contentUrl": link("harvest:oai") + "?verb=Identify",
                    },
                    {
                        "@type": "DataDownload",
                        "name": "CSV",
                        "encodingFormat": "text/csv",
                        "contentUrl": link("library:export-csv"),
                    },
                    {
                        "@type": "DataDownload",
                        "name": "Atom feed",
                        "encodingFormat": "application/atom+xml",
                        "contentUrl": link("library:latest-feed"),
                    },
                ],
            }
        ],
    }
    return JsonResponse(data, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False})
