"""Extra generated resources for benchmarks (`seed_demo --resources N`).

Resource number k is the same on every machine and in every run (its random generator is seeded
with k), and its slug ends in `-g<k>`, so asking for N again creates nothing and asking for more
adds only the missing ones. Rows are written in batches with bulk_create, their themes,
countries, tags and case-study rows alongside, and the search index is refreshed per batch.
"""

import random
from datetime import UTC, date, datetime, timedelta

from django.db import transaction
from django.utils.text import slugify

from library import search, subtypes
from library.demo import vocabulary as words
from library.demo.links import tag_ids, write_links
from library.demo.outcome import Outcome
from library.importing import insert_subtype_rows
from library.models import Country, Resource, Theme
from library.models.resources import Kind, Status

BATCH_SIZE = 1000
FIRST_DAY = date(words.FIRST_YEAR, 1, 1)
DAYS = (date(words.LAST_YEAR, 12, 31) - FIRST_DAY).days


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def sentence(rng, country, country2):
    return rng.choice(words.SENTENCES).format(
        obj=rng.choice(words.OBJECTS),
        obj2=rng.choice(words.OBJECTS),
        country=country,
        country2=country2,
        tag=rng.choice(words.TAGS),
        tag2=rng.choice(words.TAGS),
        n=rng.randint(3, 60),
    )


def paragraph(rng, country, country2, count):
    return " ".join(sentence(rng, country, country2) for _ in range(count))


def title_for(rng, kind, tag, country, index):
    if kind == Kind.CASE_STUDY:
        title = f"{rng.choice(words.ACTIONS)} {rng.choice(words.OBJECTS)} in {country}"
    else:
        templates = words.TOOLKIT_TITLES if kind == Kind.TOOLKIT else words.GUIDE_TITLES
        title = rng.choice(templates).format(tag=tag, tag_title=tag[:1].upper() + tag[1:])
    return f"{title} ({index})" if rng.random() < 0.5 else title


def body_for(rng, kind, country, country2):
    first, second, third = words.SECTION_HEADINGS[kind]
    points = "\n".join(f"- {sentence(rng, country, country2)}" for _ in range(rng.randint(3, 5)))
    return (
        f"## {first}\n\n{paragraph(rng, country, country2, rng.randint(3, 6))}\n\n"
        f"## {second}\n\n{points}\n\n"
        f"## {third}\n\n{paragraph(rng, country, country2, rng.randint(2, 5))}\n"
    )


def record(index):
    """The generated resource number `index` (1-based), as plain values."""
    rng = random.Random(f"seed-demo/{index}")  # noqa: S311 - demo data, not security
    kind = weighted(rng, words.KINDS)
    tag = rng.choice(words.TAGS)
    code, country = rng.choice(words.COUNTRIES)
    code2, country2 = rng.choice(words.COUNTRIES)
    title = title_for(rng, kind, tag, country, index)
    published = FIRST_DAY + timedelta(days=rng.randint(0, DAYS))
    item = {
        "kind": kind,
        "title": title,
        "slug": f"{slugify(title)[:80].strip('-')}-g{index}",
        "summary": paragraph(rng, country, country2, 2),
        "body": body_for(rng, kind, country, country2),
        "language": weighted(rng, words.LANGUAGES),
        "published_at": datetime(published.year, published.month, published.day, tzinfo=UTC),
        "tags": sorted({tag, *rng.sample(words.TAGS, rng.randint(1, 4))}),
        "themes": sorted(rng.sample(words.THEMES, rng.randint(1, 2))),
        "countries": sorted({code, code2} if rng.random() < 0.2 else {code}),
    }
    if kind == Kind.CASE_STUDY:
        first, second = (rng.choice(choices) for choices in words.ORGANISATION_WORDS)
        item["extra"] = {
            "organisation": f"{first} for {second} {country}",
            "project_code": f"UDF-{code}-{published.year % 100:02d}-{index % 1000:03d}",
            "period_start": published - timedelta(days=rng.randint(365, 3 * 365)),
            "period_end": published - timedelta(days=rng.randint(30, 300)),
            "context": paragraph(rng, country, country2, 2),
            "lessons_learned": "\n".join(f"- {sentence(rng, country, country2)}" for _ in range(3)),
        }
    return item


class Writer:
    """Writes batches of generated records; lookups are read once."""

    def __init__(self):
        self.tags = tag_ids(words.TAGS)
        self.themes = dict(Theme.objects.values_list("slug", "id"))
        self.countries = set(Country.objects.values_list("code", flat=True))
        self.case_study_model = subtypes.model_for(Kind.CASE_STUDY)

    def write(self, records):
        resources = Resource.objects.bulk_create(
            Resource(
                kind=item["kind"],
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                body=item["body"],
                language=item["language"],
                status=Status.PUBLISHED,
                published_at=item["published_at"],
            )
            for item in records
        )
        pairs = list(zip(resources, records, strict=True))
        write_links(
            (
                resource.pk,
                [self.themes[slug] for slug in item["themes"]],
                [code for code in item["countries"] if code in self.countries],
                [self.tags[name] for name in item["tags"]],
            )
            for resource, item in pairs
        )
        if self.case_study_model is not Resource:
            insert_subtype_rows(
                self.case_study_model,
                [(resource.pk, item["extra"]) for resource, item in pairs if item["kind"] == Kind.CASE_STUDY],
            )
        # bulk writes send no signals: this indexes them and renews the public version
        search.refresh_index([resource.pk for resource in resources])
        return len(resources)


def seed_generated(options):
    """Make sure generated resources 1..N exist; None when N is 0."""
    count = options.resources
    if not count:
        return None
    created = existing = 0
    with transaction.atomic():
        writer = Writer()
        for start in range(1, count + 1, BATCH_SIZE):
            records = [record(index) for index in range(start, min(start + BATCH_SIZE, count + 1))]
            slugs = [item["slug"] for item in records]
            present = set(Resource.objects.filter(slug__in=slugs).values_list("slug", flat=True))
            existing += len(present)
            new = [item for item in records if item["slug"] not in present]
            if new:
                created += writer.write(new)
    return Outcome("generated resources", created=created, existing=existing)
