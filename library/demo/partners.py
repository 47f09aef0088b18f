"""Demo step: a partner organisation with the demo `partner` account as a current member.

Shaped like the other `seed_demo` steps: it takes the command's options (or none) and returns
what it did with a `summary()`, so it can be added to the list of steps right after the accounts.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from library.models import Country, Membership, PartnerOrganisation

DEMO_ORGANISATION = "Civic Futures Network"
DEMO_PARTNER_USERNAME = "partner"


@dataclass
class PartnerSeedOutcome:
    label: str = "demo partner organisation"
    created: int = 0
    existing: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self):
        return "; ".join(
            [f"{self.label}: {self.created} created, {self.existing} already there", *self.notes]
        )


def seed_partner_organisations(options=None):
    """Create (once) the demo partner organisation and make the `partner` user a current member.

    Idempotent: running it again changes nothing. Skipped (None) when the options say no accounts
    are wanted. Needs the accounts step to have run first for the membership; without a `partner`
    user it creates only the organisation and says so."""
    if options is not None and not getattr(options, "accounts", True):
        return None
    outcome = PartnerSeedOutcome()
    with transaction.atomic():
        organisation, created = PartnerOrganisation.objects.get_or_create(
            name=DEMO_ORGANISATION,
            defaults={
                "country": Country.objects.filter(code="KE").first(),
                "contact_name": "Amina Wanjiru",
                "contact_email": "partners@civic-futures.example",
                "active": True,
            },
        )
        outcome.created, outcome.existing = (1, 0) if created else (0, 1)
        if not organisation.active:
            organisation.active = True
            organisation.save(update_fields=["active"])
        user = get_user_model().objects.filter(username=DEMO_PARTNER_USERNAME).first()
        if user is None:
            outcome.notes.append(f"no {DEMO_PARTNER_USERNAME!r} account, so no member added")
        elif not Membership.objects.current().filter(user=user, organisation=organisation).exists():
            Membership.objects.create(user=user, organisation=organisation)
            outcome.notes.append(f"{DEMO_PARTNER_USERNAME!r} is a member")
    return outcome
