import io
import json
import tracemalloc
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag

from casestudies.models import CaseStudy
from library.models import Resource
from tests.factories import make_file, make_resource
from tests.library.importing_helpers import a_case_study_record, a_record, write_lines

pytestmark = pytest.mark.django_db


def run_import(path, *args):
    """(stdout, stderr, exit status) of import_resources."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_resources", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        err.write(str(error))
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


def test_it_creates_every_kind_with_its_taxonomy_and_case_study_fields(tmp_path):
    path = write_lines(
        tmp_path / "in.jsonl",
        a_record(),
        a_case_study_record(countries=["KE", "UG"]),
        a_record(kind="toolkit", title="Observer toolkit", slug="observer-toolkit"),
    )
    out, err, status = run_import(path)
    assert (status, err) == (0, "")
    assert "created 3, updated 0, unchanged 0, rejected 0" in out
    guide = Resource.objects.get(slug="how-to-observe-an-election")
    assert guide.kind == "guide"
    assert guide.published_at == datetime(2019, 5, 1, tzinfo=UTC)
    assert sorted(guide.tags.names()) == ["election observation", "voter education"]
    assert [theme.slug for theme in guide.themes.all()] == ["electoral-processes"]
    case = CaseStudy.objects.get(slug="women-candidates-in-kenya")
    assert (case.organisation, case.project_code, case.lessons_learned) == (
        "Forum for Civic Action",
        "UDF-KE-19-001",
        "Start early.",
    )
    assert sorted(case.countries.values_list("code", flat=True)) == ["KE", "UG"]
    assert Resource.objects.get(slug="observer-toolkit").kind == "toolkit"


def test_a_second_run_of_the_same_file_changes_nothing(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", a_record(), a_case_study_record())
    run_import(path)
    before = list(Resource.objects.order_by("id").values_list("id", "updated_at"))
    out, _err, status = run_import(path)
    assert status == 0
    assert "created 0, updated 0, unchanged 2, rejected 0" in out
    assert list(Resource.objects.order_by("id").values_list("id", "updated_at")) == before


def test_a_changed_record_updates_the_resource_in_place_keeping_files_and_downloads(tmp_path):
    case = make_resource(
        model=CaseStudy, kind="case-study", slug="women-candidates-in-kenya", title="Old title"
    )
    Resource.objects.filter(pk=case.pk).update(download_count=42)
    attached = make_file(case)
    path = write_lines(tmp_path / "in.jsonl", a_case_study_record(title="New title", tags=["mentoring"]))
    out, _err, status = run_import(path)
    assert status == 0
    assert "created 0, updated 1, unchanged 0, rejected 0" in out
    case = CaseStudy.objects.get(slug="women-candidates-in-kenya")
    assert (case.pk, case.title, case.download_count) == (case.pk, "New title", 42)
    assert case.organisation == "Forum for Civic Action"
    assert list(case.tags.names()) == ["mentoring"]
    assert list(case.files.all()) == [attached]


def test_an_absent_publication_time_keeps_the_existing_one(tmp_path):
    existing = make_resource(slug="how-to-observe-an-election", title="How to observe an election")
    path = write_lines(tmp_path / "in.jsonl", a_record(published_at=...))
    run_import(path)
    assert Resource.objects.get(pk=existing.pk).published_at == existing.published_at


def test_a_new_published_record_without_a_time_is_published_now(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", a_record(published_at=...))
    run_import(path)
    assert Resource.objects.published().filter(slug="how-to-observe-an-election").exists()


def test_it_makes_the_slug_from_the_title_when_absent_and_defaults_to_draft(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", a_record(slug=..., status=..., published_at=..., language=...))
    run_import(path)
    resource = Resource.objects.get()
    assert (resource.slug, resource.status, resource.published_at, resource.language) == (
        "how-to-observe-an-election",
        "draft",
        None,
        "en",
    )


def test_a_date_time_with_an_offset_is_stored_in_utc(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", a_record(published_at="2019-05-01T09:30:00+02:00"))
    run_import(path)
    assert Resource.objects.get().published_at == datetime(2019, 5, 1, 7, 30, tzinfo=UTC)


BAD_LINES = {
    "bad JSON": (b'{"kind": "guide", "title": ', "not valid JSON"),
    "bad UTF-8": (b'{"kind": "guide", "title": "caf\xe9", "summary": "s"}', "not valid UTF-8 (byte 0xe9"),
    "not an object": (b'["guide", "A title"]', "one JSON object"),
    "number of 5000 digits": (
        b'{"kind": "guide", "title": ' + b"9" * 5000 + b"}",
        "a number has too many digits",
    ),
    "wrong type": (a_record(slug="bad", title=12), "title must be text, not a number"),
    "list expected": (a_record(slug="bad", themes="electoral-processes"), "themes must be a list of text"),
    "unknown theme": (
        a_record(slug="bad", themes=["gardening"], tags=["brand new tag"]),
        "unknown themes: gardening",
    ),
    "unknown country": (
        a_record(slug="bad", countries=["XX"]),
        "unknown country codes (ISO 3166 alpha-2): XX",
    ),
    "over-long title": (a_record(slug="bad", title="x" * 201), "title is 201 characters long; at most 200"),
    "missing summary": (a_record(slug="bad", summary=...), "summary is required"),
    "unknown kind": (a_record(slug="bad", kind="podcast"), "kind must be one of"),
    "unknown language": (a_record(slug="bad", language="xx"), "language 'xx' is not one of"),
    "bad date": (a_record(slug="bad", published_at="01/05/2019"), "is not an ISO 8601 date"),
    "date-time past the year 9999 in UTC": (
        a_record(slug="bad", published_at="9999-12-31T23:00:00-05:00"),
        "lies outside the years 1 to 9999",
    ),
    "date-time before the year 1 in UTC": (
        a_record(slug="bad", published_at="0001-01-01T00:00:00+05:00"),
        "lies outside the years 1 to 9999",
    ),
    "bad status": (a_record(slug="bad", status="live"), "status must be one of"),
    "case-study field on a guide": (
        a_record(slug="bad", organisation="Forum"),
        "organisation belongs to case studies",
    ),
    "bad slug": (a_record(slug="not a slug!"), "may only contain"),
    "unknown field": (a_record(slug="bad", colour="red"), "unknown fields: colour"),
    "lone surrogate in a field name": (
        b'{"kind": "guide", "title": "T", "summary": "S", "slug": "bad", "\\ud800": 1}',
        "unknown fields: \\ud800",
    ),
    "NUL character": (a_record(slug="bad", body="a\x00b"), "body contains characters that cannot be stored"),
    "duplicate slug": (
        a_record(slug="first", title="Another title"),
        "the slug 'first' is already used on line 1",
    ),
    "tag with the CSV separator": (a_record(slug="bad", tags=["a;b"]), "the tag 'a;b' contains ;"),
    "over-long project code": (a_case_study_record(slug="bad", project_code="P" * 41), "project_code is 41"),
}


@pytest.mark.parametrize("bad_line, reason", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_it_rejects_a_bad_line_with_its_number_and_reason_and_loads_the_others(tmp_path, bad_line, reason):
    tags_before = Tag.objects.count()
    path = write_lines(tmp_path / "in.jsonl", a_record(slug="first"), bad_line, a_record(slug="third"))
    out, err, status = run_import(path)
    assert status == 1
    assert "line 2: " in err and reason in err
    assert "created 2, updated 0, unchanged 0, rejected 1" in out
    assert sorted(Resource.objects.values_list("slug", flat=True)) == ["first", "third"]
    assert Tag.objects.count() == tags_before + 2  # the rejected line's new tag was not created


def test_two_titles_that_make_the_same_slug_reject_the_second(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", a_record(slug=...), a_record(slug=..., summary="Other"))
    _out, err, status = run_import(path)
    assert status == 1
    assert "line 2: the slug 'how-to-observe-an-election' is already used on line 1" in err
    assert Resource.objects.get().summary == "Plan, recruit and deploy citizen observers."


def test_an_import_cannot_change_the_kind_of_an_existing_resource(tmp_path):
    make_resource(slug="how-to-observe-an-election", kind="toolkit")
    path = write_lines(tmp_path / "in.jsonl", a_record())
    _out, err, status = run_import(path)
    assert status == 1
    assert "an import cannot change its kind" in err
    assert Resource.objects.get().kind == "toolkit"


def test_blank_lines_are_skipped_and_line_numbers_stay_those_of_the_file(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", b"", a_record(), b"   ", a_record(slug="x", title=""))
    out, err, status = run_import(path)
    assert status == 1
    assert "line 4: title is required" in err
    assert "created 1, updated 0, unchanged 0, rejected 1" in out


def test_a_line_longer_than_the_limit_is_rejected_and_the_next_lines_are_read(tmp_path, settings):
    settings.LIBRARY_IMPORT_MAX_LINE_BYTES = 1000
    path = write_lines(
        tmp_path / "in.jsonl",
        a_record(slug="first"),
        a_record(slug="big", body="x" * 5000),
        a_record(slug="third"),
    )
    _out, err, status = run_import(path)
    assert status == 1
    assert "line 2: the line is longer than 1,000 bytes; it was skipped" in err
    assert sorted(Resource.objects.values_list("slug", flat=True)) == ["first", "third"]


def test_a_one_gigabyte_line_is_rejected_without_holding_it_in_memory(tmp_path):
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as out:
        out.write(b'{"kind": "guide", "title": "')
        out.seek(1 << 30)  # a sparse gigabyte of NUL bytes, then the end of the line and a good line
        out.write(b'"}\n')
    with open(path, "ab") as out:
        write_lines(tmp_path / "good.jsonl", a_record())
        out.write((tmp_path / "good.jsonl").read_bytes())
    tracemalloc.start()
    try:
        _out, err, status = run_import(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 1
    assert "line 1: the line is longer than 8,388,608 bytes" in err
    assert Resource.objects.get().slug == "how-to-observe-an-election"
    assert peak < 64 * 1024 * 1024


def test_dry_run_reports_what_would_change_and_writes_nothing(tmp_path):
    make_resource(slug="how-to-observe-an-election", kind="guide", title="Old")
    path = write_lines(tmp_path / "in.jsonl", a_record(), a_case_study_record(tags=["never seen before"]))
    out, _err, status = run_import(path, "--dry-run")
    assert status == 0
    assert "created 1, updated 1, unchanged 0, rejected 0 (dry run: nothing was written)" in out
    assert list(Resource.objects.values_list("title", flat=True)) == ["Old"]
    assert not Tag.objects.filter(name="never seen before").exists()


def test_it_reads_csv_with_lists_separated_by_semicolons_and_cells_across_lines(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(
        "\ufeffkind,title,slug,summary,body,tags,themes,countries,language,published_at,status,organisation,"
        "project_code,lessons_learned\r\n"
        'case-study,Radio in Mali,radio-in-mali,Community radio.,"First line\r\n\r\nSecond, ""quoted""",'
        "community radio; fact-checking,media-and-freedom-of-information;youth-engagement,ML;SN,fr,"
        "2020-02-03,published,Radio Forum,UDF-ML-20-003,Listen first.\r\n"
        "guide,Un guide,,Résumé.,,,,,,,,,,\r\n".encode()
    )
    out, err, status = run_import(path)
    assert (status, err) == (0, "")
    assert "created 2" in out
    case = CaseStudy.objects.get(slug="radio-in-mali")
    assert case.body == 'First line\r\n\r\nSecond, "quoted"'
    assert sorted(case.tags.names()) == ["community radio", "fact-checking"]
    assert sorted(case.themes.values_list("slug", flat=True)) == [
        "media-and-freedom-of-information",
        "youth-engagement",
    ]
    assert sorted(case.countries.values_list("code", flat=True)) == ["ML", "SN"]
    assert (case.language, case.organisation) == ("fr", "Radio Forum")
    guide = Resource.objects.get(slug="un-guide")
    assert (guide.summary, guide.status) == ("Résumé.", "draft")


