"""Staff in the admin: collections and programmes go through the library's workflow with its
roles and keep their history; self-check answers are checked; the report counts enrolment,
completion and drop-off per module and exports it; only people with the permission see it."""

import csv
import io

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from reversion.models import Version

from library.models.resources import Status
from library.workflow import TransitionNotAllowed
from programmes import publishing
from programmes.models import Collection, CollectionItem, PublishingChange, Question
from tests.factories import make_resource, make_user
from tests.programmes.builders import add_module, complete, make_collection, make_programme, right_answers

pytestmark = pytest.mark.django_db

ITEMS = {
    "items-TOTAL_FORMS": "0",
    "items-INITIAL_FORMS": "0",
    "items-MIN_NUM_FORMS": "0",
    "items-MAX_NUM_FORMS": "1000",
}


def collection_fields(**overrides):
    return {
        "title": "Where to start",
        "slug": "where-to-start",
        "summary": "First readings.",
        "introduction": "Read these.",
        "language": "en",
        "cover_alt": "",
        "published_at_0": "",
        "published_at_1": "",
        **ITEMS,
        **overrides,
    }


def test_an_editor_writes_and_submits_a_collection_but_cannot_publish(client, editor):
    resource = make_resource()
    client.force_login(editor)
    data = collection_fields(
        **{
            "items-TOTAL_FORMS": "1",
            "items-0-position": "0",
            "items-0-resource": str(resource.pk),
            "items-0-note": "Read chapter 2 first",
        }
    )
    response = client.post(reverse("admin:programmes_collection_add"), data)
    assert response.status_code == 302, response.content
    collection = Collection.objects.get()
    assert collection.status == Status.DRAFT and collection.created_by == editor
    assert CollectionItem.objects.get().note == "Read chapter 2 first"
    change = reverse("admin:programmes_collection_change", args=[collection.pk])
    page = client.get(change)
    assert b'value="submit"' in page.content and b'value="publish"' not in page.content
    data.update(
        {
            "items-INITIAL_FORMS": "1",
            "items-0-id": str(CollectionItem.objects.get().pk),
            "items-0-collection": str(collection.pk),
            "_transition": "submit",
        }
    )
    assert client.post(change, data).status_code == 302
    collection.refresh_from_db()
    assert collection.status == Status.REVIEW
    with pytest.raises(TransitionNotAllowed):
        publishing.COLLECTIONS.apply(collection, "publish", editor)
    # in review, nothing public changed
    assert client.get(collection.get_absolute_url()).status_code == 404


def test_a_publisher_publishes_and_every_move_and_save_is_kept(client, publisher):
    collection = make_collection(status=Status.REVIEW, published_at=None)
    publishing.COLLECTIONS.apply(collection, "publish", publisher)
    collection.refresh_from_db()
    assert collection.is_public
    move = PublishingChange.objects.get()
    assert (move.transition, move.from_status, move.to_status, move.by) == (
        "publish",
        "review",
        "published",
        publisher,
    )
    assert list(publishing.COLLECTIONS.history(collection)) == [move]
    assert Version.objects.get_for_object(collection).count() >= 2  # made, then published
    moved, skipped = publishing.COLLECTIONS.apply_to_many(Collection.objects.all(), "archive", publisher)
    assert (moved, skipped) == (1, 0)
    assert client.get(collection.get_absolute_url()).status_code == 404


def test_an_editor_submits_a_new_collection_with_its_first_save(client, editor):
    client.force_login(editor)
    add = reverse("admin:programmes_collection_add")
    assert b'name="_transition" value="submit"' in client.get(add).content
    response = client.post(add, collection_fields(_transition="submit"), follow=True)
    collection = Collection.objects.get()
    assert collection.status == Status.REVIEW and collection.created_by == editor
    assert "“Where to start” is now in review." in response.content.decode()
    assert PublishingChange.objects.get().by == editor


