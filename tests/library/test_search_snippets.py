"""What a search result shows of its match: highlighted words, escaped; and for a match only in a
partner-only file, a note, never the file's words."""

import pytest

from library.models.files import Access
from tests.factories import make_file, make_resource, make_toolkit
from tests.library.cards_shown import card_titles
from tests.pdfs import pdf_with_text

pytestmark = pytest.mark.django_db


def test_it_highlights_the_matching_words(client):
    make_resource(title="Budget", summary="Citizens watched the observers count the ballots.")
    html = client.get("/library/?q=observation").content.decode()
    assert "Citizens watched the <mark>observers</mark> count the ballots." in html


def test_it_escapes_the_text_around_the_highlight(client):
    make_resource(title="Markup", summary='Tom & Jerry\'s observers said 5 > 3 and "yes"')
    html = client.get("/library/?q=observers").content.decode()
    assert "Tom &amp; Jerry&#x27;s <mark>observers</mark> said 5 &gt; 3 and &quot;yes&quot;" in html


def test_it_drops_markup_from_the_snippet(client):
    make_resource(title="Markup", summary="<script>alert(1)</script> **observers** and [friends](/x/)")
    html = client.get("/library/?q=observers").content.decode()
    assert "<script>" not in html
    assert "alert(1) <mark>observers</mark> and friends" in html


def test_it_quotes_a_public_file_when_that_is_where_the_match_is(client):
    toolkit = make_toolkit(title="Training pack", summary="Sessions.")
    make_file(toolkit, content=pdf_with_text("Icebreakers with a marimba rhythm"))
    html = client.get("/library/?q=marimba").content.decode()
    assert "Icebreakers with a <mark>marimba</mark> rhythm" in html


@pytest.mark.parametrize("who", ["anonymous", "visitor"])
def test_a_partner_only_file_match_never_shows_the_file_words(client, who, visitor):
    if who == "visitor":
        client.force_login(visitor)
    toolkit = make_toolkit(title="Coalition toolkit", summary="Templates.")
    make_file(toolkit, content=pdf_with_text("Confidential donor strategy xylophone"), access=Access.PARTNERS)
    response = client.get("/library/?q=xylophone")
    html = response.content.decode()
    assert card_titles(response) == ["Coalition toolkit"]
    assert "Match in a partner-only file" in html
    for secret in ("Confidential", "donor", "strategy", "xylophone</mark>"):
        assert secret not in html


def test_a_match_in_the_card_text_is_not_called_a_partner_only_match(client):
    toolkit = make_toolkit(title="Xylophone lessons", summary="Templates.")
    make_file(toolkit, content=pdf_with_text("Confidential xylophone notes"), access=Access.PARTNERS)
    html = client.get("/library/?q=xylophone").content.decode()
    assert "Match in a partner-only file" not in html
    assert "Confidential" not in html


def test_a_result_with_a_snippet_does_not_repeat_its_summary_above_it(client):
    make_resource(title="Radio guide", summary="Community radio for rural listeners.")
    page = client.get("/library/?q=radio").content.decode()
    assert page.count("rural listeners") == 1
    assert "<mark>" in page
