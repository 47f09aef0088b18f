"""Static files: compressed copies (gzip, Brotli), hashed names cached for a year; media never static."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test.utils import override_settings

from tests.factories import make_file, make_toolkit


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic once for the module, of the project's own static folder only (compressing the
    admin's files too would take a minute on a busy machine)."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(
        STATIC_ROOT=root,
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


def test_collectstatic_writes_gzip_and_brotli_copies(collected):
    hashed = collected / staticfiles_storage.stored_name("css/site.css")
    assert hashed.name != "site.css"
    assert hashed.with_name(hashed.name + ".gz").is_file()
    assert hashed.with_name(hashed.name + ".br").is_file()


@pytest.mark.django_db
def test_hashed_files_are_cached_for_a_year_and_sent_with_brotli(collected, client):
    url = staticfiles_storage.url("css/site.css")
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=31536000, public, immutable"
    assert response["Content-Encoding"] == "br"
    b"".join(response.streaming_content)
    response.close()


@pytest.mark.django_db
def test_files_without_a_hash_are_cached_briefly(collected, client):
    response = client.get("/static/css/site.css")
    assert response["Cache-Control"] == "max-age=3600, public"
    b"".join(response.streaming_content)
    response.close()


@pytest.mark.django_db
def test_uploaded_files_are_not_served_at_any_static_or_media_address(client):
    stored = make_file(make_toolkit()).file.name
    assert client.get(f"/media/{stored}").status_code == 404
    assert client.get(f"/static/{stored}").status_code == 404
    assert client.get(f"/static/../media/{stored}").status_code == 404


def test_a_media_folder_inside_the_static_folder_fails_the_system_checks(settings, tmp_path):
    from portal.checks import media_is_never_static

    settings.STATIC_ROOT = tmp_path / "static"
    settings.MEDIA_ROOT = tmp_path / "static" / "media"
    assert [error.id for error in media_is_never_static(None)] == ["portal.E001"]


def test_the_configured_media_and_static_folders_pass_the_system_checks():
    from portal.checks import media_is_never_static

    assert media_is_never_static(None) == []
