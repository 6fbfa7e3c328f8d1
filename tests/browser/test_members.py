"""The membership forms in a browser: axe finds nothing, with or without errors; the error summary leads to
the field; a member signs in with the keyboard and reaches their dashboard."""

from playwright.sync_api import expect

from demo.factories.members import MemberFactory
from tests.browser.helpers import browser_test, describe_violations, focused, run_axe

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
    MemberFactory(email="member@example.org", organisation__name="Luton Roma Trust")
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

    assert page.get_by_role("heading", name="Your dashboard").is_visible()
    assert page.get_by_text("Luton Roma Trust").first.is_visible()
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert_no_violations(page, "the member dashboard")
