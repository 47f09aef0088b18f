import os

import pytest

from tests.factories import make_user


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes uploads to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def visitor(db):
    """Signed in, but in no partner organisation."""
    return make_user("visitor")


@pytest.fixture
def staff(db):
    return make_user("staffer", is_staff=True)


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']} (REQUIRE_ALL_BACKENDS={os.environ.get('REQUIRE_ALL_BACKENDS', '')})"


@pytest.fixture
def organisation(db):
    from tests.factories import make_organisation

    return make_organisation("Civic Futures Network")


@pytest.fixture
def partner(organisation):
    """A current member of an active partner organisation."""
    from tests.factories import make_partner

    return make_partner("partner", organisation=organisation)
