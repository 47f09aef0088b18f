"""The in-memory facet index: kept while nothing public changes, renewed by any committed change
(from this process or another), untouched by a rolled-back one, renewed when a scheduled
resource comes due; and the lists it gives agree with the same filters in SQL."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import transaction
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.facet_index import attach_relations, current_index, forget
from library.facets import FACETS
from library.filters import ResourceFilter
from library.listing import Listing
from library.models import PublicVersion, Resource
from library.models.resources import Kind, Status
from tests.factories import make_resource
from tests.library.search_corpus import build_corpus

pytestmark = pytest.mark.django_db


def ids_of(mask):
    return {i for i in range(mask.bit_length()) if mask >> i & 1}


def test_the_index_is_kept_while_nothing_public_changes():
    make_resource(title="Kept")
    assert current_index() is current_index()


def test_a_change_committed_by_another_process_renews_it():
    resource = make_resource(title="Guide", kind=Kind.GUIDE)
    before = current_index()
    # another process: a bulk write (no signals here) and the new public version it commits
    Resource.objects.filter(pk=resource.pk).update(kind=Kind.TOOLKIT)
    assert current_index() is before, "the index is keyed by the version, not rebuilt per request"
    PublicVersion.objects.replace()
    after = current_index()
    assert after is not before
    assert ids_of(after.values["kind"]["toolkit"]) == {resource.pk}


def test_a_rolled_back_change_leaves_what_is_committed():
    kept = make_resource(title="Kept")
    with pytest.raises(RuntimeError), transaction.atomic():
        make_resource(title="Rolled back")
        assert len(current_index().newest) == 2  # inside the transaction, it is public
        raise RuntimeError
    assert list(current_index().newest) == [kept.pk]


def test_a_scheduled_resource_enters_the_index_when_its_time_comes():
    now = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        scheduled = make_resource(
            title="Later", status=Status.PUBLISHED, published_at=now + timedelta(hours=2)
        )
        make_resource(title="Now", published_at=now - timedelta(days=1))
        assert scheduled.pk not in current_index().newest
    with time_machine.travel(now + timedelta(hours=3), tick=False):
        assert current_index().newest[0] == scheduled.pk  # no write happened: its time came


def test_the_build_costs_five_queries(django_assert_max_num_queries):
    build_corpus()
    forget()
    # the public state, every published resource, every theme and country link, the themes and
    # the countries themselves (what the cards show)
    with django_assert_max_num_queries(5):
        current_index()


def test_it_gives_each_resource_its_themes_and_countries_as_the_database_does(django_assert_num_queries):
    build_corpus()
    both = make_resource(themes=["youth-engagement", "community-activism"], countries=["UG", "KE", "PE"])
    none = make_resource()
    resources = list(Resource.objects.published().order_by("id"))
    index = current_index()
    with django_assert_num_queries(0):
        attach_relations(resources, index)
        shown = {r.pk: (list(r.themes.all()), list(r.countries.all())) for r in resources}
    for resource in Resource.objects.published().prefetch_related("themes", "countries"):
        assert shown[resource.pk] == (list(resource.themes.all()), list(resource.countries.all()))
    assert [c.code for c in shown[both.pk][1]] == ["KE", "PE", "UG"]
    assert shown[none.pk] == ([], [])


def test_a_resource_it_does_not_hold_gets_its_relations_from_the_database():
    index = current_index()
    later = make_resource(themes=["youth-engagement"], countries=["KE"])  # after the index was built
    attach_relations([later], index)
    assert [t.slug for t in later.themes.all()] == ["youth-engagement"]
    assert [c.code for c in later.countries.all()] == ["KE"]


PARAMETERS = st.fixed_dictionaries(
    {},
    optional={
        "q": st.sampled_from(["election", "radio or budget", "observ*", "-radio", "youth councils", '"the"']),
        "kind": st.lists(st.sampled_from(["toolkit", "guide", "case-study"]), max_size=2),
        "theme": st.lists(
            st.sampled_from(["electoral-processes", "youth-engagement", "womens-empowerment"]), max_size=2
        ),
        "country": st.lists(st.sampled_from(["KE", "SN", "UG", "BR", "FR"]), max_size=2),
        "region": st.sampled_from(["africa", "western-africa", "americas", "europe"]),
        "language": st.lists(st.sampled_from(["en", "fr", "es", "ar"]), max_size=2),
        "year_from": st.integers(2008, 2030).map(str),
        "year_to": st.integers(2008, 2030).map(str),
        "tag": st.lists(st.sampled_from(["election-observation", "community-radio", "nothing"]), max_size=2),
    },
)


@pytest.fixture
def corpus():
    build_corpus()
    make_resource(
        title="Old election toolkit",
        kind=Kind.TOOLKIT,
        published_at=datetime(2011, 3, 1, tzinfo=UTC),
        countries=["KE", "UG"],
        themes=["electoral-processes"],
        language="fr",
        tags=["community radio"],
    )


def as_query(parameters):
    data = QueryDict(mutable=True)
    for name, value in parameters.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parameters=PARAMETERS)
def test_totals_and_counts_agree_with_the_same_filters_in_sql(corpus, parameters):
    filterset = ResourceFilter(as_query(parameters), queryset=Resource.objects.published())
    listing = Listing(filterset)
    assert ids_of(listing.results) == set(filterset.qs.values_list("id", flat=True)), parameters
    counts = listing.facet_counts()
    kinds = set(filterset.filtered_without("kind").values_list("kind", flat=True))
    assert {kind for kind, n in counts["kind"].items() if n} == kinds
    assert set(counts) == set(FACETS)
    for theme, count in counts["theme"].items():
        expected = filterset.filtered_without("theme").filter(themes__slug=theme).count()
        assert count == expected, (parameters, theme)
