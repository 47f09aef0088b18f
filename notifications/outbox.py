"""Queue an e-mail: render it in the recipient's language, store it, hand it to the worker.

    queue_mail(to="ana@example.org", template="events/mail/confirmation",
               context={...}, language="fr", key=f"event-confirmation:{registration.pk}",
               attachments=[("event.ics", ics_text, "text/calendar")])

renders `<template>_subject.txt`, `<template>.txt` and, when it exists, `<template>.html`, with
the interface in `language`. The row and the delivery task are written in the caller's
transaction (the task queue is a table in the same database), so a change that rolls back
sends nothing and a change that commits is always delivered, even if the mail server is down
at that moment. Nothing here talks to a mail server: requests never wait for one.
"""

import base64

from django.db import IntegrityError, transaction
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import translation

from notifications.models import OutgoingMail


def render_text(name, context):
    """A plain-text template, without HTML escaping (mail text is not HTML)."""
    return get_template(name).template.render(Context(context, autoescape=False))


def render_message(template, context, language):
    with translation.override(language):
        subject = " ".join(render_text(f"{template}_subject.txt", context).split())
        text = render_text(f"{template}.txt", context)
        try:
            html = get_template(f"{template}.html").render(context)
        except TemplateDoesNotExist:
            html = ""
    return subject, text, html


def _encoded(attachments):
    encoded = []
    for filename, content, mimetype in attachments:
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        encoded.append(
            {
                "filename": filename,
                "mimetype": mimetype,
                "content_b64": base64.b64encode(data).decode("ascii"),
            }
        )
    return encoded


def queue_mail(*, to, template, context, language, key=None, attachments=(), headers=None):
    """Store one message for `to` and enqueue its delivery. With a `key` that was already used,
    nothing is stored and None is returned (the message went, or is going, out once)."""
    if key is not None and OutgoingMail.objects.filter(key=key).exists():
        return None
    subject, text, html = render_message(template, context, language)
    return queue_rendered(
        to=to,
        subject=subject,
        text=text,
        html=html,
        language=language,
        key=key,
        attachments=attachments,
        headers=headers,
    )


def queue_rendered(*, to, subject, text, language, html="", key=None, attachments=(), headers=None):
    """queue_mail for a message already rendered (for Django forms that render their own)."""
    from notifications.tasks import deliver

    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.create(
                key=key,
                to=to,
                language=language,
                subject=" ".join(subject.split())[:255],
                text=text,
                html=html,
                attachments=_encoded(attachments),
                headers=headers or {},
            )
            deliver.enqueue(mail.pk)
    except IntegrityError:
        if key is not None and OutgoingMail.objects.filter(key=key).exists():
            return None  # another process queued the same message a moment ago
        raise
    return mail
