"""Programmes: reading, enrolment, steps, self-checks marked on the server, completion and the
partners-only rule. Every bad form is a clear 4xx that writes nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models.resources import Status
from programmes.models import Certificate, CheckAttempt, Enrolment, ModuleCompletion, StepDone
from tests.factories import make_resource
from tests.programmes.builders import (
    add_module,
    complete,
    make_programme,
    right_answers,
    unpublish,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def test_anyone_reads_a_programme_and_is_offered_sign_in(client):
    programme = make_programme(title="Observing elections")
    response = client.get(programme.get_absolute_url())
    assert response.status_code == 200
    assert b"Observing elections" in response.content and b"Sign in to enrol" in response.content
    assert client.get(programme.get_absolute_url())["X-Cache"] == "hit"


def test_drafts_are_404_and_absent_from_the_list(client):
    draft = make_programme(status=Status.DRAFT, title="Draft programme")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert b"Draft programme" not in client.get("/programmes/").content


@pytest.mark.parametrize("path", ["/programmes/?level=expert", "/programmes/?language=zz"])
def test_bad_list_filters_are_400(client, path):
    assert client.get(path).status_code == 400


def test_partners_only_follows_the_file_rule(client, visitor, partner, staff):
    programme = make_programme(partners_only=True)
    url = programme.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(visitor)
    assert client.get(url).status_code == 403
    assert client.post(f"{url}enrol/").status_code == 403
    assert not Enrolment.objects.exists()
    client.force_login(partner)
    assert client.get(url).status_code == 200
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_enrolment_needs_sign_in_and_post(client, visitor):
    programme = make_programme()
    response = client.post(f"{programme.get_absolute_url()}enrol/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(visitor)
    assert client.get(f"{programme.get_absolute_url()}enrol/").status_code == 405
    assert client.post(f"{programme.get_absolute_url()}enrol/").status_code == 302
    assert client.post(f"{programme.get_absolute_url()}enrol/").status_code == 302  # twice: still one
    assert Enrolment.objects.filter(user=visitor, programme=programme).count() == 1


def test_marking_steps_needs_an_enrolment_and_a_valid_form(client, visitor):
    programme = make_programme(modules=1, steps=1, questions=0)
    step = programme.modules.get().steps.get()
    url = f"/programmes/{programme.slug}/steps/{step.pk}/"
    client.force_login(visitor)
    assert client.post(url, {"done": "1"}).status_code == 403
    client.post(f"{programme.get_absolute_url()}enrol/")
    assert client.post(url, {"done": "yes"}).status_code == 400
    assert client.post(url, {}).status_code == 400
    assert not StepDone.objects.exists()
    other = make_programme(modules=1, steps=1, questions=0)
    other_step = other.modules.get().steps.get()
    assert (
        client.post(f"/programmes/{programme.slug}/steps/{other_step.pk}/", {"done": "1"}).status_code == 404
    )
    assert client.post(url, {"done": "1"}).status_code == 302
    assert StepDone.objects.filter(step=step).count() == 1


def test_a_module_completes_with_its_steps_and_its_self_check(client, visitor):
    programme = make_programme(modules=2, steps=2, questions=2)
    first, second = programme.modules.order_by("position")
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    enrolment = Enrolment.objects.get()
    steps = list(first.steps.all())
    client.post(f"/programmes/{programme.slug}/steps/{steps[0].pk}/", {"done": "1"})
    # undoing is allowed while the module is open
    client.post(f"/programmes/{programme.slug}/steps/{steps[0].pk}/", {"done": "0"})
    assert not StepDone.objects.exists()
    for step in steps:
        client.post(f"/programmes/{programme.slug}/steps/{step.pk}/", {"done": "1"})
    assert not ModuleCompletion.objects.exists()  # the self-check is still to pass
    check = f"/programmes/{programme.slug}/modules/{first.pk}/self-check/"
    response = client.post(check, wrong_answers(first))
    assert response.status_code == 200 and b"Not passed yet" in response.content
    assert not ModuleCompletion.objects.exists()
    response = client.post(check, right_answers(first))
    assert b"Passed" in response.content
    assert list(ModuleCompletion.objects.values_list("module_id", flat=True)) == [first.pk]
    # a completed module's steps stay done
    assert client.post(f"/programmes/{programme.slug}/steps/{steps[0].pk}/", {"done": "0"}).status_code == 409
    assert StepDone.objects.filter(enrolment=enrolment).count() == 2
    assert not Certificate.objects.exists() and Enrolment.objects.get().completed_at is None
    assert second.pk not in set(ModuleCompletion.objects.values_list("module_id", flat=True))


def test_the_pass_mark_is_applied_on_the_server(client, visitor):
    programme = make_programme(modules=1, steps=0, questions=5)
    module = programme.modules.get()
    module.pass_mark = 60
    module.save()
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    answers = wrong_answers(module)
    right = right_answers(module)
    keys = list(answers)
    for key in keys[:2]:
        answers[key] = right[key]
    url = f"/programmes/{programme.slug}/modules/{module.pk}/self-check/"
    assert b"2 of 5 answers right" in client.post(url, answers).content
    assert not ModuleCompletion.objects.exists()
    answers[keys[2]] = right[keys[2]]
    assert b"3 of 5 answers right" in client.post(url, answers).content
    assert ModuleCompletion.objects.count() == 1
    assert list(CheckAttempt.objects.order_by("id").values_list("correct", "passed")) == [
        (2, False),
        (3, True),
    ]


@pytest.mark.parametrize(
    "answers",
    [{}, {"q1": "x"}, "missing-one", "choice-of-another-question"],
)
def test_a_bad_self_check_is_400_and_records_nothing(client, visitor, answers):
    programme = make_programme(modules=1, steps=0, questions=2)
    module = programme.modules.get()
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    right = right_answers(module)
    keys = list(right)
    if answers == "missing-one":
        answers = {keys[0]: right[keys[0]]}
    elif answers == "choice-of-another-question":
        answers = {keys[0]: right[keys[1]], keys[1]: right[keys[1]]}
    response = client.post(f"/programmes/{programme.slug}/modules/{module.pk}/self-check/", answers)
    assert response.status_code == 400
    assert b"Answer every question" in response.content
    assert not CheckAttempt.objects.exists()


def test_self_checks_are_rate_limited(client, visitor, settings):
    from programmes.views import programmes as views

    programme = make_programme(modules=1, steps=0, questions=1)
    module = programme.modules.get()
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    url = f"/programmes/{programme.slug}/modules/{module.pk}/self-check/"
    for _ in range(views.SELF_CHECK_LIMIT):
        assert client.post(url, wrong_answers(module)).status_code == 200
    response = client.post(url, wrong_answers(module))
    assert response.status_code == 429 and response.has_header("Retry-After")
    assert CheckAttempt.objects.count() == views.SELF_CHECK_LIMIT


def test_an_unpublished_resource_drops_out_of_the_steps(client, visitor):
    first, withdrawn = make_resource(title="Stays"), make_resource(title="Withdrawn soon")
    programme = make_programme(modules=0)
    module = add_module(programme, steps=0, questions=0, resources=[first, withdrawn])
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    client.post(f"/programmes/{programme.slug}/steps/{first.programme_steps.get().pk}/", {"done": "1"})
    assert not ModuleCompletion.objects.exists()
    unpublish(withdrawn)
    assert b"Withdrawn soon" not in client.get(programme.get_absolute_url()).content
    step = withdrawn.programme_steps.get()
    assert client.post(f"/programmes/{programme.slug}/steps/{step.pk}/", {"done": "1"}).status_code == 404
    # the next change settles the module: its one open step is done
    client.post(f"/programmes/{programme.slug}/steps/{first.programme_steps.get().pk}/", {"done": "1"})
    assert ModuleCompletion.objects.filter(module=module).exists()


def test_completing_everything_issues_one_certificate(client, visitor):
    programme = make_programme(modules=3, steps=1, questions=1)
    client.force_login(visitor)
    complete(client, programme)
    enrolment = Enrolment.objects.get()
    assert enrolment.completed_at is not None
    assert enrolment.certificate.holder_name == "visitor"
    assert enrolment.certificate.programme_title == programme.title
    page = client.get(programme.get_absolute_url())
    assert b"Download your certificate" in page.content
    assert enrolment.certificate.code.encode() in page.content


def test_the_account_page_shows_progress(client, visitor):
    programme = make_programme(modules=2, steps=1, questions=0, title="My programme")
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")
    step = programme.modules.order_by("position").first().steps.get()
    client.post(f"/programmes/{programme.slug}/steps/{step.pk}/", {"done": "1"})
    response = client.get("/accounts/")
    assert b"Your programmes" in response.content and b"My programme" in response.content
    assert b"1 of 2 modules completed" in response.content


def test_nobody_sees_another_persons_progress(client, visitor):
    from tests.factories import make_user

    programme = make_programme(modules=1, steps=1, questions=0)
    client.force_login(visitor)
    complete(client, programme)
    client.force_login(make_user("other"))
    page = client.get(programme.get_absolute_url())
    assert b"Enrol in this programme" in page.content and b"Download your certificate" not in page.content
    assert b"Your programmes" not in client.get("/accounts/").content
    assert client.get(f"{programme.get_absolute_url()}certificate.pdf").status_code == 404


def test_query_counts_do_not_grow_with_the_number_of_modules(client, visitor):
    small, large = make_programme(modules=1, steps=1), make_programme(modules=8, steps=4, questions=2)
    client.force_login(visitor)
    counts = []
    for programme in (small, large):
        complete(client, programme)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(programme.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    with CaptureQueriesContext(connection) as queries:
        client.post(
            f"/programmes/{large.slug}/steps/{large.modules.first().steps.first().pk}/", {"done": "1"}
        )
    step_post = len(queries)
    with CaptureQueriesContext(connection) as queries:
        client.post(
            f"/programmes/{small.slug}/steps/{small.modules.first().steps.first().pk}/", {"done": "1"}
        )
    assert len(queries) == step_post


def test_resource_pages_name_the_open_programmes_they_are_part_of(client):
    resource = make_resource()
    open_programme = make_programme(modules=0, title="Open programme")
    add_module(open_programme, resources=[resource], questions=0)
    partners = make_programme(modules=0, title="Closed programme", partners_only=True)
    add_module(partners, resources=[resource], questions=0)
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Part of" in page and "Open programme" in page and open_programme.get_absolute_url() in page
    assert "Closed programme" not in page


def test_a_failure_while_settling_leaves_no_half_written_progress(client, visitor, monkeypatch):
    programme = make_programme(modules=1, steps=1, questions=0)
    step = programme.modules.get().steps.get()
    client.force_login(visitor)
    client.post(f"{programme.get_absolute_url()}enrol/")

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Certificate.objects, "create", broken)
    with pytest.raises(RuntimeError):
        client.post(f"/programmes/{programme.slug}/steps/{step.pk}/", {"done": "1"})
    # the step, the module's completion and the certificate come together or not at all
    assert not StepDone.objects.exists()
    assert not ModuleCompletion.objects.exists()
    assert Enrolment.objects.get().completed_at is None


def test_the_account_section_takes_a_fixed_number_of_queries(client, visitor):
    client.force_login(visitor)
    counts = []
    for total in (1, 6):
        while Enrolment.objects.filter(user=visitor).count() < total:
            programme = make_programme(modules=2, steps=1, questions=0)
            complete(client, programme)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/accounts/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
