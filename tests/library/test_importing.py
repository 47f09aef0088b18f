"""The Importer used directly (the command and the admin are thin layers over it)."""

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from library.importing import Importer
from library.models import PublicVersion, Resource
from tests.factories import make_resource
from tests.library.importing_helpers import a_record, write_lines


@pytest.mark.django_db
def test_when_the_database_refuses_one_record_of_a_batch_only_that_record_is_rejected(tmp_path):
    path = write_lines(
        tmp_path / "in.jsonl",
        a_record(slug="one", tags=["a tag nobody used before"]),
        a_record(slug="two"),
        a_record(slug="three"),
    )

    def someone_else_takes_the_slug_two_meanwhile(sender, instance, created, **kwargs):
        # fires inside the importer's transaction, after it has checked which slugs exist
        if created and not Resource.objects.filter(slug="two").exists():
            make_resource(slug="two", title="Written by someone else")

    post_save.connect(someone_else_takes_the_slug_two_meanwhile, sender=Tag)
    try:
        with open(path, "rb") as stream:
            report = Importer(keep=10).run(stream, "in.jsonl")
    finally:
        post_save.disconnect(someone_else_takes_the_slug_two_meanwhile, sender=Tag)
    assert dict(report.counts) == {"created": 2, "rejected": 1}, report.outcomes
    rejected = next(outcome for outcome in report.outcomes if outcome.action == "rejected")
    assert (rejected.line, rejected.slug) == (2, "two")
    assert rejected.reason.startswith("the database refused the record")
    assert Resource.objects.get(slug="two").title == "Written by someone else"
    assert sorted(Resource.objects.values_list("slug", flat=True)) == ["one", "three", "two"]


@pytest.mark.django_db
def test_the_report_keeps_only_as_many_outcomes_as_asked_and_counts_the_rest(tmp_path):
    records = [a_record(slug=f"guide-{number}", title=f"Guide {number}") for number in range(5)]
    with open(write_lines(tmp_path / "in.jsonl", *records), "rb") as stream:
        report = Importer(dry_run=True, keep=2).run(stream, "in.jsonl")
    assert (len(report.outcomes), report.more, report.count("created")) == (2, 3, 5)
    assert not Resource.objects.exists()


@pytest.mark.django_db
def test_a_written_batch_renews_the_public_version_once(tmp_path):
    # no tags: a new tag renews the version through its own save signal
    records = [a_record(slug=f"guide-{number}", title=f"Guide {number}", tags=[]) for number in range(3)]
    path = write_lines(tmp_path / "in.jsonl", *records)
    with open(path, "rb") as stream, CaptureQueriesContext(connection) as queries:
        report = Importer().run(stream, "in.jsonl")
    assert report.count("created") == 3
    table = PublicVersion._meta.db_table
    renewals = [
        q["sql"] for q in queries if table in q["sql"] and q["sql"].lstrip().upper().startswith("INSERT")
    ]
    assert len(renewals) == 1, renewals
