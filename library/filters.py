"""The list views' query parameters (see CONTRACT.md), validated by one FilterSet."""

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries
from taggit.models import Tag

from library import search
from library.geography import REGIONS, countries_in_region
from library.languages import CONTENT_LANGUAGES
from library.models import Country, Resource, TaggedResource
from library.models.resources import Kind
from library.themes import THEMES

SORT_CHOICES = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("title", _("Title A–Z")),
    ("popular", _("Most downloaded")),
]
ORDERINGS = {
    "newest": ("-published_at", "-id"),
    "oldest": ("published_at", "id"),
    "title": ("title", "id"),
    "popular": ("-download_count", "-published_at", "-id"),
}
MAX_QUERY_LENGTH = 10_000
YEAR_MIN, YEAR_MAX = 1900, 2100

tag_slug = RegexValidator(r"^[-\w]+\Z", _("A tag is named by its slug: letters, digits, hyphens."))


class SlugListField(forms.MultipleChoiceField):
    """Repeatable free-form slug values (tags are open-ended, so no fixed choices)."""

    def valid_value(self, value):
        return True

    def validate(self, value):
        super().validate(value)
        for item in value:
            tag_slug(item)


class SlugListFilter(django_filters.MultipleChoiceFilter):
    field_class = SlugListField


