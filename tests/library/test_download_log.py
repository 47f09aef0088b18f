"""library.download_log.record_downloads: one row per file, counters raised in the database."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from library.download_log import record_downloads
from library.models import DownloadLog, Resource, ResourceFile
from tests.factories import make_file, make_organisation, make_partner, make_toolkit

pytestmark = pytest.mark.django_db


def request_by(user):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.44")
    request.user = user
    return request


def test_counts_never_lose_a_download_to_a_stale_copy():
    kit = make_toolkit()
    stale = make_file(kit)  # both "requests" hold the same out-of-date object, as two workers would
    record_downloads(request_by(AnonymousUser()), [stale])
    record_downloads(request_by(AnonymousUser()), [stale])
    stale.save()  # saving the stale object must not write its old count back
    assert ResourceFile.objects.get(pk=stale.pk).download_count == 2
    assert Resource.objects.get(pk=kit.pk).download_count == 2


def test_it_logs_the_partner_organisation_of_the_person():
    organisation = make_organisation("Youth Voice")
    partner = make_partner("yv-member", organisation=organisation)
    resource_file = make_file(make_toolkit())
    record_downloads(request_by(partner), [resource_file])
    assert DownloadLog.objects.get().organisation == organisation


def test_it_records_nothing_for_no_files():
    record_downloads(request_by(AnonymousUser()), [])
    assert not DownloadLog.objects.exists()


def test_editing_a_resource_from_an_older_copy_keeps_its_count():
    from tests.factories import make_case_study

    for resource in (make_toolkit(), make_case_study()):
        stale = type(resource).objects.get(pk=resource.pk)
        record_downloads(request_by(AnonymousUser()), [make_file(resource)])
        stale.title = "A better title"
        stale.save()
        fresh = Resource.objects.get(pk=resource.pk)
        assert (fresh.title, fresh.download_count) == ("A better title", 1)


def test_a_copy_loaded_with_only_some_fields_saves_them_and_keeps_the_count():
    resource_file = make_file(make_toolkit())
    record_downloads(request_by(AnonymousUser()), [resource_file])
    partial = ResourceFile.objects.only("id", "title").get(pk=resource_file.pk)
    partial.title = "Renamed"
    partial.save()
    fresh = ResourceFile.objects.get(pk=resource_file.pk)
    assert (fresh.title, fresh.download_count, fresh.sha256) == ("Renamed", 1, resource_file.sha256)


@pytest.mark.django_db(transaction=True)
def test_downloads_at_the_same_time_are_all_counted():
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    if connection.vendor == "sqlite":
        # the in-memory shared-cache test database refuses concurrent writers outright ("table is
        # locked") instead of waiting as the WAL file database of `make run` does
        pytest.skip("concurrent writers need PostgreSQL or a file database")

    kit = make_toolkit()
    resource_file = make_file(kit)

    def download_ten_times(_):
        try:
            for _ in range(10):
                record_downloads(request_by(AnonymousUser()), [ResourceFile.objects.get(pk=resource_file.pk)])
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(download_ten_times, range(4)))
    assert ResourceFile.objects.get(pk=resource_file.pk).download_count == 40
    assert Resource.objects.get(pk=kit.pk).download_count == 40
    assert DownloadLog.objects.count() == 40
