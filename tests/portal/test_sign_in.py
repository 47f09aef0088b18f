"""Sign-in, sign-out, password change and reset, and the throttling of repeated failed sign-ins."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "a-long-test-password"


@pytest.fixture
def person(db):
    return make_user("amina", email="amina@example.org")


def sign_in(client, username="amina", password=PASSWORD, address="192.0.2.10", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def signed_in(client):
    return SESSION_KEY in client.session


# --- pages ---------------------------------------------------------------------------------


def test_the_sign_in_page_uses_the_site_look_not_the_admin(client):
    page = client.get(LOGIN).content.decode()
    assert 'class="site-header"' in page and "django-admin" not in page
    assert '<label for="id_username">' in page


def test_a_person_signs_in_and_goes_back_where_they_were(client, person):
    response = client.post(
        LOGIN, {"username": "amina", "password": PASSWORD, "next": "/toolkits/"}, REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 302 and response["Location"] == "/toolkits/"
    assert signed_in(client)


def test_it_never_sends_a_person_to_another_site_after_signing_in(client, person):
    response = client.post(
        LOGIN, {"username": "amina", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("account")


def test_a_wrong_password_is_refused_with_a_message(client, person):
    response = sign_in(client, password="wrong")
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    assert not signed_in(client)


def test_signing_out_takes_a_post(client, person):
    client.force_login(person)
    assert client.get("/accounts/logout/").status_code == 405
    assert signed_in(client)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert not signed_in(client)


def test_a_person_changes_their_password(client, person):
    client.force_login(person)
    page = client.get("/accounts/password_change/")
    assert page.status_code == 200 and 'class="site-header"' in page.content.decode()
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "brand-new-passphrase-42",
            "new_password2": "brand-new-passphrase-42",
        },
    )
    assert response["Location"] == "/accounts/password_change/done/"
    person.refresh_from_db()
    assert person.check_password("brand-new-passphrase-42")


def test_password_change_needs_a_signed_in_person(client):
    assert client.get("/accounts/password_change/").status_code == 302


def test_a_person_resets_a_forgotten_password_by_e_mail(client, person, run_worker):
    page = client.get("/accounts/password_reset/")
    assert page.status_code == 200 and "django-admin" not in page.content.decode()
    response = client.post("/fr/accounts/password_reset/", {"email": "amina@example.org"})
    assert response["Location"] == "/fr/accounts/password_reset/done/"
    assert mail.outbox == [], "the request only queues the mail"
    run_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert "bibliothèque de ressources sur la démocratie" in message.subject
    link = re.search(r"http://testserver(/fr/accounts/reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and form_page.context["validlink"]
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another-good-passphrase", "new_password2": "another-good-passphrase"},
    )
    assert done["Location"] == "/fr/accounts/reset/done/"
    person.refresh_from_db()
    assert person.check_password("another-good-passphrase")
    assert client.get(link, follow=True).context["validlink"] is False


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, person, run_worker):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/accounts/password_reset/done/"
    assert run_worker() == 0
    assert mail.outbox == []


# --- throttling ------------------------------------------------------------------------------


@pytest.fixture
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.TRUSTED_PROXY_COUNT = 0
    return settings


def fail(client, times, **kwargs):
    for _ in range(times):
        sign_in(client, password="guess", **kwargs)


def test_it_locks_an_account_from_an_address_after_repeated_failures(client, person, limits):
    fail(client, 3)
    response = sign_in(client)  # even the right password is refused now
    assert response.status_code == 429
    assert b"Too many attempts to sign in" in response.content
    assert 'class="site-header"' in response.content.decode()
    assert not signed_in(client)


def test_the_lock_does_not_keep_the_partner_out_from_their_own_address(client, person, limits):
    fail(client, 5, address="198.51.100.66")  # an attacker elsewhere
    assert sign_in(client, address="192.0.2.10").status_code == 302
    assert signed_in(client)


def test_the_lock_lifts_after_the_cool_off(client, person, limits):
    fail(client, 4)
    assert sign_in(client).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client).status_code == 302
    assert signed_in(client)


def test_more_failures_during_the_lock_do_not_stretch_it(client, person, limits):
    fail(client, 3)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=14))
    fail(client, 3)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client).status_code == 302


def test_changing_the_case_of_the_username_buys_no_extra_tries(client, person, limits):
    for username in ("amina", "Amina", "AMINA "):
        sign_in(client, username=username, password="guess")
    assert sign_in(client).status_code == 429


def test_a_successful_sign_in_clears_earlier_failures(client, person, limits):
    fail(client, 2)
    assert sign_in(client).status_code == 302
    client.logout()
    fail(client, 2)
    assert sign_in(client).status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_address_changes_nothing(client, person, limits):
    for number in range(3):
        sign_in(client, password="guess", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert sign_in(client, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_a_trusted_proxy_it_throttles_the_client_not_the_proxy(client, person, limits):
    limits.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    fail(client, 3, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert sign_in(client, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # the partner's own connection through the same proxy is untouched
    assert sign_in(client, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 302


def test_failed_attempts_are_forgotten_after_the_cool_off(client, person, limits):
    fail(client, 2)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    fail(client, 1)
    assert AccessAttempt.objects.count() == 1
    assert sign_in(client).status_code == 302
