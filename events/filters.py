"""The events lists' query parameters (CONTRACT.md, "Second wave"), validated by one FilterSet.

The lists filter and count in Python over a compact index of the matching events (events.listing),
so the FilterSet's job is the validation and the form; `qs` filters in SQL the same way for
callers that want a queryset (the API).
"""

import re

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries
from django_filters.fields import ChoiceField

from events.models import Event, Format
from library.filters import OneOfManySelect, any_choice
from library.geography import REGIONS, countries_in_region
from library.languages import CONTENT_LANGUAGES
from library.themes import THEMES

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])\Z")


class MonthField(ChoiceField):
    """YYYY-MM; any such month is valid (choices only offer the months that have events)."""

    def valid_value(self, value):
        return bool(MONTH.match(str(value))) and 1900 <= int(str(value)[:4]) <= 2100

    def validate(self, value):
        if value in self.empty_values:
            return
        if not self.valid_value(value):
            raise forms.ValidationError(_("Give the month as YYYY-MM, for example 2027-03."), code="invalid")


class MonthFilter(django_filters.ChoiceFilter):
    field_class = MonthField


class EventFilter(django_filters.FilterSet):
    theme = django_filters.MultipleChoiceFilter(
        label=_("Theme"), choices=THEMES, method="filter_theme", widget=forms.CheckboxSelectMultiple
    )
    format = django_filters.MultipleChoiceFilter(
        label=_("Format"), choices=Format.choices, method="filter_format", widget=forms.CheckboxSelectMultiple
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"), method="filter_country", choices=[], widget=OneOfManySelect
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        method="filter_region",
        empty_label=_("Any region"),
        choices=[(slug, name) for slug, (name, _p) in REGIONS.items()],
    )
    language = django_filters.MultipleChoiceFilter(
        label=_("Language"), method="filter_language", choices=[], widget=OneOfManySelect
    )
    month = MonthFilter(label=_("Month"), method="filter_month", empty_label=_("Any month"), choices=[])

    class Meta:
        model = Event
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["country"].choices = any_choice(_("Any country")) + list(all_countries)
        self.form.fields["language"].choices = any_choice(_("Any language")) + list(CONTENT_LANGUAGES)

    @property
    def values(self):
        """The valid filters, as {name: value}; a bad value is left out (the page says so, 400)."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 - validates the form
        return {k: v for k, v in self.form.cleaned_data.items() if v not in (None, "", [])}

    def offered(self, name, values, labels):
        """The drop-down's choices: these values (those the list has) and the chosen ones."""
        chosen = self.values.get(name) or []
        chosen = chosen if isinstance(chosen, list) else [chosen]
        offered = sorted({*values, *chosen})
        first = self.form.fields[name].choices[0:1] if name != "month" else [("", _("Any month"))]
        return first + [(value, labels(value)) for value in offered]

    def offer(self, name, choices):
        self.form.fields[name].choices = choices

    # SQL, for callers that want a queryset (languages are a JSON list: matched in Python by the lists)
    def filter_theme(self, queryset, name, value):
        return queryset.filter(themes__slug__in=value).distinct() if value else queryset

    def filter_format(self, queryset, name, value):
        return queryset.filter(format__in=value) if value else queryset

    def filter_country(self, queryset, name, value):
        return queryset.filter(country_id__in=value) if value else queryset

    def filter_region(self, queryset, name, value):
        return queryset.filter(country_id__in=countries_in_region(value)) if value else queryset

    def filter_language(self, queryset, name, value):
        if not value:
            return queryset
        from events import listing

        return queryset.filter(id__in=listing.ids_with_languages(queryset, value))

    def filter_month(self, queryset, name, value):
        if not value:
            return queryset
        from events import listing

        return queryset.filter(id__in=listing.ids_in_month(queryset, value))
