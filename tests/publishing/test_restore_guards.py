"""Restoring a version in the events' and collections' admin, as in the resources': only a version
of that very object, and never a move through the workflow (the state stays as it is now)."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from events.models import Event, EventStatusChange
from library.models import Resource
from library.models.resources import Status
from programmes.models import Collection, PublishingChange
from tests.events.helpers import make_event
from tests.factories import make_resource
from tests.programmes.builders import make_collection

pytestmark = pytest.mark.django_db

MAKERS = {"events_event": make_event, "programmes_collection": make_collection}


def saved_version(obj, **changes):
    with reversion.create_revision():
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.save()
    return Version.objects.get_for_object(obj).first()


@pytest.mark.parametrize("admin_name", sorted(MAKERS))
def test_a_version_of_another_model_with_the_same_id_is_not_found(publisher_client, admin_name):
    resource = make_resource(title="An old title")
    obj = MAKERS[admin_name](pk=resource.pk)
    other = saved_version(resource)
    Resource.objects.filter(pk=resource.pk).update(title="The title now")
    url = reverse(f"admin:{admin_name}_revision", args=[obj.pk, other.pk])

    assert publisher_client.get(url).status_code == 404
    assert publisher_client.post(url, {}).status_code == 404
    assert Resource.objects.get(pk=resource.pk).title == "The title now"


@pytest.mark.parametrize("admin_name", sorted(MAKERS))
def test_restoring_a_version_keeps_the_state_it_has_now(publisher_client, admin_name):
    obj = MAKERS[admin_name](status=Status.DRAFT, published_at=None)
    draft = saved_version(obj)
    saved_version(obj, status=Status.PUBLISHED)  # published since (as by a move)
    url = reverse(f"admin:{admin_name}_revision", args=[obj.pk, draft.pk])

    page = publisher_client.get(url)

    assert page.status_code == 200
    assert type(obj).objects.get(pk=obj.pk).status == Status.PUBLISHED, "a look at a version changes nothing"
    assert page.context["adminform"].form.instance.status == Status.PUBLISHED
    assert not EventStatusChange.objects.exists() and not PublishingChange.objects.exists()


@pytest.mark.parametrize("model", [Event, Collection])
def test_recovering_an_object_that_still_exists_is_not_found(publisher_client, model):
    obj = (make_event if model is Event else make_collection)()
    version = saved_version(obj)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_recover", args=[version.pk])
    assert publisher_client.get(url).status_code == 404
