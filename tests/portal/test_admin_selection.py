"""A bulk action whose selection holds something that is no id gets 400 in every admin list,
ours and the ones Django and other packages register, and changes nothing."""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

# every list whose ids are numbers (for a country, keyed by its code, any text may be an id)
LISTS = sorted(
    f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    for model in admin.site._registry
    if model._meta.pk.get_internal_type() != "CharField"
)


@pytest.fixture
def superuser_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-not-used"))
    return client


@pytest.mark.parametrize("url", LISTS)
def test_a_selection_that_is_not_an_id_is_answered_400(superuser_client, url):
    users = get_user_model().objects.count()
    response = superuser_client.post(
        url, {"action": "delete_selected", ACTION_CHECKBOX_NAME: ["1", "abc"], "index": "0"}
    )
    assert response.status_code == 400, url
    assert get_user_model().objects.count() == users


def test_a_selection_of_ids_still_reaches_the_action(superuser_client):
    other = get_user_model().objects.create_user("other", "other@example.org", "pw-not-used")
    response = superuser_client.post(
        "/admin/auth/user/",
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [str(other.pk)], "index": "0"},
    )
    assert response.status_code == 200  # the confirmation page
    assert "Are you sure" in response.content.decode()
