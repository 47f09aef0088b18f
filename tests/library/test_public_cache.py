"""Anonymous public pages are cached, and no change to public content ever leaves a stale page."""

import io
import time
from datetime import timedelta

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory
from django.utils import timezone

from library.cache import public_state
from library.models import PublicVersion
from library.models.resources import Status
from tests.factories import make_file, make_resource, make_toolkit

pytestmark = pytest.mark.django_db


def test_it_serves_the_second_anonymous_visit_from_the_cache(client):
    make_resource(title="Observing elections")
    assert client.get("/library/")["X-Cache"] == "miss"
    again = client.get("/library/")
    assert again["X-Cache"] == "hit"
    assert "Observing elections" in again.content.decode()


def test_it_shows_a_resource_the_moment_it_is_published(client):
    draft = make_resource(title="Counting the vote", status=Status.DRAFT)
    assert "Counting the vote" not in client.get("/library/").content.decode()
    draft.status = Status.PUBLISHED
    draft.save()
    assert "Counting the vote" in client.get("/library/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_it_hides_a_resource_the_moment_it_is_unpublished(client):
    resource = make_resource(title="Youth councils", themes=["youth-engagement"], tags=["councils"])
    pages = ["/", "/library/", "/guides/", "/themes/youth-engagement/", "/tags/councils/"]
    for url in pages:
        assert "Youth councils" in client.get(url).content.decode(), url
    assert client.get(resource.get_absolute_url()).status_code == 200
    resource.status = Status.ARCHIVED
    resource.save()
    for url in pages:
        assert "Youth councils" not in client.get(url).content.decode(), url
    assert client.get(resource.get_absolute_url()).status_code == 404


def test_it_shows_a_scheduled_resource_when_its_time_comes_without_any_save(client):
    due = timezone.now() + timedelta(seconds=1.5)
    make_resource(title="Scheduled handbook", published_at=due)
    assert "Scheduled handbook" not in client.get("/library/").content.decode()
    assert client.get("/library/")["X-Cache"] == "hit"
    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.1)
    assert "Scheduled handbook" in client.get("/library/").content.decode()


def test_no_cache_entry_outlives_the_next_scheduled_publication():
    make_resource(published_at=timezone.now() + timedelta(seconds=90))
    state = public_state()
    assert 0 < state.seconds_left(600, timezone.now()) <= 90


def test_it_shows_a_new_file_on_the_resource_page_at_once(client):
    toolkit = make_toolkit(title="Polling station kit")
    client.get(toolkit.get_absolute_url())
    make_file(toolkit, title="Checklist for observers")
    assert "Checklist for observers" in client.get(toolkit.get_absolute_url()).content.decode()


def test_it_updates_theme_pages_and_counts_when_a_theme_is_added(client):
    resource = make_resource(title="Radio for all")
    assert "Radio for all" not in client.get("/themes/media-and-freedom-of-information/").content.decode()
    resource.themes.add(*resource.themes.model.objects.filter(slug="media-and-freedom-of-information"))
    assert "Radio for all" in client.get("/themes/media-and-freedom-of-information/").content.decode()


def test_a_download_does_not_empty_the_cache(client):
    resource_file = make_file(make_toolkit())
    client.get("/library/")
    b"".join(client.get(resource_file.get_absolute_url()).streaming_content)
    assert client.get("/library/")["X-Cache"] == "hit"


def test_each_language_has_its_own_cached_page(client):
    make_resource()
    client.get("/library/")
    french = client.get("/fr/library/")
    assert french["X-Cache"] == "miss"
    assert '<html lang="fr"' in french.content.decode()


def test_public_pages_may_be_kept_by_shared_caches_only_with_revalidation(client):
    make_resource()
    response = client.get("/library/")
    assert set(response["Cache-Control"].split(", ")) == {"public", "no-cache"}
    assert "ETag" in response


