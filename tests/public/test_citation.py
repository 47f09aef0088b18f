"""BibTeX and RIS downloads under each resource: /<segment>/<slug>/cite.bib and cite.ris."""

from datetime import UTC, datetime

import pytest

from library.models.resources import Status
from tests.factories import make_case_study, make_resource

pytestmark = pytest.mark.django_db
MAY_DAY = datetime(2019, 5, 1, 12, tzinfo=UTC)


def test_bibtex_is_a_misc_record_with_escaped_text(client):
    make_resource(
        slug="tally", title="Counting 100% of {votes} & more", summary="Short.", published_at=MAY_DAY
    )

    response = client.get("/guides/tally/cite.bib")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="tally.bib"'
    assert response.content.decode() == (
        "@misc{tally,\n"
        "  author = {{Democracy resource library}},\n"
        "  title = {{Counting 100\\% of \\{votes\\} \\& more}},\n"
        "  year = {2019},\n"
        "  howpublished = {Democracy resource library},\n"
        "  url = {http://testserver/guides/tally/},\n"
        "  language = {en},\n"
        "  abstract = {Short.},\n"
        "  month = may,\n"
        "}\n"
    )


def test_ris_names_a_case_study_a_report_by_its_organisation(client):
    make_case_study(
        slug="ke-observers",
        title="Observers in Kenya",
        summary="What\nworked.",
        published_at=MAY_DAY,
        organisation="Forum for Civic Action",
        tags=["election observation"],
    )

    response = client.get("/case-studies/ke-observers/cite.ris")

    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response.content.decode().split("\r\n") == [
        "TY  - RPRT",
        "TI  - Observers in Kenya",
        "AU  - Forum for Civic Action",
        "PY  - 2019",
        "DA  - 2019/05/01",
        "PB  - Democracy resource library",
        "UR  - http://testserver/case-studies/ke-observers/",
        "LA  - en",
        "AB  - What worked.",
        "KW  - election observation",
        "ER  - ",
        "",
    ]


def test_a_draft_has_no_citation(client):
    make_resource(slug="secret", status=Status.DRAFT)

    assert client.get("/guides/secret/cite.bib").status_code == 404
    assert client.get("/guides/secret/cite.ris").status_code == 404


def test_the_kind_in_the_address_must_match(client):
    make_resource(slug="a-guide")

    assert client.get("/toolkits/a-guide/cite.bib").status_code == 404
