"""Mentoring mail: each step queues one message per recipient, in the recipient's language,
through the outbox (delivered by the task worker, never inside the request)."""

from django.urls import reverse
from django.utils import translation

from notifications.links import absolute
from notifications.outbox import queue_mail

TEMPLATES = "mentoring/mail/"


def link(name, language, **kwargs):
    with translation.override(language):
        return absolute(reverse(name, kwargs=kwargs))


def _send(user, language, template, key, context):
    if not user.email:
        return None
    return queue_mail(
        to=user.email,
        template=TEMPLATES + template,
        context={"recipient_name": user.get_full_name() or user.get_username(), **context},
        language=language,
        key=key,
    )


def to_mentor(mentorship, template, key, **context):
    mentor = mentorship.mentor
    language = mentor.language
    return _send(
        mentor.user,
        language,
        template,
        key,
        {
            "mentorship": mentorship,
            "theme": mentorship.theme.label,
            "url": link("mentoring:detail", language, pk=mentorship.pk),
            **context,
        },
    )


def to_mentee(mentorship, template, key, **context):
    language = mentorship.mentee_language
    return _send(
        mentorship.mentee,
        language,
        template,
        key,
        {
            "mentorship": mentorship,
            "theme": mentorship.theme.label,
            "mentor_name": mentorship.mentor.display_name if mentorship.mentor_id else "",
            "url": link("mentoring:detail", language, pk=mentorship.pk),
            **context,
        },
    )


def to_profile_owner(profile, template, key, **context):
    return _send(
        profile.user,
        profile.language,
        template,
        key,
        {"profile": profile, "url": link("mentoring:mentor", profile.language, pk=profile.pk), **context},
    )
