"""The public pages: lists with filters and counts, one event, registration over HTTP, links."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail as django_mail
from django.utils import timezone

from events import links
from events.models import Registration, RegistrationStatus
from library.models import Theme
from notifications.models import OutgoingMail
from tests.events.helpers import form_data, make_event, sign_up
from tests.factories import make_case_study, make_user

pytestmark = pytest.mark.django_db


def test_the_list_shows_upcoming_public_events_with_time_zone_offset_place_and_places_left(client):
    event = make_event(
        title="Observer forum", capacity=3, themes=["electoral-processes"], languages=["en", "fr"]
    )
    sign_up(event)
    make_event(title="A draft forum", status="draft")
    make_event(title="A scheduled forum", published_at=timezone.now() + timedelta(days=1))
    make_event(title="An old forum", days=-10)
    make_event(title="A cancelled forum", status="cancelled")
    make_event(title="Online meetup", format="online", country=None, city="")

    html = client.get("/events/").content.decode()

    assert "Observer forum" in html and "Online meetup" in html
    for hidden in ("A draft forum", "A scheduled forum", "An old forum", "A cancelled forum"):
        assert hidden not in html
    assert '(Africa/Nairobi, <bdi dir="ltr">UTC+03:00</bdi>)' in html
    assert "Nairobi, Kenya" in html
    assert "English, French" in html
    assert "Electoral processes" in html
    assert "2 places left" in html
    assert "2 events" in html


def test_past_events_are_listed_at_their_own_address(client):
    make_event(title="An old forum", days=-10)
    make_event(title="A coming forum")

    html = client.get("/events/past/").content.decode()

    assert "An old forum" in html and "A coming forum" not in html


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("theme=youth-engagement", {"Youth forum"}),
        ("format=online", {"Online meetup"}),
        ("country=KE", {"Youth forum"}),
        ("region=south-america", {"Lima forum"}),
        ("region=africa", {"Youth forum"}),
        ("language=es", {"Lima forum", "Online meetup"}),
        ("format=online&format=in-person", {"Youth forum", "Online meetup", "Lima forum"}),
    ],
)
def test_filters_narrow_the_list(client, query, shown):
    make_event(title="Youth forum", themes=["youth-engagement"])
    make_event(title="Online meetup", format="online", country=None, city="", languages=["en"],
               interpretation_languages=["es"])  # fmt: skip
    make_event(title="Lima forum", country="PE", city="Lima", time_zone="America/Lima", languages=["es"])

    html = client.get(f"/events/?{query}").content.decode()

    titles = {t for t in ("Youth forum", "Online meetup", "Lima forum") if t in html}
    assert titles == shown


def test_the_month_filter_uses_the_events_own_time_zone(client):
    # 23:30 on 31 January in Lima is already February in UTC
    from datetime import datetime
    from zoneinfo import ZoneInfo

    start = datetime(timezone.now().year + 1, 1, 31, 23, 30, tzinfo=ZoneInfo("America/Lima"))
    make_event(title="Late forum", starts_at=start, time_zone="America/Lima", country="PE", city="Lima")
    year = start.year

    assert "Late forum" in client.get(f"/events/?month={year}-01").content.decode()
    assert "Late forum" not in client.get(f"/events/?month={year}-02").content.decode()


def test_facet_counts_count_with_the_other_filters(client):
    make_event(title="One", themes=["youth-engagement"], format="online", country=None, city="")
    make_event(title="Two", themes=["youth-engagement"])
    make_event(title="Three", themes=["electoral-processes"])

    response = client.get("/events/?format=in-person")

    facets = {facet.name: {c.value: c.count for c in facet.choices} for facet in response.context["facets"]}
    assert facets["theme"] == {"youth-engagement": 1, "electoral-processes": 1}
    assert facets["format"] == {"in-person": 2, "online": 1}, "a facet counts without its own filter"


@pytest.mark.parametrize(
    "query",
    ["month=2027-13", "month=soon", "month=0000-01", "format=underwater", "theme=nope", "region=atlantis", "country=XX",
     "language=klingon", "month=1999&page=1"],
)  # fmt: skip
def test_a_bad_parameter_is_a_400_with_a_message_never_a_500(client, query):
    make_event()

    response = client.get(f"/events/?{query}")

    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()


def choice(html, name, value, label, count):
    """The panel's choice as library.facets.choice_items writes it: its box, label and count."""
    return (
        f'value="{value}" id="filter-{name}-{value}"' in html
        and f'<label for="filter-{name}-{value}">{label} <span class="facet__count">{count}</span>' in html
    )


