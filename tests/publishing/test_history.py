"""Every save keeps a revision; staff see a resource's history and restore an earlier version."""

import pytest
from django.urls import reverse
from reversion.models import Version

from library.models import Resource, ResourceFile, StatusChange
from library.models.resources import Status
from tests.factories import make_case_study, make_resource
from tests.publishing.admin_posts import case_study_fields, change_url, resource_fields

pytestmark = pytest.mark.django_db


def history_url(resource, model="resource"):
    app = "casestudies" if model == "casestudy" else "library"
    return reverse(f"admin:{app}_{model}_history", args=[resource.pk])


def revision_url(resource, version, model="resource"):
    app = "casestudies" if model == "casestudy" else "library"
    return reverse(f"admin:{app}_{model}_revision", args=[resource.pk, version.pk])


def save_twice(client, resource, first="First wording", second="Second wording"):
    client.post(change_url(resource), resource_fields(resource, body=first))
    resource.refresh_from_db()
    client.post(change_url(resource), resource_fields(resource, body=second))
    resource.refresh_from_db()
    return Version.objects.get_for_object(resource)


def test_every_admin_save_keeps_a_revision_with_who_and_what_changed(editor_client, editor):
    draft = make_resource(status=Status.DRAFT, published_at=None, body="Original")
    versions = save_twice(editor_client, draft)
    assert versions.count() == 3  # made, then saved twice
    latest = versions.first()
    assert latest.revision.user == editor
    assert "Body" in latest.revision.get_comment()
    assert latest.field_dict["body"] == "Second wording"


def test_staff_see_the_history_of_a_resource(editor_client):
    draft = make_resource(status=Status.DRAFT, published_at=None)
    save_twice(editor_client, draft)
    response = editor_client.get(history_url(draft))
    assert response.status_code == 200
    assert response.content.decode().count("/history/") >= 2


def test_a_publisher_restores_an_earlier_version(publisher_client, publisher):
    published = make_resource(body="Original")
    versions = list(save_twice(publisher_client, published))
    earlier = versions[-1]  # the first save
    response = publisher_client.post(
        revision_url(published, earlier), resource_fields(published, body="First wording")
    )
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.body == "First wording"
    assert Version.objects.get_for_object(published).first().revision.get_comment().startswith("Reverted")


def test_restoring_keeps_the_current_state(publisher_client, publisher):
    """A version saved while in review, restored on a published resource, leaves it published."""
    resource = make_resource(status=Status.REVIEW, published_at=None, body="Review text")
    publisher_client.post(change_url(resource), resource_fields(resource))
    in_review_version = Version.objects.get_for_object(resource).first()
    publisher_client.post(change_url(resource), resource_fields(resource, _transition="publish"))
    resource.refresh_from_db()
    assert resource.is_public
    response = publisher_client.post(revision_url(resource, in_review_version), resource_fields(resource))
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == Status.PUBLISHED


def test_an_editor_cannot_restore_a_version_of_a_published_resource(editor_client):
    import reversion

    published = make_resource(body="Public text")
    with reversion.create_revision():
        published.body = "Public text, revised"
        published.save()
    version = Version.objects.get_for_object(published).first()
    response = editor_client.post(revision_url(published, version), resource_fields(published, body="x"))
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.body == "Public text, revised"


