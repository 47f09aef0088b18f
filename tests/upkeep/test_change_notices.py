"""Past downloaders hear of a new version: once per version, in their language, never after their
partner membership ended (for a partner-only file), never after they opted out."""

from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from library.models import DownloadLog, Membership
from library.models.files import Access
from notifications.models import OutgoingMail
from tests.factories import make_file, make_partner, make_toolkit, make_user
from tests.publishing import sample_files as sample
from upkeep.models import ChangeNotice, NoticeOptOut

pytestmark = pytest.mark.django_db


def new_version(resource_file, text, notes="The 2026 electoral law is in."):
    resource_file.file.save("kit.pdf", ContentFile(sample.pdf(text=text)), save=False)
    resource_file.change_notes = notes
    resource_file.save()
    return resource_file.versions.get(number=resource_file.version)


def downloaded(user, resource_file, *, version=1, language="en", when=None):
    return DownloadLog.objects.create(
        file=resource_file,
        resource_id=resource_file.resource_id,
        user=user,
        version=version,
        language=language,
        time=when or timezone.now() - timedelta(days=3),
    )


@pytest.fixture
def toolkit():
    return make_toolkit(slug="observer-kit", title="Observer toolkit")


@pytest.fixture
def kit_file(toolkit):
    return make_file(toolkit, content=sample.pdf(text="First"), name="kit.pdf", title="Observer checklist")


def test_each_past_downloader_gets_one_email_in_their_language(kit_file, run_worker):
    ana = make_user("ana", email="ana@example.org")
    luc = make_user("luc", email="luc@example.org")
    downloaded(ana, kit_file)
    downloaded(ana, kit_file)  # twice: still one message
    downloaded(luc, kit_file, language="en", when=timezone.now() - timedelta(days=9))
    downloaded(luc, kit_file, language="fr")  # the latest download says French
    DownloadLog.objects.create(file=kit_file, resource_id=kit_file.resource_id, user=None)  # anonymous

    version = new_version(kit_file, "Second", notes="New **districts**.")
    run_worker()

    messages = {message.to[0]: message for message in django_mail.outbox}
    assert sorted(messages) == ["ana@example.org", "luc@example.org"]
    english, french = messages["ana@example.org"], messages["luc@example.org"]
    assert english.subject == "“Observer toolkit” has changed"
    assert "The toolkit you downloaded has changed" in english.body
    assert "New **districts**." in english.body
    assert f"http://testserver/downloads/{kit_file.uuid}/" in english.body
    assert french.subject == "« Observer toolkit » a changé"
    assert f"http://testserver/fr/downloads/{kit_file.uuid}/" in french.body
    assert english.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/accounts/change-notices/unsubscribe/"
    )
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    notice = ChangeNotice.objects.get(version=version)
    assert notice.finished_at is not None and notice.queued == 2


def test_at_most_once_per_version_and_again_for_the_next_one(kit_file, run_worker):
    ana = make_user("ana", email="ana@example.org")
    downloaded(ana, kit_file)
    new_version(kit_file, "Second")
    run_worker()
    call_command("send_reminders")
    run_worker()
    assert len(django_mail.outbox) == 1

    # the next version: ana downloaded version 1, an earlier one, so she hears again
    new_version(kit_file, "Third")
    run_worker()
    assert len(django_mail.outbox) == 2


def test_someone_who_downloaded_only_the_new_version_hears_nothing(kit_file, run_worker):
    new_version(kit_file, "Second")
    run_worker()
    early = make_user("early", email="early@example.org")
    downloaded(early, kit_file, version=2)
    new_version(kit_file, "Third")
    run_worker()
    assert [message.to for message in django_mail.outbox] == [["early@example.org"]]
    django_mail.outbox.clear()
    # version 3's notice went to early (who had version 2), not to those of version 3
    late = make_user("late", email="late@example.org")
    downloaded(late, kit_file, version=3)
    assert DownloadLog.objects.filter(user=late).exists()
    assert OutgoingMail.objects.filter(to="late@example.org").count() == 0


def test_ended_partners_hear_nothing_of_a_partner_only_file(toolkit, organisation, run_worker):
    partner_file = make_file(toolkit, content=sample.pdf(text="One"), name="p.pdf", access=Access.PARTNERS)
    current = make_partner("current", organisation=organisation, email="current@example.org")
    former = make_partner("former", organisation=organisation, email="former@example.org")
    Membership.objects.filter(user=former).update(ended=timezone.now() - timedelta(days=1))
    staffer = make_user("staffer", is_staff=True, email="staff@example.org")
    for person in (current, former, staffer):
        downloaded(person, partner_file)

    new_version(partner_file, "Two")
    run_worker()

    assert sorted(message.to[0] for message in django_mail.outbox) == [
        "current@example.org",
        "staff@example.org",
    ]


def test_people_who_opted_out_hear_nothing(kit_file, toolkit, run_worker):
    of_this = make_user("a", email="a@example.org")
    of_all = make_user("b", email="b@example.org")
    of_another = make_user("c", email="c@example.org")
    inactive = make_user("d", email="d@example.org", is_active=False)
    no_address = make_user("e", email="")
    NoticeOptOut.objects.create(user=of_this, resource=toolkit)
    NoticeOptOut.objects.create(user=of_all, resource=None)
    NoticeOptOut.objects.create(user=of_another, resource=make_toolkit(slug="other"))
    for person in (of_this, of_all, of_another, inactive, no_address):
        downloaded(person, kit_file)

    new_version(kit_file, "Two")
    run_worker()

    assert [message.to for message in django_mail.outbox] == [["c@example.org"]]


def test_a_version_of_an_unpublished_resource_tells_no_one(kit_file, toolkit, run_worker):
    downloaded(make_user("ana", email="ana@example.org"), kit_file)
    toolkit.status = "draft"
    toolkit.save()
    version = new_version(kit_file, "Two")
    run_worker()
    assert django_mail.outbox == []
    assert ChangeNotice.objects.get(version=version).finished_at is not None


def test_a_version_that_rolls_back_leaves_no_notice_and_no_task(kit_file):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    downloaded(make_user("ana", email="ana@example.org"), kit_file)
    with pytest.raises(RuntimeError), transaction.atomic():
        new_version(kit_file, "Two")
        raise RuntimeError("the admin form failed later")
    assert not ChangeNotice.objects.exists()
    assert not DBTaskResult.objects.exists()
