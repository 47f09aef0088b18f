"""In Chromium: a partner downloads an earlier version of a toolkit from the resource page (the
list opens without JavaScript), and unsubscribes from news of changes through the e-mail's link;
both pages pass axe (WCAG 2.2 A and AA), in English and in Arabic."""

import pytest
from django.core.files.base import ContentFile

from tests.browser.axe import axe_violations, describe
from tests.factories import make_file, make_organisation, make_partner, make_toolkit
from tests.publishing import sample_files as sample
from upkeep import unsubscribe
from upkeep.models import NoticeOptOut

pytestmark = pytest.mark.browser


@pytest.fixture
def versioned_toolkit(transactional_db):
    partner = make_partner(
        "partner", organisation=make_organisation("Civic Futures Network"), password="democracy-demo"
    )
    toolkit = make_toolkit(title="Observing elections", slug="observing-elections")
    resource_file = make_file(
        toolkit, title="Observer handbook", name="handbook.pdf", content=sample.pdf(text="One")
    )
    for number, notes in ((2, "New **accreditation** rules."), (3, "Fixed the deadlines table.")):
        resource_file.file.save("handbook.pdf", ContentFile(sample.pdf(text=f"Edition {number}")), save=False)
        resource_file.change_notes = notes
        resource_file.save()
    return toolkit, partner


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_earlier_versions_open_and_download_and_the_page_is_accessible(page, versioned_toolkit, prefix):
    toolkit, _partner = versioned_toolkit
    page.goto(prefix + toolkit.get_absolute_url())
    files = page.locator("section.files")
    assert "Fixed the deadlines table." in files.inner_text()

    summary = files.locator("summary")
    summary.click()
    earlier = files.locator(".file__versions li")
    assert earlier.count() == 2
    assert "accreditation" in earlier.first.inner_text()
    with page.expect_download() as download_info:
        earlier.last.get_by_role("link").click()
    with open(download_info.value.path(), "rb") as saved:
        assert saved.read() == sample.pdf(text="One")

    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_the_unsubscribe_link_asks_then_stops_the_news(page, versioned_toolkit):
    toolkit, partner = versioned_toolkit
    page.goto(f"/accounts/change-notices/unsubscribe/{unsubscribe.token(partner, toolkit)}/")
    assert not NoticeOptOut.objects.exists()
    violations = axe_violations(page)
    assert not violations, describe(violations)

    page.get_by_role("button", name="Stop these e-mails").click()
    assert page.get_by_role("heading", name="Done").is_visible()
    assert NoticeOptOut.objects.filter(user=partner, resource=toolkit).exists()
