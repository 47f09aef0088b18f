"""/toolkits/<slug>/files.zip: one streamed ZIP holding exactly the files this person may have."""

import io
import zipfile

import pytest
from django.urls import reverse

from library.models import DownloadLog, Membership, Resource
from library.models.files import Access
from library.models.resources import Status
from tests.factories import make_file, make_partner, make_resource, make_toolkit

pytestmark = pytest.mark.django_db

PUBLIC_A = b"%PDF-1.4\npublic checklist\n" * 3000
PUBLIC_B = "Guía rápida – versión pública\n".encode() * 10
SECRET = b"%PDF-1.4\npartner handbook\n" * 5000


@pytest.fixture
def toolkit():
    toolkit = make_toolkit(title="Observing elections", slug="observing-elections")
    make_file(toolkit, content=PUBLIC_A, name="checklist.pdf", access=Access.PUBLIC, position=1)
    make_file(toolkit, content=PUBLIC_B, name="Guía rápida.txt", access=Access.PUBLIC, position=2)
    make_file(toolkit, content=SECRET, name="handbook.pdf", access=Access.PARTNERS, position=3)
    return toolkit


def bundle_url(toolkit):
    return reverse("library:bundle", kwargs={"slug": toolkit.slug})


def unzip(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response.streaming
    body = b"".join(response.streaming_content)
    assert response["Content-Length"] == str(len(body))
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        return response, {info.filename: archive.read(info.filename) for info in archive.infolist()}


def test_it_gives_anonymous_people_only_the_public_files(client, toolkit):
    response, files = unzip(client, bundle_url(toolkit))
    assert files == {"checklist.pdf": PUBLIC_A, "Guía_rápida.txt": PUBLIC_B}
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="observing-elections.zip"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_gives_a_visitor_only_the_public_files(client, visitor, toolkit):
    client.force_login(visitor)
    _, files = unzip(client, bundle_url(toolkit))
    assert set(files) == {"checklist.pdf", "Guía_rápida.txt"}


def test_it_gives_a_partner_every_file_byte_for_byte(client, partner, toolkit):
    client.force_login(partner)
    _, files = unzip(client, bundle_url(toolkit))
    assert files == {"checklist.pdf": PUBLIC_A, "Guía_rápida.txt": PUBLIC_B, "handbook.pdf": SECRET}


def test_it_leaves_partner_files_out_once_the_membership_has_ended(client, partner, toolkit):
    from django.utils import timezone

    Membership.objects.filter(user=partner).update(ended=timezone.now())
    client.force_login(partner)
    _, files = unzip(client, bundle_url(toolkit))
    assert "handbook.pdf" not in files


def test_it_leaves_partner_files_out_when_the_organisation_is_inactive(
    client, partner, organisation, toolkit
):
    organisation.active = False
    organisation.save()
    client.force_login(partner)
    _, files = unzip(client, bundle_url(toolkit))
    assert "handbook.pdf" not in files


def test_it_gives_staff_every_file_even_of_a_draft(client, staff):
    draft = make_toolkit(status=Status.DRAFT)
    make_file(draft, content=SECRET, name="draft.pdf", access=Access.PARTNERS)
    client.force_login(staff)
    _, files = unzip(client, bundle_url(draft))
    assert files == {"draft.pdf": SECRET}


def test_it_hides_the_bundle_of_an_unpublished_toolkit(client, partner):
    draft = make_toolkit(status=Status.DRAFT)
    make_file(draft, access=Access.PUBLIC)
    assert client.get(bundle_url(draft)).status_code == 404
    client.force_login(partner)
    assert client.get(bundle_url(draft)).status_code == 404


def test_it_offers_bundles_of_toolkits_only(client):
    guide = make_resource(slug="a-guide")
    make_file(guide)
    assert client.get("/toolkits/a-guide/files.zip").status_code == 404


def test_it_answers_404_for_a_toolkit_without_files_or_an_unknown_slug(client):
    make_toolkit(slug="empty-kit")
    assert client.get("/toolkits/empty-kit/files.zip").status_code == 404
    assert client.get("/toolkits/no-such-kit/files.zip").status_code == 404
    assert client.get("/toolkits/bad%20slug!/files.zip").status_code == 404


def test_it_asks_anonymous_people_to_sign_in_when_every_file_is_for_partners(client, visitor):
    kit = make_toolkit(slug="partners-kit", title="Field manual")
    make_file(kit, access=Access.PARTNERS)
    url = bundle_url(kit)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == f"{reverse('login')}?next={url}"
    client.force_login(visitor)
    response = client.get(url)
    assert response.status_code == 403
    assert "ask its contact person to add you as a member" in response.content.decode()
    assert "The files of “Field manual” are shared only" in response.content.decode()


def test_it_names_files_with_the_same_name_apart(client):
    kit = make_toolkit(slug="twins")
    make_file(kit, content=b"one", name="notes.txt")
    make_file(kit, content=b"two", name="notes.txt")
    _, files = unzip(client, bundle_url(kit))
    assert files == {"notes.txt": b"one", "notes (2).txt": b"two"}


def test_it_logs_and_counts_each_file_in_the_bundle(client, toolkit):
    partner = make_partner("bundle-partner")
    client.force_login(partner)
    unzip(client, bundle_url(toolkit))
    assert DownloadLog.objects.filter(user=partner, in_bundle=True).count() == 3
    assert list(toolkit.files.values_list("download_count", flat=True)) == [1, 1, 1]
    assert Resource.objects.get(pk=toolkit.pk).download_count == 3


def test_it_counts_nothing_for_a_head_request(client, toolkit):
    response = client.head(bundle_url(toolkit))
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert not DownloadLog.objects.exists()


def test_it_offers_the_bundle_on_the_toolkit_page(client, toolkit):
    response = client.get(toolkit.get_absolute_url())
    assert bundle_url(toolkit).encode() in response.content


def test_it_leaves_out_a_file_missing_from_storage_instead_of_failing(client, toolkit, caplog):
    gone = toolkit.files.get(file__endswith="checklist.pdf")
    gone.file.storage.delete(gone.file.name)
    _, files = unzip(client, bundle_url(toolkit))
    assert set(files) == {"Guía_rápida.txt"}
    assert "missing from storage" in caplog.text


def test_it_answers_404_when_every_file_is_missing_from_storage(client):
    kit = make_toolkit(slug="hollow-kit")
    lost = make_file(kit)
    lost.file.storage.delete(lost.file.name)
    assert client.get(bundle_url(kit)).status_code == 404
