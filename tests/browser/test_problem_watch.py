"""The page fixture's watch: a broken sub-resource or a script error is reported, a 404 page itself is not."""

import pytest

from tests.browser.conftest import watch_for_problems

pytestmark = pytest.mark.browser


@pytest.fixture
def bare_page(browser, reference_data, live_server):
    context = browser.new_context(base_url=live_server.url)
    yield context.new_page()
    context.close()


def test_it_reports_a_missing_image_and_a_script_error(bare_page):
    problems = watch_for_problems(bare_page)
    bare_page.goto("/healthz")
    bare_page.set_content('<img src="/static/no-such-image.png" alt="">')
    bare_page.wait_for_load_state("load")
    with bare_page.expect_event("pageerror"):
        bare_page.evaluate("() => setTimeout(() => { throw new Error('boom') })")
    assert any(problem.startswith("404 for image") and "no-such-image.png" in problem for problem in problems)
    assert any("script error" in problem and "boom" in problem for problem in problems)


def test_a_page_that_answers_404_on_purpose_is_no_problem(bare_page):
    problems = watch_for_problems(bare_page)
    response = bare_page.goto("/guides/no-such-guide/")
    assert response.status == 404
    assert problems == []
