import hashlib
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from pypdf import PdfReader
from taggit.models import Tag

from library import roles, search, subtypes
from library.demo import content as demo_content
from library.demo.generated import record
from library.geography import TOP_REGIONS
from library.management.commands.seed_demo import Command as SeedDemo
from library.models import Country, Resource, ResourceFile, TaggedResource, Theme
from library.models.files import Access
from library.models.resources import Kind, Status
from library.themes import THEMES

pytestmark = pytest.mark.django_db

ACCOUNTS = ["admin", "editor", "publisher", "partner", "visitor"]


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    return settings


@pytest.fixture
def seeded(debug):
    return seed()


def snapshot():
    """Everything seed_demo writes, to compare two runs."""
    return {
        "resources": list(
            Resource.objects.order_by("id").values_list(
                "id", "slug", "status", "updated_at", "translation_of"
            )
        ),
        "files": list(ResourceFile.objects.order_by("id").values_list("id", "file", "sha256")),
        "themes": Resource.themes.through.objects.count(),
        "countries": Resource.countries.through.objects.count(),
        "tags": Tag.objects.count(),
        "tagged": TaggedResource.objects.count(),
        "related": Resource.related.through.objects.count(),
        "users": list(get_user_model().objects.order_by("id").values_list("id", "username", "password")),
    }


def stored_files(media_root):
    return sorted(path for path in Path(media_root).rglob("*") if path.is_file())


def pdf_text(resource_file):
    with resource_file.file.open("rb") as handle:
        data = handle.read()
    reader = PdfReader(io.BytesIO(data))
    return data, len(reader.pages), " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_it_loads_at_least_sixty_resources_of_every_kind(seeded):
    counts = {kind: Resource.objects.filter(kind=kind).count() for kind in Kind.values}
    assert sum(counts.values()) >= 60
    assert all(count >= 15 for count in counts.values()), counts


def test_it_files_resources_under_all_eight_themes(seeded):
    for slug, _name in THEMES:
        assert Theme.objects.get(slug=slug).resources.count() >= 3, slug


def test_it_writes_resources_in_english_french_spanish_and_arabic(seeded):
    languages = set(Resource.objects.values_list("language", flat=True))
    assert {"en", "fr", "es", "ar"} <= languages
    for arabic in Resource.objects.filter(language="ar"):
        assert re.search("[\u0600-\u06ff]{3,}", arabic.title + arabic.summary + arabic.body)
    assert Resource.objects.filter(language="fr", body__contains="é").count() >= 3
    assert Resource.objects.filter(language="es", body__contains="ó").count() >= 3


def test_it_covers_many_countries_in_every_region(seeded):
    countries = Country.objects.filter(resources__isnull=False).distinct()
    assert countries.count() >= 40
    for region in TOP_REGIONS:
        assert countries.filter(region=region).count() >= 3, region


def test_bodies_are_distinct_markdown_with_headings_and_lists(seeded):
    bodies = list(Resource.objects.values_list("body", flat=True))
    titles = list(Resource.objects.values_list("title", flat=True))
    assert len(set(bodies)) == len(bodies)
    assert len(set(titles)) == len(titles)
    for body in bodies:
        assert "## " in body
    assert sum("\n- " in body or "\n1. " in body for body in bodies) >= 40


def test_case_studies_carry_their_structured_fields(seeded):
    model = subtypes.model_for(Kind.CASE_STUDY)
    case_studies = model.objects.all()
    assert case_studies.count() == Resource.objects.filter(kind=Kind.CASE_STUDY).count()
    for case_study in case_studies:
        for name in subtypes.extra_fields(Kind.CASE_STUDY):
            assert getattr(case_study, name), (case_study.slug, name)
        assert case_study.period_start < case_study.period_end
        if case_study.published_at:
            assert case_study.period_end < case_study.published_at.date()
        assert case_study.context and case_study.approach and case_study.results


def test_toolkit_files_are_real_pdfs_whose_size_and_checksum_are_recorded(seeded):
    files = ResourceFile.objects.select_related("resource")
    assert files.count() >= 20
    for resource_file in files:
        data, pages, text = pdf_text(resource_file)
        assert data.startswith(b"%PDF-")
        assert resource_file.size == len(data)
        assert resource_file.sha256 == hashlib.sha256(data).hexdigest()
        assert resource_file.format == "PDF"
        assert pages >= 3
        assert resource_file.resource.kind == Kind.TOOLKIT
        if resource_file.resource.language != "ar":
            assert resource_file.resource.title in text, resource_file.title


def test_the_pdf_text_is_in_the_files_language(seeded):
    french = ResourceFile.objects.filter(language="fr").first()
    spanish = ResourceFile.objects.filter(language="es").first()
    assert "élections" in pdf_text(french)[2]
    assert "presupuesto" in pdf_text(spanish)[2]


def test_toolkits_have_public_and_partner_only_files_in_several_languages(seeded):
    public = ResourceFile.objects.filter(access=Access.PUBLIC)
    partners = ResourceFile.objects.filter(access=Access.PARTNERS)
    assert public.count() >= 10
    assert partners.count() >= 5
    assert {"en", "fr", "es"} <= set(public.values_list("language", flat=True))
    assert {"en", "fr", "es"} <= set(partners.values_list("language", flat=True))


