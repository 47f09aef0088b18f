"""Bulk-load the benchmark library: N generated resources (../shared/data/gen_resources.py, same
seed, same records everywhere), a few toolkit files (public and partner-only) and the accounts the
load test signs in with. Idempotent: does nothing when the library already holds N resources.

    DJANGO_SETTINGS_MODULE=portal.settings python benchmarks/load_benchmark_data.py --count 100000

Loads through the importer (benchmarks/loader.py), so the library is as after an import,
search index included.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import django

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
FILES = 60  # toolkits that get a public and a partner-only file
PASSWORD = "loadtest-password-not-secret"  # noqa: S105 - a throwaway account on loopback


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


def load_resources(count, seed):
    from benchmarks.loader import load

    print(f"loaded {load(count, seed=seed)} resources")


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
