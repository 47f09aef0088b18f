"""Bulk-load the benchmark library: N generated resources (../shared/data/gen_resources.py, same
seed, same records everywhere), a few toolkit files (public and partner-only) and the accounts the
load test signs in with. Idempotent: does nothing when the library already holds N resources.

    DJANGO_SETTINGS_MODULE=portal.settings python benchmarks/load_benchmark_data.py --count 100000

Writes through bulk inserts (a few minutes for 100,000 on PostgreSQL) and calls the search index
hook for every batch, so the library is searchable as after an import.
"""

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import django

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
GENERATOR = REPO.parent / "shared" / "data" / "gen_resources.py"
BATCH = 2000
FILES = 60  # toolkits that get a public and a partner-only file
PASSWORD = "loadtest-password-not-secret"  # noqa: S105 - a throwaway account on loopback
CASE_STUDY_COLUMNS = ("organisation", "project_code", "lessons_learned")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--slugs", type=Path, help="write the public resource addresses here, one a line")
    parser.add_argument("--files", type=Path, help="write the download addresses here as JSON")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    django.setup()
    from library.models import Resource

    changed = False
    if Resource.objects.count() < options.count:
        load_resources(options.count, options.seed)
        changed = True
    changed = load_files_and_accounts() or changed
    if changed:
        from library.cache import bump_public_version

        bump_public_version()  # bulk inserts send no signals; cached pages must not survive them
    if options.slugs:
        write_addresses(options.slugs, options.files)


def records(count, seed):
    generator = subprocess.Popen(  # noqa: S603 - the shared generator, run by our interpreter
        [sys.executable, str(GENERATOR), "--count", str(count), "--seed", str(seed)],
        stdout=subprocess.PIPE,
        text=True,
    )
    with generator.stdout:
        for line in generator.stdout:
            yield json.loads(line)
    if generator.wait() != 0:
        raise SystemExit("gen_resources.py failed")


def load_resources(count, seed):
    from library.models import Country, Resource, Theme

    themes = dict(Theme.objects.values_list("slug", "id"))
    countries = set(Country.objects.values_list("code", flat=True))
    tags = {}
    existing = set(Resource.objects.values_list("slug", flat=True))
    batch = []
    loaded = 0
    for record in records(count, seed):
        if record["slug"] in existing:
            continue
        batch.append(record)
        if len(batch) == BATCH:
            loaded += _insert(batch, themes, countries, tags)
            batch = []
            print(f"  {loaded} resources", flush=True)
    if batch:
        loaded += _insert(batch, themes, countries, tags)
    print(f"loaded {loaded} resources")


def _insert(batch, themes, countries, tags):
    from django.db import connection, transaction
    from taggit.models import Tag

    from casestudies.models import CaseStudy
    from library import search
    from library.models import Resource, TaggedResource

    with transaction.atomic():
        rows = [
            Resource(
                kind=record["kind"],
                title=record["title"][:200],
                slug=record["slug"],
                summary=record["summary"],
                body=record.get("body", ""),
                language=record.get("language", "en"),
                status=record.get("status", "draft"),
                published_at=_moment(record.get("published_at")),
            )
            for record in batch
        ]
        created = Resource.objects.bulk_create(rows)
        by_slug = {resource.slug: resource.pk for resource in created}
        theme_links, country_links, tag_links = [], [], []
        case_rows = []
        for record in batch:
            pk = by_slug[record["slug"]]
            theme_links += [
                Resource.themes.through(resource_id=pk, theme_id=themes[slug])
                for slug in record.get("themes", [])
                if slug in themes
            ]
            country_links += [
                Resource.countries.through(resource_id=pk, country_id=code)
                for code in record.get("countries", [])
                if code in countries
            ]
            for name in record.get("tags", []):
                if name.lower() not in tags:
                    tags[name.lower()] = Tag.objects.get_or_create(name=name)[0].pk
                tag_links.append(TaggedResource(content_object_id=pk, tag_id=tags[name.lower()]))
            if record["kind"] == "case-study":
                case_rows.append((pk, *(record.get(column, "") or "" for column in CASE_STUDY_COLUMNS)))
        Resource.themes.through.objects.bulk_create(theme_links, ignore_conflicts=True)
        Resource.countries.through.objects.bulk_create(country_links, ignore_conflicts=True)
        TaggedResource.objects.bulk_create(tag_links, ignore_conflicts=True)
        _insert_case_studies(connection, CaseStudy, case_rows)
        search.refresh_index(list(by_slug.values()))
    return len(created)


def _insert_case_studies(connection, model, rows):
    """Multi-table rows cannot be bulk-created by the ORM; write the child table directly."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    extra = {
        f.column: f
        for f in model._meta.local_fields
        if f.column not in ("resource_ptr_id", *CASE_STUDY_COLUMNS)
    }
    columns = ["resource_ptr_id", *CASE_STUDY_COLUMNS, *extra]
    defaults = tuple("" if not field.null else None for field in extra.values())
    placeholders = ", ".join(["%s"] * len(columns))
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})",  # noqa: S608 - names from the model
            [(*row, *defaults) for row in rows],
        )


def _moment(value):
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def load_files_and_accounts():
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from library.models import Resource, ResourceFile

    User = get_user_model()
    for name in ("partner", "visitor"):
        if not User.objects.filter(username=name).exists():
            User.objects.create_user(name, password=PASSWORD)
    _grant_partner_access(User.objects.get(username="partner"))
    body = b"%PDF-1.4\n" + b"benchmark toolkit file\n" * 4000  # ~90 kB
    if ResourceFile.objects.exists():
        for resource_file in ResourceFile.objects.all():  # a new MEDIA_ROOT: write the bytes again
            if not resource_file.file.storage.exists(resource_file.file.name):
                resource_file.file.storage.save(resource_file.file.name, ContentFile(body))
        return False
    toolkits = Resource.objects.published().filter(kind="toolkit").order_by("-published_at")[:FILES]
    for toolkit in toolkits:
        for access in ("public", "partners"):
            resource_file = ResourceFile(resource=toolkit, title=f"{toolkit.title} ({access})", access=access)
            resource_file.file.save(f"{toolkit.slug[:60]}-{access}.pdf", ContentFile(body), save=False)
            resource_file.save()
    print(f"attached {ResourceFile.objects.count()} files")
    return True


def _grant_partner_access(user):
    """Partner organisations arrive with the partners branch; make the account a member when they exist."""
    try:
        from library.models import partners  # noqa: F401
    except ImportError:
        return
    from library.models.partners import Membership, PartnerOrganisation

    organisation, _ = PartnerOrganisation.objects.get_or_create(name="Benchmark partners")
    Membership.objects.get_or_create(organisation=organisation, user=user)


def write_addresses(slugs_path, files_path):
    from library.models import Resource, ResourceFile

    public = Resource.objects.published().order_by("?")[:5000]
    slugs_path.parent.mkdir(parents=True, exist_ok=True)
    slugs_path.write_text("".join(resource.get_absolute_url() + "\n" for resource in public))
    if files_path:
        files = {
            access: [f.get_absolute_url() for f in ResourceFile.objects.filter(access=access)]
            for access in ("public", "partners")
        }
        files_path.write_text(json.dumps(files))


if __name__ == "__main__":
    main()
