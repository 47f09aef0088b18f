"""Telling past downloaders that a file has a new version.

When staff upload a new version (library.file_versions.file_version_added), a ChangeNotice is
written and its first batch task enqueued, in the same transaction. Each batch (the task worker
runs them, `CHANGE_NOTICE_BATCH_SIZE` people at a time, in order of person id) queues one e-mail
per person with an idempotency key of the version and the person, moves the notice's cursor past
them and enqueues the next batch, all in one transaction: a worker killed mid-batch leaves
nothing of it, and `send_reminders` (resume_stalled) enqueues the batch again from the cursor.
So with any number of crashes every recipient gets exactly one message per version.

Recipients: active people with an e-mail address who downloaded an earlier version of the file
while signed in, who have not opted out (of this resource, or of all), and, for a partner-only
file, who may still have it (staff, or a current member of an active partner organisation). The
message is in the language they were reading in at their latest download of the file.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation

from library.models import DownloadLog, Membership
from notifications.links import absolute
from notifications.outbox import queue_mail
from upkeep import unsubscribe
from upkeep.models import ChangeNotice, NoticeOptOut

logger = logging.getLogger(__name__)

STALLED_AFTER = timedelta(minutes=10)
TEMPLATE = "upkeep/mail/file_changed"


def batch_size():
    return getattr(settings, "CHANGE_NOTICE_BATCH_SIZE", 500)


def version_added(sender, version, **kwargs):
    """file_version_added: write the notice and enqueue its first batch (caller's transaction)."""
    from upkeep.tasks import send_change_notice_batch

    notice = ChangeNotice.objects.create(version=version)
    send_change_notice_batch.enqueue(notice.pk)


def recipients(version):
    resource_file = version.resource_file
    downloaded = DownloadLog.objects.filter(
        file_id=resource_file.pk, version__lt=version.number, user__isnull=False
    ).values("user_id")
    opted_out = NoticeOptOut.objects.filter(user=OuterRef("pk")).filter(
        Q(resource__isnull=True) | Q(resource_id=resource_file.resource_id)
    )
    people = (
        get_user_model()
        .objects.filter(pk__in=downloaded, is_active=True)
        .exclude(email="")
        .exclude(Exists(opted_out))
    )
    if resource_file.is_partner_only:
        members = Membership.objects.current().values("user_id")
        people = people.filter(Q(is_staff=True) | Q(pk__in=members))
    return people.order_by("pk")


def _languages(resource_file, user_ids):
    """{person id: the interface language of their latest download of this file}."""
    known = {code for code, _name in settings.LANGUAGES}
    rows = (
        DownloadLog.objects.filter(file_id=resource_file.pk, user_id__in=user_ids)
        .exclude(language="")
        .order_by("user_id", "-time", "-id")
        .values_list("user_id", "language")
    )
    languages = {}
    for user_id, language in rows:
        if user_id not in languages and language in known:
            languages[user_id] = language
    return languages


TOKEN_PLACEHOLDER = "TOKEN-PLACEHOLDER"  # noqa: S105 - not a secret: replaced by each signed token


def _links(version, language):
    """The message's addresses in this language, worked out once per batch and language; the
    unsubscribe address with a placeholder for each person's signed token."""
    resource = version.resource_file.resource
    with translation.override(language):
        return {
            "download_url": absolute(version.resource_file.get_absolute_url()),
            "resource_url": absolute(resource.get_absolute_url()),
            "account_url": absolute(reverse("account")),
            "unsubscribe": absolute(reverse("upkeep:unsubscribe", args=[TOKEN_PLACEHOLDER])),
        }


def message_for(version, user, links):
    """(context, headers) of one person's e-mail, with `links` from _links() in their language."""
    resource = version.resource_file.resource
    links = dict(links)
    unsubscribe_url = links.pop("unsubscribe")
    stop_resource = unsubscribe_url.replace(TOKEN_PLACEHOLDER, unsubscribe.token(user, resource))
    stop_all = unsubscribe_url.replace(TOKEN_PLACEHOLDER, unsubscribe.token(user, None))
    context = {
        "person": user.get_full_name() or user.get_username(),
        "resource": resource,
        "file": version.resource_file,
        "version": version,
        "unsubscribe_resource_url": stop_resource,
        "unsubscribe_all_url": stop_all,
        **links,
    }
    # RFC 2369 and RFC 8058: the mail program's own "unsubscribe" stops every change notice
    headers = {"List-Unsubscribe": f"<{stop_all}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return context, headers


def mail_key(version, user):
    return f"change-notice:{version.pk}:{user.pk}"


def send_batch(notice_id, *, now=None):
    """Queue the next batch of one notice's e-mails; returns how many were queued."""
    from upkeep.tasks import send_change_notice_batch

    now = now or timezone.now()
    with transaction.atomic():
        notice = (
            ChangeNotice.objects.select_for_update()
            .filter(pk=notice_id, finished_at__isnull=True)
            .select_related("version__resource_file__resource")
            .first()
        )
        if notice is None:
            return 0
        version = notice.version
        if not version.resource_file.resource.is_public:
            # nothing to point people to: a notice for a resource that is not public is not sent
            notice.finished_at = now
            notice.save(update_fields=["finished_at", "updated_at"])
            return 0
        size = batch_size()
        people = list(recipients(version).filter(pk__gt=notice.cursor)[:size])
        languages = _languages(version.resource_file, [person.pk for person in people])
        links = {}
        queued = 0
        for person in people:
            language = languages.get(person.pk, settings.LANGUAGE_CODE)
            if language not in links:
                links[language] = _links(version, language)
            context, headers = message_for(version, person, links[language])
            mail = queue_mail(
                to=person.email,
                template=TEMPLATE,
                context=context,
                language=language,
                key=mail_key(version, person),
                headers=headers,
            )
            queued += mail is not None
        if people:
            notice.cursor = people[-1].pk
        notice.queued += queued
        if len(people) < size:
            notice.finished_at = now
        else:
            send_change_notice_batch.enqueue(notice.pk)
        notice.save(update_fields=["cursor", "queued", "finished_at", "updated_at"])
    return queued


def resume_stalled(now):
    """send_reminders hook: a notice whose batch died with its worker goes on from its cursor."""
    from upkeep.tasks import send_change_notice_batch

    stalled = ChangeNotice.objects.filter(finished_at__isnull=True, updated_at__lt=now - STALLED_AFTER)
    resumed = 0
    for notice_id in stalled.values_list("pk", flat=True):
        ChangeNotice.objects.filter(pk=notice_id).update(updated_at=now)
        send_change_notice_batch.enqueue(notice_id)
        resumed += 1
    return resumed
