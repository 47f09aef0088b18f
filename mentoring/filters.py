"""The directory's query parameters: q, theme, region, country, language, room, page.

Every parameter is validated by the FilterSet's form; a value it does not understand makes the
page answer 400 with the reason beside the filters, never a 500.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from library.geography import REGIONS
from library.languages import CONTENT_LANGUAGES
from library.themes import THEMES
from mentoring.models import MentorLanguage, MentorProfile, MentorRegion

MAX_QUERY_LENGTH = 200


class MentorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search names and biographies"), method="filter_q", max_length=MAX_QUERY_LENGTH, strip=True
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), choices=THEMES, empty_label=_("Any theme"), method="filter_theme"
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        choices=[(slug, name) for slug, (name, _p) in REGIONS.items()],
        empty_label=_("Any region"),
        method="filter_region",
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=list(all_countries), empty_label=_("Any country"), method="filter_country"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=CONTENT_LANGUAGES,
        empty_label=_("Any language"),
        method="filter_language",
    )
    room = django_filters.BooleanFilter(
        label=_("Only mentors with room for a mentee"),
        method="filter_room",
        widget=forms.CheckboxInput,
    )

    FACETS = ("theme", "region", "country", "language")

    class Meta:
        model = MentorProfile
        fields = []

    def filter_q(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(Q(display_name__icontains=word) | Q(biography__icontains=word))
        return queryset

    # each a subquery on its own table, so no join multiplies the rows of the list
    def filter_theme(self, queryset, name, value):
        through = MentorProfile.themes.through.objects.filter(theme__slug=value)
        return queryset.filter(pk__in=through.values("mentorprofile_id"))

    def filter_region(self, queryset, name, value):
        return queryset.filter(pk__in=MentorRegion.objects.filter(region=value).values("profile_id"))

    def filter_country(self, queryset, name, value):
        through = MentorProfile.countries.through.objects.filter(country_id=value)
        return queryset.filter(pk__in=through.values("mentorprofile_id"))

    def filter_language(self, queryset, name, value):
        return queryset.filter(pk__in=MentorLanguage.objects.filter(code=value).values("profile_id"))

    def filter_room(self, queryset, name, value):
        if value:
            return queryset.filter(accepting=True, room__gt=0)
        return queryset

    def filtered_without(self, queryset, facet):
        """The queryset narrowed by every valid filter except `facet` (for that facet's counts)."""
        for name, value in self.form.cleaned_data.items():
            if name == facet or value in (None, "", False):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def chosen(self, name):
        return self.form.cleaned_data.get(name) if self.is_valid() else None
