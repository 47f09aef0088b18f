import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag

from library.models import Resource
from tests.factories import make_case_study, make_resource, make_toolkit
from tests.library.importing_helpers import FORMAT_FIELDS

pytestmark = pytest.mark.django_db


def a_varied_library():
    make_toolkit(
        slug="b-toolkit",
        title="=Toolkit, with “quotes” and ünïcode",
        tags=["Open Data", "mentoring"],
        themes=["tools-for-knowledge", "community-activism"],
        countries=["UG", "KE"],
        published_at=datetime(2021, 3, 4, 15, 16, 17, 123456, tzinfo=UTC),
    )
    make_case_study(
        slug="a-case",
        themes=["electoral-processes"],
        countries=["NP"],
        language="ne",
        published_at=datetime(2019, 5, 1, tzinfo=UTC),
        body="Line one\n\nLine two\r\n",
    )
    make_resource(slug="c-draft", status="draft", published_at=None, summary="Not yet.")
    make_resource(slug="d-scheduled", published_at=timezone.now() + timedelta(days=3))
    make_resource(slug="e-archived", status="archived", language="ar", title="دليل")


def export(*args):
    out = io.StringIO()
    call_command("export_resources", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_export_then_import_into_an_empty_database_then_export_gives_identical_bytes(tmp_path):
    a_varied_library()
    first = tmp_path / "first.jsonl"
    call_command("export_resources", str(first), stderr=io.StringIO())
    Resource.objects.all().delete()
    Tag.objects.all().delete()
    call_command("import_resources", str(first), stdout=io.StringIO())
    second = tmp_path / "second.jsonl"
    call_command("export_resources", str(second), stderr=io.StringIO())
    assert first.read_bytes() == second.read_bytes()
    assert len(first.read_bytes().splitlines()) == 5


def test_it_writes_every_state_in_slug_order_with_keys_in_the_format_order():
    a_varied_library()
    records = [json.loads(line) for line in export().splitlines()]
    assert [record["slug"] for record in records] == [
        "a-case",
        "b-toolkit",
        "c-draft",
        "d-scheduled",
        "e-archived",
    ]
    assert list(records[0]) == FORMAT_FIELDS
    assert list(records[1]) == list(records[0])[:11]


def test_it_writes_lists_sorted_and_times_as_dates_or_utc_date_times():
    a_varied_library()
    records = {record["slug"]: record for record in map(json.loads, export().splitlines())}
    toolkit = records["b-toolkit"]
    assert toolkit["tags"] == ["mentoring", "Open Data"]
    assert toolkit["themes"] == ["community-activism", "tools-for-knowledge"]
    assert toolkit["countries"] == ["KE", "UG"]
    assert toolkit["published_at"] == "2021-03-04T15:16:17.123456+00:00"
    assert records["a-case"]["published_at"] == "2019-05-01"
    assert records["a-case"]["organisation"] == "Forum for Civic Action"
    assert records["c-draft"]["published_at"] is None


def test_published_only_leaves_out_drafts_scheduled_and_archived():
    a_varied_library()
    slugs = [json.loads(line)["slug"] for line in export("--published").splitlines()]
    assert slugs == ["a-case", "b-toolkit"]


def test_an_empty_library_gives_an_empty_file(tmp_path):
    path = tmp_path / "empty.jsonl"
    call_command("export_resources", str(path), stderr=io.StringIO())
    assert path.read_bytes() == b""


def test_a_folder_as_the_path_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="is a folder"):
        call_command("export_resources", str(tmp_path), stderr=io.StringIO())
