"""Small builders for test data. Each returns a saved object; keyword arguments override defaults."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from casestudies.models import CaseStudy
from library.models import Country, Resource, ResourceFile, Theme
from library.models.resources import Kind, Status

_numbers = itertools.count(1)


def a_moment_ago():
    return timezone.now() - timedelta(minutes=1)


def make_resource(*, themes=(), countries=(), tags=(), model=Resource, **fields):
    number = next(_numbers)
    values = {
        "kind": Kind.GUIDE,
        "title": f"Resource number {number}",
        "slug": f"resource-{number}",
        "summary": "A short summary of what this resource offers.",
        "body": "Some **body** text.",
        "language": "en",
        "status": Status.PUBLISHED,
        "published_at": a_moment_ago(),
    }
    values.update(fields)
    resource = model.objects.create(**values)
    if themes:
        resource.themes.set(Theme.objects.filter(slug__in=themes))
    if countries:
        resource.countries.set(Country.objects.filter(code__in=countries))
    if tags:
        resource.tags.set(list(tags))
    return resource


def make_toolkit(**fields):
    return make_resource(kind=Kind.TOOLKIT, **fields)


def make_case_study(**fields):
    fields.setdefault("organisation", "Forum for Civic Action")
    fields.setdefault("project_code", "UDF-KE-19-001")
    fields.setdefault("lessons_learned", "Start with the people most affected.")
    return make_resource(model=CaseStudy, kind=Kind.CASE_STUDY, **fields)


def make_file(resource, *, content=b"%PDF-1.4\n% test file\n", name="guide.pdf", **fields):
    values = {"title": "The guide", "language": "en"}
    values.update(fields)
    resource_file = ResourceFile(resource=resource, **values)
    resource_file.file.save(name, ContentFile(content), save=False)
    resource_file.save()
    return resource_file


def make_core_library(*, toolkit=(), guide=(), case_study=()):
    """Published content of every kind, each on its own theme, country and tag, the toolkit with a
    public file, plus a draft that must never appear. `toolkit`, `guide` and `case_study` add or
    override fields of that resource (a dict)."""
    toolkit = make_toolkit(
        **{
            "title": "Election observation toolkit",
            "slug": "election-observation-toolkit",
            "summary": "Checklists and forms for citizen observers on election day.",
            "themes": ["electoral-processes"],
            "countries": ["KE"],
            "tags": ["election observation"],
            **dict(toolkit),
        }
    )
    make_file(toolkit, title="Observer checklist")
    guide = make_resource(
        **{
            "title": "Running a youth assembly",
            "slug": "running-a-youth-assembly",
            "summary": "How to convene young people and carry their proposals to the council.",
            "themes": ["youth-engagement"],
            "countries": ["BR"],
            "tags": ["assemblies"],
            **dict(guide),
        }
    )
    case_study = make_case_study(
        **{
            "title": "Community radio for local accountability",
            "slug": "community-radio-for-local-accountability",
            "summary": "A network of radio stations that broadcast council meetings.",
            "themes": ["media-and-freedom-of-information"],
            "countries": ["NP"],
            "tags": ["radio"],
            **dict(case_study),
        }
    )
    make_resource(title="An unpublished draft", slug="an-unpublished-draft", status="draft")
    return {"toolkit": toolkit, "guide": guide, "case_study": case_study}


def make_user(username="someone", *, password="a-long-test-password", **fields):  # noqa: S107
    return get_user_model().objects.create_user(username=username, password=password, **fields)


def make_staff(username, *groups, **fields):
    """A staff member in the named groups (library.roles.EDITORS, library.roles.PUBLISHERS)."""
    from django.contrib.auth.models import Group

    user = make_user(username, is_staff=True, **fields)
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def make_organisation(name=None, **fields):
    from library.models import PartnerOrganisation

    values = {"name": name or f"Partner organisation {next(_numbers)}", "active": True}
    values.update(fields)
    return PartnerOrganisation.objects.create(**values)


def make_partner(username="partner", *, organisation=None, **fields):
    """A person with a current membership in an active partner organisation."""
    from library.models import Membership

    user = make_user(username, **fields)
    Membership.objects.create(
        user=user,
        organisation=organisation or make_organisation(),
        started=timezone.now() - timedelta(days=30),
    )
    return user