def test_the_panel_shows_each_choice_with_its_count_in_one_form(client):
    make_event(title="One", themes=["youth-engagement"], format="online", country=None, city="")
    make_event(title="Two", themes=["youth-engagement", "electoral-processes"])
    make_event(title="Three", themes=["electoral-processes"], country="PE", city="Lima", languages=["es"])

    html = client.get("/events/").content.decode()

    assert html.count('<form class="filters" method="get">') == 1
    assert "Refine the results" not in html, "no second block of facet links"
    assert choice(html, "theme", "youth-engagement", "Youth engagement", 2)
    assert choice(html, "theme", "electoral-processes", "Electoral processes", 2)
    assert choice(html, "format", "in-person", "In person", 2)
    assert choice(html, "format", "online", "Online", 1)
    assert choice(html, "country", "KE", "Kenya", 1)
    assert choice(html, "country", "PE", "Peru", 1)
    assert choice(html, "language", "es", "Spanish", 1)
    assert choice(html, "region", "africa", "Africa", 1) and choice(html, "region", "americas", "Americas", 1)
    assert 'id="filter-region-south-america"' not in html, "the continents, as in the library's panel"


def test_choices_without_results_are_left_out(client):
    make_event(themes=["youth-engagement"], format="online", country=None, city="")
    make_event(themes=["electoral-processes"], country="PE", city="Lima")

    html = client.get("/events/?format=online").content.decode()

    assert choice(html, "theme", "youth-engagement", "Youth engagement", 1)
    assert 'id="filter-theme-electoral-processes"' not in html, "no online event has it"
    assert 'id="filter-format-hybrid"' not in html, "no event is hybrid"
    assert 'id="filter-country-UG"' not in html and 'id="filter-country-PE"' not in html
    assert choice(html, "format", "in-person", "In person", 1), "a facet counts without its own filter"


def test_the_chosen_choices_come_first_and_stay_even_without_results(client):
    for _ in range(3):
        make_event(themes=["youth-engagement"])
    make_event(country="PE", city="Lima", themes=["electoral-processes"])

    response = client.get("/events/?country=PE&theme=youth-engagement")

    countries = [c.value for c in next(f for f in response.context["facets"] if f.name == "country").choices]
    assert countries == ["PE", "KE"], "the chosen first, though Kenya has more events"
    html = response.content.decode()
    assert html.index('id="filter-country-PE" checked') < html.index('id="filter-country-KE"')
    assert choice(html, "theme", "youth-engagement", "Youth engagement", 0), "chosen: it can be unticked"


