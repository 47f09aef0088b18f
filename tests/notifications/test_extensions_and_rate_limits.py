"""The hooks through which the apps built on the library add to its pages, and the rate limit."""

import pytest
import time_machine
from django.utils import timezone

from library import extensions, rate_limits
from tests.factories import make_resource


@pytest.fixture
def section_template(settings, tmp_path):
    folder = tmp_path / "templates"
    (folder / "extension_test").mkdir(parents=True)
    (folder / "extension_test" / "section.html").write_text("<p class=extension>{{ section.words }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], folder]}]


@pytest.mark.django_db
def test_a_registered_section_shows_on_the_resource_page(client, section_template):
    resource = make_resource(title="Observing elections")

    def section(shown):
        if shown.pk == resource.pk:
            return {"template": "extension_test/section.html", "words": f"From the forum on {shown.title}"}
        return None

    extensions.resource_sections.register(section)
    try:
        html = client.get(resource.get_absolute_url()).content.decode()
    finally:
        extensions.resource_sections.unregister(section)

    assert "<p class=extension>From the forum on Observing elections</p>" in html


@pytest.mark.django_db
def test_a_theme_section_is_read_once_per_public_state_and_language(client, settings, section_template):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the page itself is rendered on every request here
    make_resource(title="Observing elections", themes=["electoral-processes"])
    calls = []

    def section(theme):
        calls.append(theme.slug)
        return {"template": "extension_test/section.html", "words": f"{len(calls)} reads of {theme.slug}"}

    extensions.theme_sections.register(section)
    try:
        pages = [client.get("/themes/electoral-processes/").content.decode() for _ in range(2)]
        french = client.get("/fr/themes/electoral-processes/").content.decode()
        make_resource(title="Counting the vote", themes=["electoral-processes"])  # a new public state
        renewed = client.get("/themes/electoral-processes/").content.decode()
    finally:
        extensions.theme_sections.unregister(section)

    assert [page.count("1 reads of electoral-processes") for page in pages] == [1, 1]
    assert "2 reads of electoral-processes" in french
    assert "3 reads of electoral-processes" in renewed
    assert calls == ["electoral-processes"] * 3


@pytest.mark.django_db
def test_a_registered_section_shows_on_the_account_page(client, visitor, section_template):
    def section(request):
        return {
            "template": "extension_test/section.html",
            "words": f"Registrations of {request.user.username}",
        }

    extensions.account_sections.register(section)
    client.force_login(visitor)
    try:
        html = client.get("/accounts/").content.decode()
    finally:
        extensions.account_sections.unregister(section)

    assert "<p class=extension>Registrations of visitor</p>" in html


def test_the_rate_limit_refuses_past_the_limit_per_key_and_forgets_after_the_window():
    start = timezone.now().replace(minute=0, second=0, microsecond=0)
    with time_machine.travel(start, tick=False):
        answers = [rate_limits.allow("test", "192.0.2.1", limit=3, per_seconds=3600) for _ in range(5)]
        assert rate_limits.allow("test", "192.0.2.2", limit=3, per_seconds=3600)
        assert 1 <= rate_limits.retry_after(3600) <= 3601
    with time_machine.travel(start + timezone.timedelta(hours=1), tick=False):
        assert rate_limits.allow("test", "192.0.2.1", limit=3, per_seconds=3600)

    assert answers == [True, True, True, False, False]
