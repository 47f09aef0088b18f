import pytest

from library.roles import EDITORS, PUBLISHERS
from tests.factories import make_staff, make_user


@pytest.fixture
def editor(db):
    return make_staff("editor", EDITORS)


@pytest.fixture
def publisher(db):
    return make_staff("publisher", PUBLISHERS)


@pytest.fixture
def superuser(db):
    return make_user("admin", is_staff=True, is_superuser=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client
