"""Event steps ("attend this event"): done only with a confirmed (or attended) registration,
dropping out when the event is not public, completing modules and programmes like other steps."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from events.models import RegistrationStatus
from events.models import Status as EventStatus
from programmes.models import Certificate, Enrolment, ModuleCompletion, Step, StepDone, StepKind
from tests.events.helpers import make_event
from tests.programmes.builders import (
    add_event_step,
    add_module,
    complete,
    make_programme,
    register_confirmed,
)

pytestmark = pytest.mark.django_db


def _step_url(programme, step):
    return f"/programmes/{programme.slug}/steps/{step.pk}/"


def _programme_with_event_step(event, *, steps=1, questions=0):
    programme = make_programme(modules=0)
    module = add_module(programme, steps=steps, questions=questions)
    return programme, module, add_event_step(module, event)


def test_the_page_shows_the_event_step_in_the_events_time_zone(client, visitor):
    event = make_event(title="Observers' forum", time_zone="Asia/Tokyo")
    programme, _module, _step = _programme_with_event_step(event)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Observers&#x27; forum" in page and event.get_absolute_url() in page
    assert event.local_starts_at.isoformat() in page and "Asia/Tokyo" in page
    client.force_login(visitor)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "You are not registered for this event." in page
    register_confirmed(event, visitor)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "You are registered for this event." in page


def test_the_step_is_done_with_a_confirmed_registration(client, visitor):
    event = make_event()
    programme, module, step = _programme_with_event_step(event, steps=0)
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    register_confirmed(event, visitor)
    response = client.post(_step_url(programme, step), {"done": "1"})
    assert response.status_code == 302
    assert StepDone.objects.filter(step=step, enrolment__user=visitor).exists()
    assert ModuleCompletion.objects.filter(module=module).exists()


def test_an_attended_registration_counts_too(client, visitor):
    event = make_event()
    programme, _module, step = _programme_with_event_step(event)
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    # the e-mail confirmation never came, but staff marked the person present
    register_confirmed(event, visitor, status=RegistrationStatus.PENDING, attended=True)
    assert client.post(_step_url(programme, step), {"done": "1"}).status_code == 302
    assert StepDone.objects.filter(step=step).exists()


@pytest.mark.parametrize(
    "status", [None, RegistrationStatus.PENDING, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED]
)
def test_the_step_is_refused_without_a_confirmed_registration(client, visitor, status):
    event = make_event(title="Forum on turnout")
    programme, _module, step = _programme_with_event_step(event, steps=0)
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    if status:
        register_confirmed(event, visitor, status=status)
    response = client.post(_step_url(programme, step), {"done": "1"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Register first" in page and "Forum on turnout" in page and event.get_absolute_url() in page
    # nothing half-written: no step, no module completion, no certificate
    assert not StepDone.objects.exists()
    assert not ModuleCompletion.objects.exists()
    assert not Certificate.objects.exists()
    assert Enrolment.objects.get().completed_at is None


def test_someone_elses_registration_does_not_count(client, visitor):
    from tests.factories import make_user

    event = make_event()
    programme, _module, step = _programme_with_event_step(event)
    register_confirmed(event, make_user("other"))
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    assert client.post(_step_url(programme, step), {"done": "1"}).status_code == 409
    assert not StepDone.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"status": EventStatus.DRAFT},
        {"status": EventStatus.REVIEW},
        {"status": EventStatus.CANCELLED, "published_at": None},  # cancelled before publication
        {"published_at": "future"},  # scheduled
    ],
)
def test_an_event_that_is_not_public_drops_out(client, visitor, change):
    from datetime import timedelta

    from django.utils import timezone

    event = make_event(title="Will be withdrawn")
    programme, module, step = _programme_with_event_step(event)
    resource_step = module.steps.get(kind=StepKind.RESOURCE)
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    register_confirmed(event, visitor)
    client.post(_step_url(programme, resource_step), {"done": "1"})
    assert not ModuleCompletion.objects.exists()
    for field, value in change.items():
        setattr(event, field, timezone.now() + timedelta(days=3) if value == "future" else value)
    event.save()
    assert "Will be withdrawn" not in client.get(programme.get_absolute_url()).content.decode()
    assert client.post(_step_url(programme, step), {"done": "1"}).status_code == 404
    assert not StepDone.objects.filter(step=step).exists()
    # the next change settles the module: its one open step is done
    client.post(_step_url(programme, resource_step), {"done": "1"})
    assert ModuleCompletion.objects.filter(module=module).exists()


def test_a_cancelled_public_event_stays_in_the_module_marked_cancelled(client, visitor):
    event = make_event(title="Called off")
    programme, _module, _step = _programme_with_event_step(event)
    event.status = EventStatus.CANCELLED
    event.save()
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Called off" in page and "Cancelled" in page


def test_a_module_with_event_steps_completes_and_the_certificate_is_issued(client, visitor):
    first, second = make_event(), make_event()
    programme = make_programme(modules=2, steps=1, questions=1)
    for module, event in zip(programme.modules.order_by("position"), (first, second), strict=True):
        add_event_step(module, event)
        register_confirmed(event, visitor)
    client.force_login(visitor)
    complete(client, programme)
    enrolment = Enrolment.objects.get()
    assert ModuleCompletion.objects.filter(enrolment=enrolment).count() == 2
    assert StepDone.objects.filter(enrolment=enrolment, step__kind=StepKind.EVENT).count() == 2
    assert enrolment.completed_at is not None and enrolment.certificate.is_valid
    assert b"Download your certificate" in client.get(programme.get_absolute_url()).content
    pdf = client.get(f"{programme.get_absolute_url()}certificate.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_an_unregistered_person_cannot_complete_the_programme(client, visitor):
    programme = make_programme(modules=1, steps=1, questions=0)
    add_event_step(programme.modules.get(), make_event())
    client.force_login(visitor)
    complete(client, programme)
    assert not ModuleCompletion.objects.exists() and not Certificate.objects.exists()


def test_the_database_holds_one_target_per_kind():
    programme = make_programme(modules=1, steps=1, questions=0)
    module = programme.modules.get()
    resource = module.steps.get().resource
    event = make_event()
    for fields in (
        {"kind": StepKind.EVENT},  # no event
        {"kind": StepKind.EVENT, "event": event, "resource": resource},  # both
        {"kind": StepKind.RESOURCE, "resource": resource, "event": event},  # both
        {"kind": StepKind.RESOURCE, "event": event},  # the wrong one
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Step.objects.create(module=module, **fields)
    assert Step.objects.filter(module=module).count() == 1


def test_query_counts_stay_flat_with_event_steps(client, visitor):
    client.force_login(visitor)
    counts, posts = [], []
    for modules, steps in ((1, 1), (6, 3)):
        programme = make_programme(modules=modules, steps=steps, questions=1)
        for module in programme.modules.all():
            for _ in range(steps):
                event = make_event()
                add_event_step(module, event)
                register_confirmed(event, visitor)
        complete(client, programme)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(programme.get_absolute_url()).status_code == 200
        counts.append(len(queries))
        step = programme.modules.first().steps.filter(kind=StepKind.EVENT).first()
        with CaptureQueriesContext(connection) as queries:
            client.post(_step_url(programme, step), {"done": "1"})
        posts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert posts[0] == posts[1], posts


def test_a_registration_through_the_events_app_counts_once_confirmed(client, visitor):
    """The real registration path: signed in with another address, the registration waits for
    the e-mail confirmation, and only then is the step done."""
    from events.registration import confirm, register
    from tests.events.helpers import applicant

    event = make_event()
    programme, _module, step = _programme_with_event_step(event)
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    registration = register(event, applicant(email="someone.else@example.org"), user=visitor)
    assert registration.status == RegistrationStatus.PENDING
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Your registration is not confirmed yet" in page
    assert client.post(_step_url(programme, step), {"done": "1"}).status_code == 409
    confirm(registration)
    assert client.post(_step_url(programme, step), {"done": "1"}).status_code == 302
    assert StepDone.objects.filter(step=step).exists()
