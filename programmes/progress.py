"""Enrolment and progress: what a person has done in a programme, and the certificate at the end.

Every change happens in one transaction with the enrolment row locked, so two requests at once
(a double click, two tabs) can never leave half-written progress: the step, the module's
completion and the certificate are written together or not at all.

A module is complete when every *open* step of it is done (a step whose resource was unpublished,
or whose event is not public, drops out) and, if it has a self-check, the self-check was passed. A module with neither open
steps nor a self-check is complete as soon as the person enrols (there is only its text to read).

An event step ("attend this event") is marked done like any other step, but only by a person who
holds a confirmed registration for the event (or one marked attended) made from their account.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import get_language

from events.models import Registration, RegistrationStatus
from programmes.models import (
    Certificate,
    CheckAttempt,
    Enrolment,
    Module,
    ModuleCompletion,
    Programme,
    Step,
    StepDone,
    StepKind,
)

# what a person's registration for an event says on an event step
REGISTERED = "registered"  # confirmed or attended: the step may be marked done
AWAITING = "awaiting"  # pending e-mail confirmation or on the waiting list


def modules_of(programme):
    """The programme's modules in order, each with its steps (and their resources or events) and its number
    of self-check questions: three queries however many modules and steps there are."""
    steps = Step.objects.select_related("resource", "event").order_by("position", "id")
    return list(
        Module.objects.filter(programme=programme)
        .annotate(question_count=Count("questions"))
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("position", "id")
    )


@dataclass
class ModuleProgress:
    module: Module
    steps: list  # open steps, in order
    done: set = field(default_factory=set)  # ids of the open steps done
    check_passed: bool = False
    completed: bool = False  # recorded as complete (ModuleCompletion)

    @property
    def has_check(self):
        return self.module.question_count > 0

    @property
    def requirements_met(self):
        return all(step.pk in self.done for step in self.steps) and (self.check_passed or not self.has_check)

    @property
    def done_count(self):
        return len(self.done)


@dataclass
class Progress:
    enrolment: Enrolment | None
    modules: list  # ModuleProgress, in order
    certificate: Certificate | None = None
    newly_certified: bool = False  # this very change completed the programme
    registrations: dict = field(default_factory=dict)  # event id: REGISTERED or AWAITING

    @property
    def completed_modules(self):
        return sum(1 for module in self.modules if module.completed)

    @property
    def percent(self):
        return round(100 * self.completed_modules / len(self.modules)) if self.modules else 0

    @property
    def complete(self):
        return bool(self.modules) and all(module.completed for module in self.modules)


def holds_registration(user):
    """The registrations that let `user` mark an event step done: confirmed, or attended."""
    return Registration.objects.filter(user=user).filter(
        Q(status=RegistrationStatus.CONFIRMED) | Q(attended=True)
    )


def registrations_of(user, event_ids):
    """{event id: REGISTERED or AWAITING} for the person's own registrations to these events, in
    one query (none for nobody signed in or no events)."""
    if not event_ids or user is None or not user.is_authenticated:
        return {}
    found = {}
    rows = Registration.objects.filter(user=user, event_id__in=event_ids).values_list(
        "event_id", "status", "attended"
    )
    for event_id, status, attended in rows:
        if status == RegistrationStatus.CONFIRMED or attended:
            found[event_id] = REGISTERED
        elif status in (RegistrationStatus.PENDING, RegistrationStatus.WAITING):
            found.setdefault(event_id, AWAITING)
    return found


def progress_of(programme, enrolment, modules=None, user=None):
    """The person's progress (empty for no enrolment), in a fixed number of queries. `user`
    (by default the enrolled person) is who the event steps' registrations are looked up for."""
    modules = modules_of(programme) if modules is None else modules
    done = passed = completed = set()
    certificate = None
    if enrolment is not None:
        done = set(StepDone.objects.filter(enrolment=enrolment).values_list("step_id", flat=True))
        passed = set(
            CheckAttempt.objects.filter(enrolment=enrolment, passed=True).values_list("module_id", flat=True)
        )
        completed = set(
            ModuleCompletion.objects.filter(enrolment=enrolment).values_list("module_id", flat=True)
        )
        certificate = Certificate.objects.filter(enrolment=enrolment).first()
    shown = []
    for module in modules:
        open_steps = [step for step in module.steps.all() if step.is_open]
        shown.append(
            ModuleProgress(
                module=module,
                steps=open_steps,
                done={step.pk for step in open_steps if step.pk in done},
                check_passed=module.pk in passed,
                completed=module.pk in completed,
            )
        )
    if user is None and enrolment is not None:
        user = enrolment.user
    event_steps = [step for item in shown for step in item.steps if step.kind == StepKind.EVENT]
    registrations = registrations_of(user, {step.event_id for step in event_steps})
    for step in event_steps:
        step.registration = registrations.get(step.event_id)
    return Progress(enrolment=enrolment, modules=shown, certificate=certificate, registrations=registrations)