def test_an_editor_restoring_a_published_version_onto_a_draft_does_not_publish_it(editor_client):
    import reversion

    resource = make_resource(body="Was public")  # published
    with reversion.create_revision():
        resource.save()
    published_version = Version.objects.get_for_object(resource).first()
    Resource.objects.filter(pk=resource.pk).update(status=Status.DRAFT, body="Draft text")
    resource.refresh_from_db()
    response = editor_client.post(
        revision_url(resource, published_version), resource_fields(resource, body="Was public")
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == Status.DRAFT and resource.body == "Was public"
    assert not Resource.objects.published().filter(pk=resource.pk).exists()
    assert not StatusChange.objects.exists()


def test_a_case_study_history_covers_its_own_fields(publisher_client):
    case = make_case_study(status=Status.DRAFT, published_at=None)
    publisher_client.post(change_url(case), case_study_fields(case, results="First results"))
    first = Version.objects.get_for_object(case).first()
    case.refresh_from_db()
    publisher_client.post(change_url(case), case_study_fields(case, results="Second results"))
    response = publisher_client.post(
        revision_url(case, first, model="casestudy"), case_study_fields(case, results="First results")
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.results == "First results"
    assert publisher_client.get(history_url(case, model="casestudy")).status_code == 200


def test_a_save_outside_the_admin_keeps_a_revision_too():
    resource = make_resource(body="Imported text")
    resource.body = "Corrected by a script"
    resource.save()
    assert [v.field_dict["body"] for v in Version.objects.get_for_object(resource)] == [
        "Corrected by a script",
        "Imported text",
    ]


def test_counting_a_download_keeps_no_revision():
    resource = make_resource()
    resource.download_count += 1
    resource.save(update_fields=["download_count"])
    assert Version.objects.get_for_object(resource).count() == 1


def test_the_public_cannot_see_history(client):
    resource = make_resource()
    response = client.get(history_url(resource))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_deleted_published_resource_recovered_by_an_editor_comes_back_as_a_draft(editor_client):
    published = make_resource(title="Deleted guide", slug="deleted-guide")
    fields = resource_fields(published)
    published.delete()
    deleted = Version.objects.get_deleted(Resource).get()
    response = editor_client.post(reverse("admin:library_resource_recover", args=[deleted.pk]), fields)
    assert response.status_code == 302
    recovered = Resource.objects.get(slug="deleted-guide")
    assert recovered.status == Status.DRAFT
    assert not Resource.objects.published().exists()


def test_a_version_of_another_model_is_not_restored_through_a_resource_with_its_id(editor_client):
    """reversion looks a version up by id and object id only: a file whose id equals a draft's must
    not let an editor revert, through that draft's history, the published resource the file is on."""
    import reversion

    from tests.factories import make_file

    published = make_resource(body="Old public text")
    with reversion.create_revision():
        make_file(published, pk=published.pk + 1000)
        published.save()
    file_version = (
        Version.objects.get_for_model(ResourceFile).filter(object_id=str(published.pk + 1000)).first()
    )
    published.body = "Current public text"
    published.status = Status.ARCHIVED
    published.save()
    draft = make_resource(status=Status.DRAFT, published_at=None, pk=published.pk + 1000)
    response = editor_client.post(revision_url(draft, file_version), resource_fields(draft))
    assert response.status_code == 404
    published.refresh_from_db()
    assert (published.body, published.status) == ("Current public text", Status.ARCHIVED)


def test_recovering_a_resource_that_still_exists_is_404(editor_client):
    """ "Recover" is for deleted resources: with a live one's version it would rewrite it as a draft."""
    published = make_resource(body="Public text")
    version = Version.objects.get_for_object(published).first()
    response = editor_client.post(
        reverse("admin:library_resource_recover", args=[version.pk]), resource_fields(published, body="x")
    )
    assert response.status_code == 404
    published.refresh_from_db()
    assert (published.body, published.status) == ("Public text", Status.PUBLISHED)


def test_restoring_a_version_of_a_deleted_resource_brings_it_back_as_a_draft(publisher_client):
    published = make_resource(title="Deleted guide", slug="deleted-guide")
    version = Version.objects.get_for_object(published).first()
    fields, url = resource_fields(published), revision_url(published, version)
    published.delete()
    response = publisher_client.post(url, fields)
    assert response.status_code == 302
    assert Resource.objects.get(slug="deleted-guide").status == Status.DRAFT
    assert not Resource.objects.published().exists()


@pytest.mark.parametrize("model", ["resource", "casestudy"])
def test_an_address_with_no_resource_id_is_not_found(publisher_client, model):
    app = "casestudies" if model == "casestudy" else "library"
    version = Version.objects.get_for_object(make_resource()).first()
    change = publisher_client.get(f"/admin/{app}/{model}/abc/change/")
    assert change.status_code == 302 and change["Location"] == "/admin/"  # the admin's "not found"
    assert publisher_client.get(f"/admin/{app}/{model}/abc/history/{version.pk}/").status_code == 404
    assert publisher_client.get(f"/admin/{app}/{model}/abc/history/").status_code == 302
