from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.backup import BackupError, Database, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a folder written by `manage.py backup`: checks every part against the manifest first, "
        "then loads the database and unpacks the files into MEDIA_ROOT. Refuses a database that already "
        "has tables or a MEDIA_ROOT with files in it, unless --replace is given. --database-url and "
        "--media-root restore somewhere else (a staging copy) instead of the configured ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--database-url", help="restore into this database instead of DATABASE_URL")
        parser.add_argument("--media-root", help="unpack the files here instead of MEDIA_ROOT")
        parser.add_argument("--replace", action="store_true", help="overwrite existing tables and files")

    def handle(self, *args, folder, database_url, media_root, replace, **options):
        try:
            database = (
                Database.from_url(database_url)
                if database_url
                else Database.from_settings(connection.settings_dict)
            )
            if not database_url:
                connection.close()  # pg_restore --clean must not wait on our own open connection
            restore_backup(folder, database, media_root or settings.MEDIA_ROOT, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {folder} into {database.name} and {media_root or settings.MEDIA_ROOT}."
            )
        )
