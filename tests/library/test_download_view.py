"""/downloads/<uuid>/: every access rule from every side, the bytes, the headers, ranges and conditions."""

import hashlib
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from library.models import DownloadLog, Membership, ResourceFile
from library.models.files import Access
from library.models.resources import Status
from tests.factories import make_file, make_organisation, make_partner, make_toolkit, make_user

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4\n" + bytes(range(256)) * 400 + b"\n%%EOF\n"  # 102 kB, every byte value


def fetch(client, url, *, extra=None, **headers):
    """GET a download and read its whole body, so the file it streams from is closed."""
    response = client.get(url, headers=headers, **(extra or {}))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.fixture
def toolkit():
    return make_toolkit(title="Observing elections", slug="observing-elections")


@pytest.fixture
def public_file(toolkit):
    return make_file(toolkit, content=CONTENT, name="observer-checklist.pdf", access=Access.PUBLIC)


@pytest.fixture
def partner_file(toolkit):
    return make_file(toolkit, content=CONTENT, name="partner-handbook.pdf", access=Access.PARTNERS)


# --- who gets what ---------------------------------------------------------------------


def test_it_gives_a_public_file_to_anyone(client, public_file):
    response, body = fetch(client, public_file.get_absolute_url())
    assert response.status_code == 200
    assert body == CONTENT


def test_it_sends_anonymous_people_to_sign_in_and_back_for_a_partner_file(client, partner_file):
    url = partner_file.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_it_forbids_a_partner_file_to_a_signed_in_visitor_and_says_how_to_become_a_partner(
    client, visitor, partner_file
):
    client.force_login(visitor)
    response = client.get(partner_file.get_absolute_url())
    assert response.status_code == 403
    assert b"partner" in response.content.lower()
    assert b"ask its contact person to add you as a member" in response.content
    assert not DownloadLog.objects.exists()


def test_it_gives_a_partner_file_to_a_partner(client, partner, partner_file):
    client.force_login(partner)
    response, body = fetch(client, partner_file.get_absolute_url())
    assert response.status_code == 200
    assert body == CONTENT
    assert hashlib.sha256(body).hexdigest() == partner_file.sha256


def test_it_gives_a_partner_file_to_a_member_of_any_active_partner_organisation(client, partner_file):
    make_organisation("Deactivated partner", active=False)
    other = make_partner("other-partner", organisation=make_organisation("Another partner"))
    client.force_login(other)
    response, body = fetch(client, partner_file.get_absolute_url())
    assert response.status_code == 200
    assert body == CONTENT


def test_it_closes_partner_files_at_once_when_a_membership_ends(client, partner, partner_file):
    client.force_login(partner)
    assert fetch(client, partner_file.get_absolute_url())[0].status_code == 200
    Membership.objects.filter(user=partner).update(ended=timezone.now())
    assert client.get(partner_file.get_absolute_url()).status_code == 403


def test_it_closes_partner_files_when_a_membership_has_not_started_yet(client, partner_file):
    person = make_user("future-member")
    Membership.objects.create(
        user=person, organisation=make_organisation(), started=timezone.now() + timedelta(days=1)
    )
    client.force_login(person)
    assert client.get(partner_file.get_absolute_url()).status_code == 403


def test_it_closes_partner_files_at_once_when_the_organisation_is_deactivated(
    client, partner, organisation, partner_file
):
    client.force_login(partner)
    assert fetch(client, partner_file.get_absolute_url())[0].status_code == 200
    organisation.active = False
    organisation.save()
    assert client.get(partner_file.get_absolute_url()).status_code == 403


def test_it_keeps_public_files_open_to_a_former_partner(client, partner, public_file):
    Membership.objects.filter(user=partner).update(ended=timezone.now() - timedelta(days=1))
    client.force_login(partner)
    response, body = fetch(client, public_file.get_absolute_url())
    assert response.status_code == 200
    assert body == CONTENT


def test_it_gives_every_file_to_staff(client, staff, partner_file):
    client.force_login(staff)
    response, body = fetch(client, partner_file.get_absolute_url())
    assert response.status_code == 200
    assert body == CONTENT


def test_it_refuses_partner_files_to_a_deactivated_staff_account(client, partner_file):
    former = make_user("former-staffer", is_staff=True, is_active=False)
    client.force_login(former)
    assert client.get(partner_file.get_absolute_url()).status_code in (302, 403)


# --- unpublished resources and unknown addresses -----------------------------------------


@pytest.mark.parametrize(
    "state",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.ARCHIVED},
        {"status": Status.PUBLISHED, "published_at": timezone.now() + timedelta(days=3)},
    ],
    ids=["draft", "review", "archived", "scheduled"],
)
@pytest.mark.parametrize("access", [Access.PUBLIC, Access.PARTNERS])
def test_it_hides_files_of_unpublished_resources_from_everyone_but_staff(
    client, partner, visitor, staff, state, access
):
    hidden = make_file(make_toolkit(**state), content=CONTENT, access=access)
    url = hidden.get_absolute_url()
    assert client.get(url).status_code == 404
    for person in (visitor, partner):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(staff)
    response, body = fetch(client, url)
    assert response.status_code == 200
    assert body == CONTENT


