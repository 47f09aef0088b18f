"""OAI-PMH 2.0 (https://www.openarchives.org/OAI/openarchivesprotocol.html): the six verbs, their
arguments and errors, resumption tokens. harvest.views answers HTTP; this module decides.

Resumption tokens are signed (django.core.signing): they carry the verb's arguments and the last
id sent, so any server of the portal can continue a harvest, and a made-up or damaged token is
a badResumptionToken. They do not expire.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from harvest import records
from harvest.dublin_core import oai_dc
from harvest.sets import SPECS, all_sets
from harvest.xmlwriting import OAI_DC_NS, OAI_DC_SCHEMA, element, text

VERBS = ("Identify", "ListMetadataFormats", "ListSets", "GetRecord", "ListIdentifiers", "ListRecords")
ARGUMENTS = {
    # verb: (required, optional, exclusive)
    "Identify": ((), (), None),
    "ListMetadataFormats": ((), ("identifier",), None),
    "ListSets": ((), (), "resumptionToken"),
    "GetRecord": (("identifier", "metadataPrefix"), (), None),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
}
REQUEST_ATTRIBUTES = ("verb", "identifier", "metadataPrefix", "from", "until", "set", "resumptionToken")
FORMATS = {"oai_dc": (OAI_DC_SCHEMA, OAI_DC_NS)}
SIGNING_SALT = "harvest.oai.resumption"
DAY = "YYYY-MM-DD"
SECOND = "YYYY-MM-DDThh:mm:ssZ"


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Answer:
    """What to send: the request's echoed arguments (none for badVerb/badArgument) and the body."""

    arguments: dict = field(default_factory=dict)
    parts: list = field(default_factory=list)  # text pieces of the verb's element (or errors)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def identifier(resource_id: int) -> str:
    return f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:{resource_id}"


def resource_id_of(value: str) -> int | None:
    prefix = f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:"
    number = value.removeprefix(prefix) if value.startswith(prefix) else ""
    return int(number) if number.isascii() and number.isdigit() and len(number) < 19 else None


_DAY_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SECOND_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def parse_time(value: str) -> tuple[datetime, str]:
    """(the moment, its granularity) of a from/until argument."""
    try:
        if _DAY_FORM.fullmatch(value):
            return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), DAY
        if _SECOND_FORM.fullmatch(value):
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), SECOND
    except ValueError:
        pass
    raise OAIError("badArgument", f"“{value}” is no date: use {DAY} or {SECOND}.")


def handle(params, absolute) -> Answer:
    """`params`: the request's QueryDict (GET or POST); `absolute`: site path -> full address."""
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        message = "Give one verb: " + ", ".join(VERBS) + "." if len(verbs) != 1 else f"No verb “{verbs[0]}”."
        raise OAIError("badVerb", message)
    verb = verbs[0]
    required, optional, exclusive = ARGUMENTS[verb]
    given = {name: params.getlist(name) for name in params if name != "verb"}
    repeated = [name for name, values in given.items() if len(values) > 1]
    if repeated:
        raise OAIError("badArgument", f"Repeated argument: {', '.join(sorted(repeated))}.")
    arguments = {name: values[0] for name, values in given.items()}
    allowed = {*required, *optional, *([exclusive] if exclusive else [])}
    unknown = sorted(set(arguments) - allowed)
    if unknown:
        raise OAIError("badArgument", f"{verb} does not take: {', '.join(unknown)}.")
    if exclusive and exclusive in arguments:
        if len(arguments) > 1:
            raise OAIError(
                "badArgument", f"{exclusive} is an exclusive argument: give it alone with the verb."
            )
    else:
        missing = [name for name in required if name not in arguments]
        if missing:
            raise OAIError("badArgument", f"{verb} needs: {', '.join(missing)}.")
    answer = Answer(arguments={"verb": verb, **arguments})
    answer.parts = HANDLERS[verb](arguments, absolute)
    return answer


def identify(arguments, absolute):
    earliest = records.earliest_datestamp() or datetime(2000, 1, 1, tzinfo=UTC)
    return [
        "<Identify>",
        element("repositoryName", settings.OAI_REPOSITORY_NAME),
        element("baseURL", absolute(reverse("harvest:oai"))),
        element("protocolVersion", "2.0"),
        element("adminEmail", settings.OAI_ADMIN_EMAIL),
        element("earliestDatestamp", stamp(earliest)),
        element("deletedRecord", "persistent"),
        element("granularity", SECOND),
        "</Identify>",
    ]


def _format_checked(prefix):
    if prefix not in FORMATS:
        raise OAIError(
            "cannotDisseminateFormat", f"No metadata format “{prefix}”: this repository offers oai_dc."
        )


def _record_id(value):
    resource_id = resource_id_of(value)
    found = records.one(resource_id) if resource_id is not None else None
    if found is None:
        raise OAIError("idDoesNotExist", f"No record “{value}” in this repository.")
    return found


