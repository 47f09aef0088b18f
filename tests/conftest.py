import os

import pytest

from tests.factories import make_user


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes uploads to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache outlives the database rollback between tests; start each test with none."""
    from django.core.cache import cache

    cache.clear()


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
