"""/oai/: the six verbs of OAI-PMH 2.0 with oai_dc, resumption, from/until, sets and deleted
records; every answer (errors too) validated against the OAI-PMH and oai_dc XML schemas."""

from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
import time_machine
from django.utils import timezone

from harvest.protocol import identifier
from tests.factories import make_case_study, make_resource, make_toolkit
from tests.harvest.oai import NS, error_code, harvest, valid_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def collection(db):
    made = [
        make_resource(
            title=f"Guide {n}",
            slug=f"guide-{n}",
            themes=["electoral-processes"] if n % 2 else ["youth-engagement"],
            countries=["KE"],
            tags=["radio"],
        )
        for n in range(7)
    ]
    made.append(make_toolkit(title="A toolkit", slug="a-toolkit", licence="CC0-1.0"))
    made.append(make_case_study(title="A case", slug="a-case", organisation="Forum for Civic Action"))
    return made


def test_identify(client, collection):
    tree = valid_answer(client.get("/oai/?verb=Identify"))

    identify = tree.find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert tree.find("oai:request", NS).get("verb") == "Identify"


def test_list_metadata_formats_and_sets(client, collection):
    formats = valid_answer(client.get("/oai/?verb=ListMetadataFormats"))
    assert [f.text for f in formats.iterfind(".//oai:metadataPrefix", NS)] == ["oai_dc"]
    one = valid_answer(
        client.get(f"/oai/?verb=ListMetadataFormats&identifier={identifier(collection[0].pk)}")
    )
    assert error_code(one) is None

    sets = valid_answer(client.get("/oai/?verb=ListSets"))
    specs = [s.text for s in sets.iterfind(".//oai:setSpec", NS)]
    assert {"kind", "kind:toolkit", "theme", "theme:electoral-processes"} <= set(specs)


def test_get_record_in_dublin_core(client, collection):
    case = collection[-1]
    tree = valid_answer(
        client.get(f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(case.pk)}")
    )

    dc = tree.find(".//oai:metadata", NS)[0]
    assert dc.findtext("dc:title", namespaces=NS) == "A case"
    assert dc.findtext("dc:creator", namespaces=NS) == "Forum for Civic Action"
    assert dc.findtext("dc:identifier", namespaces=NS) == "http://testserver/case-studies/a-case/"
    assert [r.text for r in dc.iterfind("dc:rights", NS)][0] == "https://creativecommons.org/licenses/by/4.0/"
    toolkit = valid_answer(
        client.get(f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(collection[-2].pk)}")
    )
    rights = [r.text for r in toolkit.iterfind(".//dc:rights", NS)]
    assert rights[0] == "https://creativecommons.org/publicdomain/zero/1.0/"
    subjects = [
        s.text
        for s in valid_answer(
            client.get(
                f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(collection[1].pk)}"
            )
        ).iterfind(".//dc:subject", NS)
    ]
    assert subjects == ["Electoral processes", "radio"]


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_a_full_harvest_in_pages_sees_every_record_once(client, collection, settings, verb):
    settings.OAI_PAGE_SIZE = 2

    headers, pages, last_token = harvest(client, f"/oai/?verb={verb}&metadataPrefix=oai_dc")

    assert [h[0] for h in headers] == [identifier(r.pk) for r in sorted(collection, key=lambda r: r.pk)]
    assert pages == 5
    assert last_token.get("completeListSize") == "9"
    assert last_token.get("cursor") == "8"


def test_a_harvest_stays_in_step_while_records_change(client, collection, settings):
    settings.OAI_PAGE_SIZE = 3
    tree = valid_answer(client.get("/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc"))
    token = tree.find(".//oai:resumptionToken", NS).text
    seen = [h.text for h in tree.iterfind(".//oai:identifier", NS)]
    collection[0].delete()  # already sent: the next incremental harvest reports it
    collection[5].status = "draft"
    collection[5].save()  # not sent yet: it comes as deleted, in its place
    newcomer = make_resource(title="Newcomer", slug="newcomer")

    rest, _pages, _token = harvest(client, f"/oai/?verb=ListIdentifiers&resumptionToken={quote(token)}")

    identifiers = [h[0] for h in rest]
    assert not set(identifiers) & set(seen)
    assert identifiers[-1] == identifier(newcomer.pk)
    assert (identifier(collection[5].pk), True) in [(h[0], h[2]) for h in rest]


