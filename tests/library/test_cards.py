"""A resource's card is rendered once per public state and language (library.cards), and every
list of that state shows the very HTML it would have rendered afresh."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from library.cards import CARD_TEMPLATE, card_html
from library.facet_index import current_index
from library.models import Resource
from tests.factories import make_resource, make_toolkit

pytestmark = pytest.mark.django_db


@pytest.fixture
def cards_rendered():
    rendered = []

    def note(sender, template, **kwargs):
        if template.name == CARD_TEMPLATE:
            rendered.append(kwargs["context"]["resource"].pk)

    template_rendered.connect(note)
    yield rendered
    template_rendered.disconnect(note)


def test_a_second_list_reuses_the_cards_of_the_first(client, cards_rendered):
    resources = [make_resource(title=f"Election guide {n}", countries=["KE"]) for n in range(3)]
    assert client.get("/library/").status_code == 200
    assert sorted(cards_rendered) == sorted(resource.pk for resource in resources)
    cards_rendered.clear()
    page = client.get("/library/?country=KE").content.decode()
    assert cards_rendered == []
    assert all(f">Election guide {n}</a>" in page for n in range(3))


def test_an_edit_shows_on_the_next_list(client):
    resource = make_resource(title="Before the edit")
    assert "Before the edit" in client.get("/library/").content.decode()
    resource.title = "After the edit"
    resource.save()
    page = client.get("/library/").content.decode()
    assert "After the edit" in page
    assert "Before the edit" not in page


def test_a_kept_card_is_the_card_rendered_afresh():
    resource = make_resource(title="Radio & <elections>", countries=["KE"], themes=["electoral-processes"])
    index = current_index()
    (fetched,) = Resource.objects.filter(pk=resource.pk).prefetch_related("themes", "countries")
    assert card_html(fetched) == render_to_string(CARD_TEMPLATE, {"resource": fetched})
    assert "Radio &amp; &lt;elections&gt;" in card_html(fetched)
    assert any(key[2] == resource.pk for key in index.stores["cards"])


def test_cards_follow_the_interface_language(client):
    make_toolkit(title="A toolkit")
    pages, labels = {}, {}
    for language in ("en", "fr"):
        with translation.override(language):
            labels[language] = str(Resource(kind="toolkit").kind_label)
            url = reverse("library:list")
        pages[language] = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert labels["en"] != labels["fr"]
    for language, label in labels.items():
        assert f'<p class="card__kind">{label}</p>' in pages[language]


def test_a_resource_the_public_cannot_see_is_never_kept():
    draft = make_resource(title="Still a draft", status="draft")
    index = current_index()
    assert "Still a draft" in card_html(draft)
    assert not any(key[2] == draft.pk for key in index.stores["cards"])


def test_a_page_whose_cards_are_all_kept_reads_no_resource(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    for n in range(3):
        make_resource(title=f"Election guide {n}", summary="How observers watch a count.")
    first = client.get("/library/").content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/library/").content.decode()
    assert again == first
    assert [q["sql"] for q in captured.captured_queries if "library_publicversion" not in q["sql"]] == []
    searched = client.get("/library/?q=observers").content.decode()
    assert searched.count("<mark>observers</mark>") == 3, "a search's cards have their own snippets"


def test_a_search_pages_cards_are_found_once_per_state_and_follow_a_change(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    guides = [make_resource(title=f"Guide {n}", summary="How observers watch a count.") for n in range(3)]
    first = client.get("/library/?q=observers").content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/library/?q=observers").content.decode()
    assert again == first and again.count("<mark>observers</mark>") == 3
    assert [q["sql"] for q in captured.captured_queries if "library_publicversion" not in q["sql"]] == []
    french = client.get("/fr/library/?q=observers").content.decode()
    assert 'lang="fr"' in french and french.count("<mark>observers</mark>") == 3
    guides[0].summary = "Where observers stand on polling day."
    guides[0].save()
    changed = client.get("/library/?q=observers").content.decode()
    assert "Where <mark>observers</mark> stand on polling day." in changed
    assert changed.count("<mark>observers</mark>") == 3
