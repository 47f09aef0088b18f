"""Versions of a file: a new upload over a file is its next version at the same address; the
earlier ones stay downloadable, under the same access rule, with their change notes."""

from datetime import timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from library import file_versions
from library.models import DownloadLog, FileVersion, ResourceFile
from library.models.files import Access
from tests.factories import make_file, make_toolkit
from tests.publishing import sample_files as sample

pytestmark = pytest.mark.django_db


def new_version(resource_file, content, notes="What changed.", name="kit.pdf", by=None):
    resource_file.file.save(name, ContentFile(content), save=False)
    resource_file.change_notes, resource_file.changed_by = notes, by
    resource_file.save()
    return resource_file


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def toolkit():
    return make_toolkit(slug="kit", title="Election toolkit")


def test_a_new_upload_is_the_next_version_at_the_same_address(client, toolkit):
    first = sample.pdf(text="First edition")
    resource_file = make_file(toolkit, content=first, name="kit.pdf")
    address = resource_file.get_absolute_url()
    second = sample.pdf(text="Second edition")

    new_version(resource_file, second, notes="New **polling** law.")

    resource_file.refresh_from_db()
    assert resource_file.version == 2
    assert resource_file.get_absolute_url() == address
    assert body(client.get(address)) == second
    versions = list(resource_file.versions.order_by("number"))
    assert [(v.number, v.notes) for v in versions] == [(1, ""), (2, "New **polling** law.")]
    assert body(client.get(versions[0].get_absolute_url())) == first


def test_each_further_upload_numbers_on_and_keeps_every_version_downloadable(client, toolkit):
    contents = [sample.pdf(text=f"Edition {number}") for number in (1, 2, 3)]
    resource_file = make_file(toolkit, content=contents[0], name="kit.pdf")
    for content in contents[1:]:
        new_version(resource_file, content)

    assert resource_file.version == 3
    for number in (1, 2):
        url = reverse("library:download-version", kwargs={"file_uuid": resource_file.uuid, "number": number})
        assert body(client.get(url)) == contents[number - 1]
    # the current version lives at the file's own address only; a number it never had is 404
    for number in (3, 4, 0):
        url = reverse("library:download-version", kwargs={"file_uuid": resource_file.uuid, "number": number})
        assert client.get(url).status_code == 404


def test_the_same_content_again_is_no_new_version(toolkit):
    content = sample.pdf(text="Only edition")
    resource_file = make_file(toolkit, content=content, name="kit.pdf")

    new_version(resource_file, content)

    resource_file.refresh_from_db()
    assert resource_file.version == 1
    assert not FileVersion.objects.exists()


def test_a_version_that_fails_to_save_leaves_nothing(toolkit, monkeypatch):
    resource_file = make_file(toolkit, content=sample.pdf(text="First"), name="kit.pdf")

    def fail(*args, **kwargs):
        raise RuntimeError("storage went away")

    monkeypatch.setattr(file_versions, "after_replacement", fail)
    with pytest.raises(RuntimeError):
        new_version(resource_file, sample.pdf(text="Second"))

    stored = ResourceFile.objects.get(pk=resource_file.pk)
    assert stored.version == 1 and stored.sha256 != resource_file.sha256
    assert not FileVersion.objects.exists()


def test_earlier_versions_follow_the_files_access_rule(client, visitor, partner, toolkit):
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf", access=Access.PARTNERS)
    new_version(resource_file, sample.pdf(text="Two"))
    url = reverse("library:download-version", kwargs={"file_uuid": resource_file.uuid, "number": 1})

    assert client.get(url).status_code == 302 and "/accounts/login/" in client.get(url)["Location"]
    client.force_login(visitor)
    assert client.get(url).status_code == 403
    client.force_login(partner)
    response = client.get(url)
    assert response.status_code == 200 and body(response) == sample.pdf(text="One")
    assert response["Cache-Control"] == "private, no-cache"


def test_earlier_versions_of_an_unpublished_resource_are_404(client, toolkit):
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf")
    new_version(resource_file, sample.pdf(text="Two"))
    toolkit.status = "draft"
    toolkit.save()
    url = reverse("library:download-version", kwargs={"file_uuid": resource_file.uuid, "number": 1})
    assert client.get(url).status_code == 404


def test_downloads_record_the_version_and_the_readers_language(client, partner, toolkit):
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf")
    new_version(resource_file, sample.pdf(text="Two"))
    client.force_login(partner)

    earlier = reverse("library:download-version", kwargs={"file_uuid": resource_file.uuid, "number": 1})
    body(client.get("/fr" + resource_file.get_absolute_url()))
    body(client.get(earlier))

    assert sorted(DownloadLog.objects.values_list("version", "language")) == [(1, "en"), (2, "fr")]


