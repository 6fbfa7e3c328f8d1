"""The "members only" cue is a lock icon beside visible words, never an emoji.

Where a device has no emoji font the old 🔒 showed as an empty box, and it was the only cue in some lists. Every
page that marks member content is rendered here, as a member and as an anonymous visitor, and checked for the
words, for an icon hidden from assistive technology, and for the absence of the emoji.
"""

import pytest
from bs4 import BeautifulSoup

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.rich_text import RichText

from demo.factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory
from demo.factories.toolkits import (
    MemberDocumentFactory,
    MessagingGuidePageFactory,
    QAToolkitPageFactory,
    ToolkitIndexPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def marked_pages(home_page, member_group):
    """Every kind of page that carries the cue, keyed by a name: (url, the words its cue must show)."""
    now = timezone.now()
    toolkits = ToolkitIndexPageFactory(parent=home_page, slug="toolkits", first_published_at=now, last_published_at=now)
    qa = QAToolkitPageFactory(
        parent=toolkits, title="Crossings Q&A", slug="crossings", members_only=True, first_published_at=now
    )
    guide = MessagingGuidePageFactory(
        parent=toolkits,
        title="Housing guide",
        slug="housing",
        members_only=False,
        context=RichText("<p>Context.</p>"),
        first_published_at=now,
    )
    guide.related_toolkits = [("toolkit", qa)]
    guide.save_revision().publish()
    briefings = BriefingIndexPageFactory(parent=home_page, slug="briefings")
    briefing = PressBriefingPageFactory(parent=briefings)
    document = MemberDocumentFactory(file=ContentFile(b"%PDF-1.4 pack", name="pack.pdf"))
    return {
        "toolkit index card": (toolkits.url, "Members only"),
        "related toolkits list": (guide.url, "Members only"),
        "toolkit page facts": (qa.url, "Members only"),
        "briefing archive": (briefings.url, "For members of the IMIX network"),
        # A member reads the briefing under its own heading; anyone else gets the members-only teaser.
        "briefing": (
            briefing.url,
            {True: "Daily press briefing for members", False: "For members of the IMIX network"},
        ),
        "members-only document": (document.url, "For members of the IMIX network"),
    }


def _marks(html):
    return BeautifulSoup(html, "html.parser").select(".members-only-mark")


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "member"])
def test_members_only_mark__visible_words_and_an_icon_hidden_from_assistive_technology(
    client, member, marked_pages, signed_in
):
    if signed_in:
        client.force_login(member)
    for name, (url, words) in marked_pages.items():
        response = client.get(url)
        assert response.status_code in (200, 403), name
        if response.streaming:
            # A member gets the document itself; only the refusal page carries the cue.
            assert signed_in and name == "members-only document", name
            continue
        html = response.content.decode()
        assert "🔒" not in html, name
        marks = _marks(html)
        if isinstance(words, dict):
            words = words[signed_in]
        assert words in [mark.get_text(" ", strip=True) for mark in marks], name
        for mark in marks:
            assert not mark.find_parent(class_="visually-hidden"), name
            icon = mark.find("svg")
            assert icon["aria-hidden"] == "true" and icon["focusable"] == "false", name
            assert "currentColor" in str(icon), "the icon takes the text colour, so it shows in high contrast mode"


def test_members_only_mark__the_related_toolkits_list_shows_its_words(client, marked_pages):
    html = client.get(marked_pages["related toolkits list"][0]).content.decode()

    related = BeautifulSoup(html, "html.parser").find(id="related-heading").find_parent("section")
    assert related.find(class_="members-only-mark").get_text(strip=True) == "Members only"
    assert not related.select(".visually-hidden")


@pytest.mark.parametrize(("language", "words"), [("fr", "Réservé aux membres"), ("ar", "للأعضاء فقط")])
def test_members_only_mark__is_translated(language, words):
    with translation.override(language):
        html = render_to_string("includes/members_only_mark.html")

    assert _marks(html)[0].get_text(strip=True) == words