def test_it_answers_404_to_a_well_formed_but_unknown_uuid(client, partner, public_file):
    client.force_login(partner)
    assert client.get(reverse("library:download", kwargs={"file_uuid": uuid.uuid4()})).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/downloads/not-a-uuid/",
        "/downloads/12345/",
        "/downloads/00000000-0000-0000-0000-00000000000g/",
        "/downloads/%27%20OR%201=1--/",
        "/downloads/../media/files/",
        "/downloads/" + "a" * 500 + "/",
    ],
)
def test_it_answers_404_to_malformed_addresses(client, public_file, path):
    assert client.get(path).status_code == 404


def test_it_answers_404_when_the_stored_file_has_gone(client, public_file):
    public_file.file.storage.delete(public_file.file.name)
    assert client.get(public_file.get_absolute_url()).status_code == 404


def test_it_refuses_to_change_anything(client, public_file):
    assert client.post(public_file.get_absolute_url()).status_code == 405
    assert client.delete(public_file.get_absolute_url()).status_code == 405


def test_it_never_serves_media_from_a_public_path(client, public_file, partner_file):
    for stored in (public_file, partner_file):
        for prefix in ("/media/", "/static/", "/"):
            assert client.get(prefix + stored.file.name).status_code == 404


# --- headers ---------------------------------------------------------------------------


def test_it_sends_the_file_as_a_named_attachment_with_its_type_length_and_nosniff(client, public_file):
    response, body = fetch(client, public_file.get_absolute_url())
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="observer-checklist.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(CONTENT))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"] == f'"{hashlib.sha256(CONTENT).hexdigest()}"'
    assert response["Accept-Ranges"] == "bytes"


def test_it_keeps_non_ascii_names_with_an_ascii_fallback(client, toolkit):
    spanish = make_file(toolkit, content=CONTENT, name="Guía del observador.pdf")
    response, _ = fetch(client, spanish.get_absolute_url())
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Guia_del_observador.pdf\"; filename*=UTF-8''Gu%C3%ADa_del_observador.pdf"
    )


def test_it_marks_partner_files_as_private_to_caches(client, partner, partner_file, public_file):
    client.force_login(partner)
    assert fetch(client, partner_file.get_absolute_url())[0]["Cache-Control"] == "private, no-cache"
    assert "private" not in fetch(client, public_file.get_absolute_url())[0]["Cache-Control"]


def test_it_sends_an_unknown_kind_of_file_as_octet_stream(client, toolkit):
    odd = make_file(toolkit, content=b"<html><script>alert(1)</script>", name="notes.weird")
    response, _ = fetch(client, odd.get_absolute_url())
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_answers_head_with_headers_and_counts_nothing(client, public_file):
    response = client.head(public_file.get_absolute_url())
    b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(CONTENT))
    assert not DownloadLog.objects.exists()


# --- ranges ----------------------------------------------------------------------------


def test_it_sends_one_byte_range_with_206(client, public_file):
    response, body = fetch(client, public_file.get_absolute_url(), Range="bytes=100-1099")
    assert response.status_code == 206
    assert body == CONTENT[100:1100]
    assert response["Content-Range"] == f"bytes 100-1099/{len(CONTENT)}"
    assert response["Content-Length"] == "1000"


def test_it_sends_an_open_ended_range_to_the_end(client, public_file):
    response, body = fetch(client, public_file.get_absolute_url(), Range="bytes=102000-")
    assert response.status_code == 206
    assert body == CONTENT[102000:]


def test_it_sends_the_last_bytes_for_a_suffix_range(client, public_file):
    response, body = fetch(client, public_file.get_absolute_url(), Range="bytes=-7")
    assert response.status_code == 206
    assert body == CONTENT[-7:]
    assert response["Content-Range"] == f"bytes {len(CONTENT) - 7}-{len(CONTENT) - 1}/{len(CONTENT)}"


def test_it_cuts_a_range_that_runs_past_the_end(client, public_file):
    response, body = fetch(
        client, public_file.get_absolute_url(), Range=f"bytes={len(CONTENT) - 3}-999999999"
    )
    assert response.status_code == 206
    assert body == CONTENT[-3:]


def test_it_joins_ranged_pieces_into_the_whole_file(client, public_file):
    pieces, start = [], 0
    while start < len(CONTENT):
        response, body = fetch(client, public_file.get_absolute_url(), Range=f"bytes={start}-{start + 32767}")
        assert response.status_code == 206
        pieces.append(body)
        start += len(body)
    assert b"".join(pieces) == CONTENT


