"""The membership forms in a browser: axe finds nothing, with or without errors; the error summary leads to
the field; a member signs in with the keyboard and reaches their dashboard."""

import datetime

from playwright.sync_api import expect

from django.core.files.base import ContentFile
from django.utils import timezone

from demo.factories.members import MemberFactory
from tests.browser.helpers import (
    DESKTOP_VIEWPORT,
    MOBILE_VIEWPORT,
    browser_test,
    describe_violations,
    focused,
    run_axe,
)

pytestmark = browser_test


def assert_no_violations(page, what):
    violations = run_axe(page)
    assert not violations, f"axe found accessibility problems on {what} ({page.url}):\n" + describe_violations(
        violations
    )


def test_apply_form__has_no_axe_violations_blank_or_with_errors_and_the_summary_links_to_fields(page, site_tree):
    page.goto("/en/members/apply/")
    assert_no_violations(page, "the application form")

    page.fill("#id_full_name", "Amina Yusuf")
    page.get_by_role("button", name="Send my application").click()
    assert page.locator(".error-summary").is_visible()
    expect(page.locator(".error-summary")).to_be_focused()  # the reader starts at the list of problems
    expect(page.locator('.error-summary a[href="#id_email"]')).to_have_text("Email address: This field is required.")
    assert page.input_value("#id_full_name") == "Amina Yusuf"
    assert_no_violations(page, "the application form with errors")
    # A field in error is outlined in the error colour (coral), the others keep the usual border.
    border = "element => getComputedStyle(element).borderTopColor"
    assert page.locator("#id_email").evaluate(border) == "rgb(184, 58, 27)"
    assert page.locator("#id_full_name").evaluate(border) == "rgb(61, 74, 92)"

    page.locator('.error-summary a[href="#id_email"]').click()
    assert focused(page)["id"] == "id_email"


def test_member_signs_in_with_the_keyboard_and_sees_the_dashboard(page, site_tree):
    MemberFactory(email="member@example.org", first_name="Amina", organisation__name="Luton Roma Trust")
    page.goto("/en/members/sign-in/")
    assert_no_violations(page, "the sign-in page")

    page.focus("#id_username")
    page.keyboard.type("member@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("a-long-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sign-in/" not in page.url, "the sign-in form answered with an error"
    page.goto("/en/members/")

    assert page.get_by_role("heading", level=1, name="Welcome, Amina").is_visible()
    assert page.get_by_text("Luton Roma Trust").first.is_visible()
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert_no_violations(page, "the member dashboard")


# What sticks out past the right edge of the screen, innermost first, to say what to fix.
WIDER_THAN_SCREEN = """
() => [...document.querySelectorAll("main *")]
    .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .reverse().slice(0, 5).map((element) => element.outerHTML.slice(0, 120))
"""


def sign_in(page, email):
    page.goto("/en/members/sign-in/")
    page.fill("#id_username", email)
    page.fill("#id_password", "a-long-password")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").last.click()


def test_member_dashboard__with_news_downloads_and_actions_has_no_axe_violations_on_a_desktop_or_a_phone(
    browser_page_factory, site_tree
):
    from demo.factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory
    from demo.factories.toolkits import MemberDocumentFactory, MessagingGuidePageFactory, ToolkitIndexPageFactory
    from toolkits.models import DocumentDownload

    member = MemberFactory(email="member@example.org", first_name="Amina", organisation__name="Luton Roma Trust")
    colleague = MemberFactory(first_name="Bilal", last_name="Khan", organisation=member.organisation)
    published = {"first_published_at": timezone.now(), "last_published_at": timezone.now()}
    toolkits = ToolkitIndexPageFactory(parent=site_tree.home, **published)
    MessagingGuidePageFactory(parent=toolkits, title="Talking about housing", members_only=True, **published)
    briefings = BriefingIndexPageFactory(parent=site_tree.home, **published)
    PressBriefingPageFactory(parent=briefings, date=timezone.localdate(), **published)
    PressBriefingPageFactory(parent=briefings, date=timezone.localdate() - datetime.timedelta(days=1), **published)
    pack = MemberDocumentFactory(title="Crossings pack", file=ContentFile(b"%PDF-1.4 pack", name="pack.pdf"))
    DocumentDownload.record(pack, colleague)

    for viewport in (DESKTOP_VIEWPORT, MOBILE_VIEWPORT):
        page = browser_page_factory(viewport)
        sign_in(page, "member@example.org")
        page.goto("/en/members/")
        assert page.get_by_role("heading", level=2, name="Recently published").is_visible()
        assert page.get_by_role("link", name="Talking about housing").is_visible()
        assert page.get_by_role("link", name="Read today's press briefing").is_visible()
        assert page.get_by_text("Bilal Khan").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], page.evaluate(
            WIDER_THAN_SCREEN
        )
        assert_no_violations(page, f"the member dashboard at {viewport['width']}px")
