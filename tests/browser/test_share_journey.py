"""The "Share your journey" form in a browser: axe finds nothing, empty or after a failed send; the error
summary leads to the field; a storyteller can fill it in and send it with the keyboard alone."""

import pytest

from django.utils import timezone

from demo.factories.journeys import JourneyIndexPageFactory, ShareJourneyPageFactory
from journeys.models import StorySubmission
from tests.browser.helpers import browser_test, describe_violations, focused, run_axe, shows_focus, tab_until

pytestmark = browser_test

SHARE_URL = "/en/human-journeys/share-your-journey/"


@pytest.fixture
def share_page(site_tree):
    now = {"first_published_at": timezone.now(), "last_published_at": timezone.now()}
    index = JourneyIndexPageFactory(parent=site_tree.home, **now)
    return ShareJourneyPageFactory(
        parent=index, thank_you_text="Thank you. Our Safeguarding team will read your story carefully.", **now
    )


def assert_no_violations(page, what):
    violations = run_axe(page)
    assert not violations, f"axe found accessibility problems on {what} ({page.url}):\n" + describe_violations(
        violations
    )


def test_share_form__has_no_axe_violations_empty_or_with_errors_and_the_summary_links_to_fields(page, share_page):
    page.goto(SHARE_URL)
    assert_no_violations(page, "the share your journey form")

    page.fill("#id_title", "A winter in Leeds")
    page.get_by_role("button", name="Send my story").click()

    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_title") == "A winter in Leeds"
    assert_no_violations(page, "the share your journey form with errors")
    page.locator('.error-summary a[href="#id_story"]').click()
    assert focused(page)["id"] == "id_story"
    page.locator('.error-summary a[href="#id_identity_level_0"]').click()
    assert focused(page)["id"] == "id_identity_level_0"
    assert not StorySubmission.objects.exists()


def test_share_form__can_be_filled_in_and_sent_with_the_keyboard_alone(page, share_page):
    page.goto(SHARE_URL)
    page.focus("#id_story")
    page.keyboard.type("I arrived in winter, with one bag.")

    visited = tab_until(page, lambda element: element["id"] == "id_identity_level_0")
    for _ in range(4):  # arrow keys move through the choices: the fifth is "Anonymous"
        page.keyboard.press("ArrowDown")
    assert page.is_checked("#id_identity_level_4")

    visited += tab_until(page, lambda element: element["id"] == "id_consents_to_website")
    page.keyboard.press("Space")
    visited += tab_until(page, lambda element: element["id"] == "id_understands_withdrawal")
    page.keyboard.press("Space")
    visited += tab_until(page, lambda element: element["id"] == "id_age_confirmation_0")
    page.keyboard.press("Space")
    visited += tab_until(page, lambda element: element["tag"] == "button" and element["text"] == "Send my story")
    assert shows_focus(focused(page)["focusStyle"]), "the send button shows where focus is"
    assert "id_homepage" not in [element["id"] for element in visited], "the honeypot is never reached"

    with page.expect_navigation():
        page.keyboard.press("Enter")

    submission = StorySubmission.objects.get()
    assert submission.identity_level == "anonymous" and submission.consents_to_website
    assert page.get_by_role("heading", name="Thank you for sharing your journey").is_visible()
    assert page.get_by_text(submission.reference).is_visible()
    assert_no_violations(page, "the thank-you page")
