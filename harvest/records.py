"""What OAI-PMH harvests: every public resource, and every withdrawn one as a deleted record.

A record's datestamp is its last change: the later of its last save and its publication time
(a scheduled resource changes, for the public, when its time comes, without a save). Records are
listed in id order, live and withdrawn merged, so a resumption token is simply the last id sent:
a harvest stays in step while resources are published, changed or withdrawn meanwhile (a change
to a record already sent shows in the next incremental harvest, by its new datestamp).
"""

import heapq
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Min, Q, prefetch_related_objects

from harvest.models import Withdrawal
from harvest.sets import specs_of
from library import subtypes
from library.models import Resource


@dataclass
class Record:
    resource_id: int
    datestamp: datetime
    set_specs: list[str]
    resource: Resource | None = None  # None for a deleted record

    @property
    def deleted(self):
        return self.resource is None


@dataclass(frozen=True)
class Selection:
    """The arguments that choose records: from, until (inclusive bounds) and set."""

    start: datetime | None = None
    end: datetime | None = None  # exclusive: the end of `until`'s second or day
    set_spec: str | None = None


def _live(selection: Selection):
    live = Resource.objects.published()
    if selection.start:
        live = live.filter(Q(updated_at__gte=selection.start) | Q(published_at__gte=selection.start))
    if selection.end:
        live = live.filter(updated_at__lt=selection.end, published_at__lt=selection.end)
    spec = selection.set_spec
    if spec == "theme":
        live = live.filter(id__in=Resource.themes.through.objects.values("resource_id"))
    elif spec and spec.startswith("theme:"):
        through = Resource.themes.through.objects.filter(theme__slug=spec.removeprefix("theme:"))
        live = live.filter(id__in=through.values("resource_id"))
    elif spec and spec.startswith("kind:"):
        live = live.filter(kind=spec.removeprefix("kind:"))
    return live


def _withdrawn(selection: Selection):
    # a withdrawn resource that is public again is a live record, not a deleted one
    gone = Withdrawal.objects.exclude(resource_id__in=Resource.objects.published().values("id"))
    if selection.start:
        gone = gone.filter(withdrawn_at__gte=selection.start)
    if selection.end:
        gone = gone.filter(withdrawn_at__lt=selection.end)
    spec = selection.set_spec
    if spec in ("theme", "kind"):
        gone = gone.filter(set_specs__contains=f" {spec}:")
    elif spec:
        gone = gone.filter(set_specs__contains=f" {spec} ")
    return gone


def datestamp_of(resource) -> datetime:
    return max(resource.updated_at, resource.published_at)


def live_record(resource) -> Record:
    return Record(resource.pk, datestamp_of(resource), specs_of(resource), resource)


def deleted_record(withdrawal) -> Record:
    return Record(withdrawal.resource_id, withdrawal.withdrawn_at, withdrawal.set_specs.split(), None)


def page(selection: Selection, after: int, size: int, *, with_metadata: bool):
    """(up to `size` records with ids above `after`, in id order; whether more follow)."""
    relations = ("themes", "countries", "tags") if with_metadata else ("themes",)
    # the body is long and no part of a record: left in the database
    live = _live(selection).filter(id__gt=after).order_by("id").defer("body")[: size + 1]
    gone = _withdrawn(selection).filter(resource_id__gt=after).order_by("resource_id")[: size + 1]
    live = as_their_kind(list(live))
    prefetch_related_objects(live, *relations)
    merged = list(
        heapq.merge(
            (live_record(resource) for resource in live),
            (deleted_record(withdrawal) for withdrawal in gone),
            key=lambda record: record.resource_id,
        )
    )
    return merged[:size], len(merged) > size


def as_their_kind(resources):
    """The resources as their kind's model (a case study's organisation is its creator), in a
    query per kind that has a model of its own; relations are not fetched yet."""
    by_kind = {}
    for resource in resources:
        by_kind.setdefault(resource.kind, []).append(resource.pk)
    replaced = {}
    for kind, ids in by_kind.items():
        model = subtypes.model_for(kind)
        if model is not Resource:
            replaced.update((item.pk, item) for item in model.objects.filter(pk__in=ids).defer("body"))
    return [replaced.get(resource.pk, resource) for resource in resources]


def count(selection: Selection) -> int:
    return _live(selection).count() + _withdrawn(selection).count()


def one(resource_id: int) -> Record | None:
    resource = Resource.objects.published().filter(pk=resource_id).first()
    if resource is not None:
        (resource,) = as_their_kind([resource])
        prefetch_related_objects([resource], "themes", "countries", "tags")
        return live_record(resource)
    withdrawal = Withdrawal.objects.filter(resource_id=resource_id).first()
    return deleted_record(withdrawal) if withdrawal else None


def earliest_datestamp() -> datetime | None:
    """A lower bound of every datestamp: the earliest publication or withdrawal."""
    times = [
        Resource.objects.published().aggregate(first=Min("published_at"))["first"],
        Withdrawal.objects.aggregate(first=Min("withdrawn_at"))["first"],
    ]
    times = [moment for moment in times if moment is not None]
    return min(times) if times else None
