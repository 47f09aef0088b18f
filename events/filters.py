"""The events lists' query parameters (CONTRACT.md, "Second wave"), validated by one FilterSet.

The lists filter and count in Python over a compact index of the matching events (events.listing,
which also builds their filter panel), so the FilterSet's job is the validation; `qs` filters in
SQL the same way for callers that want a queryset (the API).
"""

import re

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ChoiceField

from events.models import Event, Format
from library.filters import (
    REGION_CHOICES,
    THEME_CHOICES,
    CountryCodesFilter,
    FixedChoices,
    FormBuiltOnce,
    OneOfManySelect,
)
from library.geography import countries_in_region
from library.languages import CONTENT_LANGUAGES

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])\Z")


def is_month(value):
    return bool(MONTH.match(str(value))) and 1900 <= int(str(value)[:4]) <= 2100


class MonthField(ChoiceField):
    """YYYY-MM; any such month is valid (the panel offers the months that have events)."""

    def valid_value(self, value):
        return is_month(value)

    def validate(self, value):
        if value in self.empty_values:
            return
        if not self.valid_value(value):
            raise forms.ValidationError(_("Give the month as YYYY-MM, for example 2027-03."), code="invalid")


class MonthFilter(django_filters.ChoiceFilter):
    field_class = MonthField


class EventFilter(FormBuiltOnce, django_filters.FilterSet):
    theme = django_filters.MultipleChoiceFilter(
        label=_("Theme"),
        choices=THEME_CHOICES,
        method="filter_theme",
        widget=forms.CheckboxSelectMultiple,
    )
    format = django_filters.MultipleChoiceFilter(
        label=_("Format"),
        choices=FixedChoices(Format.choices),
        method="filter_format",
        widget=forms.CheckboxSelectMultiple,
    )
    country = CountryCodesFilter(label=_("Country"), method="filter_country")
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        method="filter_region",
        empty_label=_("Any region"),
        choices=REGION_CHOICES,
    )
    language = django_filters.MultipleChoiceFilter(
        label=_("Language"),
        method="filter_language",
        choices=FixedChoices(CONTENT_LANGUAGES),
        widget=OneOfManySelect,
    )
    month = MonthFilter(label=_("Month"), method="filter_month", empty_label=_("Any month"), choices=[])

    class Meta:
        model = Event
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        month = self.data.get("month") if self.is_bound else None
        if month and is_month(month):  # named for the chip that removes it ("March 2027")
            from events.listing import month_label

            self.form.fields["month"].choices = [(month, month_label(month))]

    @property
    def values(self):
        """The valid filters, as {name: value}; a bad value is left out (the page says so, 400)."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 - validates the form
        return {k: v for k, v in self.form.cleaned_data.items() if v not in (None, "", [])}

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
