"""/accounts/: the signed-in person's organisations, the toolkits open to them, their downloads."""

import pytest
from django.urls import reverse
from django.utils import timezone

from library.models import Membership
from library.models.files import Access
from library.models.resources import Status
from tests.factories import make_file, make_organisation, make_partner, make_toolkit

pytestmark = pytest.mark.django_db

ACCOUNT = "/accounts/"


def download(client, resource_file):
    response = client.get(resource_file.get_absolute_url())
    b"".join(response.streaming_content)


@pytest.fixture
def kits():
    open_kit = make_toolkit(title="Partner handbook kit")
    make_file(open_kit, title="Handbook for partners", access=Access.PARTNERS)
    public_kit = make_toolkit(title="Public checklist kit")
    make_file(public_kit, title="Public checklist", access=Access.PUBLIC)
    draft_kit = make_toolkit(title="Unfinished kit", status=Status.DRAFT)
    make_file(draft_kit, access=Access.PARTNERS)
    return open_kit, public_kit, draft_kit


def test_it_sends_anonymous_people_to_sign_in(client):
    response = client.get(ACCOUNT)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={ACCOUNT}"


def test_it_shows_a_partner_their_organisation_and_the_toolkits_open_to_them(client, partner, kits):
    client.force_login(partner)
    response = client.get(ACCOUNT)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Civic Futures Network" in page
    assert "Toolkits open to you" in page
    assert list(response.context["partner_resources"]) == [kits[0]]
    assert "Unfinished kit" not in page
    assert response["Cache-Control"].startswith("max-age=0")


def test_it_shows_a_partner_their_own_downloads_newest_first(client, partner, kits):
    client.force_login(partner)
    download(client, kits[1].files.get())
    download(client, kits[0].files.get())
    make_partner("someone-else", organisation=make_organisation())
    response = client.get(ACCOUNT)
    titles = [log.file.title for log in response.context["downloads"]]
    assert titles == ["Handbook for partners", "Public checklist"]
    assert "Handbook for partners" in response.content.decode()


def test_it_never_shows_other_peoples_downloads(client, partner, visitor, kits):
    client.force_login(partner)
    download(client, kits[0].files.get())
    client.force_login(visitor)
    response = client.get(ACCOUNT)
    assert list(response.context["downloads"]) == []
    assert "Handbook for partners" not in response.content.decode()


def test_it_tells_a_visitor_how_to_become_a_partner(client, visitor, kits):
    client.force_login(visitor)
    page = client.get(ACCOUNT).content.decode()
    assert "partner-only files are closed to you" in page
    assert "ask its contact person to add you as a member" in page
    assert "Toolkits open to you" not in page


def test_it_shows_an_ended_membership_as_ended_and_closes_the_toolkits(client, partner, kits):
    Membership.objects.filter(user=partner).update(ended=timezone.now())
    client.force_login(partner)
    page = client.get(ACCOUNT).content.decode()
    assert "Membership ended on" in page
    assert "Toolkits open to you" not in page


def test_it_says_when_the_organisation_is_no_longer_a_partner(client, partner, organisation, kits):
    organisation.active = False
    organisation.save()
    client.force_login(partner)
    page = client.get(ACCOUNT).content.decode()
    assert "no longer an active partner" in page
    assert "Toolkits open to you" not in page


def test_it_answers_in_the_other_interface_languages(client, partner):
    client.force_login(partner)
    assert client.get("/fr/accounts/").status_code == 200
