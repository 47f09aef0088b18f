"""The demo accounts of the contract: admin, editor, publisher, partner and visitor.

An account that exists already keeps its password and flags; it is only added to a staff group
it should be in and is not (the groups are created, with their permissions, by a migration).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from library import roles
from library.demo.outcome import Outcome


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    is_superuser: bool = False
    is_staff: bool = False
    group: str | None = None  # a library.roles group name

    @property
    def email(self):
        return f"{self.username}@example.org"


DEMO_ACCOUNTS = [
    DemoAccount("admin", "Ada", is_superuser=True, is_staff=True),
    DemoAccount("editor", "Edwin", is_staff=True, group=roles.EDITORS),
    DemoAccount("publisher", "Patience", is_staff=True, group=roles.PUBLISHERS),
    DemoAccount("partner", "Paulo"),  # made a member of a demo partner organisation by its own step
    DemoAccount("visitor", "Vera"),
]

DEFAULT_PASSWORD = "democracy-demo"  # noqa: S105 - the contract's documented demo password


def create_account(account, password):
    user = get_user_model()(
        username=account.username,
        first_name=account.first_name,
        last_name="Demo",
        email=account.email,
        is_staff=account.is_staff,
        is_superuser=account.is_superuser,
    )
    user.set_password(password)
    user.save()
    return user


def seed_accounts(options):
    """None when accounts are not wanted (--no-accounts)."""
    if not options.accounts:
        return None
    User = get_user_model()
    groups = {group.name: group for group in Group.objects.filter(name__in=[roles.EDITORS, roles.PUBLISHERS])}
    created = existing = 0
    missing_groups = set()
    with transaction.atomic():
        for account in DEMO_ACCOUNTS:
            user = User.objects.filter(username=account.username).first()
            if user is None:
                user = create_account(account, options.password)
                created += 1
            else:
                existing += 1
            if account.group in groups:
                if not user.groups.filter(pk=groups[account.group].pk).exists():
                    user.groups.add(groups[account.group])
            elif account.group:
                missing_groups.add(account.group)
    notes = [f"password of new accounts: {options.password!r}"] if created else []
    if missing_groups:
        notes.append(f"groups not found, so not joined: {', '.join(sorted(missing_groups))}")
    return Outcome("demo accounts", created=created, existing=existing, notes=notes)