def test_from_and_until_select_by_last_change(client, collection):
    later = timezone.now() + timedelta(hours=2)
    with time_machine.travel(later):
        collection[2].title = "Changed later"
        collection[2].save()
    since = (later - timedelta(minutes=1)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    before = (later - timedelta(minutes=1)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    with time_machine.travel(later + timedelta(minutes=5)):
        recent, _p, _t = harvest(client, f"/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc&from={since}")
        older, _p, _t = harvest(client, f"/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc&until={before}")
        day = later.astimezone(UTC).strftime("%Y-%m-%d")
        same_day, _p, _t = harvest(
            client, f"/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc&from={day}&until={day}"
        )

    assert [h[0] for h in recent] == [identifier(collection[2].pk)]
    assert identifier(collection[2].pk) not in [h[0] for h in older]
    assert len(older) == len(collection) - 1
    assert identifier(collection[2].pk) in [h[0] for h in same_day]


def test_a_scheduled_resource_is_harvested_when_its_time_comes(client, db):
    due = timezone.now() + timedelta(days=1)
    resource = make_resource(title="Scheduled", slug="scheduled", published_at=due)
    checked = (timezone.now() + timedelta(hours=1)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert (
        error_code(valid_answer(client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc")))
        == "noRecordsMatch"
    )

    with time_machine.travel(due + timedelta(hours=1)):
        headers, _p, _t = harvest(client, f"/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc&from={checked}")

    assert [h[0] for h in headers] == [identifier(resource.pk)]


def test_sets_select_kinds_and_themes(client, collection):
    toolkits, _p, _t = harvest(client, "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind:toolkit")
    electoral, _p, _t = harvest(
        client, "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme:electoral-processes"
    )

    assert [h[0] for h in toolkits] == [identifier(collection[-2].pk)]
    assert [h[0] for h in electoral] == [identifier(r.pk) for r in collection[1:7:2]]


def test_deleted_records_are_reported_with_their_sets(client, collection):
    withdrawn = collection[1]
    withdrawn.status = "archived"
    withdrawn.save()

    tree = valid_answer(
        client.get(f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(withdrawn.pk)}")
    )
    header = tree.find(".//oai:header", NS)
    assert header.get("status") == "deleted"
    assert tree.find(".//oai:metadata", NS) is None
    assert [s.text for s in header.iterfind("oai:setSpec", NS)] == ["kind:guide", "theme:electoral-processes"]
    in_set, _p, _t = harvest(
        client, "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme:electoral-processes"
    )
    assert (identifier(withdrawn.pk), True) in [(h[0], h[2]) for h in in_set]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", "badVerb"),
        ("verb=Explode", "badVerb"),
        ("verb=Identify&verb=Identify", "badVerb"),
        ("verb=Identify&extra=1", "badArgument"),
        ("verb=ListRecords", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-30", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-01T00:00:00Z", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&set=nope", "badArgument"),
        ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
        ("verb=ListRecords&resumptionToken=forged", "badResumptionToken"),
        ("verb=ListRecords&resumptionToken=x&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListSets&resumptionToken=x", "badResumptionToken"),
        ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:1", "idDoesNotExist"),
        ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:library.example.org:999999", "idDoesNotExist"),
        ("verb=GetRecord&identifier=oai:library.example.org:1", "badArgument"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch"),
    ],
)
def test_errors_are_oai_errors(client, collection, query, code):
    tree = valid_answer(client.get(f"/oai/?{query}"))

    assert error_code(tree) == code
    request = tree.find("oai:request", NS)
    if code in ("badVerb", "badArgument"):
        assert request.attrib == {}  # the protocol echoes no arguments then


def test_a_token_of_another_verb_is_refused(client, collection, settings):
    settings.OAI_PAGE_SIZE = 2
    tree = valid_answer(client.get("/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc"))
    token = tree.find(".//oai:resumptionToken", NS).text

    assert error_code(valid_answer(client.get(f"/oai/?verb=ListRecords&resumptionToken={quote(token)}"))) == (
        "badResumptionToken"
    )


def test_post_is_answered_like_get(client, collection):
    tree = valid_answer(client.post("/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}))

    assert len(tree.findall(".//oai:header", NS)) == len(collection)


def test_text_xml_cannot_hold_is_dropped_not_sent(client, db):
    resource = make_resource(title="Bell\x07 and escape\x1b title", summary="Fine <b>&</b> text")

    tree = valid_answer(
        client.get(f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(resource.pk)}")
    )

    assert tree.findtext(".//dc:title", namespaces=NS) == "Bell and escape title"
    assert tree.findtext(".//dc:description", namespaces=NS) == "Fine <b>&</b> text"


def test_the_response_date_is_now_in_utc(client, db):
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC), tick=False):
        tree = valid_answer(client.get("/oai/?verb=Identify"))
    assert tree.findtext("oai:responseDate", namespaces=NS) == "2026-05-01T12:00:00Z"
