"""Each browser test starts from the database the migrations made, even after a test that emptied it."""

import pytest

from library.models import Country, Theme

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("turn", ["first", "second"])
def test_each_browser_test_starts_with_the_themes_and_countries_of_the_migrations(page, turn):
    assert Theme.objects.count() == 8
    assert Country.objects.filter(code="KE").exists()
    Theme.objects.all().delete()
    Country.objects.all().delete()
