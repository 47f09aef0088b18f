import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import email_settings


def test_smtp_on_the_submission_port_uses_starttls_and_decodes_the_password():
    settings = email_settings("smtp://mailer%40fund.org:p%40ss%2Fw0rd@mail.example.org:587")

    assert settings == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer@fund.org",
        "EMAIL_HOST_PASSWORD": "p@ss/w0rd",
        "EMAIL_USE_SSL": False,
        "EMAIL_USE_TLS": True,
        "EMAIL_TIMEOUT": 20,
    }


def test_smtps_is_tls_from_the_first_byte_on_465():
    settings = email_settings("smtps://relay.example.org?timeout=5")

    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_SSL"], settings["EMAIL_USE_TLS"]) == (
        465,
        True,
        False,
    )
    assert settings["EMAIL_TIMEOUT"] == 5


def test_plain_smtp_on_port_25_and_starttls_on_request():
    assert email_settings("smtp://localhost")["EMAIL_USE_TLS"] is False
    assert email_settings("smtp://localhost:2525?tls=1")["EMAIL_USE_TLS"] is True


def test_file_urls_keep_mail_in_a_folder(tmp_path):
    assert email_settings("file:///var/mail/portal")["EMAIL_FILE_PATH"] == "/var/mail/portal"
    assert email_settings("file://var/mail", base_dir=tmp_path)["EMAIL_FILE_PATH"] == str(
        tmp_path / "var/mail"
    )
    assert email_settings("console:")["EMAIL_BACKEND"].endswith("console.EmailBackend")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgres://db", "must start with one of"),
        ("mail.example.org", "must start with one of"),
        ("smtp://", "needs a host"),
        ("smtp://host:notaport", "not a mail URL"),
        ("smtp://host?timeout=soon", "whole seconds"),
        ("file://", "needs a folder"),
    ],
)
def test_a_url_that_cannot_be_read_stops_the_start_with_a_message(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        email_settings(url)
