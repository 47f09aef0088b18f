import pytest

from tests.mentoring.helpers import make_mentor


@pytest.fixture(autouse=True)
def partner_email(db):
    """Mail goes to people with an address."""


@pytest.fixture
def mentee(partner, organisation):
    from library.models import Country

    organisation.country = Country.objects.get(code="KE")
    organisation.save()
    partner.email = "mentee@partners.example"
    partner.first_name, partner.last_name = "Paulo", "Mentee"
    partner.save()
    return partner


@pytest.fixture
def mentor(db):
    return make_mentor("lucia", name="Lucía Quispe", countries=("PE",), languages=("es", "en"), language="es")
