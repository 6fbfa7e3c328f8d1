"""Every page shared on social media shows a picture: its own where it has one that is safe to share, else the
site's default (chosen in the organisation details, else the drawing in static/img). The image's address is
absolute and answers, and members-only pages never show their pictures to anyone else."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from demo.factories.home import ImageFactory, OrganisationSettingsFactory, StandardPageFactory
from demo.factories.journeys import (
    JourneyPageFactory,
    SafeguarderFactory,
    ShareJourneyPageFactory,
    publish_through_review,
)
from demo.factories.toolkits import MessagingGuidePageFactory, ToolkitIndexPageFactory

pytestmark = pytest.mark.django_db

FALLBACK_PATH = "/static/img/share-default.png"


def _published():
    return {"first_published_at": timezone.now(), "last_published_at": timezone.now()}


def share_tags(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        name: [tag["content"] for tag in soup.find_all("meta", property=name)]
        for name in ("og:image", "og:image:alt", "og:image:width", "og:image:height")
    }


def the_share_image(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    tags = share_tags(response)
    assert len(tags["og:image"]) == 1, f"{url} has {len(tags['og:image'])} og:image tags"
    assert len(tags["og:image:alt"]) == 1 and tags["og:image:alt"][0], f"{url} has no og:image:alt"
    return tags


def answers(client, image_url):
    """Whether the image's address answers 200 (with the development URLs, which serve images and static files)."""
    parts = urlsplit(image_url)
    assert parts.scheme == "http" and parts.netloc == "testserver", f"Not an absolute URL: {image_url}"
    response = client.get(parts.path)
    return response.status_code == 200 and response.get("Content-Type", "").startswith("image/")


@pytest.fixture
def every_page_type(home_page, blog_index, make_post, journey_index):
    """One public page of each type that can be shared, none with an image of its own."""
    standard = StandardPageFactory(parent=home_page, title="About us", slug="about", **_published())
    post = make_post(title="Refugee Week")
    share_page = ShareJourneyPageFactory(parent=journey_index, **_published())
    story = publish_through_review(JourneyPageFactory(parent=journey_index, title="The night we crossed"))
    toolkit_index = ToolkitIndexPageFactory(parent=home_page, **_published())
    toolkit = MessagingGuidePageFactory(parent=toolkit_index, title="Talking about housing", **_published())
    return {
        "home page": home_page.url,
        "standard page": standard.url,
        "news index": blog_index.url,
        "news post": post.url,
        "journeys index": journey_index.url,
        "share your journey": share_page.url,
        "story": story.url,
        "toolkit index": toolkit_index.url,
        "toolkit": toolkit.url,
        "search": "/en/search/?query=refugee",
    }


@pytest.fixture
def journey_index(home_page):
    from demo.factories.journeys import JourneyIndexPageFactory

    index = JourneyIndexPageFactory(parent=home_page, **_published())
    home_page.journeys_index = index
    home_page.save()
    return index


def test_every_page_type__without_an_image_shares_the_static_default(client, every_page_type, development_urls):
    for what, url in every_page_type.items():
        tags = the_share_image(client, url)

        assert urlsplit(tags["og:image"][0]).path == FALLBACK_PATH, what
        assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["630"], what
        assert tags["og:image:alt"] == ["The IMIX logo"], what
    assert answers(client, tags["og:image"][0])


def test_every_page_type__without_an_image_shares_the_default_chosen_by_editors(
    client, every_page_type, development_urls
):
    default = ImageFactory(title="IMIX banner", description="Volunteers at a welcome event", file__width=1600)
    OrganisationSettingsFactory(share_image=default)

    for what, url in every_page_type.items():
        tags = the_share_image(client, url)

        image_url = tags["og:image"][0]
        assert urlsplit(image_url).path.startswith("/media/images/"), what
        assert tags["og:image:alt"] == ["Volunteers at a welcome event"], what
        assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["630"], what
    assert answers(client, image_url)


def test_home_page__shares_its_headline_image(client, home_page, development_urls):
    home_page.hero_image = ImageFactory(description="People at a community event", file__width=1600, file__height=900)
    home_page.save_revision().publish()

    tags = the_share_image(client, "/en/")

    assert urlsplit(tags["og:image"][0]).path.startswith("/media/images/")
    assert tags["og:image:alt"] == ["People at a community event"]
    assert answers(client, tags["og:image"][0])


def test_news_post__shares_its_own_image_rather_than_the_default(client, make_post, development_urls):
    OrganisationSettingsFactory(share_image=ImageFactory(description="The default"))
    post = make_post(title="Refugee Week", listing_image=ImageFactory(description="A radio studio"))

    tags = the_share_image(client, post.url)

    assert tags["og:image:alt"] == ["A radio studio"]
    assert answers(client, tags["og:image"][0])


@pytest.mark.parametrize("covers_social_media", [True, False])
def test_story__shares_its_image_only_when_consent_covers_social_media(
    client, journey_index, development_urls, covers_social_media
):
    photo = ImageFactory(description="Boats in a harbour at dawn")
    story = publish_through_review(
        JourneyPageFactory(parent=journey_index, title="The night we crossed", listing_image=photo),
        reviewer=SafeguarderFactory(),
        covers_social_media=covers_social_media,
    )

    response = client.get(story.url)
    tags = share_tags(response)

    assert len(tags["og:image"]) == 1
    if covers_social_media:
        assert tags["og:image:alt"] == ["Boats in a harbour at dawn"]
    else:
        assert urlsplit(tags["og:image"][0]).path == FALLBACK_PATH
        # The page itself still shows the photo (the website is covered); only the social card leaves it out.
        assert "Boats in a harbour at dawn" not in " ".join(tags["og:image:alt"])
    assert answers(client, tags["og:image"][0])


@pytest.mark.parametrize("visitor", ["anonymous", "non-member"])
def test_members_only_toolkit__never_shows_its_image_to_others(client, home_page, user, visitor):
    index = ToolkitIndexPageFactory(parent=home_page, **_published())
    secret = ImageFactory(title="gated-picture", description="A members-only picture")
    toolkit = MessagingGuidePageFactory(
        parent=index, title="For members", members_only=True, listing_image=secret, social_image=secret, **_published()
    )
    if visitor == "non-member":
        client.force_login(user)

    response = client.get(toolkit.url)

    assert response.status_code == 403
    html = response.content.decode()
    assert "/media/" not in html
    assert "A members-only picture" not in html
    assert all(urlsplit(url).path == FALLBACK_PATH for url in share_tags(response)["og:image"])


def test_members_only_toolkit__members_see_its_image(client, home_page, member):
    index = ToolkitIndexPageFactory(parent=home_page, **_published())
    toolkit = MessagingGuidePageFactory(
        parent=index,
        title="For members",
        members_only=True,
        social_image=ImageFactory(description="A members-only picture"),
        **_published(),
    )
    client.force_login(member)

    tags = the_share_image(client, toolkit.url)

    assert tags["og:image:alt"] == ["A members-only picture"]
