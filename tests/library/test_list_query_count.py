"""A list page costs a fixed number of queries, at most 12, whatever the page size; the first list
after a change, which builds the facet index, too."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from library.facet_index import current_index
from library.models import Resource
from library.models.resources import Kind
from tests.factories import make_case_study, make_resource, make_toolkit

pytestmark = pytest.mark.django_db

URLS = [
    "/library/",
    "/library/?q=election observation",
    "/library/?q=election&kind=toolkit&language=en&year_from=2000&year_to=2100&sort=relevance",
    "/library/?theme=electoral-processes&country=KE&region=africa",
    "/toolkits/?q=election&tag=election-observation",
    "/library/?q=electon obsevation",
]


@pytest.fixture
def library():
    for n in range(12):
        make_resource(
            title=f"Election guide {n}",
            countries=["KE", "UG"],
            themes=["electoral-processes"],
            tags=["election observation", "radio"],
        )
        make_toolkit(
            title=f"Election toolkit {n}",
            countries=["KE"],
            themes=["electoral-processes"],
            tags=["election observation"],
        )
        make_case_study(title=f"Election case {n}", countries=["SN"], themes=["youth-engagement"])


def queries(client, url, *, afresh=False):
    """The queries of one request. The facet index remembers the search index's answers and the
    rendered cards per public state; `afresh` has it forget them first."""
    if afresh:
        for kept in current_index().stores.values():
            kept.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", URLS)
def test_a_list_page_needs_at_most_twelve_queries_whatever_its_size(client, library, settings, url):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # count what rendering costs, not a cache hit
    settings.LIBRARY_PAGE_SIZE = 3
    first = queries(client, url)  # builds the facet index, which later pages reuse
    small = queries(client, url, afresh=True)
    settings.LIBRARY_PAGE_SIZE = 30
    large = queries(client, url, afresh=True)
    again = queries(client, url)
    assert again <= small == large < first <= 12


@pytest.mark.parametrize(
    "url", ["/library/", "/library/?q=election", "a case study", "/themes/electoral-processes/"]
)
def test_a_page_reads_the_public_state_once_and_the_next_request_reads_it_again(
    client, library, settings, url
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600  # the page cache asks for the state too
    if url == "a case study":
        url = Resource.objects.filter(kind=Kind.CASE_STUDY).first().get_absolute_url()
    client.get(url)

    def state_reads():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"fresh": len(connection.queries_log)}).status_code == 200
        return sum("library_publicversion" in query["sql"] for query in captured.captured_queries)

    assert state_reads() == 1
    assert state_reads() == 1, "each request reads the state afresh"


def test_cards_show_their_themes_and_countries_with_no_query_of_their_own(client, library, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    client.get("/library/")
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/library/?country=SN").content.decode()
    assert "Senegal" in page and "Youth engagement" in page
    joins = [q["sql"] for q in captured.captured_queries if "library_resource_countries" in q["sql"]]
    assert joins == []


def test_the_themes_page_counts_off_the_facet_index(client, library, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    make_resource(themes=["youth-engagement"], published_at=timezone.now() + timedelta(days=1))
    client.get("/themes/")
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/themes/").content.decode()
    assert [q["sql"] for q in captured.captured_queries if "library_publicversion" not in q["sql"]] == []
    assert "24 resources<" in page  # electoral processes: the guides and the toolkits
    assert "12 resources<" in page  # youth engagement: the case studies, not the scheduled one
