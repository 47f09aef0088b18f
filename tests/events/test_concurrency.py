"""Fifty people registering at the same moment for the last five places, on PostgreSQL, with
real threads and their own database connections: five places, forty-five waiting, never six."""

import threading

import pytest
from django.db import connection, connections

from events.models import Registration, RegistrationStatus
from events.registration import RegistrationRefused, cancel
from tests.events.helpers import make_event, sign_up
from tests.factories import make_user
from tests.reference_data import restore_reference_data

CLIENTS = 50


def needs_postgresql():
    if connection.vendor != "postgresql":
        # not a missing backend: the PostgreSQL run of the suite (CI runs both) covers these.
        # tests.backends.skip_missing_backend would turn the SQLite run red under REQUIRE_ALL_BACKENDS.
        pytest.skip(
            "concurrent registration runs on PostgreSQL (DATABASE_URL=postgres://...); SQLite serialises writers"
        )
    restore_reference_data()  # a transactional test's flush empties the countries and themes


def run_at_once(functions):
    barrier = threading.Barrier(len(functions))
    results, errors = [None] * len(functions), []

    def run(index, function):
        try:
            barrier.wait()
            results[index] = function()
        except Exception as error:  # noqa: BLE001 - collected and reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_fifty_at_once_for_the_last_five_places_give_five_places_and_never_six():
    needs_postgresql()
    event = make_event(capacity=25)
    for number in range(20):
        sign_up(event, 1000 + number)
    users = [make_user(f"user{n}", email=f"person{n}@example.org") for n in range(CLIENTS)]

    from events.registration import register
    from tests.events.helpers import applicant

    results, errors = run_at_once(
        [lambda n=n: register(event, applicant(n), user=users[n]).status for n in range(CLIENTS)]
    )

    assert errors == []
    assert sorted(results).count(RegistrationStatus.CONFIRMED) == 5
    assert sorted(results).count(RegistrationStatus.WAITING) == 45
    assert Registration.objects.filter(event=event).holding_place().count() == 25
    assert event.places_left() == 0


@pytest.mark.django_db(transaction=True)
def test_the_same_address_sent_twice_at_once_gets_one_registration():
    needs_postgresql()
    event = make_event(capacity=10)

    results, errors = run_at_once([lambda: sign_up(event, 7).status for _ in range(8)])

    assert len([r for r in results if r]) == 1
    assert len(errors) == 7 and all(isinstance(e, RegistrationRefused) for e in errors)
    assert Registration.objects.filter(event=event).count() == 1


@pytest.mark.django_db(transaction=True)
def test_cancellations_at_once_each_promote_one_different_person():
    needs_postgresql()
    event = make_event(capacity=5)
    holders = [sign_up(event, n) for n in range(5)]
    waiting = [sign_up(event, 100 + n) for n in range(10)]
    assert all(w.status == RegistrationStatus.WAITING for w in waiting)

    _results, errors = run_at_once([lambda h=h: cancel(h) for h in holders])

    assert errors == []
    assert Registration.objects.filter(event=event).holding_place().count() == 5
    promoted = Registration.objects.filter(event=event, promoted_at__isnull=False).order_by(
        "created_at", "id"
    )
    assert list(promoted.values_list("pk", flat=True)) == [w.pk for w in waiting[:5]]