def test_bulk_moves_say_what_moved_and_what_was_left(client, editor, publisher):
    in_review = make_collection(status=Status.REVIEW, published_at=None)
    draft = make_collection(status=Status.DRAFT, published_at=None)
    url = reverse("admin:programmes_collection_changelist")
    data = {"action": "publish_now", ACTION_CHECKBOX_NAME: [str(in_review.pk), str(draft.pk)], "index": "0"}
    client.force_login(editor)
    offered = client.get(url).content.decode()
    assert 'value="submit_for_review"' in offered and 'value="return_to_draft"' in offered
    assert 'value="publish_now"' not in offered and 'value="archive"' not in offered
    client.post(url, data)
    assert not PublishingChange.objects.exists()

    client.force_login(publisher)
    content = client.post(url, data, follow=True).content.decode()

    assert "Publish: 1 moved." in content and "1 was left as it was" in content
    assert Collection.objects.get(pk=in_review.pk).is_public
    assert Collection.objects.get(pk=draft.pk).status == Status.DRAFT


def test_a_programmes_form_links_to_its_report(client, publisher):
    programme, collection = make_programme(modules=1), make_collection()
    client.force_login(publisher)
    report = reverse("admin:programmes_programme_report", args=[programme.pk])
    page = client.get(reverse("admin:programmes_programme_change", args=[programme.pk])).content.decode()
    assert f'href="{report}"' in page and 'class="module aligned workflow"' in page
    page = client.get(reverse("admin:programmes_collection_change", args=[collection.pk])).content.decode()
    assert "/report/" not in page and "Recent moves" not in page


def test_an_editor_may_not_change_a_published_collection(client, editor):
    collection = make_collection()
    client.force_login(editor)
    response = client.post(
        reverse("admin:programmes_collection_change", args=[collection.pk]),
        collection_fields(title="Changed"),
    )
    assert response.status_code == 403
    collection.refresh_from_db()
    assert collection.title != "Changed"


def test_a_question_needs_one_correct_answer(client):
    admin = make_user("boss", is_staff=True, is_superuser=True)
    programme = make_programme(modules=1, steps=0, questions=1)
    question = Question.objects.get()
    client.force_login(admin)
    data = {
        "module": str(question.module_id),
        "position": "0",
        "text": "Which?",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        "choices-0-text": "A",
        "choices-0-position": "0",
        "choices-0-correct": "on",
        "choices-1-text": "B",
        "choices-1-position": "1",
        "choices-1-correct": "on",
    }
    url = reverse("admin:programmes_question_add")
    response = client.post(url, data)
    assert response.status_code == 200 and b"Mark exactly one answer" in response.content
    assert Question.objects.count() == 1
    assert programme.pk


def test_the_report_counts_enrolment_completion_and_drop_off(client, publisher):
    programme = make_programme(modules=3, steps=1, questions=0)
    first, second, _third = programme.modules.order_by("position")
    # four people: one completes all, one stops after the first module, one after enrolling, one does module 2 only
    done_all, after_first, at_start, out_of_order = (make_user(name) for name in ("a", "b", "c", "d"))
    client.force_login(done_all)
    complete(client, programme)
    client.force_login(after_first)
    client.post(f"{programme.get_absolute_url()}enrol/")
    client.post(f"/programmes/{programme.slug}/steps/{first.steps.get().pk}/", {"done": "1"})
    client.force_login(at_start)
    client.post(f"{programme.get_absolute_url()}enrol/")
    client.force_login(out_of_order)
    client.post(f"{programme.get_absolute_url()}enrol/")
    client.post(f"/programmes/{programme.slug}/steps/{second.steps.get().pk}/", {"done": "1"})

    client.force_login(publisher)
    page = client.get(reverse("admin:programmes_programme_report", args=[programme.pk]))
    assert page.status_code == 200
    report = page.context["report"]
    assert (report.enrolled, report.completed, report.certificates_valid) == (4, 1, 1)
    rows = [(row.reached, row.completed, row.dropped) for row in report.modules]
    assert rows == [(4, 2, 2), (2, 2, 1), (1, 1, 0)]
    export = client.get(reverse("admin:programmes_programme_report_csv", args=[programme.pk]))
    lines = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert lines[1][1:] == ["4", "1", "1"]
    assert lines[4] == ["1", "Module 1", "4", "2", "2", "50"]


def test_the_report_is_for_staff_with_the_permission(client, editor, visitor):
    programme = make_programme(modules=1)
    url = reverse("admin:programmes_programme_report", args=[programme.pk])
    client.force_login(editor)
    assert client.get(url).status_code == 403
    client.force_login(visitor)
    assert client.get(url).status_code == 302  # the admin's sign-in


