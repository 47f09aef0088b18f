"""A bench-only bulk loader: generated JSON Lines straight into the tables, then one index
refresh per batch. It skips the import command's validation (the generator's records are known
good) so 100,000 resources load in minutes."""

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection, transaction
from django.utils.text import slugify
from taggit.models import Tag

from library.models import Country, Resource, TaggedResource, Theme
from library.search import refresh_index

GENERATOR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "gen_resources.py"
BATCH = 2000
CASE_STUDY_COLUMNS = (
    "resource_ptr_id",
    "organisation",
    "project_code",
    "context",
    "approach",
    "results",
    "lessons_learned",
)


def records(count, seed=7):
    process = subprocess.Popen(  # noqa: S603 - our own generator, fixed arguments
        [sys.executable, str(GENERATOR), "--count", str(count), "--seed", str(seed)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    with process.stdout:
        for line in process.stdout:
            yield json.loads(line)
    process.wait()


def load(count, *, progress=print):
    themes = dict(Theme.objects.values_list("slug", "id"))
    tags = dict(Tag.objects.values_list("name", "id"))
    known_countries = set(Country.objects.values_list("code", flat=True))
    batch = []
    loaded = 0
    for record in records(count):
        record["countries"] = [code for code in record["countries"] if code in known_countries]
        batch.append(record)
        if len(batch) == BATCH:
            loaded += _write(batch, themes, tags)
            progress(f"  loaded {loaded:,}")
            batch = []
    if batch:
        loaded += _write(batch, themes, tags)
    return loaded


@transaction.atomic
def _write(batch, themes, tags):
    resources = Resource.objects.bulk_create(
        [
            Resource(
                kind=r["kind"],
                title=r["title"],
                slug=r["slug"],
                summary=r["summary"],
                body=r["body"],
                language=r["language"],
                status=r["status"],
                published_at=datetime.fromisoformat(r["published_at"]).replace(tzinfo=UTC),
            )
            for r in batch
        ]
    )
    theme_rows, country_rows, tag_rows, case_rows = [], [], [], []
    new_tags = {name for r in batch for name in r["tags"] if name not in tags}
    for tag in Tag.objects.bulk_create([Tag(name=name, slug=slugify(name)) for name in sorted(new_tags)]):
        tags[tag.name] = tag.id
    for resource, r in zip(resources, batch, strict=True):
        theme_rows += [
            Resource.themes.through(resource_id=resource.id, theme_id=themes[s]) for s in r["themes"]
        ]
        country_rows += [
            Resource.countries.through(resource_id=resource.id, country_id=c) for c in r["countries"]
        ]
        tag_rows += [TaggedResource(content_object_id=resource.id, tag_id=tags[name]) for name in r["tags"]]
        if r["kind"] == "case-study":
            case_rows.append(
                (resource.id, r["organisation"], r["project_code"], "", "", "", r["lessons_learned"])
            )
    Resource.themes.through.objects.bulk_create(theme_rows)
    Resource.countries.through.objects.bulk_create(country_rows)
    TaggedResource.objects.bulk_create(tag_rows)
    with connection.cursor() as cursor:
        columns = ", ".join(CASE_STUDY_COLUMNS)
        placeholders = ", ".join(["%s"] * len(CASE_STUDY_COLUMNS))
        cursor.executemany(
            f"INSERT INTO casestudies_casestudy ({columns}) VALUES ({placeholders})",  # noqa: S608 - fixed names
            case_rows,
        )  # noqa: S608
    refresh_index([resource.id for resource in resources])
    return len(resources)
