"""The certificate: a PDF in the person's language (its text read back with pypdf), a public
verification page for its code, and revoking by staff."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from programmes.models import Certificate
from tests.programmes.builders import complete, make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified(client, visitor):
    visitor.first_name, visitor.last_name = "Amina", "Haddad"
    visitor.save()
    programme = make_programme(modules=1, steps=1, questions=1, title="Observing elections")
    client.force_login(visitor)
    complete(client, programme)
    return programme, Certificate.objects.get()


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


def test_the_pdf_names_the_person_programme_code_and_verification_address(client, certified):
    programme, certificate = certified
    text = pdf_text(client.get(f"{programme.get_absolute_url()}certificate.pdf"))
    assert "Certificate of completion" in text
    assert "Amina Haddad" in text and "Observing elections" in text
    assert certificate.code in text
    assert f"http://testserver/certificates/{certificate.code}/" in text


def test_the_pdf_in_french(client, certified):
    programme, _certificate = certified
    text = pdf_text(client.get(f"{programme.get_absolute_url()}certificate.pdf?language=fr"))
    assert "Certificat de réussite" in text and "Amina Haddad" in text


def test_the_pdf_in_arabic_embeds_a_font_with_arabic_glyphs(client, certified):
    programme, certificate = certified
    response = client.get(f"{programme.get_absolute_url()}certificate.pdf?language=ar")
    text = pdf_text(response)
    assert certificate.code in text and "Amina Haddad" in text
    # the Arabic words come out (shaped glyphs map back to Arabic letters)
    assert any("\u0600" <= character <= "\u06ff" for character in text)
    reader = PdfReader(io.BytesIO(response.content))
    fonts = {str(font["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("DejaVu" in name for name in fonts)


def test_the_issue_language_is_the_interface_language(client, visitor):
    programme = make_programme(modules=1, steps=1, questions=0)
    client.force_login(visitor)
    client.post(f"/es{programme.get_absolute_url()}enrol/")
    step = programme.modules.get().steps.get()
    client.post(f"/es/programmes/{programme.slug}/steps/{step.pk}/", {"done": "1"})
    assert Certificate.objects.get().language == "es"
    assert "Certificado de finalización" in pdf_text(
        client.get(f"{programme.get_absolute_url()}certificate.pdf")
    )


def test_a_bad_language_is_400(client, certified):
    programme, _certificate = certified
    assert client.get(f"{programme.get_absolute_url()}certificate.pdf?language=xx").status_code == 400


def test_anyone_can_verify_a_code(client, certified):
    _programme, certificate = certified
    client.logout()
    response = client.get(f"/certificates/{certificate.code}/")
    assert response.status_code == 200
    assert b"This certificate is valid." in response.content and b"Amina Haddad" in response.content
    lookup = client.get(f"/certificates/?code={certificate.code.lower()}")
    assert lookup.status_code == 302 and lookup["Location"].endswith(f"/certificates/{certificate.code}/")
    assert client.get("/certificates/NOSUCHCODE00/").status_code == 404
    assert client.get("/certificates/?code=%3Cscript%3E").status_code == 400


def test_a_revoked_certificate_says_so_and_no_longer_downloads(client, certified, staff):
    programme, certificate = certified
    certificate.revoked_at = timezone.now()
    certificate.save()
    assert client.get(f"{programme.get_absolute_url()}certificate.pdf").status_code == 410
    client.logout()
    assert b"This certificate was revoked" in client.get(f"/certificates/{certificate.code}/").content


def test_staff_revoke_in_the_admin(client, certified):
    from tests.factories import make_user

    _programme, certificate = certified
    admin = make_user("boss", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(
        "/admin/programmes/certificate/", {"action": "revoke", "_selected_action": [certificate.pk]}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None and certificate.revoked_by == admin