def test_the_report_takes_a_fixed_number_of_queries(client, publisher, django_assert_max_num_queries):
    programme = make_programme(modules=6, steps=1, questions=1)
    for number in range(5):
        client.force_login(make_user(f"person{number}"))
        client.post(f"{programme.get_absolute_url()}enrol/")
        module = programme.modules.order_by("position").first()
        client.post(f"/programmes/{programme.slug}/modules/{module.pk}/self-check/", right_answers(module))
    add_module(programme, 7)
    client.force_login(publisher)
    with django_assert_max_num_queries(12):
        assert (
            client.get(reverse("admin:programmes_programme_report", args=[programme.pk])).status_code == 200
        )


def test_an_editor_cannot_add_a_module_to_a_published_programme(client, editor):
    published = make_programme(modules=0)
    draft = make_programme(modules=0, status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    data = {
        "programme": str(published.pk),
        "position": "0",
        "title": "Sneaked in",
        "text": "",
        "pass_mark": "80",
        **{
            f"{prefix}-{key}": value
            for prefix in ("steps", "questions")
            for key, value in (
                ("TOTAL_FORMS", "0"),
                ("INITIAL_FORMS", "0"),
                ("MIN_NUM_FORMS", "0"),
                ("MAX_NUM_FORMS", "1000"),
            )
        },
    }
    response = client.post(reverse("admin:programmes_module_add"), data)
    assert response.status_code == 200 and not published.modules.exists()
    assert (
        client.post(reverse("admin:programmes_module_add"), {**data, "programme": str(draft.pk)}).status_code
        == 302
    )
    assert draft.modules.get().title == "Sneaked in"


def test_every_admin_page_opens(client):
    admin = make_user("boss", is_staff=True, is_superuser=True)
    collection = make_collection([make_resource()])
    programme = make_programme(modules=1, steps=1, questions=1)
    learner = make_user("learner")
    client.force_login(learner)
    complete(client, programme)
    client.force_login(admin)
    module = programme.modules.get()
    question = module.questions.get()
    certificate = programme.enrolments.get().certificate
    for name, args in [
        ("programmes_collection_changelist", []),
        ("programmes_collection_change", [collection.pk]),
        ("programmes_collection_history", [collection.pk]),
        ("programmes_programme_changelist", []),
        ("programmes_programme_change", [programme.pk]),
        ("programmes_module_change", [module.pk]),
        ("programmes_question_change", [question.pk]),
        ("programmes_enrolment_changelist", []),
        ("programmes_certificate_changelist", []),
        ("programmes_certificate_change", [certificate.pk]),
        ("programmes_publishingchange_changelist", []),
    ]:
        response = client.get(reverse(f"admin:{name}", args=args))
        assert response.status_code == 200, name


def _module_form(module, steps):
    """The module's admin form with these new step rows and no questions."""
    data = {
        "programme": str(module.programme_id),
        "position": "0",
        "title": module.title,
        "text": "",
        "pass_mark": "80",
        "steps-TOTAL_FORMS": str(len(steps)),
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(steps):
        data.update(
            {f"steps-{index}-{key}": value for key, value in {"position": "0", "note": "", **row}.items()}
        )
    return data


def test_staff_choose_an_event_for_an_event_step(client):
    from programmes.models import Step, StepKind
    from tests.events.helpers import make_event

    admin = make_user("boss", is_staff=True, is_superuser=True)
    programme = make_programme(modules=1, steps=0, questions=0, status=Status.DRAFT, published_at=None)
    module = programme.modules.get()
    event = make_event(title="Forum to attend")
    client.force_login(admin)
    url = reverse("admin:programmes_module_change", args=[module.pk])
    page = client.get(url).content.decode()
    assert 'name="steps-0-event"' in page and "Attend an event" in page
    # an event step without its event, or with a resource too, is refused and nothing is written
    for row in (
        {"kind": "event"},
        {"kind": "event", "event": str(event.pk), "resource": str(make_resource().pk)},
    ):
        response = client.post(url, _module_form(module, [row]))
        assert response.status_code == 200 and b"errorlist" in response.content
        assert not Step.objects.exists()
    response = client.post(url, _module_form(module, [{"kind": "event", "event": str(event.pk)}]))
    assert response.status_code == 302
    step = Step.objects.get()
    assert step.kind == StepKind.EVENT and step.event == event and step.resource is None