def test_it_answers_416_to_a_range_past_the_end(client, public_file):
    response, body = fetch(client, public_file.get_absolute_url(), Range=f"bytes={len(CONTENT)}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(CONTENT)}"
    assert body == b""


@pytest.mark.parametrize(
    ("header", "status", "content_range"),
    [
        ("bytes=" + "7" * 5000 + "-", 416, f"bytes */{len(CONTENT)}"),
        ("bytes=-" + "9" * 5000, 206, f"bytes 0-{len(CONTENT) - 1}/{len(CONTENT)}"),
        ("bytes=0-" + "9" * 5000, 206, f"bytes 0-{len(CONTENT) - 1}/{len(CONTENT)}"),
    ],
)
def test_it_reads_positions_of_thousands_of_digits_as_past_the_end(
    client, public_file, header, status, content_range
):
    response, _body = fetch(client, public_file.get_absolute_url(), Range=header)
    assert response.status_code == status
    assert response["Content-Range"] == content_range


@pytest.mark.parametrize(
    "header",
    [
        "bytes=abc",
        "pages=1-2",
        "bytes=50-10",
        "bytes=",
        "bytes=-",
        "bytes=0-1,5-9",
        "bytes=1-2-3",
        "bytes=٣-٥",
    ],
)
def test_it_ignores_a_range_it_cannot_or_need_not_honour_and_sends_the_whole_file(
    client, public_file, header
):
    response, body = fetch(client, public_file.get_absolute_url(), Range=header)
    assert response.status_code == 200
    assert body == CONTENT


def test_it_honours_a_range_when_if_range_names_the_current_file(client, public_file):
    etag = f'"{public_file.sha256}"'
    response, body = fetch(client, public_file.get_absolute_url(), Range="bytes=0-9", **{"If-Range": etag})
    assert response.status_code == 206
    assert body == CONTENT[:10]


@pytest.mark.parametrize("if_range", ['"an-older-version"', "Wed, 21 Oct 2015 07:28:00 GMT"])
def test_it_sends_the_whole_file_when_if_range_names_another_version(client, public_file, if_range):
    response, body = fetch(
        client, public_file.get_absolute_url(), Range="bytes=0-9", **{"If-Range": if_range}
    )
    assert response.status_code == 200
    assert body == CONTENT


def test_it_checks_access_before_answering_a_range(client, visitor, partner_file):
    client.force_login(visitor)
    assert client.get(partner_file.get_absolute_url(), headers={"Range": "bytes=0-9"}).status_code == 403


# --- conditional requests --------------------------------------------------------------


def test_it_answers_304_when_the_client_has_this_version(client, public_file):
    etag = f'"{public_file.sha256}"'
    response = client.get(public_file.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""
    assert not DownloadLog.objects.exists()


def test_a_304_says_what_the_full_answer_says_to_caches(client, partner, partner_file, public_file):
    client.force_login(partner)
    for resource_file, cache_control in ((partner_file, "private, no-cache"), (public_file, "no-cache")):
        response = client.get(
            resource_file.get_absolute_url(), headers={"If-None-Match": f'"{resource_file.sha256}"'}
        )
        assert response.status_code == 304
        assert response["Cache-Control"] == cache_control
        assert "Cookie" in response["Vary"]
        assert not response.has_header("Content-Type")  # no body, so no page for the middleware to close


@pytest.mark.parametrize("header", ['"old", "{etag}"', 'W/"{etag}"', "*"])
def test_it_compares_if_none_match_weakly_and_in_lists(client, public_file, header):
    response = client.get(
        public_file.get_absolute_url(), headers={"If-None-Match": header.format(etag=public_file.sha256)}
    )
    assert response.status_code == 304


def test_it_sends_the_file_when_the_client_has_another_version(client, public_file):
    response, body = fetch(client, public_file.get_absolute_url(), **{"If-None-Match": '"something-else"'})
    assert response.status_code == 200
    assert body == CONTENT


def test_it_checks_access_before_answering_a_conditional_request(client, partner_file):
    response = client.get(
        partner_file.get_absolute_url(), headers={"If-None-Match": f'"{partner_file.sha256}"'}
    )
    assert response.status_code == 302


# --- log and counters --------------------------------------------------------------------


def test_it_logs_a_partner_download_with_file_time_person_and_organisation(
    client, partner, organisation, partner_file
):
    client.force_login(partner)
    before = timezone.now()
    fetch(client, partner_file.get_absolute_url())
    log = DownloadLog.objects.get()
    assert (log.file, log.resource, log.user, log.organisation) == (
        partner_file,
        partner_file.resource,
        partner,
        organisation,
    )
    assert before <= log.time <= timezone.now()
    assert not log.in_bundle


def test_it_keeps_no_address_in_clear(client, public_file):
    for _ in range(2):
        fetch(client, public_file.get_absolute_url(), extra={"REMOTE_ADDR": "198.51.100.23"})
    fetch(client, public_file.get_absolute_url(), extra={"REMOTE_ADDR": "198.51.100.24"})
    logs = list(DownloadLog.objects.values_list("client_hash", flat=True))
    assert len(logs) == 3 and logs[1] == logs[2] != logs[0]
    assert len(logs[0]) == 64
    for log in DownloadLog.objects.all():
        for field in log._meta.concrete_fields:
            assert "198.51.100.23" not in str(getattr(log, field.attname))


def test_it_logs_anonymous_downloads_without_a_person(client, public_file):
    fetch(client, public_file.get_absolute_url())
    log = DownloadLog.objects.get()
    assert log.user is None and log.organisation is None


def test_it_counts_each_download_on_the_file_and_its_resource(client, partner, public_file, partner_file):
    client.force_login(partner)
    for _ in range(3):
        fetch(client, public_file.get_absolute_url())
    fetch(client, partner_file.get_absolute_url())
    public_file.refresh_from_db()
    partner_file.refresh_from_db()
    public_file.resource.refresh_from_db()
    assert (public_file.download_count, partner_file.download_count) == (3, 1)
    assert public_file.resource.download_count == 4
    assert DownloadLog.objects.count() == 4


def test_it_counts_a_ranged_download_once_however_many_pieces_it_takes(client, public_file):
    for start in (0, 50000, 100000):
        fetch(client, public_file.get_absolute_url(), Range=f"bytes={start}-{start + 49999}")
    assert ResourceFile.objects.get(pk=public_file.pk).download_count == 1
    assert DownloadLog.objects.count() == 1


def test_it_counts_nothing_when_access_is_refused(client, visitor, partner_file):
    client.get(partner_file.get_absolute_url())
    client.force_login(visitor)
    client.get(partner_file.get_absolute_url())
    assert ResourceFile.objects.get(pk=partner_file.pk).download_count == 0
    assert not DownloadLog.objects.exists()


# --- object storage ------------------------------------------------------------------------


@pytest.fixture
def object_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "library-media",
                "endpoint_url": "https://objects.example.org",
                "region_name": "eu-west-1",
                "access_key": "test-access-key",
                "secret_key": "test-secret-key",
                "signature_version": "s3v4",
                "addressing_style": "path",
                "querystring_auth": True,
                "default_acl": "private",
            },
        },
    }
    settings.MEDIA_SIGNED_URL_SECONDS = 60


