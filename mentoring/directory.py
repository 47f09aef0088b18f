"""The directory's page of results and its facet counts, in a fixed number of queries."""

from django.db.models import Count, Prefetch

from library.facets import facet_of_filter
from library.geography import REGIONS, TOP_REGIONS, country_names
from library.languages import LANGUAGE_NAMES
from library.pagination import page_or_answer
from library.themes import THEME_NAMES
from mentoring.filters import MentorFilter
from mentoring.models import MentorLanguage, MentorProfile, MentorRegion

PAGE_SIZE = 20


def base_queryset():
    return MentorProfile.objects.listed().with_room()


def page_of_mentors(request, filterset, params):
    """(the page, None), or (None, the 400/404 answer) for a page number that is none or past the end."""
    queryset = filterset.qs.order_by("display_name", "id").prefetch_related(
        Prefetch("themes"),
        Prefetch("languages", queryset=MentorLanguage.objects.order_by("code")),
        Prefetch("region_index", queryset=MentorRegion.objects.filter(region__in=TOP_REGIONS)),
    )
    return page_or_answer(request, queryset, PAGE_SIZE, params)


def _counts(filterset, facet):
    """value -> number of listed mentors that choosing it would give, with the other filters on."""
    ids = filterset.filtered_without(base_queryset(), facet).values("pk")
    if facet == "theme":
        rows = MentorProfile.themes.through.objects.filter(mentorprofile_id__in=ids).values_list(
            "theme__slug"
        )
    elif facet == "country":
        rows = MentorProfile.countries.through.objects.filter(mentorprofile_id__in=ids).values_list(
            "country_id"
        )
    elif facet == "language":
        rows = MentorLanguage.objects.filter(profile_id__in=ids).values_list("code")
    else:
        rows = MentorRegion.objects.filter(profile_id__in=ids).values_list("region")
    return dict(rows.annotate(count=Count("pk")).order_by())


def facets(filterset):
    """The panel's facets (library.facets): each a single choice, "Any ..." first, every value
    with results counted with the other filters on, the chosen value first."""
    labels = {
        "theme": THEME_NAMES,
        "region": {slug: name for slug, (name, _parent) in REGIONS.items()},
        "language": LANGUAGE_NAMES,
        "country": country_names(),
    }
    shown = (
        facet_of_filter(
            filterset,
            name,
            _counts(filterset, name),
            lambda value, names=labels[name]: names.get(value, value),
        )
        for name in MentorFilter.FACETS
    )
    return [one for one in shown if one]
