"""20,000 past downloaders: the news of a new version goes out in batches that survive a worker
stopped between batches and one that dies in the middle of a batch: in the end every one of
them has exactly one message queued, no one twice, no one missed."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from library.models import DownloadLog
from notifications.models import OutgoingMail
from tests.factories import make_file, make_toolkit
from tests.publishing import sample_files as sample
from upkeep import notices
from upkeep.models import ChangeNotice

pytestmark = pytest.mark.django_db

PEOPLE = 20_000
BATCH = 500


def batch_tasks(**filters):
    return DBTaskResult.objects.filter(task_path="upkeep.tasks.send_change_notice_batch", **filters)


def test_twenty_thousand_downloaders_each_get_exactly_one_message_through_crashes(
    monkeypatch, settings, run_worker
):
    settings.CHANGE_NOTICE_BATCH_SIZE = BATCH
    toolkit = make_toolkit(slug="big-kit")
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf")
    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"reader{number:05d}", email=f"reader{number:05d}@example.org")
        for number in range(PEOPLE)
    )
    people = list(User.objects.filter(username__startswith="reader").values_list("pk", flat=True))
    DownloadLog.objects.bulk_create(
        DownloadLog(
            file=resource_file, resource=toolkit, user_id=pk, version=1, language="fr" if pk % 3 else "en"
        )
        for pk in people
    )

    resource_file.file.save("kit.pdf", ContentFile(sample.pdf(text="Two")), save=False)
    resource_file.change_notes = "New districts."
    resource_file.save()
    notice = ChangeNotice.objects.get()

    # 1. the worker stops after five batches (a deploy, SIGTERM between tasks)
    assert run_worker(max_tasks=5) == 5
    assert OutgoingMail.objects.count() == 5 * BATCH
    notice.refresh_from_db()
    assert notice.cursor == sorted(people)[5 * BATCH - 1] and notice.finished_at is None

    # 2. the next worker dies in the middle of the sixth batch, after 123 messages of it
    real_queue_mail, calls = notices.queue_mail, []

    def dying_queue_mail(**kwargs):
        calls.append(kwargs["to"])
        if len(calls) > 123:
            raise SystemExit("worker killed")
        return real_queue_mail(**kwargs)

    monkeypatch.setattr(notices, "queue_mail", dying_queue_mail)
    run_worker(max_tasks=1)
    assert len(calls) == 124
    assert OutgoingMail.objects.count() == 5 * BATCH, "the cut batch left nothing behind"
    assert batch_tasks(status="FAILED").count() == 1
    assert not batch_tasks(status="READY").exists(), "nothing would go on by itself"
    monkeypatch.setattr(notices, "queue_mail", real_queue_mail)

    # 3. send_reminders (cron) finds the notice stalled and the next worker finishes it
    call_command("send_reminders")
    assert not batch_tasks(status="READY").exists(), "a notice that moved recently is left alone"
    with time_machine.travel(timezone.now() + notices.STALLED_AFTER + timedelta(minutes=1)):
        call_command("send_reminders")
    remaining = PEOPLE // BATCH - 5 + 1  # the last batch finds no one left and closes the notice
    assert run_worker(max_tasks=remaining) == remaining

    notice.refresh_from_db()
    assert notice.finished_at is not None
    assert notice.queued == PEOPLE
    mails = OutgoingMail.objects.filter(key__startswith=f"change-notice:{notice.version_id}:")
    assert mails.count() == PEOPLE
    assert mails.values("to").distinct().count() == PEOPLE
    assert not mails.values("to").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert mails.filter(language="fr").count() == sum(1 for pk in people if pk % 3)
    assert not batch_tasks(status="READY").exists()

    # 4. and a rerun of everything sends nothing new
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        call_command("send_reminders")
    assert OutgoingMail.objects.count() == PEOPLE
