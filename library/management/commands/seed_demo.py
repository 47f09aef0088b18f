"""manage.py seed_demo: the demo library and the demo accounts (see the help text)."""

from argparse import ArgumentTypeError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from library.demo.accounts import DEFAULT_PASSWORD
from library.demo.steps import SeedOptions, run_steps


def count(text):
    try:
        value = int(text)
    except ValueError:
        raise ArgumentTypeError(f"takes a whole number, not {text!r}") from None
    if value < 0:
        raise ArgumentTypeError(f"cannot be negative (got {value})")
    return value


class Command(BaseCommand):
    help = (
        "Load the demo library: about seventy hand-written toolkits, guides and case studies in every "
        "theme, in English, French, Spanish and Arabic, from countries in every region, with real PDF "
        "files (public and partner-only) and a few drafts, items in review, scheduled and archived items; "
        "then create the demo accounts admin, editor, publisher, partner and visitor. "
        "Rules: it is idempotent - resources are keyed by slug and accounts by username, and what exists "
        "is left unchanged (existing accounts keep their password), so a second run creates nothing. "
        "It refuses to create accounts when DEBUG is off; use --no-accounts to load only the content "
        "there. --resources N also makes sure N generated resources exist (for benchmarks; the same N "
        "gives the same resources)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--resources",
            type=count,
            default=0,
            metavar="N",
            help="also create N generated resources for benchmarks (default 0)",
        )
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"password of the demo accounts it creates (default {DEFAULT_PASSWORD!r})",
        )
        parser.add_argument(
            "--no-accounts",
            action="store_false",
            dest="accounts",
            help="load the content only, without accounts (the only way to run it with DEBUG off)",
        )

    def handle(self, *args, resources, password, accounts, **options):
        if accounts and not settings.DEBUG:
            raise CommandError(
                "seed_demo creates accounts with a known password, so it refuses to run when DEBUG is off. "
                "On a development machine set DEBUG=1; to load only the demo content, pass --no-accounts."
            )
        if accounts and not password.strip():
            raise CommandError("--password cannot be empty.")
        outcomes = run_steps(SeedOptions(password=password, resources=resources, accounts=accounts))
        for outcome in outcomes:
            self.stdout.write(outcome.summary())
        if not any(outcome.created for outcome in outcomes):
            self.stdout.write(self.style.SUCCESS("Demo content was already there: nothing to do."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content ready."))
