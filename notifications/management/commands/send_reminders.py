from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from notifications import reminders


class Command(BaseCommand):
    help = (
        "Queue every due notice (event reminders, mentoring nudges, ...) and retry mail left "
        "unsent. Idempotent: a second run queues nothing new. Safe to run from cron every few minutes."
    )

    def handle(self, *args, **options):
        failed = []
        for name, count, error in reminders.run_all(timezone.now()):
            if error is None:
                self.stdout.write(f"{name}: {count}")
            else:
                failed.append(name)
                self.stderr.write(f"{name}: failed: {type(error).__name__}: {error}")
        if failed:
            raise CommandError(f"{len(failed)} due-notice hook(s) failed: {', '.join(failed)}")