def test_it_tags_features_and_relates_resources(seeded):
    tag = Tag.objects.get(name="election observation")
    assert tag.slug == "election-observation"
    assert Resource.objects.filter(tags__slug="community-radio").count() >= 2
    assert Resource.objects.filter(featured=True).published().count() >= 4
    toolkit = Resource.objects.get(slug="citizen-election-observation-toolkit")
    related_kinds = set(toolkit.related.values_list("kind", flat=True))
    assert {Kind.GUIDE, Kind.CASE_STUDY} <= related_kinds
    assert toolkit.related.filter(language="fr").exists()


ELECTION_OBSERVERS_GUIDE = "how-to-recruit-train-and-deploy-citizen-election-observers"
FRENCH_VERSION = "recruter-former-deployer-observateurs-electoraux-citoyens"
SPANISH_VERSION = "como-reclutar-formar-y-desplegar-observadores-electorales-ciudadanos"


def test_some_english_resources_have_public_french_spanish_and_arabic_versions(seeded):
    versions = Resource.objects.filter(translation_of__isnull=False).select_related("translation_of")
    assert versions.count() >= 4
    assert {"fr", "es", "ar"} <= set(versions.values_list("language", flat=True))
    for version in versions:
        assert version.is_public and version.translation_of.is_public, version.slug
        assert version.translation_of.language == "en"
        assert version.kind == version.translation_of.kind
        version.clean_translation_of()  # the admin's rules for a language version


def test_a_detail_page_offers_the_other_language_versions(seeded, client):
    original, french, spanish = (
        Resource.objects.get(slug=slug)
        for slug in (ELECTION_OBSERVERS_GUIDE, FRENCH_VERSION, SPANISH_VERSION)
    )
    page = client.get(original.get_absolute_url()).content.decode()
    assert "Also available in" in page
    assert f'<a href="{french.get_absolute_url()}" hreflang="fr">' in page
    assert f'<a href="{spanish.get_absolute_url()}" hreflang="es">' in page
    page = client.get(french.get_absolute_url()).content.decode()
    assert "Also available in" in page
    assert f'<a href="{original.get_absolute_url()}" hreflang="en">' in page
    assert f'<a href="{spanish.get_absolute_url()}" hreflang="es">' in page


def test_a_translation_added_by_a_later_run_is_linked_to_the_original_already_there(seeded):
    Resource.objects.filter(slug=FRENCH_VERSION).delete()
    seed()
    french = Resource.objects.get(slug=FRENCH_VERSION)
    assert french.translation_of == Resource.objects.get(slug=ELECTION_OBSERVERS_GUIDE)


def test_it_hides_drafts_reviews_scheduled_and_archived_items_from_the_public(seeded):
    now = timezone.now()
    hidden = {
        "draft": Resource.objects.filter(status=Status.DRAFT),
        "review": Resource.objects.filter(status=Status.REVIEW),
        "archived": Resource.objects.filter(status=Status.ARCHIVED),
        "scheduled": Resource.objects.filter(status=Status.PUBLISHED, published_at__gt=now),
    }
    public = Resource.objects.published()
    for state, items in hidden.items():
        assert items.count() >= 2, state
        assert not public.filter(pk__in=items).exists(), state
    assert public.count() == Resource.objects.count() - sum(items.count() for items in hidden.values())


def test_it_creates_the_demo_accounts_with_their_flags(seeded):
    users = {user.username: user for user in get_user_model().objects.filter(username__in=ACCOUNTS)}
    assert sorted(users) == sorted(ACCOUNTS)
    assert users["admin"].is_superuser and users["admin"].is_staff
    for name in ["editor", "publisher"]:
        assert users[name].is_staff and not users[name].is_superuser
    for name in ["partner", "visitor"]:
        assert not users[name].is_staff and not users[name].is_superuser
    assert all(user.is_active and user.check_password("democracy-demo") for user in users.values())


def test_the_partner_account_is_a_current_member_of_a_partner_organisation_and_the_visitor_is_not(seeded):
    from library.access import is_partner

    User = get_user_model()
    assert is_partner(User.objects.get(username="partner"))
    assert not is_partner(User.objects.get(username="visitor"))


def test_it_puts_editor_and_publisher_in_their_staff_groups(debug):
    editors, _ = Group.objects.get_or_create(name=roles.EDITORS)
    publishers, _ = Group.objects.get_or_create(name=roles.PUBLISHERS)
    seed()
    User = get_user_model()
    assert list(User.objects.filter(groups=editors).values_list("username", flat=True)) == ["editor"]
    assert list(User.objects.filter(groups=publishers).values_list("username", flat=True)) == ["publisher"]


def test_the_password_option_sets_the_accounts_password(debug):
    seed("--password", "another-long-secret")
    for user in get_user_model().objects.filter(username__in=ACCOUNTS):
        assert user.check_password("another-long-secret")
        assert not user.check_password("democracy-demo")


