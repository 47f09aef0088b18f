"""library.access: the one helper that decides who may have which file."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from library import access
from library.access import Decision
from library.models import Membership, Resource, ResourceFile
from library.models.files import Access
from library.models.resources import Status
from tests.factories import make_file, make_organisation, make_partner, make_toolkit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def files():
    toolkit = make_toolkit()
    return make_file(toolkit, access=Access.PUBLIC), make_file(toolkit, access=Access.PARTNERS)


def fresh(user):
    """The same person as a new request would see them (the helper caches per request)."""
    return type(user).objects.get(pk=user.pk)


def test_it_decides_for_every_side(files, visitor, partner, staff):
    public, partners_only = files
    anonymous = AnonymousUser()
    assert [access.decide(anonymous, f) for f in files] == [Decision.ALLOW, Decision.SIGN_IN]
    assert [access.decide(visitor, f) for f in files] == [Decision.ALLOW, Decision.FORBIDDEN]
    assert [access.decide(partner, f) for f in files] == [Decision.ALLOW, Decision.ALLOW]
    assert [access.decide(staff, f) for f in files] == [Decision.ALLOW, Decision.ALLOW]
    assert access.decide(anonymous, None) is Decision.NOT_FOUND


def test_it_counts_only_current_memberships_of_active_organisations(files):
    _, partners_only = files
    now = timezone.now()
    active, inactive = make_organisation("Active"), make_organisation("Inactive", active=False)
    cases = {
        "current": (active, now - timedelta(days=1), None, True),
        "ends-later": (active, now - timedelta(days=1), now + timedelta(days=1), True),
        "ended": (active, now - timedelta(days=9), now - timedelta(seconds=1), False),
        "not-started": (active, now + timedelta(hours=1), None, False),
        "inactive-org": (inactive, now - timedelta(days=1), None, False),
    }
    for name, (organisation, started, ended, expected) in cases.items():
        person = make_user(name)
        Membership.objects.create(user=person, organisation=organisation, started=started, ended=ended)
        assert access.can_download(person, partners_only) is expected, name


def test_a_current_membership_elsewhere_keeps_a_person_a_partner(files):
    _, partners_only = files
    person = make_partner("two-hats", organisation=make_organisation("Inactive", active=False))
    Membership.objects.create(user=person, organisation=make_organisation("Active"))
    assert access.can_download(fresh(person), partners_only)
    assert [o.name for o in access.partner_organisations(fresh(person))] == ["Active"]


def test_it_judges_one_resource_in_hand_as_the_query_does(visitor, partner, staff):
    later = timezone.now() + timedelta(days=3)
    for status in Status.values:
        for published_at in (None, timezone.now() - timedelta(days=1), later):
            make_toolkit(status=status, published_at=published_at)
    people = [AnonymousUser(), visitor, partner, staff, make_user("retired", is_staff=True, is_active=False)]
    for person in people:
        visible = set(access.visible_resources(person).values_list("pk", flat=True))
        assert {r.pk for r in Resource.objects.all() if access.may_reach(person, r)} == visible, person
    assert len(set(access.visible_resources(staff))) == len(Status.values) * 3


def test_it_decides_without_a_query_once_the_file_and_its_resource_are_loaded(
    files, partner, django_assert_num_queries
):
    loaded = list(ResourceFile.objects.select_related("resource"))
    access.partner_organisations(partner)  # read once per request, as the page does before its files
    with django_assert_num_queries(0):
        assert [access.decide(partner, f) for f in loaded] == [Decision.ALLOW, Decision.ALLOW]


def test_it_lists_exactly_the_files_a_person_may_have(files, visitor, partner, staff):
    public, partners_only = files
    draft_file = make_file(make_toolkit(status=Status.DRAFT), access=Access.PUBLIC)
    everything = ResourceFile.objects.all()
    assert set(access.downloadable_files(AnonymousUser(), everything)) == {public}
    assert set(access.downloadable_files(visitor, everything)) == {public}
    assert set(access.downloadable_files(partner, everything)) == {public, partners_only}
    assert set(access.downloadable_files(staff, everything)) == {public, partners_only, draft_file}


def test_it_lists_the_resources_open_to_a_partner(files, visitor, partner):
    public_only = make_toolkit()
    make_file(public_only, access=Access.PUBLIC)
    assert list(access.partner_resources(partner)) == [files[1].resource]
    assert not access.partner_resources(visitor).exists()
    assert not access.partner_resources(AnonymousUser()).exists()


def test_it_reads_membership_again_for_each_request(files, partner):
    _, partners_only = files
    assert access.can_download(fresh(partner), partners_only)
    Membership.objects.filter(user=partner).update(ended=timezone.now())
    assert not access.can_download(fresh(partner), partners_only)
