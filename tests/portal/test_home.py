import pytest

from tests.factories import make_case_study, make_resource

pytestmark = pytest.mark.django_db


def test_home_shows_featured_and_latest_resources_themes_and_a_search_box(client):
    make_resource(title="Featured guide", featured=True)
    make_case_study(title="Newest case")
    make_resource(title="Unfinished draft", status="draft", featured=True)
    response = client.get("/")
    page = response.content.decode()
    assert [r.title for r in response.context["featured"]] == ["Featured guide"]
    assert "Newest case" in page
    assert "Unfinished draft" not in page
    assert 'role="search"' in page and 'name="q"' in page
    assert "Electoral processes" in page


def test_every_page_has_a_skip_link_landmarks_and_a_language(client):
    page = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert 'href="#main"' in page
    for landmark in ("<header", '<main id="main"', "<footer", "<nav"):
        assert landmark in page


def test_the_arabic_interface_is_right_to_left(client):
    page = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page


def test_no_inline_script_or_style_anywhere(client):
    case = make_case_study()
    for url in ["/", "/library/", case.get_absolute_url(), "/themes/", "/accounts/login/"]:
        page = client.get(url).content.decode()
        assert "<script" not in page or 'type="application/ld+json"' in page, url
        assert " style=" not in page and "<style" not in page, url
