"""Toolkits in a browser: axe finds nothing on the index, both toolkit types (answers open) and the
members-only teaser; the copy button is added by JavaScript and announces what it did."""

from django.utils import timezone

from tests.browser.helpers import DESKTOP_VIEWPORT, MOBILE_VIEWPORT, browser_test, describe_violations, run_axe

pytestmark = browser_test


def assert_no_violations(page, what):
    violations = run_axe(page)
    assert not violations, f"axe found accessibility problems on {what} ({page.url}):\n" + describe_violations(
        violations
    )


def _toolkits(home):
    from demo.factories.toolkits import (
        MessagingGuidePageFactory,
        QAToolkitPageFactory,
        ToolkitIndexPageFactory,
        TopicFactory,
    )

    published = {"first_published_at": timezone.now(), "last_published_at": timezone.now()}
    index = ToolkitIndexPageFactory(parent=home, **published)
    housing = TopicFactory(name="Housing", slug="housing")
    guide = MessagingGuidePageFactory(
        parent=index,
        title="Talking about housing",
        topics=[housing],
        recommended_terms=[("term", {"term": "People seeking asylum", "instead_of": "Asylum seekers", "note": ""})],
        evidence=[
            ("point", {"point": "Most are housed by contractors.", "sources": [{"title": "Home Office", "url": ""}]})
        ],
        examples=[("example", {"kind": "soundbite", "text": "Homes for all."})],
        **published,
    )
    qa = QAToolkitPageFactory(parent=index, title="Channel crossings Q&A", topics=[housing], **published)
    members_only = MessagingGuidePageFactory(parent=index, title="For members", members_only=True, **published)
    return index, guide, qa, members_only


def test_toolkit_pages__have_no_axe_violations(page, site_tree):
    index, guide, qa, members_only = _toolkits(site_tree.home)

    for url, what, status in [
        (index.url, "the toolkits index", 200),
        (f"{index.url}?topic=housing&type=qa-toolkit&q=channel", "the filtered toolkits index", 200),
        (guide.url, "a messaging guide", 200),
        (members_only.url, "a members-only toolkit's teaser", 403),
    ]:
        response = page.goto(url)
        assert response.status == status, url
        assert_no_violations(page, what)

    page.goto(qa.url)
    page.locator("details summary").first.click()
    assert page.locator("details[open]").count() == 1
    assert_no_violations(page, "a Q&A toolkit with an answer open")


def test_qa_toolkit__copy_button_is_added_by_javascript_and_announces_the_result(browser_page_factory, site_tree):
    _index, _guide, qa, _members_only = _toolkits(site_tree.home)
    page = browser_page_factory(permissions=["clipboard-read", "clipboard-write"])

    page.goto(qa.url)
    page.locator("details summary").first.click()
    page.get_by_role("button", name="Copy the line to take").click()

    status = page.locator("[data-copy-status]")
    status.filter(has_text="Copied").wait_for(state="attached")
    assert page.evaluate("navigator.clipboard.readText()") == "Because there are almost no safe routes."


def test_qa_toolkit__prints_every_answer_even_when_closed(page, site_tree):
    _index, _guide, qa, _members_only = _toolkits(site_tree.home)
    page.goto(qa.url)
    answer = page.locator(".qa-question__body").first
    assert not answer.is_visible(), "closed on screen"

    page.emulate_media(media="print")

    assert answer.is_visible(), "print.css shows closed answers"
    assert not page.locator(".copy-answer").first.is_visible()


def test_members_only_teaser__fills_the_width_on_a_desktop_and_stacks_on_a_phone(browser_page_factory, site_tree):
    _index, _guide, _qa, members_only = _toolkits(site_tree.home)

    desktop = browser_page_factory(DESKTOP_VIEWPORT)
    assert desktop.goto(members_only.url).status == 403
    teaser = desktop.locator(".toolkit-teaser").bounding_box()
    about = desktop.locator(".toolkit-teaser__about").bounding_box()
    join = desktop.locator(".toolkit-teaser__join").bounding_box()

    # What a visitor may see sits side by side with the way in, and fills most of the first screen.
    assert join["x"] >= about["x"] + about["width"] and abs(join["y"] - about["y"]) < 2, (about, join)
    assert teaser["width"] >= 0.8 * DESKTOP_VIEWPORT["width"], teaser
    assert teaser["height"] >= 0.6 * DESKTOP_VIEWPORT["height"], teaser
    assert min(about["height"], join["height"]) >= 0.4 * max(about["height"], join["height"]), (about, join)
    assert desktop.get_by_role("heading", name="What is inside").is_visible()
    assert_no_violations(desktop, "a members-only toolkit's teaser on a desktop")

    phone = browser_page_factory(MOBILE_VIEWPORT)
    phone.goto(members_only.url)
    about = phone.locator(".toolkit-teaser__about").bounding_box()
    join = phone.locator(".toolkit-teaser__join").bounding_box()
    assert join["y"] >= about["y"] + about["height"], "one column on a phone"
    assert phone.evaluate("document.documentElement.scrollWidth") <= MOBILE_VIEWPORT["width"]
    assert_no_violations(phone, "a members-only toolkit's teaser on a phone")
