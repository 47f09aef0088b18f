from datetime import date

import pytest
from django.core.exceptions import ValidationError

from library.models import Country, Theme
from library.models.resources import Kind, Status
from tests.factories import make_case_study, make_file, make_resource

pytestmark = pytest.mark.django_db


def test_the_eight_contract_themes_are_loaded_by_migration():
    assert set(Theme.objects.values_list("slug", flat=True)) == {
        "community-activism",
        "rule-of-law-and-human-rights",
        "tools-for-knowledge",
        "womens-empowerment",
        "youth-engagement",
        "media-and-freedom-of-information",
        "civil-society-and-government",
        "electoral-processes",
    }


def test_countries_carry_their_un_m49_region():
    assert Country.objects.get(code="KE").region == "africa"
    assert Country.objects.get(code="KE").subregion == "eastern-africa"
    assert Country.objects.get(code="PE").region == "americas"
    assert Country.objects.get(code="FJ").region == "oceania"
    assert Country.objects.count() >= 240


def test_a_cover_image_needs_a_description():
    resource = make_resource()
    resource.cover = "covers/2024/photo.jpg"
    resource.cover_alt = "  "
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "cover_alt" in error.value.message_dict


def test_publishing_without_a_time_publishes_now():
    resource = make_resource(status=Status.DRAFT, published_at=None)
    resource.status = Status.PUBLISHED
    resource.full_clean()
    assert resource.published_at is not None


def test_a_case_study_is_a_resource_of_kind_case_study():
    case = make_case_study()
    case.kind = Kind.GUIDE
    case.save()
    case.refresh_from_db()
    assert case.kind == Kind.CASE_STUDY
    assert case.resource_ptr.kind == Kind.CASE_STUDY


def test_a_project_cannot_end_before_it_starts():
    case = make_case_study(period_start=date(2020, 1, 1), period_end=date(2019, 1, 1))
    with pytest.raises(ValidationError):
        case.full_clean()


def test_a_file_records_its_size_checksum_and_format():
    import hashlib

    content = b"%PDF-1.4\n" + bytes(range(256)) * 10
    resource_file = make_file(make_resource(), content=content, name="report.pdf")
    assert resource_file.size == len(content)
    assert resource_file.sha256 == hashlib.sha256(content).hexdigest()
    assert resource_file.format == "PDF"
    with resource_file.file.open("rb") as stored:
        assert stored.read() == content


def test_stored_file_names_are_safe_and_unguessable():
    resource_file = make_file(make_resource(), name="../../etc/pass wd.pdf")
    name = resource_file.file.name
    assert name.startswith("files/") and ".." not in name and name.endswith("pass_wd.pdf")
    assert len(name.split("/")[1]) == 32
