"""In production, static files are served hashed, compressed and cacheable for a year (WhiteNoise)."""

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", "--noinput", verbosity=0)
    return Client()  # a new client builds its middleware, so WhiteNoise reads the files just collected


def test_pages_link_hashed_stylesheets_served_compressed_and_cached_for_a_year(production_static):
    html = production_static.get("/").content.decode()
    stylesheet = html.split('<link rel="stylesheet" href="')[1].split('"')[0]

    response = production_static.get(stylesheet, HTTP_ACCEPT_ENCODING="gzip")

    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control
    assert int(cache_control.split("max-age=")[1].split(",")[0]) >= 365 * 24 * 3600
    response.close()
