"""The read-only JSON API: /api/v1/resources/, /api/v1/resources/<slug>/, /api/v1/themes/,
/api/v1/events/ and /api/v1/events/<slug>/ (api.events: the events pages' gate and filters).

Every answer goes through the gate of the public pages (Resource.objects.published()) and the
list through the pages' own filter code (library.filters, library.listing): the same parameters
mean the same results. Answers are anonymous (no session, no CSRF) and cacheable (api.conditional).
"""

from csp.decorators import csp_update
from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api import events as event_api
from api import paging
from api.conditional import conditional
from api.errors import BadParameters
from api.parameters import LIST_FIELDS, validated
from api.schema import list_parameters
from api.serializers import ResourceDetailSerializer, ResourceSummarySerializer, ThemeSerializer
from events import listing as event_listing
from events.models import Event
from library.facets import facets_for_display
from library.listing import Listing
from library.models import Resource
from library.models.resources import KIND_URL_SEGMENTS
from library.views import public_detail_or_404, themes_with_counts

# the relations each list field reads (prefetched only when the field is asked for)
RELATIONS = {"themes": "themes", "countries": "countries", "tags": "tags"}

ERROR = inline_serializer(
    "Error",
    {
        "error": inline_serializer(
            "ErrorBody",
            {
                "status": serializers.IntegerField(),
                "message": serializers.CharField(),
                "parameters": serializers.DictField(
                    child=serializers.ListField(child=serializers.CharField()), required=False
                ),
            },
        )
    },
)
FACET_CHOICE = inline_serializer(
    "FacetChoice",
    {
        "value": serializers.CharField(),
        "label": serializers.CharField(),
        "count": serializers.IntegerField(),
        "selected": serializers.BooleanField(),
    },
)
RESOURCE_PAGE = inline_serializer(
    "ResourcePage",
    {
        "count": serializers.IntegerField(help_text="results in all pages"),
        "next": serializers.URLField(allow_null=True, help_text="the next page; null on the last"),
        "results": ResourceSummarySerializer(many=True),
        "facets": serializers.DictField(
            child=serializers.ListField(child=FACET_CHOICE),
            required=False,
            help_text="with ?facets=: per facet, each value with its count of results",
        ),
    },
)


