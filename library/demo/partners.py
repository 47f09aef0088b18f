"""Demo step: a partner organisation with the demo `partner` account as a current member."""

from django.contrib.auth import get_user_model

from library.models import Country, Membership, PartnerOrganisation

DEMO_ORGANISATION = "Civic Futures Network"
DEMO_PARTNER_USERNAME = "partner"


def seed_partner_organisations(partner_username=DEMO_PARTNER_USERNAME):
    """Create (once) the demo partner organisation and make the `partner` user a current member.

    Idempotent: running it again changes nothing. Returns the organisation. Does nothing to the
    membership when no such user exists (the accounts step creates it, and must run first)."""
    organisation, _created = PartnerOrganisation.objects.get_or_create(
        name=DEMO_ORGANISATION,
        defaults={
            "country": Country.objects.filter(code="KE").first(),
            "contact_name": "Amina Wanjiru",
            "contact_email": "partners@civic-futures.example",
            "active": True,
        },
    )
    if not organisation.active:
        organisation.active = True
        organisation.save(update_fields=["active"])
    user = get_user_model().objects.filter(username=partner_username).first()
    if (
        user is not None
        and not Membership.objects.current().filter(user=user, organisation=organisation).exists()
    ):
        Membership.objects.create(user=user, organisation=organisation)
    return organisation
