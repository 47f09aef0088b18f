"""Writes the hand-written demo library (`catalogue.demo_resources()`) to the database.

Idempotent by slug: a resource whose slug exists is left exactly as it is, and only resources
created in this run get files, links and their `translation_of`. Everything is written in one
transaction; if it fails, the files already stored are deleted again, so a failed run leaves
nothing behind.
"""

from collections import Counter
from datetime import UTC, datetime, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from library import search, subtypes
from library.demo.catalogue import demo_resources
from library.demo.links import tag_ids, write_links
from library.demo.outcome import Outcome
from library.demo.pdf import toolkit_pdf
from library.models import Resource, ResourceFile, Theme
from library.models.files import Access
from library.models.resources import Status

# scheduled demo items go public this long after the seed ran, one after the other
SCHEDULE_STEP = timedelta(days=14)


def midnight(day):
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def publication(spec, scheduled_number):
    """(status, published_at) of a demo resource in its workflow state."""
    if spec.state in (Status.DRAFT, Status.REVIEW):
        return spec.state, None
    if spec.state == "scheduled":
        return Status.PUBLISHED, timezone.now().replace(microsecond=0) + SCHEDULE_STEP * scheduled_number
    return spec.state, midnight(spec.published)


def field_names(model):
    return {field.name for field in model._meta.concrete_fields}


def pdf_bytes(spec, demo_file):
    title = demo_file.cover_title or spec.title
    subtitle = demo_file.title.replace("(PDF)", "").strip()
    return toolkit_pdf(
        title=title,
        subtitle="" if subtitle == title else subtitle,
        summary=demo_file.cover_summary or spec.summary,
        text=demo_file.text,
        language=demo_file.language,
        published=spec.published,
    )


def attach_files(resource, spec, stored):
    for position, demo_file in enumerate(spec.files):
        resource_file = ResourceFile(
            resource=resource,
            title=demo_file.title,
            language=demo_file.language,
            access=Access(demo_file.access),
            position=position,
        )
        resource_file.file.save(demo_file.file_name, ContentFile(pdf_bytes(spec, demo_file)), save=False)
        stored.append(resource_file.file.name)
        resource_file.save()  # records size, SHA-256 and format


def create_resource(spec, *, status, published_at, lookups, stored):
    model = subtypes.model_for(spec.kind)
    own_fields = field_names(model)
    extra = {name: value for name, value in spec.extra.items() if name in own_fields}
    resource = model.objects.create(
        kind=spec.kind,
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        body=spec.body,
        language=spec.language,
        status=status,
        published_at=published_at,
        featured=spec.featured,
        **extra,
    )
    themes, tags = lookups
    write_links(
        [
            (
                resource.pk,
                [themes[slug] for slug in spec.themes],
                list(spec.countries),
                [tags[n] for n in spec.tags],
            )
        ]
    )
    attach_files(resource, spec, stored)
    return resource


def link_related(specs, created):
    """Relate each new resource to its demo neighbours (the relation is symmetrical)."""
    slug_of = {spec.key: spec.slug for spec in specs}
    ids = dict(Resource.objects.filter(slug__in=slug_of.values()).values_list("slug", "id"))
    for spec in specs:
        if spec.key in created:
            related = [ids[slug_of[key]] for key in spec.related if slug_of[key] in ids]
            created[spec.key].related.add(*related)


def link_translations(specs, created):
    """Make each new translation a language version of its original, when the original is there
    and still an original (staff may have changed it since an earlier seed)."""
    slug_of = {spec.key: spec.slug for spec in specs}
    new = [spec for spec in specs if spec.key in created and spec.translation_of]
    originals = dict(
        Resource.objects.filter(
            slug__in=[slug_of[spec.translation_of] for spec in new], translation_of__isnull=True
        ).values_list("slug", "id")
    )
    for spec in new:
        original_id = originals.get(slug_of[spec.translation_of])
        if original_id:
            Resource.objects.filter(pk=created[spec.key].pk).update(translation_of_id=original_id)


def describe(specs, created):
    new = [spec for spec in specs if spec.key in created]
    states = Counter(spec.state for spec in new)
    files = [demo_file for spec in new for demo_file in spec.files]
    partner_files = sum(demo_file.access == Access.PARTNERS for demo_file in files)
    notes = []
    if new:
        notes.append(
            f"{states['draft']} drafts, {states['review']} in review, {states['scheduled']} scheduled, "
            f"{states['archived']} archived, {sum(spec.featured for spec in new)} featured"
        )
        notes.append(f"{len(files)} PDF files ({partner_files} partner-only)")
    return notes


def seed_demo_content(options=None):
    specs = demo_resources()
    slugs = [spec.slug for spec in specs]
    existing = set(Resource.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    new = [spec for spec in specs if spec.slug not in existing]
    created = {}
    stored = []
    scheduled_number = 0
    try:
        with transaction.atomic():
            lookups = (
                dict(Theme.objects.values_list("slug", "id")),
                tag_ids(tag for spec in new for tag in spec.tags),
            )
            for spec in new:
                scheduled_number += spec.state == "scheduled"
                status, published_at = publication(spec, scheduled_number)
                created[spec.key] = create_resource(
                    spec,
                    status=status,
                    published_at=published_at,
                    lookups=lookups,
                    stored=stored,
                )
            link_related(specs, created)
            link_translations(specs, created)
            # bulk writes send no signals: this indexes them and renews the public version
            search.refresh_index([resource.pk for resource in created.values()])
    except BaseException:
        for name in stored:
            ResourceFile._meta.get_field("file").storage.delete(name)
        raise
    notes = describe(specs, created)
    return Outcome("demo library", created=len(created), existing=len(existing), notes=notes)
