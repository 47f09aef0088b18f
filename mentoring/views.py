"""The mentoring pages. Views are thin: access in mentoring.access, changes in mentoring.services."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from library.rate_limits import allow, retry_after
from mentoring import access, directory, services
from mentoring.filters import MentorFilter
from mentoring.forms import AnswerForm, GoalForm, LessonForm, MentorProfileForm, NoteForm, RequestForm
from mentoring.models import Lesson, MentorProfile, Mentorship, ProfileStatus


def _forbidden(request, reason):
    return render(request, "mentoring/forbidden.html", {"reason": reason}, status=403)


def partners_and_staff(view):
    """Anonymous: sign in first. Signed in but neither partner nor staff: 403 with the reason."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        decision = access.directory_decision(request.user)
        if decision is access.Decision.SIGN_IN:
            return redirect_to_login(request.get_full_path())
        if decision is access.Decision.FORBIDDEN:
            return _forbidden(request, "partners")
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def signed_in(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def _refused(request, error, back):
    return render(request, "mentoring/refused.html", {"message": str(error), "back": back}, status=409)


def _rate_limited(request):
    per = 86400
    if allow(
        "mentoring-request", request.user.pk, limit=settings.MENTORING_REQUESTS_PER_DAY, per_seconds=per
    ):
        return None
    response = render(
        request, "mentoring/rate_limited.html", {"limit": settings.MENTORING_REQUESTS_PER_DAY}, status=429
    )
    response["Retry-After"] = str(retry_after(per))
    return response


# --- the directory -----------------------------------------------------------------------


@partners_and_staff
def mentor_list(request):
    filterset = MentorFilter(request.GET, queryset=directory.base_queryset())
    valid = filterset.is_valid()
    params = request.GET.copy()
    params.pop("page", None)
    page, answer = directory.page_of_mentors(request, filterset, params)
    if answer:
        return answer
    return render(
        request,
        "mentoring/mentor_list.html",
        {
            "filterset": filterset,
            "page_obj": page,
            "facets": directory.facets(filterset),
            "query_without_page": params.urlencode(),
        },
        status=200 if valid else 400,
    )


@partners_and_staff
def mentor_detail(request, pk):
    mentor = get_object_or_404(
        MentorProfile.objects.listed()
        .with_room()
        .select_related(None)
        .prefetch_related("themes", "tags", "countries", "languages"),
        pk=pk,
    )
    may_ask = access.may_take_part(request.user) and mentor.user_id != request.user.pk
    form = RequestForm(mentor=mentor) if may_ask else None
    status = 200
    if request.method == "POST":
        if not may_ask:
            return _forbidden(request, "ask")
        if not mentor.may_be_asked():
            return _refused(
                request,
                _("This mentor has no room for another mentee at the moment."),
                mentor.get_absolute_url(),
            )
        limited = _rate_limited(request)
        if limited:
            return limited
        form = RequestForm(request.POST, mentor=mentor)
        if form.is_valid():
            try:
                mentorship = services.ask(
                    mentee=request.user,
                    mentor=mentor,
                    language=translation.get_language(),
                    **form.cleaned_data,
                )
            except services.StepRefused as error:
                return _refused(request, error, mentor.get_absolute_url())
            messages.success(
                request, _("Your request was sent. The mentor will answer you here and by e-mail.")
            )
            return redirect(mentorship)
        status = 400
    elif request.method != "GET" and request.method != "HEAD":
        return render(
            request,
            "mentoring/refused.html",
            {"message": _("Use the form on this page."), "back": mentor.get_absolute_url()},
            status=405,
        )
    return render(
        request,
        "mentoring/mentor_detail.html",
        {"mentor": mentor, "form": form, "may_ask": may_ask},
        status=status,
    )


@signed_in
def find_mentor(request):
    """Ask the fund to find a mentor."""
    if not access.may_take_part(request.user):
        return _forbidden(request, "partners")
    form = RequestForm()
    status = 200
    if request.method == "POST":
        limited = _rate_limited(request)
        if limited:
            return limited
        form = RequestForm(request.POST)
        if form.is_valid():
            mentorship = services.ask(
                mentee=request.user, mentor=None, language=translation.get_language(), **form.cleaned_data
            )
            messages.success(
                request, _("Your request was sent to the fund, which will look for a mentor for you.")
            )
            return redirect(mentorship)
        status = 400
    return render(request, "mentoring/find_mentor.html", {"form": form}, status=status)


# --- the signed-in person's mentoring ----------------------------------------------------


@signed_in
def my_mentoring(request):
    user = request.user
    items = (
        Mentorship.objects.involving(user)
        .select_related("mentor", "theme", "mentee")
        .order_by("-created_at", "-id")
    )
    as_mentee = [m for m in items if m.mentee_id == user.pk]
    as_mentor = [m for m in items if m.mentee_id != user.pk]
    profile = MentorProfile.objects.filter(user=user).first()
    return render(
        request,
        "mentoring/my_mentoring.html",
        {
            "as_mentee": as_mentee,
            "as_mentor": as_mentor,
            "profile": profile,
            "may_take_part": access.may_take_part(user),
        },
    )


@signed_in
def offer(request):
    """Offer to mentor (or change the offer): the profile staff approve before it is listed."""
    if not access.may_take_part(request.user):
        return _forbidden(request, "offer")
    profile = MentorProfile.objects.filter(user=request.user).first()
    if profile is not None and profile.status == ProfileStatus.REMOVED:
        return _forbidden(request, "removed")
    form = MentorProfileForm(instance=profile)
    status = 200
    if request.method == "POST":
        form = MentorProfileForm(request.POST, instance=profile or MentorProfile(user=request.user))
        if form.is_valid():
            form.instance.language = translation.get_language()
            saved = form.save()
            if profile is None:
                messages.success(
                    request, _("Thank you. The fund will look at your profile and list it once approved.")
                )
            else:
                messages.success(request, _("Your mentor profile was saved."))
            return redirect("mentoring:mine") if saved else redirect("mentoring:offer")
        status = 400
    return render(request, "mentoring/offer.html", {"form": form, "profile": profile}, status=status)


def _mentorship_for(request, pk):
    mentorship = get_object_or_404(
        Mentorship.objects.select_related("mentor", "mentor__user", "mentee", "theme"), pk=pk
    )
    if not access.may_read(request.user, mentorship):
        raise Http404  # whether it exists is nobody else's business either
    return mentorship


@signed_in
def mentorship_detail(request, pk, forms=None, status=200):
    mentorship = _mentorship_for(request, pk)
    user = request.user
    forms = forms or {}
    own_lesson = (
        Lesson.objects.filter(mentorship=mentorship, author=user).first()
        if mentorship.is_party(user)
        else None
    )
    context = {
        "mentorship": mentorship,
        "is_mentor": mentorship.is_mentor(user),
        "is_mentee": mentorship.is_mentee(user),
        "goals": mentorship.goals.all(),
        "notes": mentorship.notes.select_related("author"),
        "lessons": mentorship.lessons.select_related("author") if access.may_read(user, mentorship) else [],
        "answer_form": forms.get("answer") or (AnswerForm() if access.may_answer(user, mentorship) else None),
        "goal_form": forms.get("goal") or (GoalForm() if access.may_write(user, mentorship) else None),
        "note_form": forms.get("note") or (NoteForm() if access.may_write(user, mentorship) else None),
        "lesson_form": forms.get("lesson")
        or (LessonForm(instance=own_lesson) if access.may_give_lesson(user, mentorship) else None),
        "may_withdraw": access.may_withdraw(user, mentorship),
        "may_close": access.may_close(user, mentorship),
        "may_assign": access.may_assign(user) and mentorship.mentor_id is None,
    }
    return render(request, "mentoring/mentorship_detail.html", context, status=status)


def _action(check, reason):
    """A POST on a mentorship, allowed by `check(user, mentorship)`; else 403 (or 404 to outsiders)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, pk):
            mentorship = _mentorship_for(request, pk)
            if request.method != "POST":
                message = _("This is done with the form on the mentorship's page.")
                response = render(
                    request,
                    "mentoring/refused.html",
                    {"message": message, "back": mentorship.get_absolute_url()},
                    status=405,
                )
                response["Allow"] = "POST"
                return response
            if not check(request.user, mentorship):
                return (
                    _refused(request, reason(), mentorship.get_absolute_url())
                    if mentorship.is_party(request.user)
                    else _forbidden(request, "mentorship")
                )
            try:
                return view(request, mentorship)
            except services.StepRefused as error:
                return _refused(request, error, mentorship.get_absolute_url())

        return signed_in(wrapped)

    return decorator


@_action(access.may_answer, lambda: _("This request is no longer waiting for your answer."))
def answer(request, mentorship):
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return mentorship_detail(request, mentorship.pk, forms={"answer": form}, status=400)
    accept = form.cleaned_data["decision"] == "accept"
    services.answer(mentorship, accept=accept, message=form.cleaned_data["message"], user=request.user)
    messages.success(request, _("You accepted the request.") if accept else _("You declined the request."))
    return redirect(mentorship)


@_action(
    access.may_withdraw, lambda: _("Only a request that is still waiting for an answer can be withdrawn.")
)
def withdraw(request, mentorship):
    services.withdraw(mentorship, request.user)
    messages.success(request, _("Your request was withdrawn."))
    return redirect(mentorship)


@_action(access.may_write, lambda: _("Goals and notes can be added while the mentorship is active."))
def add_goal(request, mentorship):
    form = GoalForm(request.POST)
    if not form.is_valid():
        return mentorship_detail(request, mentorship.pk, forms={"goal": form}, status=400)
    form.instance.mentorship, form.instance.author = mentorship, request.user
    form.save()
    messages.success(request, _("The goal was added."))
    return redirect(mentorship)


@_action(access.may_write, lambda: _("Goals and notes can be added while the mentorship is active."))
def add_note(request, mentorship):
    form = NoteForm(request.POST)
    if not form.is_valid():
        return mentorship_detail(request, mentorship.pk, forms={"note": form}, status=400)
    form.instance.mentorship, form.instance.author = mentorship, request.user
    form.save()
    messages.success(request, _("The note was added."))
    return redirect(mentorship)


@_action(access.may_close, lambda: _("Only an active mentorship can be closed."))
def close(request, mentorship):
    services.close(mentorship, request.user)
    messages.success(request, _("The mentorship is closed. Please tell us below what you learned."))
    return redirect(mentorship)


@_action(access.may_give_lesson, lambda: _("What you learned can be written once the mentorship is closed."))
def lesson(request, mentorship):
    own = Lesson.objects.filter(mentorship=mentorship, author=request.user).first()
    form = LessonForm(request.POST, instance=own)
    if not form.is_valid():
        return mentorship_detail(request, mentorship.pk, forms={"lesson": form}, status=400)
    services.give_lesson(
        mentorship, request.user, text=form.cleaned_data["text"], consent=form.cleaned_data["consent"]
    )
    messages.success(request, _("Thank you for sharing what you learned."))
    return redirect(mentorship)
