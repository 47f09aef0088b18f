"""The public version row (library.models.versions). On PostgreSQL, for ranking a page of results
in the database (library.search.backends): a GIN index on the search headline (the title,
summary and tag words), since only headline matches are scored, and the publication time in
the search document, which breaks ties."""

import time

from django.db import migrations, models

HEADLINE_INDEX = "library_search_headline_idx"


def create_row(apps, schema_editor):
    apps.get_model("library", "PublicVersion").objects.create(id=1, token=time.time_ns())


def rank_in_database(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {HEADLINE_INDEX} ON library_search_document USING gin (headline)"
        )
        schema_editor.execute("ALTER TABLE library_search_document ADD COLUMN published_at timestamptz")
        schema_editor.execute(
            "UPDATE library_search_document AS d SET published_at = r.published_at "
            "FROM library_resource AS r WHERE r.id = d.resource_id"
        )


def undo_rank_in_database(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE library_search_document DROP COLUMN IF EXISTS published_at")
        schema_editor.execute(f"DROP INDEX IF EXISTS {HEADLINE_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0009_public_covering_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="PublicVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.BigIntegerField(verbose_name="token")),
            ],
            options={
                "verbose_name": "public version",
                "verbose_name_plural": "public version",
            },
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
        migrations.RunPython(rank_in_database, undo_rank_in_database),
    ]
