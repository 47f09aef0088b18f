from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.backup import BackupError, Database, make_backup


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump custom format; SQLite: a consistent copy) and every "
        "file under MEDIA_ROOT into a new timestamped folder under BACKUP_DIR (default ./backups), with a "
        "manifest of SHA-256 checksums. Prints the folder. Restore with `manage.py restore FOLDER`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=settings.BACKUP_DIR, help="where the timestamped folder goes")

    def handle(self, *args, output, **options):
        try:
            folder = make_backup(
                Database.from_settings(connection.settings_dict), settings.MEDIA_ROOT, Path(output)
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        if getattr(settings, "MEDIA_STORAGE", "local") != "local":
            self.stderr.write(
                "Media live in object storage (MEDIA_STORAGE), not in MEDIA_ROOT: this backup holds the "
                "database only. Keep the bucket versioned and replicated (docs/deployment.md)."
            )
        self.stdout.write(str(folder))
