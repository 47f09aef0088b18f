import pytest

from library.roles import EDITORS, PUBLISHERS
from tests.factories import make_staff


@pytest.fixture
def editor(db):
    return make_staff("editor", EDITORS)


@pytest.fixture
def publisher(db):
    return make_staff("publisher", PUBLISHERS)