def test_region_and_month_are_one_choice_each_with_months_in_time_order(client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    year = timezone.now().year + 1
    for month in (3, 1, 1, 2):
        make_event(starts_at=datetime(year, month, 10, 9, tzinfo=ZoneInfo("Africa/Nairobi")))

    html = client.get("/events/").content.decode()

    assert '<input type="radio" name="month" value="" id="filter-month-any" checked>' in html
    assert '<label for="filter-month-any">Any month</label>' in html
    assert '<label for="filter-region-any">Any region</label>' in html
    assert 'type="radio" name="region" value="africa"' in html
    positions = [html.index(f'id="filter-month-{year}-{month:02d}"') for month in (1, 2, 3)]
    assert positions == sorted(positions), "in time order, not by count"
    assert choice(html, "month", f"{year}-01", f"January {year}", 2)

    chosen = client.get(f"/events/?month={year}-02").content.decode()
    assert '<input type="radio" name="month" value="" id="filter-month-any">' in chosen
    assert f'id="filter-month-{year}-02" checked' in chosen
    assert f"Month: February {year}" in chosen, "the chip names the month"


COUNTRIES = ["KE", "UG", "TZ", "NG", "GH", "SN", "ML", "NE", "BF", "CI", "CM", "ZA"]


def test_a_long_country_list_shows_its_top_choices_and_the_rest_behind_show_all(client):
    for number, code in enumerate(COUNTRIES):
        for _ in range(len(COUNTRIES) - number):
            make_event(country=code)

    html = client.get("/events/").content.decode()

    country = html[html.index('class="field facet facet--country"') :]
    country = country[: country.index("</fieldset>")]
    first, more = country.split('<details class="facet__more">')
    assert "<summary>Show all 12 choices</summary>" in more
    assert [code for code in COUNTRIES if f'id="filter-country-{code}"' in first] == COUNTRIES[:8]
    assert [code for code in COUNTRIES if f'id="filter-country-{code}"' in more] == COUNTRIES[8:]
    assert choice(more, "country", "ZA", "South Africa", 1)


def test_the_past_list_has_the_same_panel(client):
    make_event(days=-10, themes=["youth-engagement"])
    make_event(themes=["electoral-processes"])

    html = client.get("/events/past/").content.decode()

    assert choice(html, "theme", "youth-engagement", "Youth engagement", 1)
    assert 'id="filter-theme-electoral-processes"' not in html


def test_with_no_events_at_all_there_is_no_empty_panel(client):
    make_event(days=-10)

    html = client.get("/events/").content.decode()

    assert "No upcoming events match these filters." in html
    assert 'class="filters"' not in html and 'href="#filters"' not in html
    assert 'class="filters"' in client.get("/events/past/").content.decode()


def test_a_bad_parameter_keeps_the_panel_with_the_valid_filters(client):
    make_event(themes=["youth-engagement"])
    make_event(themes=["electoral-processes"])

    response = client.get("/events/?theme=youth-engagement&format=underwater")

    assert response.status_code == 400
    html = response.content.decode()
    assert "could not be understood" in html
    assert '<form class="filters" method="get">' in html
    assert 'id="filter-theme-youth-engagement" checked' in html
    assert choice(html, "format", "in-person", "In person", 1), "counted with the valid filter"
    assert "underwater" not in html[html.index('<form class="filters"') :]


def test_a_page_past_the_end_is_404_and_links_the_last_page_never_a_copy_of_it(client, settings):
    settings.EVENTS_PAGE_SIZE = 2
    for _ in range(5):
        make_event(themes=["youth-engagement"])
    last = client.get("/events/?theme=youth-engagement&page=3")
    assert last.status_code == 200 and len(last.context["events"]) == 1

    response = client.get("/events/?theme=youth-engagement&page=4")

    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no page 4 in this list: it has 3 pages." in html
    assert '<a href="/events/?theme=youth-engagement&amp;page=3">Go to the last page (page 3)</a>' in html
    assert '<a href="/events/?theme=youth-engagement">Go to the first page</a>' in html
    assert "Workshop number" not in html
    assert client.get("/events/past/?page=2").status_code == 404


@pytest.mark.parametrize("page", ["abc", "1.5", "\u00a0"])
def test_a_page_number_that_is_no_whole_number_is_a_400(client, page):
    make_event()

    response = client.get("/events/", {"page": page})

    assert response.status_code == 400
    assert "The page number in the address is not a whole number." in response.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "99999999999999999999"])
def test_a_page_number_below_one_or_too_big_is_a_404(client, page):
    make_event()

    assert client.get(f"/events/?page={page}").status_code == 404
    assert client.get("/events/?page=").status_code == 200


@pytest.mark.parametrize("prefix", ["/fr", "/es", "/ar"])
def test_the_panel_and_the_no_such_page_answer_are_translated(client, prefix):
    make_event(themes=["youth-engagement"])

    html = client.get(f"{prefix}/events/").content.decode()
    missing = client.get(f"{prefix}/events/?page=9").content.decode()

    assert 'id="filter-theme-youth-engagement"' in html
    assert "Filter events" not in html and "Any month" not in html and "Youth engagement" not in html
    assert "There is no page" not in missing and "Go to the first page" not in missing


def test_the_list_takes_a_fixed_number_of_queries_whatever_the_page_size(
    client, settings, django_assert_max_num_queries
):
    for number in range(30):
        make_event(themes=["youth-engagement", "electoral-processes"], title=f"Event {number}")
    with django_assert_max_num_queries(6):  # the first request after a change builds the index
        client.get("/events/?format=in-person")
    for page_size in (5, 30):
        settings.EVENTS_PAGE_SIZE = page_size
        with django_assert_max_num_queries(3):  # public state, the page's events, places taken
            response = client.get("/events/?theme=youth-engagement")
        assert response.status_code == 200
        assert len(response.context["events"]) == page_size


def test_the_event_page_shows_agenda_sanitised_speakers_languages_and_accessibility(client):
    event = make_event(
        agenda="## Morning\n\n<script>alert(1)</script> **Stories**",
        interpretation_languages=["ar"],
        accessibility="Step-free entrance.",
        joining_url="https://meet.example.org/secret-room",
    )
    event.speakers.create(name="Grace Atieno", role="facilitator", affiliation="Election Watch")

    html = client.get(event.get_absolute_url()).content.decode()

    assert "<h2>Morning</h2>" in html and "<strong>Stories</strong>" in html
    assert "<script>alert" not in html
    assert "Grace Atieno" in html and "Facilitator" in html
    assert "Interpretation into" in html and "Arabic" in html
    assert "Step-free entrance." in html
    assert "secret-room" not in html, "the joining link is for confirmed participants only"
    assert '"@type": "Event"' in html and "OfflineEventAttendanceMode" in html


