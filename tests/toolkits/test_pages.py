"""Toolkit page types: where they go, the admin form, rendering, privacy in step with "members only"."""

import pytest

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from toolkits.models import MessagingGuidePage, QAToolkitPage, ToolkitIndexPage, ToolkitPage

pytestmark = pytest.mark.django_db


def test_page_types__index_under_home_and_toolkits_under_the_index():
    assert ToolkitIndexPage.parent_page_types == ["home.HomePage"]
    assert set(ToolkitIndexPage.allowed_subpage_models()) == {MessagingGuidePage, QAToolkitPage}
    assert MessagingGuidePage.allowed_parent_page_models() == [ToolkitIndexPage]
    assert QAToolkitPage.allowed_parent_page_models() == [ToolkitIndexPage]
    assert not ToolkitPage.is_creatable
    assert ToolkitIndexPage in HomePage.allowed_subpage_models()


def test_members_only__creates_and_removes_the_members_group_restriction(make_guide, member_group):
    guide = make_guide(members_only=True)

    (restriction,) = PageViewRestriction.objects.filter(page=guide)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.all()) == [member_group]

    guide.members_only = False
    guide.save_revision().publish()
    assert not PageViewRestriction.objects.filter(page=guide).exists()


def test_members_only__a_draft_does_not_change_the_live_page_privacy(make_guide):
    guide = make_guide(members_only=False)

    guide.members_only = True
    guide.save_revision()
    assert not PageViewRestriction.objects.filter(page=guide).exists()

    guide.get_latest_revision().publish()
    assert PageViewRestriction.objects.filter(page=guide).exists()


def test_messaging_guide__can_be_created_in_the_admin(admin_client, toolkit_index, topics):
    url = f"/admin/pages/add/toolkits/messagingguidepage/{toolkit_index.pk}/"
    data = nested_form_data(
        {
            "title": "Talking about housing",
            "slug": "housing",
            "summary": "How to talk about housing and refugees.",
            "last_reviewed": "2020-10-01",
            "members_only": "on",
            "context": rich_text("<p>Context.</p>"),
            "key_messages": streamfield([("message", "Homes for everyone.")]),
            "framing": streamfield(
                [("pair", {"say_this": "People", "not_that": "Migrants", "reason": "People first."})]
            ),
            "recommended_terms": streamfield([]),
            "evidence": streamfield([]),
            "examples": streamfield([]),
            "downloads": streamfield([]),
            "related_toolkits": streamfield([]),
            "language_versions": inline_formset([]),
            "action-publish": "publish",
        }
    )

    data["topics"] = [topics["housing"].pk]  # nested_form_data would number a list's items

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content[:3000]
    guide = MessagingGuidePage.objects.get(slug="housing")
    assert guide.live and guide.members_only
    assert list(guide.topics.all()) == [topics["housing"]]
    assert PageViewRestriction.objects.filter(page=guide).exists()


def test_qa_toolkit__renders_questions_as_details_that_work_without_javascript(client, make_qa):
    qa = make_qa(title="Channel crossings Q&A")

    response = client.get(qa.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<details" in html and "<summary>Why do people cross the Channel?</summary>" in html
    assert "Because there are almost no safe routes." in html
    assert "js/toolkits.js" in html
    assert "data-copy-text" in html and 'aria-live="polite"' in html
    assert "<button" not in html.split("<main", 1)[1].split("</main>", 1)[0], "the copy button is added by JS only"


def test_messaging_guide__renders_its_parts_for_everyone_when_public(client, make_guide, topics):
    guide = make_guide(
        title="Talking about Covid-19",
        topics=[topics["covid-19"]],
        recommended_terms=[("term", {"term": "Key workers", "instead_of": "Low-skilled", "note": ""})],
        evidence=[("point", {"point": "One in five NHS staff", "sources": [{"title": "NHS", "url": ""}]})],
        examples=[("example", {"kind": "soundbite", "text": "We clapped for them."})],
        context=RichText("<p>The pandemic.</p>"),
    )

    html = client.get(guide.url).content.decode()

    for text in (
        "Say this:",
        "People seeking safety",
        "Key workers",
        "One in five NHS staff",
        "We clapped for them.",
        "Covid-19",
        "Last reviewed",
        "The pandemic.",
    ):
        assert text in html, text


def test_previews_render_for_editors(admin_client, make_guide, make_qa, toolkit_index):
    for page in (make_guide(), make_qa(), toolkit_index):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
        assert response.status_code == 200, page


def test_privacy_dialog__is_switched_off_so_the_members_only_box_is_the_one_control(admin_client, make_guide):
    guide = make_guide(members_only=True)

    response = admin_client.get(f"/admin/pages/{guide.pk}/privacy/")

    assert response.status_code == 200
    assert "disabled" in response.json()["html"]