def enrolment_of(user, programme):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, programme=programme).first()


def _locked(enrolment):
    return Enrolment.objects.select_for_update().select_related("programme", "user").get(pk=enrolment.pk)


def _settle(enrolment, language=None):
    """Record every module whose requirements are now met, and the certificate once all are.
    Runs inside the caller's transaction, with the enrolment locked."""
    progress = progress_of(enrolment.programme, enrolment)
    newly = [m.module for m in progress.modules if not m.completed and m.requirements_met]
    if newly:
        ModuleCompletion.objects.bulk_create(
            [ModuleCompletion(enrolment=enrolment, module=module) for module in newly]
        )
        for module_progress in progress.modules:
            if module_progress.module in newly:
                module_progress.completed = True
    if progress.complete and progress.certificate is None:
        now = timezone.now()
        enrolment.completed_at = now
        enrolment.save(update_fields=["completed_at"])
        user = enrolment.user
        progress.certificate = Certificate.objects.create(
            enrolment=enrolment,
            holder_name=(user.get_full_name() or user.get_username())[:300],
            programme_title=enrolment.programme.title,
            language=language or get_language() or "en",
        )
        progress.newly_certified = True
    return progress


def enrol(user, programme):
    """Enrol (once: a second call returns the same enrolment); (enrolment, created)."""
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.get_or_create(user=user, programme=programme)
            if created:
                _settle(_locked(enrolment))
    except IntegrityError:  # the same person enrolling twice at the same moment
        return Enrolment.objects.get(user=user, programme=programme), False
    return enrolment, created


class StepNotOpen(Exception):
    """The step is not part of this programme, or not open (its resource is not public)."""


class ModuleAlreadyComplete(Exception):
    """A completed module's steps stay done."""


class NotRegistered(Exception):
    """An event step is done only with a confirmed (or attended) registration for the event."""


def mark_step(enrolment, step, done=True):
    """Mark one open step done (or not done again, while its module is not complete)."""
    with transaction.atomic():
        enrolment = _locked(enrolment)
        if step.module.programme_id != enrolment.programme_id or not step.is_open:
            raise StepNotOpen
        if done:
            if (
                step.kind == StepKind.EVENT
                and not holds_registration(enrolment.user).filter(event_id=step.event_id).exists()
            ):
                raise NotRegistered
            StepDone.objects.get_or_create(enrolment=enrolment, step=step)
        else:
            if ModuleCompletion.objects.filter(enrolment=enrolment, module_id=step.module_id).exists():
                raise ModuleAlreadyComplete
            StepDone.objects.filter(enrolment=enrolment, step=step).delete()
        return _settle(enrolment)


@dataclass(frozen=True)
class Marked:
    correct: int
    total: int
    passed: bool
    right: frozenset  # ids of the questions answered right


def mark_answers(module, answers):
    """`answers`: {question id: chosen choice id}, every question of the module answered."""
    questions = list(module.questions.prefetch_related("choices"))
    right = frozenset(
        question.pk
        for question in questions
        if any(choice.correct and choice.pk == answers.get(question.pk) for choice in question.choices.all())
    )
    total = len(questions)
    return Marked(
        correct=len(right),
        total=total,
        passed=total > 0 and len(right) * 100 >= module.pass_mark * total,
        right=right,
    )


def submit_check(enrolment, module, answers):
    """Mark the self-check on the server, record the attempt and settle the progress."""
    marked = mark_answers(module, answers)
    with transaction.atomic():
        enrolment = _locked(enrolment)
        CheckAttempt.objects.create(
            enrolment=enrolment,
            module=module,
            correct=marked.correct,
            total=marked.total,
            passed=marked.passed,
        )
        progress = _settle(enrolment)
    return marked, progress


def programmes_of(user):
    """The person's enrolments with their programme, newest first (for /accounts/)."""
    return (
        Enrolment.objects.filter(user=user)
        .select_related("programme", "certificate")
        .annotate(
            modules_done=Count("module_completions", distinct=True),
            module_total=Count("programme__modules", distinct=True),
        )
        .order_by("-enrolled_at", "-id")
    )


__all__ = ["Programme", "enrol", "mark_step", "progress_of", "submit_check"]
