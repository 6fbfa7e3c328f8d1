"""The header search finds members-only toolkits and briefings for members, in every language, and for nobody else.

The toolkits index and the briefing archive have their own searches; a member typing into the header's search box
must find the same content there, marked members only, without having to know where to look.
"""

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale
from wagtail.rich_text import RichText

from demo.factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory, briefing_item
from demo.factories.toolkits import MessagingGuidePageFactory, ToolkitIndexPageFactory
from members.models import Organisation

pytestmark = pytest.mark.django_db

# Words only the bodies hold: the teaser fields (title, summary) never carry them.
GUIDE_WORD = "Wombatframing"
BRIEFING_WORD = "Pangolinheadline"
VISITORS = ["anonymous", "non_member", "pending", "suspended", "member"]


@pytest.fixture
def visitor(request, client, user, member):
    User = get_user_model()
    kind = request.param
    people = {
        "non_member": lambda: user,
        "pending": lambda: User.objects.create_user(
            email="pending@example.org", password="a-long-password", membership_status=User.MembershipStatus.PENDING
        ),
        "suspended": lambda: User.objects.create_user(
            email="suspended@example.org",
            password="a-long-password",
            organisation=Organisation.objects.create(name="Another Organisation"),
            membership_status=User.MembershipStatus.APPROVED,
            is_suspended=True,
        ),
        "member": lambda: member,
    }
    if kind in people:
        client.force_login(people[kind]())
    return kind


@pytest.fixture
def member_content(home_page, member_group):
    """A members-only messaging guide and a press briefing, each with a word found only in its body."""
    toolkits = ToolkitIndexPageFactory(
        parent=home_page, slug="toolkits", first_published_at=timezone.now(), last_published_at=timezone.now()
    )
    guide = MessagingGuidePageFactory(
        parent=toolkits,
        title="Talking about housing",
        slug="housing",
        summary="How to talk about housing.",
        members_only=True,
        key_messages=[("message", f"Everyone needs a home {GUIDE_WORD}.")],
        context=RichText(f"<p>The context {GUIDE_WORD}.</p>"),
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
    )
    briefings = BriefingIndexPageFactory(parent=home_page, slug="briefings")
    briefing = PressBriefingPageFactory(
        parent=briefings,
        items=[briefing_item(f"{BRIEFING_WORD} in the morning papers", summary="What the papers say.")],
    )
    return {"guide": guide, "briefing": briefing}


def translate(page, language):
    """As an editor does: copy into the language (with any missing parents) and publish the copy."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


@pytest.fixture
def french_member_content(member_content):
    return {name: translate(page, "fr") for name, page in member_content.items()}


def site_search(client, language, word):
    response = client.get(f"/{language}/search/", {"query": word})
    assert response.status_code == 200
    return response


def listed(response, page):
    return f'href="{page.url}"' in response.content.decode()


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
@pytest.mark.parametrize(("name", "word"), [("guide", GUIDE_WORD), ("briefing", BRIEFING_WORD)])
def test_header_search__finds_a_members_only_page_by_a_word_in_its_body_for_members_alone(
    client, visitor, member_content, name, word
):
    response = site_search(client, "en", word)

    assert listed(response, member_content[name]) is (visitor == "member"), visitor
    html = response.content.decode()
    if visitor == "member":
        assert [card.pk for card in response.context["cards"]] == [member_content[name].pk]
        assert 'class="members-only-mark"' in html
    else:
        assert response.context["cards"] == []
        assert member_content[name].title not in html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
@pytest.mark.parametrize(("name", "word"), [("guide", GUIDE_WORD), ("briefing", BRIEFING_WORD)])
def test_header_search_in_french__finds_the_french_version_of_a_members_only_page_for_members_alone(
    client, visitor, member_content, french_member_content, name, word
):
    french = french_member_content[name]
    assert french.url.startswith("/fr/")

    response = site_search(client, "fr", word)

    assert listed(response, french) is (visitor == "member"), visitor
    assert not listed(response, member_content[name]), "never the English version under /fr/"
    if visitor == "member":
        assert [card.locale.language_code for card in response.context["cards"]] == ["fr"]
        assert 'class="members-only-mark"' in response.content.decode()
    else:
        assert response.context["cards"] == []


@pytest.mark.parametrize("visitor", ["member"], indirect=True)
def test_header_search__the_marker_is_translated(client, visitor, member_content, french_member_content):
    html = site_search(client, "fr", GUIDE_WORD).content.decode()

    assert "Réservé aux membres" in html
    assert "🔒" not in html


@pytest.mark.parametrize("visitor", ["member"], indirect=True)
def test_header_search__stops_finding_member_content_once_the_member_is_suspended(
    client, visitor, member, member_content
):
    assert listed(site_search(client, "en", GUIDE_WORD), member_content["guide"])

    member.is_suspended = True
    member.save()

    assert not listed(site_search(client, "en", GUIDE_WORD), member_content["guide"])
