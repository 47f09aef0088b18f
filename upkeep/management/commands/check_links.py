from django.core.management.base import BaseCommand

from upkeep import linkcheck


class Command(BaseCommand):
    help = (
        "Check every external link in public content (resource bodies, case-study fields, public "
        "file metadata) and store the results for the admin. Bounded concurrency, one request at "
        "a time per host, HEAD then GET, redirects followed and recorded. Safe from cron and from "
        "the task worker: a run that finds another one running does nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, help="requests at once (LINK_CHECK_CONCURRENCY, 8)")
        parser.add_argument("--timeout", type=float, help="seconds per request (LINK_CHECK_TIMEOUT, 10)")
        parser.add_argument(
            "--host-delay",
            type=float,
            help="seconds between two requests to one host (LINK_CHECK_HOST_DELAY, 1)",
        )

    def handle(self, *args, **options):
        for name in ("concurrency", "timeout", "host_delay"):
            value = options.get(name)
            if value is not None and (value < 0 or (name == "concurrency" and value < 1)):
                from django.core.management.base import CommandError

                raise CommandError(f"--{name.replace('_', '-')} must be positive")
        summary = linkcheck.run(
            concurrency=options.get("concurrency"),
            timeout=options.get("timeout"),
            host_delay=options.get("host_delay"),
        )
        if not summary.ran:
            self.stdout.write(f"Nothing done: {summary.note}.")
            return
        self.stdout.write(
            f"{summary.checked} links checked: {summary.broken} broken, {summary.redirected} redirected."
        )
