"""Collections and programmes in Chromium: axe-core finds no WCAG 2.2 A/AA violation on any new
page in the four languages, and a person takes a programme from enrolment to certificate with
the keyboard-free, script-free forms alone."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from programmes.models import Certificate
from tests.browser.axe import axe_violations, describe
from tests.events.helpers import make_event
from tests.factories import make_file, make_partner, make_resource, make_user
from tests.programmes.builders import add_event_step, make_collection, make_programme

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "", "fr": "/fr", "es": "/es", "ar": "/ar"}


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
