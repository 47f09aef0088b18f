"""The language switcher: plain links to the same page in each language, query kept."""

import pytest

from tests.factories import make_resource

pytestmark = pytest.mark.django_db


def test_it_links_the_same_page_in_every_language_keeping_the_query(client):
    response = client.get("/fr/library/?q=vote&theme=electoral-processes")

    links = {link["code"]: link for link in response.context["language_links"]}
    assert links["en"]["url"] == "/library/?q=vote&theme=electoral-processes"
    assert links["es"]["url"] == "/es/library/?q=vote&theme=electoral-processes"
    assert links["ar"]["url"] == "/ar/library/?q=vote&theme=electoral-processes"
    assert links["fr"]["is_current"]
    html = response.content.decode()
    assert (
        '<a href="/ar/library/?q=vote&amp;theme=electoral-processes" hreflang="ar" lang="ar">العربيّة</a>'
        in html
    )
    assert 'hreflang="fr" lang="fr" aria-current="true">français</a>' in html


def test_it_keeps_a_resource_page_and_a_kind_list(client):
    resource = make_resource(slug="kept")

    detail = client.get(f"/es{resource.get_absolute_url()}")
    toolkits = client.get("/ar/toolkits/")

    assert {link["code"]: link["url"] for link in detail.context["language_links"]}[
        "fr"
    ] == "/fr/guides/kept/"
    assert {link["code"]: link["url"] for link in toolkits.context["language_links"]}["en"] == "/toolkits/"


def test_arabic_pages_are_right_to_left(client):
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/").content.decode()
    assert '<html lang="fr" dir="ltr">' in client.get("/fr/").content.decode()


def test_counts_are_grouped_the_way_each_language_writes_numbers(client, settings):
    from library.cache import bump_public_version
    from library.models import Resource

    settings.LIBRARY_PAGE_SIZE = 1
    Resource.objects.bulk_create(
        Resource(
            kind="guide",
            title=f"G{n}",
            slug=f"g-{n}",
            summary="s",
            status="published",
            published_at="2020-01-01T00:00:00Z",
        )
        for n in range(1234)
    )
    bump_public_version()  # bulk_create sends no signals

    assert "1,234 resources" in client.get("/library/").content.decode()
    assert "1\xa0234" in client.get("/fr/library/").content.decode()


def test_a_case_studys_section_headings_speak_the_interface_language_inside_its_english_text(client):
    from tests.factories import make_case_study

    make_case_study(slug="radio", context="Councils met in private.", language="en")

    html = client.get("/ar/case-studies/radio/").content.decode()

    assert '<h2 lang="ar" dir="rtl">السياق</h2>' in html


def test_resource_cards_mark_the_language_of_their_titles(client):
    make_resource(title="Observing elections", language="en")

    html = client.get("/ar/library/").content.decode()

    assert '<h3 class="card__title" lang="en" dir="ltr">' in html


def test_a_page_s_view_and_arguments_are_reversed_in_each_language_once(client):
    from portal.context_processors import _reversed_in_each_language

    resource = make_resource(slug="kept")
    _reversed_in_each_language.cache_clear()
    client.get(resource.get_absolute_url())
    spanish = client.get(f"/es{resource.get_absolute_url()}")

    info = _reversed_in_each_language.cache_info()
    assert info.misses == 1 and info.hits >= 1, "reversed for the first page, reused for the second"
    assert {link["code"]: link["url"] for link in spanish.context["language_links"]} == {
        "en": "/guides/kept/",
        "fr": "/fr/guides/kept/",
        "es": "/es/guides/kept/",
        "ar": "/ar/guides/kept/",
    }
