"""The accessibility check itself: it must see a violation when there is one, and describe it readably."""

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

PAGE_WITH_PROBLEMS = """<!doctype html><html lang="en"><head><title>Problems</title></head><body><main>
<h1>Problems</h1><img src="/static/missing.png"><label>Name</label><input id="name">
</main></body></html>"""


def test_it_reports_each_violation_with_its_rule_and_element(page):
    page.set_content(PAGE_WITH_PROBLEMS)
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page)
    message = str(failure.value)
    assert "- image-alt (critical): Images must have alternative text" in message
    assert "at img" in message
    assert "- label (critical): Form elements must have labels" in message
    assert "at #name" in message


def test_it_checks_only_the_part_of_the_page_it_is_given(page):
    page.set_content(PAGE_WITH_PROBLEMS.replace("<main>", '<main><p id="fine">Fine text.</p>'))
    assert_no_axe_violations(page, context="#fine")
