"""The Arabic home page is laid out right to left, its language switcher works from the keyboard, and axe
finds nothing wrong with it.

A screenshot of the page as tested is kept in test-results/rtl/ (ignored by git) for a person to look at.
"""

from pathlib import Path

import pytest

from tests.browser.helpers import browser_test, describe_violations, focused, run_axe, shows_focus, tab_until

pytestmark = browser_test

RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results" / "rtl"


@pytest.fixture
def arabic_home(site_tree):
    from wagtail.models import Locale

    translation = site_tree.home.copy_for_translation(Locale.objects.get(language_code="ar"))
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def _box(locator):
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not displayed"
    return box


def test_arabic_home_page__is_laid_out_right_to_left(page, arabic_home):
    response = page.goto("/ar/")
    assert response.status == 200
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=RESULTS_DIR / "arabic-home.png", full_page=True)

    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"

    header = _box(page.locator(".site-header__inner"))
    logo = _box(page.locator(".site-header__logo"))
    nav_links = page.locator(".primary-nav__link")
    first_link, second_link = _box(nav_links.nth(0)), _box(nav_links.nth(1))
    header_right = header["x"] + header["width"]

    # The logo sits at the right edge of the header (within its padding), everything else to its left.
    assert header_right - (logo["x"] + logo["width"]) <= 24
    assert logo["x"] > first_link["x"] + first_link["width"]
    # The menu reads from the right: its first item is to the right of its second.
    assert first_link["x"] > second_link["x"] + second_link["width"]

    # The language switcher sits at the inline end of its bar: the left, in Arabic.
    switcher = _box(page.locator(".language-switcher__toggle"))
    assert switcher["x"] < first_link["x"]


def test_arabic_home_page__language_switcher_works_from_the_keyboard(page, arabic_home):
    page.goto("/ar/")

    visited = tab_until(page, lambda element: element["tag"] == "summary", limit=5)
    assert visited[0]["className"] == "skip-link"  # the switcher comes straight after the skip link
    toggle = visited[-1]
    assert "العربية" in toggle["text"]
    assert shows_focus(toggle["focusStyle"])

    page.keyboard.press("Enter")
    assert page.locator(".language-switcher details").get_attribute("open") is not None

    english = tab_until(page, lambda element: element["path"] == "/en/", limit=3)[-1]
    assert english["text"] == "English"
    assert shows_focus(english["focusStyle"])
    assert page.locator('.language-switcher a[aria-current="true"]').get_attribute("href") == "/ar/"

    page.keyboard.press("Enter")
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert focused(page)["tag"] == "body"


def test_arabic_home_page__has_no_axe_violations(page, arabic_home):
    page.goto("/ar/")
    violations = run_axe(page)
    assert not violations, "axe found accessibility problems on the Arabic home page:\n" + describe_violations(
        violations
    )
    page.locator(".language-switcher summary").click()
    violations = run_axe(page)
    assert not violations, "axe, with the language list open:\n" + describe_violations(violations)


def test_arabic_home_page__an_english_card_title_is_laid_out_left_to_right(page, arabic_home, site_tree):
    """The translated home page still lists the English news (its news index is the English one): each English
    title is English, left to right, inside an Arabic page; the card's date, in the interface's words, is not."""
    page.goto("/ar/")
    english_title = site_tree.posts[0].title
    card = page.locator(".card", has=page.locator(".card__title", has_text=english_title)).first
    title = card.locator(".card__title")

    assert title.get_attribute("lang") == "en"
    assert title.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert title.evaluate("element => getComputedStyle(element).textAlign") in {"start", "left"}
    assert card.locator(".card__meta").evaluate("element => getComputedStyle(element).direction") == "rtl"
    # The title begins at the card's left edge, as English does, not at its right.
    title_box, text_box = _box(title), _box(title.locator("a"))
    assert text_box["x"] - title_box["x"] <= 2
