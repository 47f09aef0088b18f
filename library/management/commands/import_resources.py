"""Load resources from a JSON Lines or CSV file in the import format (see README)."""

import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from library.importing import REJECTED, Importer


class Progress:
    """A one-line counter redrawn with a carriage return, a few times a second, on a terminal only."""

    def __init__(self, out, stream, total_bytes):
        self.out, self.stream, self.total = out, stream, total_bytes
        self.started, self.shown = time.monotonic(), 0.0  # the first line is drawn at once

    def __call__(self, line_number):
        now = time.monotonic()
        if now - self.shown < 0.25:
            return
        self.shown = now
        rate = line_number / max(now - self.started, 1e-6)
        done = ""
        if self.total:
            done = f"{min(self.stream.tell() / self.total, 1):6.1%}  "
        self.out.write(f"\r{done}{line_number:,} lines  {rate:,.0f} lines/s ", ending="")
        self.out.flush()

    def finish(self):
        self.out.write("\r" + " " * 60 + "\r", ending="")


class Command(BaseCommand):
    help = (
        "Load resources from PATH: JSON Lines (one resource a line) or CSV with the same field names "
        "(lists separated by ';'), told apart by the extension or the content; '-' reads standard input. "
        "Each line is validated as the admin would; a rejected line is reported with its line number and "
        "reason and changes nothing, the valid lines are created or updated by slug (in place: files, "
        "history and download counts stay) and lines that match the database are left unchanged, so running "
        "the same file twice changes nothing. Exits with status 1 when any line was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file to import (.jsonl or .csv), or - for standard input")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
        parser.add_argument("--batch-size", type=int, default=None, help="records per transaction")

    def handle(self, *args, path, dry_run, batch_size, verbosity, **options):
        if batch_size is not None and batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        stream = sys.stdin.buffer if path == "-" else self.open(path)
        progress = None
        if self.stderr.isatty() and verbosity > 0:
            total = 0 if path == "-" else os.fstat(stream.fileno()).st_size
            progress = Progress(self.stderr, stream, total)

        def tell(outcome):
            if outcome.action == REJECTED:
                if progress:
                    progress.finish()
                self.stderr.write(f"line {outcome.line}: {outcome.reason}")
            elif verbosity > 1:
                self.stdout.write(f"line {outcome.line}: {outcome.action} {outcome.slug}")

        importer = Importer(dry_run=dry_run, batch_size=batch_size, on_outcome=tell, on_progress=progress)
        try:
            report = importer.run(stream, name=path)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
        if progress:
            progress.finish()
        if verbosity > 0:
            suffix = " (dry run: nothing was written)" if dry_run else ""
            self.stdout.write(f"{report.summary()}{suffix}")
        if report.rejected:
            raise CommandError(f"{report.rejected} line(s) rejected", returncode=1)

    def open(self, path):
        try:
            return open(path, "rb")  # noqa: SIM115 -- closed in handle()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