def test_the_resource_page_says_what_changed_and_lists_earlier_versions(client, toolkit):
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf")
    new_version(resource_file, sample.pdf(text="Two"), notes="Updated for the **2026** electoral law.")

    page = client.get(toolkit.get_absolute_url()).content.decode()

    assert "Updated " in page and "<strong>2026</strong> electoral law" in page
    assert "Earlier versions" in page
    assert FileVersion.objects.get(number=1).get_absolute_url() in page
    assert "version 2" in page


def test_an_old_update_is_no_longer_announced_but_its_version_is_still_listed(client, toolkit, settings):
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf")
    with time_machine.travel(timezone.now() - timedelta(days=settings.FILE_VERSION_RECENT_DAYS + 1)):
        new_version(resource_file, sample.pdf(text="Two"), notes="An old change.")

    page = client.get(toolkit.get_absolute_url()).content.decode()

    assert "An old change." not in page.split("Earlier versions")[0]
    assert "Earlier versions" in page


def test_the_resource_page_costs_the_same_queries_with_many_files_and_versions(client, toolkit):
    def count():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(toolkit.get_absolute_url()).status_code == 200
        return len(queries)

    first = make_file(toolkit, content=sample.pdf(text="a0"), name="a.pdf")
    new_version(first, sample.pdf(text="a1"))
    one_file = count()
    for letter in "bcde":
        resource_file = make_file(toolkit, content=sample.pdf(text=f"{letter}0"), name=f"{letter}.pdf")
        for number in (1, 2, 3):
            new_version(resource_file, sample.pdf(text=f"{letter}{number}"))

    assert count() == one_file


def test_search_reads_the_newest_versions_text_only(client, toolkit):
    resource_file = make_file(toolkit, content=sample.pdf(text="Xylophone procedures"), name="kit.pdf")
    assert "Election toolkit" in client.get("/library/?q=xylophone").content.decode()

    new_version(resource_file, sample.pdf(text="Zeppelin procedures"))

    assert "Election toolkit" not in client.get("/library/?q=xylophone").content.decode()
    assert "Election toolkit" in client.get("/library/?q=zeppelin").content.decode()
    assert FileVersion.objects.filter(number=1).exists(), "the history keeps the old version"


# --- the admin -------------------------------------------------------------------------


def admin_post(client, toolkit, resource_file, **file_fields):
    from tests.publishing.admin_posts import change_url, resource_fields

    data = resource_fields(toolkit)
    data.update({f"files-0-{name}": value for name, value in file_fields.items()})
    return client.post(change_url(toolkit), data)


def test_staff_upload_a_new_version_with_change_notes_in_the_admin(client, toolkit):
    from tests.factories import make_user

    admin = make_user("admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf")

    response = admin_post(
        client,
        toolkit,
        resource_file,
        file=SimpleUploadedFile("kit-2026.pdf", sample.pdf(text="Two")),
        change_notes="New districts.",
    )

    assert response.status_code == 302
    resource_file.refresh_from_db()
    assert resource_file.version == 2
    latest = resource_file.versions.get(number=2)
    assert (latest.notes, latest.created_by) == ("New districts.", admin)


def test_a_new_version_without_notes_is_refused_and_nothing_is_saved(client, toolkit):
    from tests.factories import make_user

    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf")

    response = admin_post(
        client, toolkit, resource_file, file=SimpleUploadedFile("kit.pdf", sample.pdf(text="Two"))
    )

    assert response.status_code == 200
    assert "Say what changed in this new version." in response.content.decode()
    resource_file.refresh_from_db()
    assert resource_file.version == 1 and not FileVersion.objects.exists()

    response = admin_post(client, toolkit, resource_file, change_notes="Notes without a file.")
    assert "Change notes go with a new version" in response.content.decode()


def test_staff_see_every_version_in_a_read_only_list(client, toolkit, django_assert_max_num_queries):
    from tests.factories import make_user

    for letter in "abc":
        resource_file = make_file(toolkit, content=sample.pdf(text=f"{letter}1"), name=f"{letter}.pdf")
        new_version(resource_file, sample.pdf(text=f"{letter}2"))
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    with django_assert_max_num_queries(12):
        page = client.get("/admin/library/fileversion/").content.decode()
    assert page.count('class="field-number"') == 6
    assert client.get("/admin/library/fileversion/add/").status_code == 403
