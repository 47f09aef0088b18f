"""Every page type, in every language, is valid HTML by the Nu HTML checker (vnu-jar)."""

import pytest

from tests.public.pages import LANGUAGE_PREFIXES, fetch_all, make_people, make_sample_library
from tests.public.vnu import html_errors

pytestmark = pytest.mark.django_db

EXPECTED_STATUS = {"not found": 404, "partner-only file (signed in, no partner)": 403}


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_every_page_is_valid_html(client, settings, language):
    settings.LIBRARY_PAGE_SIZE = 2
    pages = fetch_all(client, make_sample_library(), make_people(), LANGUAGE_PREFIXES[language])
    for name, (status, _html) in pages.items():
        assert status == EXPECTED_STATUS.get(name, 200), name

    errors = html_errors({name: html for name, (_status, html) in pages.items()})

    assert not errors, "\n".join(f"{name}:\n  " + "\n  ".join(messages) for name, messages in errors.items())


def test_the_checker_does_find_invalid_html():
    errors = html_errors({"broken": "<!doctype html><html lang=en><title>x</title><p><div></span>"})

    assert errors["broken"]
