import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import make_case_study, make_resource, make_toolkit
from tests.library.importing_helpers import FORMAT_FIELDS

pytestmark = pytest.mark.django_db

COLUMNS = [*FORMAT_FIELDS, "url"]


def download(client, query=""):
    response = client.get(f"/library/export.csv{query}")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="library.csv"'
    return b"".join(response.streaming_content)


def rows_of(content: bytes):
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_it_has_a_header_row_named_as_the_import_fields_plus_url(client):
    assert rows_of(download(client)) == [COLUMNS]


def test_a_row_holds_the_resource_with_lists_joined_by_semicolons(client):
    make_case_study(
        slug="radio-in-mali",
        title="Radio in Mali",
        tags=["community radio", "fact-checking"],
        themes=["youth-engagement", "electoral-processes"],
        countries=["SN", "ML"],
        body="Two\nlines",
        published_at=datetime(2020, 2, 3, tzinfo=UTC),
    )
    header, row = rows_of(download(client))
    assert dict(zip(header, row, strict=True)) == {
        "kind": "case-study",
        "title": "Radio in Mali",
        "slug": "radio-in-mali",
        "summary": "A short summary of what this resource offers.",
        "body": "Two\nlines",
        "tags": "community radio;fact-checking",
        "themes": "electoral-processes;youth-engagement",
        "countries": "ML;SN",
        "language": "en",
        "published_at": "2020-02-03",
        "status": "published",
        "organisation": "Forum for Civic Action",
        "project_code": "UDF-KE-19-001",
        "lessons_learned": "Start with the people most affected.",
        "url": "http://testserver/case-studies/radio-in-mali/",
    }


def test_it_lists_only_what_the_public_may_see(client):
    make_toolkit(slug="public")
    make_resource(slug="draft", status="draft")
    make_resource(slug="review", status="review")
    make_resource(slug="archived", status="archived")
    make_resource(slug="scheduled", published_at=timezone.now() + timedelta(days=1))
    slugs = [row[2] for row in rows_of(download(client))[1:]]
    assert slugs == ["public"]


def test_it_follows_the_list_query_parameters_and_sort(client):
    make_toolkit(slug="kenyan-elections", title="B", themes=["electoral-processes"], countries=["KE"])
    make_toolkit(slug="kenyan-youth", title="A", themes=["youth-engagement"], countries=["KE"])
    make_resource(slug="nepal-elections", themes=["electoral-processes"], countries=["NP"])
    assert [row[2] for row in rows_of(download(client, "?theme=electoral-processes&country=KE"))[1:]] == [
        "kenyan-elections"
    ]
    assert [row[2] for row in rows_of(download(client, "?kind=toolkit&sort=title"))[1:]] == [
        "kenyan-youth",
        "kenyan-elections",
    ]


@pytest.mark.parametrize(
    "dangerous", ['=HYPERLINK("http://evil")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(client, dangerous):
    make_toolkit(slug="harmless", title=dangerous, summary=dangerous, tags=[dangerous.strip() or "x"])
    header, row = rows_of(download(client))
    cells = dict(zip(header, row, strict=True))
    assert cells["title"] == "'" + dangerous
    assert cells["summary"] == "'" + dangerous
    assert cells["slug"] == "harmless"


def test_a_parameter_it_does_not_understand_is_answered_400(client):
    response = client.get("/library/export.csv?year_from=abc&kind=podcast")
    assert response.status_code == 400
    assert b"year_from" in response.content and b"kind" in response.content


def test_the_downloaded_file_imports_back_as_unchanged(client, tmp_path):
    from django.core.management import call_command

    make_case_study(slug="radio-in-mali", tags=["community radio"], countries=["ML"])
    make_toolkit(slug="formula", title="=1+2", summary="-minus")
    path = tmp_path / "library.csv"
    path.write_bytes(download(client))
    out = io.StringIO()
    call_command("import_resources", str(path), stdout=out)
    assert "created 0, updated 0, unchanged 2, rejected 0" in out.getvalue()


@pytest.mark.parametrize("title", ["'+1", "''=x", "'plain", "'"])
def test_a_value_that_starts_with_an_apostrophe_imports_back_as_it_was(client, tmp_path, title):
    from django.core.management import call_command

    make_toolkit(slug="apostrophe", title=title)
    path = tmp_path / "library.csv"
    path.write_bytes(download(client))
    out = io.StringIO()
    call_command("import_resources", str(path), stdout=out)
    assert "created 0, updated 0, unchanged 1, rejected 0" in out.getvalue()
