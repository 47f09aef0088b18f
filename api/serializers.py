"""What the API shows of a resource: the list's small set, and everything its public page shows.

A partner-only file is listed (title, size, type, checksum, the download address, which asks
for a partner sign-in) but its text never is: no serializer here reads `ResourceFile.text`.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from library.covers import rendition_url
from library.languages import CONTENT_LANGUAGES
from library.licences import LICENCE_CHOICES
from library.models.files import Access
from library.models.resources import Kind
from library.serving import content_type_for
from library.templatetags.library_tags import markdown


def absolute(context, path):
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class SlugList(serializers.Field):
    """A relation shown as the list of its members' slugs (or codes), read from the prefetch."""

    def __init__(self, *, slug_field, **kwargs):
        self.slug_field = slug_field
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.source).all()

    def to_representation(self, members):
        return [getattr(member, self.slug_field) for member in members]


class LicenceSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=LICENCE_CHOICES, help_text="SPDX identifier")
    name = serializers.CharField()
    url = serializers.URLField()


class TagSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ResourceSummarySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    title = serializers.CharField()
    summary = serializers.CharField()
    language = serializers.ChoiceField(choices=CONTENT_LANGUAGES, help_text="ISO 639-1")
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    licence = LicenceSerializer(source="licence_details")
    themes = SlugList(slug_field="slug", help_text="theme slugs")
    countries = SlugList(slug_field="code", help_text="ISO 3166-1 alpha-2 codes")
    tags = TagSerializer(many=True)
    url = serializers.SerializerMethodField(help_text="The resource's public page")
    api_url = serializers.SerializerMethodField(help_text="This resource in the API, with everything")

    def __init__(self, *args, fields=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fields:
            for name in set(self.fields) - set(fields):
                self.fields.pop(name)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, resource):
        return absolute(self.context, resource.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, resource):
        return absolute(self.context, reverse("api:resource-detail", kwargs={"slug": resource.slug}))


class FileSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uuid")
    title = serializers.CharField()
    language = serializers.ChoiceField(choices=CONTENT_LANGUAGES)
    format = serializers.CharField(help_text="PDF, DOCX, ...")
    media_type = serializers.SerializerMethodField()
    size = serializers.IntegerField(help_text="bytes")
    sha256 = serializers.CharField()
    access = serializers.ChoiceField(
        choices=Access.choices, help_text="`partners`: the download asks for a partner organisation's sign-in"
    )
    download_url = serializers.SerializerMethodField()

    def get_media_type(self, resource_file) -> str:
        return content_type_for(resource_file.file.name)

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, resource_file):
        return absolute(self.context, resource_file.get_absolute_url())


class LinkedResourceSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    title = serializers.CharField()
    language = serializers.ChoiceField(choices=CONTENT_LANGUAGES)
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, resource):
        return absolute(self.context, reverse("api:resource-detail", kwargs={"slug": resource.slug}))


class CoverSerializer(serializers.Serializer):
    url = serializers.URLField()
    alt = serializers.CharField()


class ResourceDetailSerializer(ResourceSummarySerializer):
    body = serializers.CharField(help_text="Markdown, as written")
    body_html = serializers.SerializerMethodField(help_text="The body as the page shows it (sanitised HTML)")
    cover = serializers.SerializerMethodField()
    files = FileSerializer(many=True)
    language_versions = serializers.SerializerMethodField()
    related = serializers.SerializerMethodField()
    details = serializers.SerializerMethodField(
        help_text="The fields of the resource's kind (a case study's organisation, project code, "
        "period, context, approach, results, lessons learned)"
    )

    def get_body_html(self, resource) -> str:
        return str(markdown(resource.body))

    @extend_schema_field(CoverSerializer(allow_null=True))
    def get_cover(self, resource):
        if not resource.cover:
            return None
        return {"url": absolute(self.context, rendition_url(resource, 1280)), "alt": resource.cover_alt}

    @extend_schema_field(LinkedResourceSerializer(many=True))
    def get_language_versions(self, resource):
        return LinkedResourceSerializer(
            self.context.get("language_versions", ()), many=True, context=self.context
        ).data

    @extend_schema_field(LinkedResourceSerializer(many=True))
    def get_related(self, resource):
        return LinkedResourceSerializer(self.context.get("related", ()), many=True, context=self.context).data

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_details(self, resource):
        meta = type(resource)._meta
        if meta.model_name == "resource":  # a kind without fields of its own
            return {}
        details = {}
        for field in meta.local_concrete_fields:
            if field.primary_key:
                continue
            value = getattr(resource, field.attname)
            details[field.name] = value.isoformat() if hasattr(value, "isoformat") else value
        return details


class ThemeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField(source="label")
    description = serializers.CharField()
    resource_count = serializers.IntegerField(help_text="public resources on this theme")
    url = serializers.SerializerMethodField()
    resources_url = serializers.SerializerMethodField(help_text="the API list of this theme's resources")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, theme):
        return absolute(self.context, theme.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_resources_url(self, theme):
        return absolute(self.context, reverse("api:resource-list") + f"?theme={theme.slug}")
