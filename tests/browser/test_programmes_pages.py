"""Collections and programmes in Chromium: axe-core finds no WCAG 2.2 A/AA violation on any new
page in the four languages, their lists' filter panel included; with JavaScript off a reader
filters a list with the panel, and a person takes a programme from enrolment to certificate with
the keyboard-free, script-free forms alone."""

import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from programmes.models import Certificate
from tests.browser.axe import assert_no_axe_violations, axe_violations, describe
from tests.browser.conftest import TIMEOUT_MS
from tests.events.helpers import make_event
from tests.factories import make_file, make_partner, make_resource, make_user
from tests.programmes.builders import add_event_step, make_collection, make_programme

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "", "fr": "/fr", "es": "/es", "ar": "/ar"}
PHONE = {"width": 375, "height": 740}


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def build():
    toolkit = make_resource(kind="toolkit", title="Observation toolkit", themes=["electoral-processes"])
    make_file(toolkit, title="Public checklist")
    make_file(toolkit, title="Partner handbook", access="partners")
    guide = make_resource(title="Recruiting observers", themes=["electoral-processes"])
    collection = make_collection(
        [toolkit, guide], themes=["electoral-processes"], notes={toolkit.pk: "Read chapter 2 first"}
    )
    programme = make_programme(modules=2, steps=1, questions=2, title="Observing elections")
    event_step = add_event_step(
        programme.modules.order_by("position").first(), make_event(title="Observers' forum")
    )
    partners = make_programme(modules=1, partners_only=True, title="For partners")
    return {
        "event_step": event_step,
        "collection": collection,
        "programme": programme,
        "partners": partners,
        "toolkit": toolkit,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_pages_have_no_accessibility_violations(page, live_server, language):
    data = build()
    person = make_user("learner")
    prefix = LANGUAGES[language]
    programme = data["programme"]
    anonymous = {
        "collections": "/collections/",
        "collection": data["collection"].get_absolute_url(),
        "programmes": "/programmes/",
        "programme": programme.get_absolute_url(),
        "theme with collections": "/themes/electoral-processes/",
        "resource part of": data["toolkit"].get_absolute_url(),
        "certificate lookup": "/certificates/",
        "bad filter (400)": "/collections/?theme=nope",
    }
    problems = []

    def check(name, url, status=200):
        response = page.goto(prefix + url)
        assert response.status == status, (name, response.status)
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").count() == 1, name
        violations = axe_violations(page)
        if violations:
            problems.append(f"{name} ({page.url}):\n{describe(violations)}")

    for name, url in anonymous.items():
        check(name, url, 400 if "400" in name else 200)
    sign_in(page, live_server, person)
    page.goto(prefix + programme.get_absolute_url())
    page.locator("form[action$='/enrol/'] button").click()
    check("programme, enrolled", programme.get_absolute_url())
    module = programme.modules.order_by("position").first()
    check("self-check", f"/programmes/{programme.slug}/modules/{module.pk}/self-check/")
    # an event step marked done without a registration: the 409 page that says to register first
    page.goto(prefix + programme.get_absolute_url())
    page.locator(f"form[action$='/steps/{data['event_step'].pk}/'] button").click()
    assert page.locator("h1").count() == 1
    event_link = page.locator(f"a[href$='{data['event_step'].event.get_absolute_url()}']")
    assert event_link.count() == 1
    violations = axe_violations(page)
    if violations:
        problems.append(f"register first (409):\n{describe(violations)}")
    check("partners only (403)", data["partners"].get_absolute_url(), 403)
    check("account", "/accounts/")
    assert not problems, "\n".join(problems)


def build_lists():
    make_collection(title="Ballots and observers", themes=["electoral-processes"], language="en")
    make_collection(title="Radio and elections", themes=["electoral-processes", "youth-engagement"])
    make_collection(title="Urnes et observateurs", themes=["electoral-processes"], language="fr")
    make_programme(modules=1, steps=1, questions=0, title="First steps in observation", level="introductory")
    make_programme(modules=1, steps=1, questions=0, title="Leading an observer mission", level="advanced")


def panel(page):
    return page.get_by_role("complementary").locator("form.filters")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "address", ["/collections/", "/programmes/", "/collections/?theme=electoral-processes"]
)
def test_the_list_panels_pass_axe_in_each_language_with_the_results_first_on_a_phone(page, language, address):
    build_lists()
    page.set_viewport_size(PHONE)
    response = page.goto(LANGUAGES[language] + address)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    counts = panel(page).locator(".facet__count")
    expect(counts.first).to_be_visible()
    assert counts.count() >= 2
    any_language = panel(page).locator(".facet--language input").first  # "Any language" first
    expect(any_language).to_have_id("filter-language-any")
    expect(any_language).to_be_checked()
    card = page.locator(".library-layout__results .card").first.bounding_box()
    assert card["y"] + card["height"] <= panel(page).bounding_box()["y"], "the results come first"
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    ("address", "choice", "shown", "left_out", "heading"),
    [
        (
            "/collections/",
            r"^French 1 result$",
            "Urnes et observateurs",
            "Ballots and observers",
            "1 collection",
        ),
        ("/programmes/", r"^Advanced 1 result$", "Leading an observer mission", "First steps", "1 programme"),
    ],
)
def test_without_javascript_a_reader_ticks_a_choice_applies_and_sees_the_filtered_list(
    browser, live_server, reference_data, address, choice, shown, left_out, heading
):
    build_lists()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto(address)
        expect(page.get_by_text(left_out)).to_be_visible()
        page.get_by_role("radio", name=re.compile(choice)).check()
        page.get_by_role("button", name="Apply").click()

        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        expect(page.get_by_role("link", name=shown)).to_be_visible()
        expect(page.get_by_text(left_out)).to_have_count(0)
        expect(page.get_by_role("radio", name=re.compile(choice))).to_be_checked()
    finally:
        context.close()


def test_a_person_completes_a_programme_without_javascript(browser, live_server, reference_data):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    programme = make_programme(modules=2, steps=1, questions=1, title="Observing elections")
    sign_in(page, live_server, make_user("learner"))
    page.goto(programme.get_absolute_url())
    page.get_by_role("button", name="Enrol in this programme").click()
    assert "You are enrolled" in page.content()
    for module in programme.modules.order_by("position"):
        step = module.steps.get()
        page.get_by_role("button", name=f"Mark “{step.resource.title}” as done").click()
        page.locator(f"#module-{module.pk}").get_by_role("link", name="Take the self-check").click()
        page.get_by_label("Right").check()
        page.get_by_role("button", name="Send my answers").click()
        assert "1 of 1 answers right" in page.content()
        page.get_by_role("link", name="Back to the programme").click()
    assert "You have completed the programme." in page.content()
    certificate = Certificate.objects.get()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your certificate (PDF)").click()
    assert download.value.suggested_filename == f"certificate-{certificate.code}-en.pdf"
    context.close()


def test_a_partner_reads_a_partners_only_programme(page, live_server):
    programme = make_programme(modules=1, partners_only=True, title="For partners")
    sign_in(page, live_server, make_partner("member"))
    response = page.goto(programme.get_absolute_url())
    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "For partners"
