"""library.demo.partners.seed_partner_organisations: the demo partner belongs to an active organisation."""

import pytest

from library import access
from library.demo.partners import seed_partner_organisations
from library.models import Membership, PartnerOrganisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_it_makes_the_partner_account_a_current_member_of_an_active_organisation():
    partner = make_user("partner")
    organisation = seed_partner_organisations()
    assert organisation.active and organisation.country_id == "KE"
    assert access.is_partner(partner)


def test_it_changes_nothing_when_run_again():
    make_user("partner")
    seed_partner_organisations()
    seed_partner_organisations()
    assert PartnerOrganisation.objects.count() == 1
    assert Membership.objects.count() == 1


def test_it_leaves_the_visitor_outside():
    make_user("partner")
    visitor = make_user("visitor")
    seed_partner_organisations()
    assert not access.is_partner(visitor)


def test_it_creates_the_organisation_even_before_the_accounts_exist():
    seed_partner_organisations()
    assert PartnerOrganisation.objects.count() == 1
    assert not Membership.objects.exists()