def test_a_second_run_changes_nothing(seeded, media_root):
    before, files_before = snapshot(), stored_files(media_root)
    output = seed()
    assert snapshot() == before
    assert stored_files(media_root) == files_before
    assert "demo library: 0 created" in output
    assert "demo accounts: 0 created" in output


def test_a_second_run_keeps_an_edited_resource_and_a_changed_password(seeded):
    guide = Resource.objects.filter(kind=Kind.GUIDE).first()
    Resource.objects.filter(pk=guide.pk).update(title="Edited by staff")
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("changed-by-the-admin")
    admin.save()
    seed()
    assert Resource.objects.get(pk=guide.pk).title == "Edited by staff"
    assert get_user_model().objects.get(username="admin").check_password("changed-by-the-admin")


def test_it_prints_a_short_summary(seeded):
    from library.demo.steps import STEPS

    lines = seeded.strip().splitlines()
    assert len(lines) <= len(STEPS) + 1, "a line per step, and the last word"
    assert lines[0].startswith("demo library: ")
    assert "PDF files" in lines[0]


def test_it_refuses_to_create_accounts_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refuses to run when DEBUG is off") as refusal:
        seed()
    assert refusal.value.returncode != 0  # manage.py exits with this status
    assert not Resource.objects.exists()
    assert not get_user_model().objects.exists()


def test_without_accounts_it_loads_the_content_even_when_debug_is_off(settings):
    settings.DEBUG = False
    output = seed("--no-accounts")
    assert Resource.objects.count() >= 60
    assert not get_user_model().objects.exists()
    assert "accounts" not in output


def test_the_resources_option_adds_exactly_that_many_generated_resources(seeded):
    before = Resource.objects.count()
    seed("--resources", "120")
    assert Resource.objects.count() == before + 120
    seed("--resources", "120")
    assert Resource.objects.count() == before + 120
    seed("--resources", "150")
    assert Resource.objects.count() == before + 150


def test_generated_resources_are_complete_and_realistic(debug):
    seed("--no-accounts", "--resources", "200")
    generated = Resource.objects.filter(slug__regex=r"-g[0-9]+$")
    assert generated.count() == 200
    assert set(generated.values_list("kind", flat=True)) == set(Kind.values)
    assert len(set(generated.values_list("language", flat=True))) >= 5
    assert not generated.filter(themes__isnull=True).exists()
    assert not generated.filter(countries__isnull=True).exists()
    assert not generated.filter(tags__isnull=True).exists()
    years = {moment.year for moment in generated.values_list("published_at", flat=True)}
    assert min(years) >= 2008 and max(years) <= 2025
    assert generated.published().count() == 200
    model = subtypes.model_for(Kind.CASE_STUDY)
    case_studies = model.objects.filter(pk__in=generated.filter(kind=Kind.CASE_STUDY))
    assert case_studies.count() == generated.filter(kind=Kind.CASE_STUDY).count() > 0
    assert all(case.organisation and case.project_code.startswith("UDF-") for case in case_studies)
    # every field the generator gives reaches the case-study table, dates as dates
    assert all(case.period_start < case.period_end and case.context for case in case_studies)


def test_generated_resources_are_the_same_in_every_run(debug):
    seed("--no-accounts", "--resources", "40")
    first = list(
        Resource.objects.filter(slug__regex=r"-g[0-9]+$").order_by("slug").values("slug", "title", "body")
    )
    Resource.objects.all().delete()
    seed("--no-accounts", "--resources", "40")
    second = list(
        Resource.objects.filter(slug__regex=r"-g[0-9]+$").order_by("slug").values("slug", "title", "body")
    )
    assert first == second
    assert {row["slug"] for row in first} == {record(index)["slug"] for index in range(1, 41)}


def test_it_refreshes_the_search_index_for_every_resource_it_writes(debug, monkeypatch):
    refreshed = []
    monkeypatch.setattr(search, "refresh_index", lambda ids: refreshed.extend(ids))
    seed("--resources", "30")
    assert sorted(refreshed) == sorted(Resource.objects.values_list("id", flat=True))


def test_a_failed_run_leaves_no_resources_and_no_files(debug, monkeypatch, media_root):
    def fail(*args):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(demo_content, "link_related", fail)
    with pytest.raises(RuntimeError):
        seed()
    assert not Resource.objects.exists()
    assert not ResourceFile.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--resources", "-3"], "cannot be negative"),
        (["--resources", "many"], "whole number"),
        (["--password", "  "], "cannot be empty"),
    ],
)
def test_it_rejects_bad_options_with_a_clear_message(debug, args, message):
    with pytest.raises(CommandError, match=message):
        seed(*args)
    assert not Resource.objects.exists()


def test_its_help_states_its_rules():
    text = " ".join(SeedDemo().create_parser("manage.py", "seed_demo").format_help().split())
    for phrase in ["idempotent", "DEBUG is off", "--no-accounts", "--resources N", "--password", "slug"]:
        assert phrase in text, phrase