def test_a_csv_record_is_reported_by_the_line_it_starts_on(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('kind,title,summary,body\nguide,One,S,"a\nb\nc"\nguide,,S,x\n', encoding="utf-8")
    _out, err, status = run_import(path)
    assert status == 1
    assert "line 5: title is required" in err


def test_a_csv_header_with_unknown_columns_rejects_the_file(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("kind,title,summary,colour\nguide,One,S,red\n", encoding="utf-8")
    _out, err, status = run_import(path)
    assert status == 1
    assert "line 1: the header names unknown columns: colour" in err
    assert not Resource.objects.exists()


def test_a_csv_header_with_an_unnamed_column_says_which(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("kind,title,summary,\nguide,One,S,\n", encoding="utf-8")  # as spreadsheets leave it
    _out, err, status = run_import(path)
    assert status == 1
    assert "line 1: column 4 of the header has no name" in err
    assert not Resource.objects.exists()


@pytest.mark.parametrize("name", ["in.jsonl", "in.csv"])
def test_a_utf16_file_is_refused_as_a_whole_with_the_reason(tmp_path, name):
    path = tmp_path / name
    lines = [a_record(slug=f"guide-{number}", title=f"Guide {number}") for number in range(3)]
    text = (
        "".join(json.dumps(line) + "\n" for line in lines)
        if name.endswith("jsonl")
        else "kind,title,summary\nguide,One,S\n"
    )
    path.write_bytes(text.encode("utf-16"))
    out, err, status = run_import(path)
    assert status == 1
    assert (
        err.splitlines()[0]
        == "line 1: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"
    )
    assert "rejected 1" in out
    assert not Resource.objects.exists()


def test_an_unclosed_quote_in_csv_is_reported(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('kind,title,summary\nguide,One,S\nguide,"Two,S\n', encoding="utf-8")
    _out, err, status = run_import(path)
    assert status == 1
    assert "line 3: a quoted cell is never closed" in err
    assert Resource.objects.get().title == "One"


def test_the_format_is_told_by_the_content_when_the_extension_says_nothing(tmp_path):
    path = write_lines(tmp_path / "resources.txt", a_record())
    _out, _err, status = run_import(path)
    assert status == 0
    assert Resource.objects.count() == 1


def test_a_missing_file_is_a_clear_error(tmp_path):
    _out, err, status = run_import(tmp_path / "nowhere.jsonl")
    assert status == 1
    assert "cannot read" in err and "No such file" in err


def test_it_writes_in_batches_and_still_loads_every_line(tmp_path):
    records = [a_record(slug=f"guide-{number}", title=f"Guide {number}") for number in range(7)]
    path = write_lines(tmp_path / "in.jsonl", *records)
    out, _err, status = run_import(path, "--batch-size", "3")
    assert status == 0
    assert "created 7" in out
    assert Resource.objects.count() == 7


def test_verbose_output_names_every_line(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", a_record())
    out, _err, _status = run_import(path, "-v", "2")
    assert "line 1: created how-to-observe-an-election" in out


def test_no_progress_bar_when_not_on_a_terminal(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", a_record())
    _out, err, _status = run_import(path)
    assert "\r" not in err


def test_a_progress_counter_is_drawn_on_a_terminal(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    path = write_lines(tmp_path / "in.jsonl", a_record())
    terminal = Terminal()
    call_command("import_resources", str(path), stdout=io.StringIO(), stderr=terminal)
    assert "\r" in terminal.getvalue() and "1 lines" in terminal.getvalue()
