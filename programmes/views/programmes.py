"""Programmes: the public list and page, and what a signed-in person does in one (enrol, mark
steps, take self-checks, fetch the certificate). Every form works without JavaScript; a bad
one is answered with a clear 4xx and changes nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from library import rate_limits
from library.access import Decision
from library.cache import cache_public_page
from library.structured_data import json_ld_script
from programmes import access, certificates, progress
from programmes.filters import ProgrammeFilter
from programmes.forms import CertificateLanguageForm, SelfCheckForm, StepForm
from programmes.list_facets import PROGRAMME_FACETS
from programmes.models import Module, Programme, Step
from programmes.structured_data import programme_data
from programmes.views.lists import filtered_list

PROGRAMMES_PAGE_SIZE = 20
SELF_CHECK_LIMIT = 20  # attempts per person and module in SELF_CHECK_WINDOW
SELF_CHECK_WINDOW = 600


def problem(request, status, title, message, *, programme=None, link=None):
    """`link`: an optional (address, text) pair offered below the message."""
    return render(
        request,
        "programmes/problem.html",
        {"title": title, "message": message, "programme": programme, "link": link},
        status=status,
    )


@require_safe
@cache_public_page
def programme_list(request):
    return filtered_list(
        request,
        ProgrammeFilter(request.GET, queryset=Programme.objects.published().newest_first()),
        shown=lambda programmes: programmes.with_module_counts(),
        per_page=PROGRAMMES_PAGE_SIZE,
        template="programmes/programme_list.html",
        facets=PROGRAMME_FACETS,
    )


def _open_programme(request, slug):
    """(programme, None) when this person may read it, else (programme, the answer to send)."""
    programme = get_object_or_404(Programme.objects.published(), slug=slug)
    decision = access.decide(request.user, programme)
    if decision is Decision.SIGN_IN:
        return programme, redirect_to_login(request.get_full_path())
    if decision is Decision.FORBIDDEN:
        return programme, render(
            request, "programmes/partners_only.html", {"programme": programme}, status=403
        )
    return programme, None


@require_safe
@cache_public_page
def programme_detail(request, slug):
    programme, refusal = _open_programme(request, slug)
    if refusal:
        return refusal
    modules = progress.modules_of(programme)
    enrolment = progress.enrolment_of(request.user, programme)
    url = request.build_absolute_uri(programme.get_absolute_url())
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "progress": progress.progress_of(programme, enrolment, modules, user=request.user),
            "json_ld": json_ld_script(programme_data(programme, modules, url)),
        },
    )


def _enrolment_or_refusal(request, programme):
    enrolment = progress.enrolment_of(request.user, programme)
    if enrolment is None:
        return None, problem(
            request,
            403,
            _("Enrol first"),
            _("Enrol in the programme to mark steps done and take its self-checks."),
            programme=programme,
        )
    return enrolment, None


@login_required
@require_POST
def enrol(request, slug):
    programme, refusal = _open_programme(request, slug)
    if refusal:
        return refusal
    _enrolment, created = progress.enrol(request.user, programme)
    if created:
        messages.success(
            request, _("You are enrolled. Your progress is kept on this page and on your account page.")
        )
    else:
        messages.info(request, _("You were already enrolled."))
    return redirect(programme)


@login_required
@require_POST
def mark_step(request, slug, step_id):
    programme, refusal = _open_programme(request, slug)
    if refusal:
        return refusal
    step = get_object_or_404(
        Step.objects.select_related("module", "resource", "event"), pk=step_id, module__programme=programme
    )
    enrolment, refusal = _enrolment_or_refusal(request, programme)
    if refusal:
        return refusal
    form = StepForm(request.POST)
    if not form.is_valid():
        return problem(
            request, 400, _("Not understood"), _("Say whether the step is done or not."), programme=programme
        )
    try:
        result = progress.mark_step(enrolment, step, done=form.cleaned_data["done"])
    except progress.StepNotOpen:
        raise Http404 from None
    except progress.NotRegistered:
        return problem(
            request,
            409,
            _("Register first"),
            _(
                "This step is to attend “%(event)s”. Register for the event, and once your place is "
                "confirmed, mark the step done."
            )
            % {"event": step.event.title},
            programme=programme,
            link=(step.event.get_absolute_url(), _("Go to the event page to register")),
        )
    except progress.ModuleAlreadyComplete:
        return problem(
            request,
            409,
            _("Module complete"),
            _("The steps of a completed module stay done."),
            programme=programme,
        )
    if result.newly_certified:
        messages.success(request, _("You have completed the programme. Your certificate is ready."))
    return redirect(f"{programme.get_absolute_url()}#module-{step.module_id}")


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def self_check(request, slug, module_id):
    programme, refusal = _open_programme(request, slug)
    if refusal:
        return refusal
    module = get_object_or_404(Module, pk=module_id, programme=programme)
    questions = list(module.questions.prefetch_related("choices"))
    if not questions:
        raise Http404
    enrolment, refusal = _enrolment_or_refusal(request, programme)
    if refusal:
        return refusal
    context = {"programme": programme, "module": module}
    if request.method != "POST":
        context["form"] = SelfCheckForm(questions=questions)
        return render(request, "programmes/self_check.html", context)
    if not rate_limits.allow(
        "programme-self-check",
        f"{request.user.pk}:{module.pk}",
        limit=SELF_CHECK_LIMIT,
        per_seconds=SELF_CHECK_WINDOW,
    ):
        response = problem(
            request,
            429,
            _("Too many attempts"),
            _(
                "You have sent this self-check many times in a few minutes. Read the module again and try later."
            ),
            programme=programme,
        )
        response["Retry-After"] = str(rate_limits.retry_after(SELF_CHECK_WINDOW))
        return response
    form = SelfCheckForm(request.POST, questions=questions)
    context["form"] = form
    if not form.is_valid():
        return render(request, "programmes/self_check.html", context, status=400)
    marked, result = progress.submit_check(enrolment, module, form.answers())
    context.update({"marked": marked, "progress": result})
    return render(request, "programmes/self_check.html", context)


@login_required
@never_cache
@require_safe
def certificate_pdf(request, slug):
    """The signed-in person's own certificate for this programme, as PDF, in the language they
    choose (by default the one it was issued in)."""
    programme = get_object_or_404(Programme, slug=slug)
    enrolment = progress.enrolment_of(request.user, programme)
    certificate = getattr(enrolment, "certificate", None) if enrolment else None
    if certificate is None:
        raise Http404
    if not certificate.is_valid:
        return problem(
            request,
            410,
            _("Certificate revoked"),
            _("This certificate was revoked by the fund's staff."),
            programme=programme,
        )
    form = CertificateLanguageForm(request.GET)
    if not form.is_valid():
        return problem(
            request, 400, _("Not understood"), _("Choose one of the offered languages."), programme=programme
        )
    language = form.cleaned_data["language"] or certificate.language
    verify_url = request.build_absolute_uri(certificate.get_absolute_url())
    response = HttpResponse(
        certificates.certificate_pdf(certificate, language, verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}-{language}.pdf"'
    return response
