"""axe-core finds no WCAG 2.0–2.2 A/AA failures, nor breaches of its best practices, on any page type.

axe sees the page as the browser renders it (styles applied, site.js run), so it checks what a template
test cannot: colour contrast, landmarks and focusable regions as laid out. It finds about half of the
problems a person would; the keyboard tests beside this file cover some of the rest.
"""

import pytest

from tests.browser.helpers import MOBILE_VIEWPORT, browser_test, describe_violations, run_axe

pytestmark = browser_test


def assert_no_violations(page, what):
    violations = run_axe(page)
    assert not violations, f"axe found accessibility problems on {what} ({page.url}):\n" + describe_violations(
        violations
    )


PAGE_TYPES = {
    "home page": lambda site: site.home.url,
    "standard page": lambda site: site.about.url,
    "blog index": lambda site: site.news.url,
    "blog index filtered by category": lambda site: f"{site.news.url}?category=positive-stories",
    "blog post": lambda site: site.posts[0].url,
    "search results": lambda site: "/en/search/?query=refugee",
    "search with no results": lambda site: "/en/search/?query=zzyzx",
    "page not found": lambda site: "/en/no-such-page/",
}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type__has_no_axe_violations(page, site_tree, page_type):
    url = PAGE_TYPES[page_type](site_tree)
    response = page.goto(url)
    assert response.status == (404 if page_type == "page not found" else 200)
    assert_no_violations(page, f"the {page_type}")


def test_standard_page__has_no_axe_violations_with_every_accordion_item_open(page, site_tree):
    page.goto(site_tree.about.url)
    summaries = page.locator("details summary")
    assert summaries.count() == 2
    for index in range(summaries.count()):
        summaries.nth(index).click()
    assert page.locator("details[open]").count() == 2
    assert_no_violations(page, "the standard page with its accordion open")


def test_home_page__has_no_axe_violations_on_a_phone_with_the_menu_open(browser_page_factory, site_tree):
    page = browser_page_factory(MOBILE_VIEWPORT)
    page.goto(site_tree.home.url)
    assert_no_violations(page, "the home page on a phone, menu closed")
    page.get_by_role("button", name="Menu").click()
    assert_no_violations(page, "the home page on a phone, menu open")