def test_the_unprefixed_pages_vary_on_language_and_cookies(client):
    vary = {value.strip() for value in client.get("/library/")["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary


def test_pages_of_signed_in_people_are_private_and_never_stored(client, visitor):
    make_resource()
    client.force_login(visitor)
    response = client.get("/library/")
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store", "max-age=0"}
    assert "X-Cache" not in response
    client.logout()
    assert client.get("/library/")["X-Cache"] == "miss"


def test_the_account_page_is_private(client, visitor):
    client.force_login(visitor)
    assert "no-store" in client.get("/accounts/")["Cache-Control"]


def test_partner_files_are_never_stored_by_shared_caches(client, partner):
    resource_file = make_file(make_toolkit(), access="partners")
    client.force_login(partner)
    response = client.get(resource_file.get_absolute_url())
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert "private" in response["Cache-Control"].split(", ")


def test_public_files_are_revalidated_by_caches(client, visitor):
    resource_file = make_file(make_toolkit())
    for signed_in in (False, True):
        if signed_in:
            client.force_login(visitor)
        response = client.get(resource_file.get_absolute_url())
        b"".join(response.streaming_content)
        assert "no-cache" in response["Cache-Control"].split(", ")


def test_the_cache_is_not_used_when_it_is_switched_off(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    make_resource()
    client.get("/library/")
    assert "X-Cache" not in client.get("/library/")


def test_a_bad_query_is_answered_400_and_not_cached(client):
    assert client.get("/library/?year_from=soon").status_code == 400
    assert "X-Cache" not in client.get("/library/?year_from=soon")


def test_a_lost_version_row_makes_every_page_new(client):
    make_resource()
    client.get("/library/")
    PublicVersion.objects.all().delete()
    assert client.get("/library/")["X-Cache"] == "miss"


def test_anonymous_pages_carry_no_per_visitor_token_so_they_can_be_shared(client):
    response = client.get("/library/")
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_the_language_can_be_changed_without_a_token(client):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/i18n/setlang/", {"language": "fr", "next": "/library/"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/library/"


def test_a_reader_with_a_message_waiting_gets_a_fresh_page(client):
    make_resource()
    client.get("/library/")
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = storage._encode([Message(constants.INFO, "You have been signed out.")])
    response = client.get("/library/")
    assert "You have been signed out." in response.content.decode()
    assert response.get("X-Cache") != "hit"


def test_theme_counts_are_remembered_and_updated_when_a_resource_is_published(client, visitor):
    client.force_login(visitor)  # signed in: the page is rendered afresh, the counts come from the cache
    draft = make_resource(themes=["youth-engagement"], status=Status.DRAFT)
    make_resource(themes=["youth-engagement"])
    assert "1 resource<" in client.get("/themes/").content.decode()
    draft.status = Status.PUBLISHED
    draft.save()
    assert "2 resources<" in client.get("/themes/").content.decode()


def test_an_import_shows_its_published_resources_at_once(client, tmp_path):
    from django.core.management import call_command

    from tests.library.importing_helpers import a_record, write_lines

    for url in ("/library/", "/themes/electoral-processes/"):
        assert "How to observe an election" not in client.get(url).content.decode()
    call_command(
        "import_resources", str(write_lines(tmp_path / "in.jsonl", a_record(tags=[]))), stdout=io.StringIO()
    )
    for url in ("/library/", "/themes/electoral-processes/"):
        assert "How to observe an election" in client.get(url).content.decode(), url


def test_a_save_of_counters_only_keeps_the_cached_pages(client):
    """Counters change on reading, not on editing: no new version, no reindexing."""
    resource = make_resource()
    client.get("/library/")
    resource.download_count = 5
    resource.save(update_fields=["download_count"])
    assert client.get("/library/")["X-Cache"] == "hit"
    resource.title = "Renamed"
    resource.save()
    assert client.get("/library/")["X-Cache"] == "miss"
