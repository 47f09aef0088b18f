"""The Importer used directly (the command and the admin are thin layers over it)."""

import pytest

from library.importing import Importer
from library.models import Resource, Theme
from tests.library.importing_helpers import a_record, write_lines


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_when_the_database_refuses_one_record_of_a_batch_only_that_record_is_rejected(tmp_path):
    path = write_lines(
        tmp_path / "in.jsonl",
        a_record(slug="one", themes=["youth-engagement"]),
        a_record(slug="two", themes=["electoral-processes"]),
        a_record(slug="three", themes=["youth-engagement"]),
    )

    def a_theme_disappears_while_the_file_is_read(line_number):
        if line_number == 3:  # after validation knew the theme, before the batch is written
            Theme.objects.filter(slug="electoral-processes").delete()

    with open(path, "rb") as stream:
        report = Importer(on_progress=a_theme_disappears_while_the_file_is_read, keep=10).run(
            stream, "in.jsonl"
        )
    assert dict(report.counts) == {"created": 2, "rejected": 1}
    rejected = next(outcome for outcome in report.outcomes if outcome.action == "rejected")
    assert (rejected.line, rejected.slug) == (2, "two")
    assert rejected.reason.startswith("the database refused the record")
    assert sorted(Resource.objects.values_list("slug", flat=True)) == ["one", "three"]


@pytest.mark.django_db
def test_the_report_keeps_only_as_many_outcomes_as_asked_and_counts_the_rest(tmp_path):
    records = [a_record(slug=f"guide-{number}", title=f"Guide {number}") for number in range(5)]
    with open(write_lines(tmp_path / "in.jsonl", *records), "rb") as stream:
        report = Importer(dry_run=True, keep=2).run(stream, "in.jsonl")
    assert (len(report.outcomes), report.more, report.count("created")) == (2, 3, 5)
    assert not Resource.objects.exists()
