"""Builders for collections and programmes in tests."""

import itertools

from library.models import Theme
from library.models.resources import Status
from programmes.models import Choice, Collection, CollectionItem, Module, Programme, Question, Step
from tests.factories import a_moment_ago, make_resource

_numbers = itertools.count(1)


def make_collection(resources=(), *, themes=(), notes=None, **fields):
    number = next(_numbers)
    values = {
        "title": f"Collection number {number}",
        "slug": f"collection-{number}",
        "summary": "Where to start.",
        "introduction": "Read these *in order*.",
        "status": Status.PUBLISHED,
        "published_at": a_moment_ago(),
    }
    values.update(fields)
    collection = Collection.objects.create(**values)
    if themes:
        collection.themes.set(Theme.objects.filter(slug__in=themes))
    for position, resource in enumerate(resources):
        CollectionItem.objects.create(
            collection=collection,
            resource=resource,
            position=position,
            note=(notes or {}).get(resource.pk, ""),
        )
    return collection


def make_programme(modules=2, *, steps=2, questions=1, **fields):
    """A published programme of `modules` modules, each with `steps` resource steps (new public
    resources) and `questions` self-check questions whose first answer is the right one."""
    number = next(_numbers)
    values = {
        "title": f"Programme number {number}",
        "slug": f"programme-{number}",
        "summary": "A guided path.",
        "learning_goals": "- Learn",
        "status": Status.PUBLISHED,
        "published_at": a_moment_ago(),
    }
    values.update(fields)
    programme = Programme.objects.create(**values)
    for position in range(modules):
        add_module(programme, position, steps=steps, questions=questions)
    return programme


def add_module(programme, position=0, *, steps=2, questions=1, resources=None):
    module = Module.objects.create(
        programme=programme, position=position, title=f"Module {position + 1}", text="Text"
    )
    for index, resource in enumerate(resources or [make_resource() for _ in range(steps)]):
        Step.objects.create(module=module, position=index, resource=resource)
    for index in range(questions):
        question = Question.objects.create(module=module, position=index, text=f"Question {index + 1}?")
        Choice.objects.create(question=question, position=0, text="Right", correct=True)
        Choice.objects.create(question=question, position=1, text="Wrong", correct=False)
    return module


def right_answers(module):
    return {f"q{q.pk}": str(q.choices.get(correct=True).pk) for q in module.questions.all()}


def wrong_answers(module):
    return {f"q{q.pk}": str(q.choices.get(correct=False).pk) for q in module.questions.all()}


def complete(client, programme):
    """Enrol the client's person and do everything, through the public forms."""
    client.post(f"/programmes/{programme.slug}/enrol/")
    for module in programme.modules.order_by("position"):
        for step in module.steps.all():
            client.post(f"/programmes/{programme.slug}/steps/{step.pk}/", {"done": "1"})
        if module.questions.exists():
            client.post(
                f"/programmes/{programme.slug}/modules/{module.pk}/self-check/", right_answers(module)
            )


def unpublish(resource):
    resource.status = Status.DRAFT
    resource.save()


def add_event_step(module, event, position=100, note=""):
    """An "attend this event" step at the end of the module."""
    from programmes.models import StepKind

    return Step.objects.create(module=module, position=position, kind=StepKind.EVENT, event=event, note=note)


def register_confirmed(event, user, **fields):
    """A confirmed registration for `user` (made from their account), as the events app leaves it."""
    from django.utils import timezone

    from events.models import Registration, RegistrationStatus

    values = {
        "event": event,
        "user": user,
        "name": user.get_username(),
        "email": user.email or f"{user.get_username()}@example.org",
        "status": RegistrationStatus.CONFIRMED,
        "email_verified": True,
        "confirmed_at": timezone.now(),
    }
    values.update(fields)
    return Registration.objects.create(**values)
