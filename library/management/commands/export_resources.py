"""Write resources in the import format, so that an export can be imported again."""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from library.exporting import json_lines
from library.models import Resource


class Command(BaseCommand):
    help = (
        "Write every resource (all states, or only the public ones with --published) to PATH, or to "
        "standard output, as JSON Lines in the import format: one resource a line in slug order, keys in "
        "the format's order. Export, import into an empty database and export again give identical bytes. "
        "The file appears complete or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default="-", help="where to write (default: standard output)")
        parser.add_argument(
            "--published", action="store_true", help="only published resources that are public"
        )

    def handle(self, *args, path, published, **options):
        queryset = Resource.objects.published() if published else Resource.objects.all()
        if path == "-":
            for line in json_lines(queryset):
                self.stdout.write(line, ending="")
            return
        target = Path(path)
        if target.is_dir():
            raise CommandError(f"{path} is a folder; give a file name")
        try:
            handle, temporary = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".partial"
            )
        except OSError as error:
            raise CommandError(f"cannot write to {target.parent}: {error.strerror}") from None
        count = 0
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                for line in json_lines(queryset):
                    out.write(line)
                    count += 1
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        if options["verbosity"] > 0:
            self.stderr.write(f"{count} resource(s) written to {path}")
