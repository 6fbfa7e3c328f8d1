"""The main menu: behind a toggle button on phones (drawn closed by the CSS, opened by static/js/site.js), always
shown on wider screens and, without JavaScript, on phones too."""

from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP_VIEWPORT, MOBILE_VIEWPORT, browser_test, focused, tab_until

pytestmark = browser_test


def menu_parts(page):
    return page.get_by_role("button", name="Menu"), page.get_by_role("navigation", name="Main").get_by_role("link")


def test_menu__on_a_phone_opens_and_closes_with_a_tap(mobile_page, site_tree):
    page = mobile_page
    page.goto(site_tree.home.url)
    toggle, links = menu_parts(page)

    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_attribute("aria-controls", "primary-navigation")
    expect(links.first).to_be_hidden()

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(links).to_have_text(["About us", "News"])
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()


def test_menu__on_a_phone_opens_with_enter_and_escape_closes_it_and_returns_focus(mobile_page, site_tree):
    page = mobile_page
    page.goto(site_tree.home.url)
    toggle, links = menu_parts(page)

    tab_until(page, lambda element: element["tag"] == "button" and element["text"] == "Menu")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(links.first).to_be_visible()

    # Into the menu: its first link is the next Tab stop after the button.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "About us"

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()
    expect(toggle).to_be_focused()

    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "true")


def test_menu__on_a_phone_is_closed_before_site_js_runs(mobile_page, site_tree):
    """The button and the closed menu are in the first paint: site.js arriving late must not move the page."""
    page = mobile_page
    page.route("**/static/js/site.js", lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
    page.goto(site_tree.home.url)
    toggle, links = menu_parts(page)

    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()


def test_menu__on_a_desktop_shows_its_links_and_no_toggle(page, site_tree):
    page.goto(site_tree.home.url)
    toggle, links = menu_parts(page)

    expect(toggle).to_be_hidden()
    expect(links).to_have_text(["About us", "News"])
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
    page.keyboard.press("Escape")
    expect(links.first).to_be_visible()

    # Narrowing the window (or zooming in) switches to the phone layout, menu closed.
    page.set_viewport_size(MOBILE_VIEWPORT)
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()
    page.set_viewport_size(DESKTOP_VIEWPORT)
    expect(toggle).to_be_hidden()
    expect(links.first).to_be_visible()


def test_menu__on_a_phone_without_javascript_shows_its_links(browser_page_factory, site_tree):
    page = browser_page_factory(MOBILE_VIEWPORT, java_script_enabled=False)
    page.goto(site_tree.home.url)
    toggle, links = menu_parts(page)

    expect(toggle).to_be_hidden()
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
