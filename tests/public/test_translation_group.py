"""Resource.translation_of groups a resource's language versions; editors set it in the admin."""

import pytest
from django.core.exceptions import ValidationError

from library.models import Resource
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


def test_a_translation_points_at_the_original_not_at_another_translation():
    original = make_resource(language="en")
    french = make_resource(language="fr", translation_of=original)
    spanish = Resource(kind="guide", title="t", slug="t", summary="s", language="es", translation_of=french)

    with pytest.raises(ValidationError, match="Choose the original"):
        spanish.full_clean()


def test_a_translation_is_in_another_language():
    original = make_resource(language="en")
    copy = Resource(kind="guide", title="t", slug="t", summary="s", language="en", translation_of=original)

    with pytest.raises(ValidationError, match="another language"):
        copy.full_clean()


def test_an_original_with_translations_cannot_become_a_translation():
    original = make_resource(language="en")
    make_resource(language="fr", translation_of=original)
    other = make_resource(language="es")
    original.translation_of = other

    with pytest.raises(ValidationError, match="so it is an original"):
        original.full_clean()


def test_editors_choose_the_original_in_the_admin(admin_client):
    response = admin_client.get("/admin/library/resource/add/")

    assert 'name="translation_of"' in response.content.decode()