def test_the_joining_link_shows_to_a_signed_in_confirmed_participant(client):
    event = make_event(joining_url="https://meet.example.org/secret-room")
    user = make_user("ana", email="ana@example.org")
    client.force_login(user)
    client.post(f"{event.get_absolute_url()}register/", form_data(email="ana@example.org"))

    html = client.get(event.get_absolute_url()).content.decode()

    assert "https://meet.example.org/secret-room" in html


def test_a_cancelled_event_still_shows_on_its_page_as_cancelled(client):
    event = make_event(status="cancelled", cancellation_note="The venue closed.")

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "This event is cancelled" in html and "The venue closed." in html
    assert "EventCancelled" in html
    assert "/register/" not in html


def test_drafts_and_scheduled_events_are_404_to_the_public(client):
    for event in (make_event(status="draft"), make_event(published_at=timezone.now() + timedelta(hours=1))):
        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(f"/events/{event.slug}.ics").status_code == 404
        assert client.get(f"{event.get_absolute_url()}register/").status_code == 404


def test_after_the_event_its_materials_and_outcome_resources_show(client):
    event = make_event(days=-5, materials="- [Slides](https://example.org/slides.pdf)")
    study = make_case_study(title="What the observers learned")
    draft = make_case_study(title="A draft lesson", status="draft")
    event.outcomes.set([study, draft])

    html = client.get(event.get_absolute_url()).content.decode()

    assert "What we learned" in html and "What the observers learned" in html
    assert "A draft lesson" not in html
    assert 'href="https://example.org/slides.pdf"' in html
    resource_page = client.get(study.get_absolute_url()).content.decode()
    assert "From the events" in resource_page and event.title in resource_page


def test_linking_an_outcome_renews_the_cached_resource_page(client):
    event = make_event(days=-5)
    study = make_case_study(title="What the observers learned")
    assert event.title not in client.get(study.get_absolute_url()).content.decode()

    event.outcomes.add(study)

    assert event.title in client.get(study.get_absolute_url()).content.decode()


