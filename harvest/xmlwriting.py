"""Writing OAI-PMH XML as text, a record at a time (no tree of the whole answer in memory).

Every value goes through `text()`, which escapes markup and drops the characters XML 1.0 cannot
hold (control characters an editor may have pasted), so an answer is always well-formed."""

import re
from xml.sax.saxutils import escape, quoteattr

# characters XML 1.0 does not allow, even escaped
_NOT_IN_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def text(value) -> str:
    return escape(_NOT_IN_XML.sub("", str(value)))


def attribute(value) -> str:
    return quoteattr(_NOT_IN_XML.sub("", str(value)))


def element(name, value, **attributes) -> str:
    attrs = "".join(f" {key}={attribute(val)}" for key, val in attributes.items() if val is not None)
    return f"<{name}{attrs}>{text(value)}</{name}>"


def opening(response_date: str, request_attributes: dict, base_url: str) -> str:
    attrs = "".join(f" {key}={attribute(value)}" for key, value in request_attributes.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<OAI-PMH xmlns="{OAI_NS}" xmlns:xsi="{XSI_NS}" xsi:schemaLocation="{OAI_NS} {OAI_SCHEMA}">'
        f"<responseDate>{response_date}</responseDate>"
        f"<request{attrs}>{text(base_url)}</request>"
    )


CLOSING = "</OAI-PMH>\n"
