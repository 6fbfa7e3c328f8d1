"""Keyboard use: everything reachable and usable with Tab and Enter alone, with the focus always visible."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import browser_test, describe, focused, shows_focus, tab_until

pytestmark = browser_test


def test_home_page__reach_a_blog_post_by_keyboard_alone(page, site_tree):
    newest_post = site_tree.posts[0]
    post_paths = {post.url for post in site_tree.posts}
    page.goto(site_tree.home.url)  # The only navigation that is not a key press.

    page.keyboard.press("Tab")
    skip_link = focused(page)
    assert skip_link["className"] == "skip-link", f"The first Tab focused {describe(skip_link)}, not the skip link"
    assert skip_link["text"] == "Skip to main content"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "The skip link is focused but off screen"

    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main", "Following the skip link did not move focus to <main>"

    visited = tab_until(page, lambda element: element["path"] in post_paths)
    assert visited[-1]["path"] == newest_post.url, "The first post reached should be the newest"
    assert not any(element["inHeader"] for element in visited), "After the skip link, Tab went back to the header"

    page.keyboard.press("Enter")
    page.wait_for_url(f"**{newest_post.url}")
    assert urlsplit(page.url).path == newest_post.url
    expect(page.locator("h1")).to_have_text(newest_post.title)


def test_call_to_action__leads_to_the_chosen_page_by_keyboard(page, site_tree):
    """A call to action that links to a page must lead there (it rendered href="" once)."""
    page.goto(site_tree.about.url)
    call_to_action = tab_until(page, lambda element: element["text"] == "Read our news" and element["inMain"])[-1]
    assert call_to_action["path"] == site_tree.news.url, f"The call to action links to {call_to_action['html']}"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{site_tree.news.url}")
    expect(page.locator("h1")).to_have_text(site_tree.news.title)


def draws_focus(element):
    if "card__link" in element["className"]:
        return shows_focus(element["cardFocusStyle"])
    return shows_focus(element["focusStyle"])


FOCUS_PAGES = {
    "home page": lambda site: site.home.url,
    "standard page": lambda site: site.about.url,
    "blog index": lambda site: site.news.url,
    "blog post": lambda site: site.posts[0].url,
    "search results": lambda site: "/en/search/?query=refugee",
    "page not found": lambda site: "/en/no-such-page/",
}


@pytest.mark.parametrize("page_type", FOCUS_PAGES)
def test_keyboard_focus__is_visible_on_everything_in_the_main_content(page, site_tree, page_type):
    """Tab through <main> from the skip link to the footer; every stop must draw an outline or box shadow.

    A card's link draws no ring of its own: the whole card is the link's target, so the ring is drawn round
    the card (`.card:focus-within` in main.css), and that is what is checked for card links.
    """
    page.goto(FOCUS_PAGES[page_type](site_tree))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    stops = tab_until(page, lambda element: not element["inMain"])[:-1]
    links = [stop for stop in stops if stop["tag"] == "a"]
    assert links, f"No links in the main content of the {page_type}"
    invisible = [stop for stop in stops if not draws_focus(stop)]
    assert not invisible, "No visible focus indicator on:\n" + "\n".join(
        f"{describe(stop)}: {stop['focusStyle']} {stop['html']}" for stop in invisible
    )
