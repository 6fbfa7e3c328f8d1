"""Human Journeys in a browser: axe finds nothing on the index or on a story behind a content warning, the
warning can be passed by keyboard alone (focus lands in the story), it still works without JavaScript, and
"Copy link" copies the story's address and says so."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    MOBILE_VIEWPORT,
    browser_test,
    describe,
    describe_violations,
    focused,
    run_axe,
    shows_focus,
    tab_until,
)

pytestmark = browser_test


def assert_no_violations(page, what):
    violations = run_axe(page)
    assert not violations, f"axe found accessibility problems on {what} ({page.url}):\n" + describe_violations(
        violations
    )


@pytest.fixture
def journeys(site_tree):
    """An index with a share page, two themes and three stories published through the Safeguarding review:
    one behind a content warning, with a listing image and a pull quote."""
    from demo.factories.home import ImageFactory
    from demo.factories.journeys import (
        JourneyIndexPageFactory,
        JourneyPageFactory,
        JourneyThemeFactory,
        SafeguarderFactory,
        ShareJourneyPageFactory,
        publish_through_review,
    )
    from journeys.models import ContentWarning, IdentityLevel

    home = site_tree.home
    index = JourneyIndexPageFactory(parent=home)
    home.journeys_index = index
    home.save()
    ShareJourneyPageFactory(parent=index)
    work = JourneyThemeFactory(name="Work", slug="work")
    family = JourneyThemeFactory(name="Family", slug="family")
    reviewer = SafeguarderFactory()

    def publish(**fields):
        return publish_through_review(JourneyPageFactory(parent=index, **fields), reviewer=reviewer)

    crossing = publish(
        title="The night we crossed",
        themes=[family],
        identity_level=IdentityLevel.PSEUDONYM,
        storyteller_first_name="",
        storyteller_pseudonym="Noor",
        as_told_to="an IMIX volunteer",
        listing_image=ImageFactory(
            title="A harbour", description="Fishing boats in a harbour at dawn", file__width=640, file__height=360
        ),
        content_warnings=[ContentWarning.DANGEROUS_JOURNEY, ContentWarning.FAMILY_SEPARATION],
        content_warning_note="The story describes being apart from children for a year.",
    )
    publish(title="Night shifts at the bakery", themes=[work])
    publish(title="My daughter's first day at school", themes=[family])
    return {"home": home, "index": index, "crossing": crossing}


def test_journey_pages__have_no_axe_violations(page, journeys):
    index, crossing = journeys["index"], journeys["crossing"]
    for url, what in [
        (index.url, "the Human Journeys index"),
        (f"{index.url}?theme=family", "the Human Journeys index filtered by theme"),
        (f"{index.url}?theme=no-such-theme", "the index with an unknown theme"),
        (journeys["home"].url, "the home page with its Human Journeys section"),
        (crossing.url, "a story behind a content warning"),
    ]:
        response = page.goto(url)
        assert response.status == 200, url
        assert_no_violations(page, what)

    page.get_by_role("button", name="Show the story").click()
    expect(page.locator("#story")).to_be_visible()
    assert_no_violations(page, "a story with its content warning passed")


def test_story__has_no_axe_violations_on_a_phone(browser_page_factory, journeys):
    page = browser_page_factory(MOBILE_VIEWPORT)
    page.goto(journeys["crossing"].url)
    page.get_by_role("button", name="Show the story").click()
    assert_no_violations(page, "a story on a phone")


def test_content_warning__keyboard_opens_the_story_and_focus_lands_in_it(page, journeys):
    page.goto(journeys["crossing"].url)
    story = page.locator("#story")
    expect(story).to_be_hidden()
    expect(page.get_by_role("region", name="Content warning")).to_contain_text("Dangerous journeys")

    stops = tab_until(page, lambda element: element["text"] == "Show the story")
    button = stops[-1]
    assert button["tag"] == "button", f"Reached {describe(button)}"
    assert shows_focus(button["focusStyle"]), "The Show the story button has no visible focus"
    toggle = page.get_by_role("button", name="Show the story")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_attribute("aria-controls", "story")

    page.keyboard.press("Enter")

    expect(story).to_be_visible()
    expect(story).to_contain_text("one bag and a phone number written on my hand")
    assert focused(page)["id"] == "story", "Opening the story did not move focus to it"
    expect(page.get_by_role("button", name="Hide the story")).to_have_attribute("aria-expanded", "true")

    # The next Tab goes on into the story's own content, not back to the warning.
    page.keyboard.press("Tab")
    after = focused(page)
    assert after["inMain"] and after["text"] != "Hide the story", f"Tab went to {describe(after)}"


def test_content_warning__works_without_javascript(browser_page_factory, journeys):
    page = browser_page_factory(java_script_enabled=False)
    page.goto(journeys["crossing"].url)

    expect(page.locator("#story")).to_be_visible()  # nothing hides the story when scripts cannot show it again
    assert page.get_by_role("button", name="Show the story").count() == 0
    assert page.get_by_role("button", name="Copy link").count() == 0

    tab_until(page, lambda element: element["text"] == "Continue to the story")
    page.keyboard.press("Enter")

    assert urlsplit(page.url).fragment == "story"
    assert page.evaluate("document.activeElement.id") == "story"


def test_content_warning__still_leads_to_the_story_when_its_script_fails_to_load(page, journeys):
    page.route("**/static/js/journeys.js", lambda route: route.abort())
    page.goto(journeys["crossing"].url)

    story = page.locator("#story")
    expect(story).to_be_hidden()  # hidden by the stylesheet from the first paint, where scripts run
    page.get_by_role("link", name="Continue to the story").click()

    expect(story).to_be_visible()
    expect(story).to_contain_text("one bag and a phone number written on my hand")


def test_story__arriving_at_its_story_anchor_skips_the_collapsed_state(page, journeys):
    page.goto(f"{journeys['crossing'].url}#story")

    expect(page.locator("#story")).to_be_visible()
    expect(page.get_by_role("button", name="Hide the story")).to_have_attribute("aria-expanded", "true")


def test_story__copy_link_copies_the_address_and_announces_it(browser_page_factory, journeys):
    crossing = journeys["crossing"]
    page = browser_page_factory(permissions=["clipboard-read", "clipboard-write"])
    page.goto(crossing.url)

    page.get_by_role("button", name="Copy link").click()

    status = page.get_by_role("status").filter(has_text="Link copied")
    expect(status).to_have_count(1)
    assert page.evaluate("navigator.clipboard.readText()") == crossing.full_url


def test_story__share_links_and_controls_show_focus(page, journeys):
    page.goto(journeys["crossing"].url)
    page.get_by_role("button", name="Show the story").click()

    stops = tab_until(page, lambda element: element["text"] == "Copy link")
    share_stops = [stop for stop in stops if stop["path"] is None or "journey-share" in stop["className"]]
    invisible = [describe(stop) for stop in share_stops if not shows_focus(stop["focusStyle"])]
    assert not invisible, "No visible focus indicator on: " + ", ".join(invisible)


def test_index__theme_filter_works_by_keyboard(page, journeys):
    index = journeys["index"]
    page.goto(index.url)

    tab_until(page, lambda element: element["text"] == "Work" and element["inMain"])
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{index.url}?theme=work")
    expect(page.locator("main .card__link")).to_have_text(["Night shifts at the bakery"])
    expect(page.locator('nav.filter-nav a[aria-current="page"]')).to_have_text("Work")


def test_story__every_stop_in_the_main_content_shows_focus(page, journeys):
    """From the skip link to the footer, with the story open: a card's ring is drawn round the card."""
    page.goto(journeys["crossing"].url)
    page.get_by_role("button", name="Show the story").click()
    page.locator("#main").focus()  # where the skip link leads

    stops = tab_until(page, lambda element: not element["inMain"])[:-1]
    assert any(stop["text"] == "Copy link" for stop in stops)
    assert any("card__link" in stop["className"] for stop in stops), "No related story cards reached"

    def draws_focus(stop):
        return shows_focus(stop["cardFocusStyle"] if "card__link" in stop["className"] else stop["focusStyle"])

    invisible = [describe(stop) for stop in stops if not draws_focus(stop)]
    assert not invisible, "No visible focus indicator on: " + ", ".join(invisible)


def test_story__prints_in_full_even_when_left_collapsed(page, journeys):
    page.goto(journeys["crossing"].url)
    expect(page.locator("#story")).to_be_hidden()

    page.emulate_media(media="print")

    expect(page.locator("#story")).to_be_visible()
    expect(page.locator(".journey-share")).to_be_hidden()
