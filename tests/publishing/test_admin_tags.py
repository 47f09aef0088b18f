"""Tag hygiene: tags are case-insensitive, staff merge duplicates and find tags used once."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from taggit.models import Tag

from tests.factories import make_resource

pytestmark = pytest.mark.django_db

TAGS_URL = "/admin/taggit/tag/"


def test_tags_differing_only_in_capitals_are_one_tag():
    first = make_resource(tags=["Election Observation"])
    second = make_resource(tags=["election observation"])
    assert Tag.objects.count() == 1
    assert first.tags.get() == second.tags.get()


def merge(client, tags, into=None):
    data = {"action": "merge_selected", ACTION_CHECKBOX_NAME: [str(t.pk) for t in tags], "index": "0"}
    if into is not None:
        data.update({"apply": "1", "into": str(into.pk)})
    return client.post(TAGS_URL, data, follow=True)


def test_a_publisher_merges_tags_and_every_resource_moves_over(publisher_client):
    one = make_resource(tags=["voting"])
    two = make_resource(tags=["elections", "voting"])
    three = make_resource(tags=["polls"])
    voting, elections, polls = (Tag.objects.get(name=n) for n in ("voting", "elections", "polls"))
    confirm = merge(publisher_client, [voting, elections, polls])
    assert "Keep this tag" in confirm.content.decode()
    assert Tag.objects.count() == 3  # nothing happens before the choice is confirmed
    response = merge(publisher_client, [voting, elections, polls], into=elections)
    assert "3 resources changed" in response.content.decode()
    assert list(Tag.objects.values_list("name", flat=True)) == ["elections"]
    for resource in (one, two, three):
        assert list(resource.tags.names()) == ["elections"]


def test_an_editor_is_not_offered_the_merge_and_cannot_post_it(editor_client):
    make_resource(tags=["voting", "elections"])
    voting, elections = Tag.objects.get(name="voting"), Tag.objects.get(name="elections")
    content = editor_client.get(TAGS_URL).content.decode()
    assert 'value="merge_selected"' not in content
    merge(editor_client, [voting, elections], into=elections)
    assert Tag.objects.count() == 2


def test_staff_find_tags_used_once(publisher_client):
    make_resource(tags=["common", "rare"])
    make_resource(tags=["common"])
    Tag.objects.create(name="unused", slug="unused")
    once = publisher_client.get(TAGS_URL + "?used=1").content.decode()
    assert ">rare<" in once and ">common<" not in once and ">unused<" not in once
    assert ">unused<" in publisher_client.get(TAGS_URL + "?used=0").content.decode()
    assert ">common<" in publisher_client.get(TAGS_URL + "?used=many").content.decode()


def test_a_tag_selection_that_is_not_an_id_is_answered_400(publisher_client):
    make_resource(tags=["voting", "elections"])
    data = {"action": "merge_selected", ACTION_CHECKBOX_NAME: ["1", "voting"], "index": "0"}
    assert publisher_client.post(TAGS_URL, data).status_code == 400
    assert Tag.objects.count() == 2
