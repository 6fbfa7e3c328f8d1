"""RSS and Atom feeds of Human Journeys: valid, newest first, live public stories only, and carrying less than
the page (no storyteller's name, no image), since feed copies spread where nobody can correct them."""

import feedparser
import pytest

from demo.factories.home import ImageFactory
from demo.factories.journeys import JourneyPageFactory, JourneyThemeFactory, publish_through_review

pytestmark = pytest.mark.django_db

KINDS = ["rss", "atom"]


@pytest.fixture
def publish_story(journey_index, safeguarder):
    def publish(**fields):
        fields.setdefault("parent", journey_index)
        return publish_through_review(JourneyPageFactory(**fields), reviewer=safeguarder)

    return publish


def _parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def _titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("kind", KINDS)
def test_feed__lists_live_stories_newest_first_with_absolute_links_and_introductions(
    client, journey_index, publish_story, kind
):
    older = publish_story(title="Learning the bus routes", introduction="Getting lost, then getting around.")
    newer = publish_story(title="A garden on the allotment", introduction="Growing okra in Bradford.")

    response = client.get(f"{journey_index.url}feed/{kind}/")

    feed = _parse(response)
    expected_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected_type)
    assert feed.feed.title == "Human Journeys – IMIX"
    assert _titles(feed) == [newer.title, older.title]
    assert [entry.link for entry in feed.entries] == [f"http://testserver{story.url}" for story in (newer, older)]
    assert [entry.summary for entry in feed.entries] == [newer.introduction, older.introduction]
    assert {entry.author for entry in feed.entries} == {"IMIX Human Journeys"}


@pytest.mark.parametrize("kind", KINDS)
def test_feed__never_lists_a_draft_or_a_restricted_story(client, journey_index, publish_story, restrict_to_group, kind):
    public = publish_story(title="Learning the bus routes")
    JourneyPageFactory(parent=journey_index, title="Waiting for review", slug="waiting-for-review")
    members_only = publish_story(title="For members", slug="for-members")
    restrict_to_group(members_only)

    response = client.get(f"{journey_index.url}feed/{kind}/")

    assert _titles(_parse(response)) == [public.title]
    text = response.content.decode()
    assert "waiting-for-review" not in text
    assert "for-members" not in text


def test_feed__is_the_public_view_even_for_a_signed_in_member(
    client, member, journey_index, publish_story, restrict_to_group
):
    public = publish_story(title="Learning the bus routes")
    restrict_to_group(publish_story(title="For members"))
    client.force_login(member)

    assert _titles(_parse(client.get(f"{journey_index.url}feed/rss/"))) == [public.title]


def test_feed__stops_when_a_story_is_unpublished(client, journey_index, publish_story):
    story = publish_story(title="Learning the bus routes")
    story.unpublish()

    assert _titles(_parse(client.get(f"{journey_index.url}feed/rss/"))) == []


def test_feed__lists_at_most_twenty_stories(client, journey_index, publish_story):
    stories = [publish_story(title=f"Story number {number}") for number in range(21)]

    feed = _parse(client.get(f"{journey_index.url}feed/rss/"))

    assert _titles(feed) == [story.title for story in reversed(stories[1:])]


@pytest.mark.parametrize("kind", KINDS)
def test_feed__by_theme_lists_only_that_themes_stories(client, journey_index, publish_story, work_theme, kind):
    family = JourneyThemeFactory(name="Family", slug="family", locale=work_theme.locale)
    at_work = publish_story(title="Night shifts", themes=[work_theme])
    publish_story(title="My daughter's first day", themes=[family])

    feed = _parse(client.get(f"{journey_index.url}feed/{kind}/", {"theme": "work"}))

    assert feed.feed.title == "Human Journeys: Work – IMIX"
    assert _titles(feed) == [at_work.title]
    assert [tag.term for tag in feed.entries[0].tags] == ["Work"]


@pytest.mark.parametrize("theme", ["no-such-theme", "", "<b>work</b>"])
def test_feed__ignores_an_unknown_theme(client, journey_index, publish_story, work_theme, theme):
    publish_story(title="Night shifts", themes=[work_theme])
    publish_story(title="A garden on the allotment")

    feed = _parse(client.get(f"{journey_index.url}feed/rss/", {"theme": theme}))

    assert feed.feed.title == "Human Journeys – IMIX"
    assert sorted(_titles(feed)) == ["A garden on the allotment", "Night shifts"]


@pytest.mark.parametrize("kind", KINDS)
def test_feed__carries_no_images_and_nothing_of_the_story_itself(client, journey_index, publish_story, kind):
    photo = ImageFactory(title="Harbour at dawn", file__width=160, file__height=90)
    publish_story(
        title="Crossing",
        listing_image=photo,
        social_image=photo,
        pull_quote="Quietly, the boat left.",
        story=[
            ("image", {"image": {"image": photo, "alt_text": "A harbour", "decorative": False}, "caption": ""}),
        ],
    )

    response = client.get(f"{journey_index.url}feed/{kind}/")

    feed = _parse(response)
    text = response.content.decode()
    assert feed.entries[0].get("enclosures", []) == []
    assert "<img" not in text and "&lt;img" not in text
    assert "/media/" not in text
    assert "Quietly, the boat left." not in text


@pytest.mark.parametrize("path", ["feed/json/", "feed/RSS/", "feed/"])
def test_feed__unknown_kind_is_not_found(client, journey_index, path):
    assert client.get(f"{journey_index.url}{path}").status_code == 404