def stored_in_bucket(resource, access):
    """A file row pointing into the bucket (uploading needs the bucket; signing an address does not)."""
    return ResourceFile.objects.create(
        resource=resource,
        title="Handbook",
        file="files/abc/Guía.pdf",
        access=access,
        size=10,
        sha256="0" * 64,
        format="PDF",
    )


def test_it_hands_a_partner_a_short_lived_signed_address_in_object_storage(
    client, object_storage, partner, toolkit
):
    bucket_file = stored_in_bucket(toolkit, Access.PARTNERS)
    client.force_login(partner)
    response = client.get(bucket_file.get_absolute_url())
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("https://objects.example.org/library-media/files/abc/")
    assert "X-Amz-Expires=60" in location and "X-Amz-Signature=" in location
    assert "response-content-disposition=attachment" in location
    assert response["Cache-Control"] == "private, no-store"
    assert DownloadLog.objects.filter(file=bucket_file, user=partner).count() == 1


def test_it_checks_access_before_signing_an_address(client, object_storage, visitor, toolkit):
    bucket_file = stored_in_bucket(toolkit, Access.PARTNERS)
    response = client.get(bucket_file.get_absolute_url())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(visitor)
    assert client.get(bucket_file.get_absolute_url()).status_code == 403
    draft_file = stored_in_bucket(make_toolkit(status=Status.DRAFT), Access.PUBLIC)
    assert client.get(draft_file.get_absolute_url()).status_code == 404


def test_it_sends_a_file_without_a_fingerprint_with_no_validator(client, toolkit):
    bare = make_file(toolkit, content=CONTENT)
    ResourceFile.objects.filter(pk=bare.pk).update(sha256="")
    response, body = fetch(client, bare.get_absolute_url(), **{"If-None-Match": '""', "Range": "bytes=0-3"})
    assert response.status_code == 206 and body == CONTENT[:4]
    assert "ETag" not in response


def test_it_keeps_the_files_of_unpublished_resources_out_of_shared_caches(client, staff):
    draft_file = make_file(make_toolkit(status=Status.DRAFT), content=CONTENT, access=Access.PUBLIC)
    client.force_login(staff)
    response, _ = fetch(client, draft_file.get_absolute_url())
    assert response["Cache-Control"] == "private, no-cache"
