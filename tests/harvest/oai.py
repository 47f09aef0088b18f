"""Reading and validating OAI-PMH answers in tests: the shipped XSDs, no network."""

from functools import cache
from pathlib import Path

from lxml import etree

XSD = Path(__file__).parent / "xsd" / "answers.xsd"
NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}


@cache
def schema():
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(XSD), parser))


def valid_answer(response):
    """The answer's tree, once it has passed the OAI-PMH and oai_dc schemas."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    tree = etree.fromstring(response.content, etree.XMLParser(no_network=True, resolve_entities=False))
    checker = schema()
    assert checker.validate(tree), checker.error_log
    return tree


def error_code(tree):
    errors = tree.findall("oai:error", NS)
    return errors[0].get("code") if errors else None


def harvest(client, first_url):
    """Every page of a list verb: (headers as (identifier, datestamp, deleted) in order, pages)."""
    headers, pages, url = [], 0, first_url
    verb = first_url.split("verb=")[1].split("&")[0]
    while True:
        tree = valid_answer(client.get(url))
        pages += 1
        assert error_code(tree) is None, etree.tostring(tree)
        for header in tree.iterfind(".//oai:header", NS):
            headers.append(
                (
                    header.findtext("oai:identifier", namespaces=NS),
                    header.findtext("oai:datestamp", namespaces=NS),
                    header.get("status") == "deleted",
                )
            )
        token = tree.find(f"oai:{verb}/oai:resumptionToken", NS)
        if token is None or not (token.text or "").strip():
            return headers, pages, token
        url = f"/oai/?verb={verb}&resumptionToken={token.text}"
        assert pages < 1000