class OneOfManySelect(forms.Select):
    """A single drop-down whose parameter may still be repeated in the address (?country=KE&country=UG)."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return [value for value in values if value]


COUNTRY_CODES = frozenset(all_countries.countries)


class CountryCodesField(forms.MultipleChoiceField):
    """ISO 3166 codes, checked against a set: the names are the panel's and the chips' to write.
    A list of a couple of hundred choices would be copied, normalised and scanned on every request
    (a fifth of a filtered list's time), and translating every name a tenth more."""

    def valid_value(self, value):
        return value in COUNTRY_CODES


class CountryCodesFilter(django_filters.MultipleChoiceFilter):
    """?country=KE&country=UG: any ISO code is valid (a panel offers those with results)."""

    field_class = CountryCodesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", OneOfManySelect)
        super().__init__(*args, **kwargs)


def any_choice(label):
    return [("", label)]


class FixedChoices(BaseChoiceIterator):
    """Choices that never change, shared by every copy of a field: Django deep-copies each
    form's fields, and their choices with them, on every request (and django-filter its filters
    before that), which took most of the time a list spent on its parameters."""

    def __init__(self, choices):
        self._choices = tuple(normalize_choices(choices))

    def __iter__(self):
        return iter(self._choices)

    def __len__(self):
        return len(self._choices)

    def __deepcopy__(self, memo):
        return self


# fixed choices the lists share
THEME_CHOICES = FixedChoices(THEMES)  # the fixed themes (loaded by a migration): no query needed
REGION_CHOICES = FixedChoices((slug, name) for slug, (name, _p) in REGIONS.items())


class FormBuiltOnce:
    """For a FilterSet whose fields are the same on every request (fixed choices, nothing read
    per request): django-filter builds a form class from new fields each time; this builds it
    once per FilterSet class and set of filters. Each form still copies its fields, as any
    Django form does, so one form's changes stay its own."""

    _form_classes = {}  # (FilterSet class, names of its filters) -> form class

    def get_form_class(self):
        key = (type(self), tuple(self.filters))
        form_class = self._form_classes.get(key)
        if form_class is None:
            form_class = self._form_classes[key] = super().get_form_class()
        return form_class


class ResourceFilter(FormBuiltOnce, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_q", max_length=MAX_QUERY_LENGTH, strip=True
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"), choices=FixedChoices(Kind.choices), widget=forms.CheckboxSelectMultiple
    )
    theme = django_filters.MultipleChoiceFilter(
        label=_("Theme"),
        method="filter_theme",
        choices=THEME_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    # Tags are chosen from tag links and removed with the active-filter links; the form only carries
    # them along (an empty multiple select would be a dead end, and would drop them on submit).
    tag = SlugListFilter(label=_("Tag"), method="filter_tag", widget=forms.MultipleHiddenInput)
    country = CountryCodesFilter(label=_("Country"), method="filter_country")
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        method="filter_region",
        empty_label=_("Any region"),
        choices=REGION_CHOICES,
    )
    language = django_filters.MultipleChoiceFilter(
        label=_("Language"),
        choices=FixedChoices(any_choice(_("Any language")) + CONTENT_LANGUAGES),
        widget=OneOfManySelect,
    )
    year_from = django_filters.NumberFilter(
        label=_("From year"),
        field_name="published_at",
        lookup_expr="year__gte",
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
    )
    year_to = django_filters.NumberFilter(
        label=_("To year"),
        field_name="published_at",
        lookup_expr="year__lte",
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=FixedChoices(SORT_CHOICES), method="filter_sort", empty_label=None
    )

    class Meta:
        model = Resource
        fields = []

    def __init__(self, *args, fixed_kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_kind = fixed_kind
        if fixed_kind:
            del self.filters["kind"]

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            queryset = super().qs
            if "sort" not in self.form.cleaned_data or not self.form.cleaned_data.get("sort"):
                queryset = self.filter_sort(queryset, "sort", self.default_sort)
            self._qs = queryset
        return self._qs

    @property
    def query(self):
        return self.form.cleaned_data.get("q", "") if self.is_bound and self.form.is_valid() else ""

    @cached_property
    def parsed_query(self):
        """The search query, parsed once; empty when there is none (or nothing in it to search)."""
        return search.parse(self.query)

    def active_parameters(self) -> set[str]:
        """Names of the filters that narrow the list (sort does not)."""
        if not self.is_bound:
            return set()
        self.errors  # noqa: B018 - validates the form, so cleaned_data holds the readable values
        return {
            name
            for name, value in self.form.cleaned_data.items()
            if name != "sort" and value not in (None, "", [])
        }

    def filtered_without(self, *names):
        """The base queryset with every active filter except these (and unsorted): what a facet
        counts over."""
        queryset = self.queryset.all()
        for name in self.active_parameters() - {*names}:
            queryset = self.filters[name].filter(queryset, self.form.cleaned_data[name])
        return queryset

    @property
    def default_sort(self):
        return "relevance" if self.parsed_query.groups else "newest"

    @property
    def chosen_sort(self):
        return (
            self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else ""
        ) or self.default_sort

    def filter_q(self, queryset, name, value):
        return search.matching(queryset, self.parsed_query) if value else queryset

    def filter_theme(self, queryset, name, value):
        through = Resource.themes.through.objects.filter(theme__slug__in=value)
        return queryset.filter(id__in=through.values("resource_id")) if value else queryset

    def filter_tag(self, queryset, name, value):
        through = TaggedResource.objects.filter(tag__slug__in=value)
        return queryset.filter(id__in=through.values("content_object_id")) if value else queryset

    def filter_country(self, queryset, name, value):
        through = Resource.countries.through.objects.filter(country_id__in=value)
        return queryset.filter(id__in=through.values("resource_id")) if value else queryset

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        through = Resource.countries.through.objects.filter(country_id__in=countries_in_region(value))
        return queryset.filter(id__in=through.values("resource_id"))

    def filter_sort(self, queryset, name, value):
        if value == "relevance":
            if self.parsed_query.groups:
                return search.by_relevance(queryset, self.parsed_query)
            return queryset.order_by(*ORDERINGS["newest"])
        return queryset.order_by(*ORDERINGS.get(value, ORDERINGS["newest"]))


def active_filters(filterset, params):
    """Each applied filter value with its human label and the address of the list without it."""
    if not filterset.is_bound or not filterset.form.is_valid():
        return []
    chips = []
    data = filterset.form.cleaned_data
    tag_names = names_of_tags(data.get("tag"))
    for name, field in filterset.form.fields.items():
        if name == "sort":
            continue
        value = data.get(name)
        values = value if isinstance(value, list) else ([value] if value not in (None, "") else [])
        if not values:
            continue
        choices = dict(getattr(field, "choices", []) or [])  # none for countries: named below
        for item in values:
            remaining = params.copy()
            remaining.setlist(name, [v for v in params.getlist(name) if v != str(item)])
            remaining.pop("page", None)
            label = choices.get(str(item), item)
            if name == "country":
                label = Country(code=item).name
            elif name == "tag":
                label = tag_names.get(item, item)
            elif name in ("year_from", "year_to"):
                label = int(item)
            chips.append({"field": field.label, "value": label, "remove_query": remaining.urlencode()})
    return chips


def names_of_tags(slugs):
    """{slug: name} for the chosen tags, in one query (none without tags); a slug no tag has is
    left out, so its chip keeps the slug."""
    if not slugs:
        return {}
    return dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name"))
