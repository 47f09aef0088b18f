import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_between_tests():
    """A request to /fr/... leaves French active in the test's thread: start and end each test in English."""
    translation.activate("en")
    yield
    translation.activate("en")