def test_registering_over_http_queues_the_mail_and_redirects_with_a_message(client):
    event = make_event()

    response = client.post(f"{event.get_absolute_url()}register/", form_data(), follow=True)

    assert response.status_code == 200
    assert "we have e-mailed you a link" in response.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.PENDING
    assert OutgoingMail.objects.count() == 1
    assert django_mail.outbox == [], "never sent in the request"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": ""}, "Please agree to the privacy notice"),
        ({"email": "not-an-address"}, "Enter a valid email address"),
        ({"name": "   "}, "This field is required"),
        ({"country": "XX"}, "Select a valid choice"),
        ({"language": "de"}, "Select a valid choice"),
    ],
)
def test_a_bad_form_is_a_400_with_a_message_and_writes_nothing(client, changes, message):
    event = make_event()

    response = client.post(f"{event.get_absolute_url()}register/", form_data(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Registration.objects.count() == 0 and OutgoingMail.objects.count() == 0


def test_a_double_registration_over_http_is_refused_with_a_clear_message(client):
    event = make_event()
    client.post(f"{event.get_absolute_url()}register/", form_data())

    response = client.post(f"{event.get_absolute_url()}register/", form_data())

    assert response.status_code == 409
    assert "already registered for this event" in response.content.decode()
    assert Registration.objects.count() == 1


def test_registrations_are_rate_limited_per_client_address(client, settings):
    settings.EVENTS_REGISTRATIONS_PER_HOUR = 2
    event = make_event()
    answers = [
        client.post(f"{event.get_absolute_url()}register/", form_data(n)).status_code for n in range(4)
    ]

    assert answers == [302, 302, 429, 429]
    assert Registration.objects.count() == 2


def test_a_signed_in_persons_details_are_filled_in(client, partner):
    partner.email = "partner@example.org"
    partner.first_name, partner.last_name = "Amina", "Wanjiru"
    partner.save()
    client.force_login(partner)

    html = client.get(f"{make_event().get_absolute_url()}register/").content.decode()

    assert 'value="Amina Wanjiru"' in html and 'value="partner@example.org"' in html
    assert 'value="Civic Futures Network"' in html


def test_partner_only_registration_follows_the_file_rule(client, visitor, partner):
    event = make_event(access="partners")
    url = f"{event.get_absolute_url()}register/"

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    client.force_login(visitor)
    assert client.get(url).status_code == 403
    assert client.post(url, form_data()).status_code == 403
    client.force_login(partner)
    assert client.get(url).status_code == 200


def test_the_confirmation_link_shows_a_button_and_confirms_only_on_post(client):
    event = make_event()
    registration = sign_up(event)
    path = links.path_for(registration, links.CONFIRM)

    assert client.get(path).status_code == 200
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING, (
        "a mail scanner following the link takes nothing"
    )

    response = client.post(path)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancelling_from_the_emailed_link(client):
    event = make_event(capacity=1)
    first = sign_up(event, 1)
    second = sign_up(event, 2)
    path = links.path_for(first, links.MANAGE)

    page = client.get(path).content.decode()
    assert "person1@example.org" in page and "Cancel my registration" in page
    client.post(path, {"action": "cancel"})

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert second.status == RegistrationStatus.PENDING


@pytest.mark.parametrize("token", ["nonsense", "1.abc:xyz:zzz", "%00", "a" * 300])
def test_a_forged_or_broken_link_is_a_404_with_a_message(client, token):
    response = client.get(f"/events/registration/{token}/")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert client.post(f"/events/registration/{token}/confirm/").status_code == 404


def test_an_unknown_action_on_the_registration_page_is_a_400(client):
    registration = sign_up(make_event())

    assert client.post(links.path_for(registration), {"action": "delete-everything"}).status_code == 400


def test_the_account_page_lists_registrations_and_cancels_them(client):
    user = make_user("ana", email="ana@example.org")
    event = make_event(title="Observer forum")
    client.force_login(user)
    client.post(f"{event.get_absolute_url()}register/", form_data(email="ana@example.org"))
    registration = Registration.objects.get()

    html = client.get("/accounts/").content.decode()
    assert "Your event registrations" in html and "Observer forum" in html

    client.post(links.path_for(registration), {"action": "cancel"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_the_home_page_shows_the_next_three_events(client):
    for days in (5, 1, 3, 9):
        make_event(title=f"In {days} days", days=days)

    html = client.get("/").content.decode()

    assert html.index("In 1 days") < html.index("In 3 days") < html.index("In 5 days")
    assert "In 9 days" not in html


def test_the_sitemap_lists_public_events(client):
    event = make_event()
    draft = make_event(status="draft")

    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-events.xml" in index
    xml = client.get("/sitemap-events.xml").content.decode()
    assert event.get_absolute_url() in xml and draft.slug not in xml


def test_the_atom_feed_lists_new_public_events(client):
    event = make_event(title="Observer forum")
    make_event(title="A draft forum", status="draft")

    response = client.get("/events/feed/")

    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Observer forum" in body and "A draft forum" not in body
    assert event.get_absolute_url() in body


def test_the_pages_speak_arabic_right_to_left(client):
    event = make_event()

    html = client.get(f"/ar{event.get_absolute_url()}").content.decode()

    assert '<html lang="ar" dir="rtl">' in html


def test_the_lists_index_follows_changes_and_the_clock(client):
    soon = make_event(title="Soon forum", starts_at=timezone.now() + timedelta(hours=1), hours=1)
    make_event(title="Scheduled forum", published_at=timezone.now() + timedelta(minutes=30))
    first = client.get("/events/").content.decode()
    assert "Soon forum" in first and "Scheduled forum" not in first

    soon.title = "Renamed forum"
    soon.save()
    soon.themes.set([])
    assert "Renamed forum" in client.get("/events/").content.decode()
    assert client.get("/events/?theme=youth-engagement").context["events"] == []
    soon.themes.add(*Theme.objects.filter(slug="youth-engagement"))
    assert [e.title for e in client.get("/events/?theme=youth-engagement").context["events"]] == [
        "Renamed forum"
    ]

    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        assert "Scheduled forum" in client.get("/events/").content.decode()
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        assert "Renamed forum" not in client.get("/events/").content.decode()
        assert "Renamed forum" in client.get("/events/past/").content.decode()


def test_the_filterset_also_filters_a_queryset_for_other_apps():
    from events.filters import EventFilter
    from events.models import Event

    make_event(title="Youth forum", themes=["youth-engagement"], languages=["fr"])
    make_event(title="Lima forum", country="PE", city="Lima", languages=["es"], format="hybrid")

    def titles(query):
        from django.http import QueryDict

        return sorted(e.title for e in EventFilter(QueryDict(query), queryset=Event.objects.public()).qs)

    assert titles("language=fr") == ["Youth forum"]
    assert titles("region=americas&format=hybrid") == ["Lima forum"]
    assert titles("theme=youth-engagement") == ["Youth forum"]
