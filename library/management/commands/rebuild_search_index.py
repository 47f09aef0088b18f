"""Index every resource again (after restoring a database dump, or writing rows by hand)."""

from django.core.management.base import BaseCommand

from library.models import Resource
from library.search import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index and the 'Did you mean' vocabulary from every resource. "
        "Saving through the site or the import command keeps the index current; run this only after "
        "writing rows some other way."
    )

    def handle(self, *args, **options):
        rebuild_index()
        self.stdout.write(f"Indexed {Resource.objects.count()} resources.")