class OpenDataView(APIView):
    """Anonymous and in the default language whatever the reader's cookie says, so every client
    gets the same answer for the same address."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return super().dispatch(request, *args, **kwargs)


@method_decorator(conditional, name="dispatch")
class ResourceList(OpenDataView):
    @extend_schema(
        operation_id="resources_list",
        summary="Published resources, filtered, searched and sorted like the library's list pages",
        description=(
            "The query parameters of the library's list pages, with the same meanings (q, kind, theme, "
            "tag, country, region, language, year_from, year_to, sort); `page` is replaced by `cursor`. "
            "A parameter not understood is a 400 naming it."
        ),
        parameters=list_parameters(),
        responses={200: RESOURCE_PAGE, 400: OpenApiResponse(ERROR), 429: OpenApiResponse(ERROR)},
    )
    def get(self, request):
        filterset, options = validated(request.query_params, queryset=Resource.objects.published())
        listing = Listing(filterset)
        sort = filterset.chosen_sort
        if sort == "relevance" and not filterset.parsed_query.groups:
            sort = "newest"  # nothing to rank by: as the pages do
        try:
            cursor = paging.decode(options["cursor"], sort) if options["cursor"] else None
        except paging.BadCursor as error:
            raise BadParameters({"cursor": [str(error)]}) from None
        size = options["page_size"] or settings.API_PAGE_SIZE
        ids, following = paging.page(listing, sort, cursor, size)
        fields = options["fields"] or list(LIST_FIELDS)
        data = {
            "count": listing.total,
            "next": self._address(request, following),
            "results": ResourceSummarySerializer(
                self._resources(ids, fields), many=True, fields=fields, context={"request": request}
            ).data,
        }
        if options["facets"]:
            data["facets"] = self._facets(listing, filterset, request, options["facets"])
        return Response(data)

    @staticmethod
    def _resources(ids, fields):
        # the publication test again, as the pages do: the one gate
        found = Resource.objects.published().filter(id__in=ids)
        relations = [RELATIONS[name] for name in fields if name in RELATIONS]
        by_id = found.prefetch_related(*relations).in_bulk()
        return [by_id[resource_id] for resource_id in ids if resource_id in by_id]

    @staticmethod
    def _address(request, following):
        if following is None:
            return None
        params = request.GET.copy()
        params["cursor"] = paging.encode(following)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    @staticmethod
    def _facets(listing, filterset, request, names):
        shown = facets_for_display(listing.facet_counts(), filterset)
        by_name = {facet.name: facet for facet in shown}
        return {
            name: [
                {"value": c.value, "label": c.label, "count": c.count, "selected": c.selected}
                for c in (by_name[name].choices if name in by_name else [])
            ]
            for name in names
        }


@method_decorator(conditional, name="dispatch")
class ResourceDetail(OpenDataView):
    @extend_schema(
        operation_id="resources_retrieve",
        summary="One published resource with everything its public page shows",
        description="Files are listed with size, type, checksum and download address; a partner-only "
        "file is marked `access: partners` (its download asks for a partner sign-in).",
        responses={200: ResourceDetailSerializer, 404: OpenApiResponse(ERROR), 429: OpenApiResponse(ERROR)},
    )
    def get(self, request, slug):
        kind = Resource.objects.published().filter(slug=slug).values_list("kind", flat=True).first()
        if kind is None:
            raise Http404
        resource, related, language_versions = public_detail_or_404(KIND_URL_SEGMENTS[kind], slug)
        context = {"request": request, "related": related, "language_versions": language_versions}
        return Response(ResourceDetailSerializer(resource, context=context).data)


@method_decorator(conditional, name="dispatch")
class ThemeList(OpenDataView):
    @extend_schema(
        operation_id="themes_list",
        summary="The library's themes, each with its number of public resources",
        description="The fixed list of themes, in the library's order.",
        responses={200: ThemeSerializer(many=True), 429: OpenApiResponse(ERROR)},
    )
    def get(self, request):
        if request.query_params:
            raise BadParameters({name: ["This list takes no parameters."] for name in request.query_params})
        return Response(ThemeSerializer(themes_with_counts(), many=True, context={"request": request}).data)


EVENT_PAGE = inline_serializer(
    "EventPage",
    {
        "count": serializers.IntegerField(help_text="results in all pages"),
        "next": serializers.URLField(allow_null=True, help_text="the next page; null on the last"),
        "results": event_api.EventSummarySerializer(many=True),
    },
)


@event_api.events_conditional
class EventList(OpenDataView):
    content_negotiation_class = event_api.FormatIsAFilter

    @extend_schema(
        operation_id="events_list",
        summary="Public events, filtered like the events lists (upcoming or past)",
        description=(
            "The query parameters of /events/ with the same meanings (theme, format, country, region, "
            "language, month); `when=past` is the list of /events/past/. Cancelled events are left out, "
            "as on those lists. `page` is replaced by `cursor`. A parameter not understood is a 400 naming it."
        ),
        parameters=event_api.list_parameters(),
        responses={200: EVENT_PAGE, 400: OpenApiResponse(ERROR), 429: OpenApiResponse(ERROR)},
    )
    def get(self, request):
        filterset, options = event_api.validated(request.query_params)
        when = options["when"] or "upcoming"
        worked = event_listing.EventListing.worked_out(filterset, past=when == "past")
        try:
            cursor = paging.decode(options["cursor"], f"events-{when}") if options["cursor"] else None
        except paging.BadCursor as error:
            raise BadParameters({"cursor": [str(error)]}) from None
        rows = {row.id: row for row in event_listing.public_rows()}
        size = options["page_size"] or settings.API_PAGE_SIZE
        ids, following = event_api.page(worked.ids, rows, when, cursor, size)
        # the gate again, as the pages do
        by_id = Event.objects.public().filter(id__in=ids).in_bulk()
        found = [by_id[pk] for pk in ids if pk in by_id]
        context = {
            "request": request,
            "themes": {pk: rows[pk].themes for pk in ids},
            "taken": event_api.taken_places(ids),
        }
        return Response(
            {
                "count": len(worked.ids),
                "next": ResourceList._address(request, following),
                "results": event_api.EventSummarySerializer(found, many=True, context=context).data,
            }
        )


@event_api.events_conditional
class EventDetail(OpenDataView):
    @extend_schema(
        operation_id="events_retrieve",
        summary="One public event with what its public page shows",
        description="Never personal data: no registrant, no joining link or details (those are for "
        "confirmed participants, on their own page), no capacity beyond `places_left`. A partner-only "
        "event is marked `access: partners`; a cancelled one `status: cancelled`.",
        responses={
            200: event_api.EventDetailSerializer,
            404: OpenApiResponse(ERROR),
            429: OpenApiResponse(ERROR),
        },
    )
    def get(self, request, slug):
        event = Event.objects.public().filter(slug=slug).prefetch_related("speakers").first()
        if event is None:
            raise Http404
        themes = set(event.themes.values_list("slug", flat=True))
        context = {
            "request": request,
            "themes": {event.pk: themes},
            "taken": event_api.taken_places([event.pk]),
        }
        return Response(event_api.EventDetailSerializer(event, context=context).data)


@method_decorator(conditional, name="dispatch")
class Root(OpenDataView):
    @extend_schema(exclude=True)
    def get(self, request):
        def link(name):
            return request.build_absolute_uri(reverse(name))

        return Response(
            {
                "resources": link("api:resource-list"),
                "themes": link("api:theme-list"),
                "events": link("api:event-list"),
                "schema": link("api:schema"),
                "documentation": link("api:docs"),
                "oai_pmh": link("harvest:oai"),
                "catalog": link("harvest:catalog"),
            }
        )


@method_decorator(conditional, name="dispatch")
class Schema(SpectacularAPIView):
    """The OpenAPI 3 schema, JSON by default (`?format=yaml` for YAML)."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiYamlRenderer]


# Swagger UI's stylesheet draws its small icons as data: SVG images; on this page alone the policy
# lets images come from data: too (an image cannot run script). Everything else stays 'self'.
DOCS_POLICY = {"img-src": ["data:"]}


@method_decorator(csp_update(DOCS_POLICY), name="dispatch")
class Documentation(SpectacularSwaggerSplitView):
    """Swagger UI from the sidecar's static files, its start-up script served as a file of its
    own (no inline script or style: the strict CSP holds)."""

    template_name = "api/swagger_ui.html"
    template_name_js = "api/swagger_ui_init.js"
    url_name = "api:schema"
    title = "Democracy resource library API"
