"""The directory's page of results and its facet counts, in a fixed number of queries."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch

from library.geography import REGIONS, TOP_REGIONS
from library.languages import LANGUAGE_NAMES
from library.link_facets import Choice, Facet
from library.models import Country
from library.themes import THEME_NAMES
from mentoring.filters import MentorFilter
from mentoring.models import MentorLanguage, MentorProfile, MentorRegion

PAGE_SIZE = 20
FACET_TITLES = {}


def base_queryset():
    return MentorProfile.objects.listed().with_room()


def page_of_mentors(filterset, page_number):
    queryset = filterset.qs.order_by("display_name", "id").prefetch_related(
        Prefetch("themes"),
        Prefetch("languages", queryset=MentorLanguage.objects.order_by("code")),
        Prefetch("region_index", queryset=MentorRegion.objects.filter(region__in=TOP_REGIONS)),
    )
    return Paginator(queryset, PAGE_SIZE).get_page(page_number)


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


def facets(filterset, params):
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    labels = {
        "theme": THEME_NAMES,
        "region": {slug: name for slug, (name, _parent) in REGIONS.items()},
        "language": LANGUAGE_NAMES,
        "country": {},
    }
    shown = []
    for name in MentorFilter.FACETS:
        counts = _counts(filterset, name)
        chosen = data.get(name) or ""
        choices = []
        for value, count in counts.items():
            if not count:
                continue
            label = labels[name].get(value) or (Country(code=value).name if name == "country" else value)
            query = params.copy()
            query.pop("page", None)
            if value == chosen:
                query.pop(name, None)
            else:
                query[name] = value
            choices.append(Choice(value, str(label), count, value == chosen, query.urlencode()))
        choices.sort(key=lambda c: (-c.count, c.label))
        if choices:
            shown.append(Facet(name, filterset.form.fields[name].label, choices))
    return shown