def list_metadata_formats(arguments, absolute):
    if "identifier" in arguments:
        _record_id(arguments["identifier"])
    parts = ["<ListMetadataFormats>"]
    for prefix, (schema, namespace) in FORMATS.items():
        parts += [
            "<metadataFormat>",
            element("metadataPrefix", prefix),
            element("schema", schema),
            element("metadataNamespace", namespace),
            "</metadataFormat>",
        ]
    return [*parts, "</ListMetadataFormats>"]


def list_sets(arguments, absolute):
    if "resumptionToken" in arguments:
        raise OAIError("badResumptionToken", "ListSets answers in one page: there is nothing to resume.")
    parts = ["<ListSets>"]
    for spec, name in all_sets():
        parts += ["<set>", element("setSpec", spec), element("setName", name), "</set>"]
    return [*parts, "</ListSets>"]


def header(record) -> str:
    status = ' status="deleted"' if record.deleted else ""
    specs = "".join(element("setSpec", spec) for spec in record.set_specs)
    return (
        f"<header{status}>{element('identifier', identifier(record.resource_id))}"
        f"{element('datestamp', stamp(record.datestamp))}{specs}</header>"
    )


def record_xml(record, absolute) -> str:
    if record.deleted:
        return f"<record>{header(record)}</record>"
    return f"<record>{header(record)}<metadata>{oai_dc(record.resource, absolute)}</metadata></record>"


def get_record(arguments, absolute):
    _format_checked(arguments["metadataPrefix"])
    found = _record_id(arguments["identifier"])
    return ["<GetRecord>", record_xml(found, absolute), "</GetRecord>"]


def _selection(arguments) -> records.Selection:
    start = end = None
    granularities = set()
    if "from" in arguments:
        start, granularity = parse_time(arguments["from"])
        granularities.add(granularity)
    if "until" in arguments:
        until, granularity = parse_time(arguments["until"])
        granularities.add(granularity)
        end = until + (timedelta(days=1) if granularity == DAY else timedelta(seconds=1))
    if len(granularities) > 1:
        raise OAIError("badArgument", "from and until must have the same granularity.")
    if start and end and start >= end:
        raise OAIError("badArgument", "from lies after until.")
    spec = arguments.get("set")
    if spec is not None and spec not in SPECS:
        raise OAIError("badArgument", f"No set “{spec}”: ListSets names them.")
    return records.Selection(start, end, spec)


def _token(verb, arguments, after, total, cursor) -> str:
    payload = {"v": verb, "a": after, "n": total, "c": cursor}
    payload.update(
        {key: arguments[key] for key in ("metadataPrefix", "from", "until", "set") if key in arguments}
    )
    return signing.dumps(payload, salt=SIGNING_SALT, compress=True)


def _resumed(verb, token):
    try:
        payload = signing.loads(token, salt=SIGNING_SALT)
    except signing.BadSignature:
        raise OAIError(
            "badResumptionToken", "This resumption token was not made here, or was cut short."
        ) from None
    if payload.get("v") != verb:
        raise OAIError(
            "badResumptionToken", f"This resumption token belongs to {payload.get('v')}, not {verb}."
        )
    arguments = {key: payload[key] for key in ("metadataPrefix", "from", "until", "set") if key in payload}
    return arguments, int(payload["a"]), int(payload["n"]), int(payload["c"])


def _listing(verb, with_metadata):
    def answer(arguments, absolute):
        if "resumptionToken" in arguments:
            arguments, after, total, cursor = _resumed(verb, arguments["resumptionToken"])
        else:
            after, total, cursor = 0, None, 0
        _format_checked(arguments["metadataPrefix"])
        selection = _selection(arguments)
        size = settings.OAI_PAGE_SIZE
        found, more = records.page(selection, after, size, with_metadata=with_metadata)
        if not found:  # (on a resumed list: the records left were withdrawn meanwhile)
            raise OAIError("noRecordsMatch", "No record matches these arguments.")
        if total is None:
            total = records.count(selection) if more else len(found)
        write = (lambda record: record_xml(record, absolute)) if with_metadata else header
        parts = [f"<{verb}>", *(write(record) for record in found)]
        if more:
            token = _token(verb, arguments, found[-1].resource_id, total, cursor + len(found))
            parts.append(element("resumptionToken", token, completeListSize=total, cursor=cursor))
        elif cursor:  # the last page of a resumed list: an empty token says so
            parts.append(element("resumptionToken", "", completeListSize=total, cursor=cursor))
        return [*parts, f"</{verb}>"]

    return answer


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": _listing("ListIdentifiers", with_metadata=False),
    "ListRecords": _listing("ListRecords", with_metadata=True),
}


def error_parts(error: OAIError) -> list[str]:
    return [f'<error code="{error.code}">{text(error.message)}</error>']
