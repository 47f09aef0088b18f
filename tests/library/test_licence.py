"""Every resource carries a licence: the setting's default, shown on its page and in its JSON-LD."""

import json
import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from library.licences import LICENCES, default_licence
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


def test_a_new_resource_gets_the_default_licence_of_the_setting(settings):
    assert make_resource().licence == "CC-BY-4.0"
    settings.LIBRARY_DEFAULT_LICENCE = "CC-BY-NC-SA-4.0"
    assert make_resource().licence == "CC-BY-NC-SA-4.0"


def test_a_default_that_is_no_licence_is_refused(settings):
    settings.LIBRARY_DEFAULT_LICENCE = "all-rights-reserved"
    with pytest.raises(ImproperlyConfigured):
        default_licence()


def test_every_choice_is_creative_commons():
    assert all(licence.url.startswith("https://creativecommons.org/") for licence in LICENCES.values())


def test_the_page_and_its_json_ld_show_the_licence(client):
    make_resource(slug="shared-guide", licence="CC-BY-ND-4.0")

    html = client.get("/guides/shared-guide/").content.decode()

    assert '<a rel="license" href="https://creativecommons.org/licenses/by-nd/4.0/">' in html
    assert "Creative Commons Attribution-NoDerivatives 4.0" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["license"] == "https://creativecommons.org/licenses/by-nd/4.0/"


def test_the_page_names_the_licence_in_the_readers_language(client):
    make_resource(slug="guide-fr")

    assert "Creative Commons Atribución 4.0" in client.get("/es/guides/guide-fr/").content.decode()
