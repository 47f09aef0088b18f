"""library.demo.partners.seed_partner_organisations: the demo partner belongs to an active organisation."""

from types import SimpleNamespace

import pytest

from library import access
from library.demo.partners import seed_partner_organisations
from library.models import Membership, PartnerOrganisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_it_makes_the_partner_account_a_current_member_of_an_active_organisation():
    partner = make_user("partner")
    outcome = seed_partner_organisations()
    organisation = PartnerOrganisation.objects.get()
    assert organisation.active and organisation.country_id == "KE"
    assert access.is_partner(partner)
    assert outcome.summary() == "demo partner organisation: 1 created, 0 already there; 'partner' is a member"


def test_it_changes_nothing_when_run_again():
    make_user("partner")
    seed_partner_organisations()
    outcome = seed_partner_organisations()
    assert PartnerOrganisation.objects.count() == 1
    assert Membership.objects.count() == 1
    assert outcome.summary() == "demo partner organisation: 0 created, 1 already there"


def test_it_reactivates_the_demo_organisation_and_renews_an_ended_membership():
    from django.utils import timezone

    partner = make_user("partner")
    seed_partner_organisations()
    PartnerOrganisation.objects.update(active=False)
    Membership.objects.update(ended=timezone.now())
    seed_partner_organisations()
    assert access.is_partner(partner)


def test_it_leaves_the_visitor_outside():
    make_user("partner")
    visitor = make_user("visitor")
    seed_partner_organisations()
    assert not access.is_partner(visitor)


def test_it_creates_the_organisation_even_before_the_accounts_exist():
    outcome = seed_partner_organisations()
    assert PartnerOrganisation.objects.count() == 1
    assert not Membership.objects.exists()
    assert "no 'partner' account" in outcome.summary()


def test_it_is_skipped_when_no_accounts_are_wanted():
    assert seed_partner_organisations(SimpleNamespace(accounts=False)) is None
    assert not PartnerOrganisation.objects.exists()
