"""What search engines and social networks see: sitemap, robots.txt, the 404 page, and each page's head."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from demo.factories.home import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _meta(soup, **attrs):
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


# --- sitemap.xml ---------------------------------------------------------------------------------------


def _sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap, not untrusted input
    return [loc.text for loc in root.iter(f"{SITEMAP_NS}loc")]


def test_sitemap__lists_public_live_pages_with_absolute_language_prefixed_urls(
    client, home_page, standard_page, blog_index, make_posts
):
    posts = make_posts(2)

    locations = _sitemap_locations(client)

    assert locations == [
        "http://testserver/en/",
        "http://testserver/en/about/",
        "http://testserver/en/news/",
        *[f"http://testserver{post.url}" for post in sorted(posts, key=lambda post: post.path)],
    ]


def test_sitemap__never_lists_restricted_or_unpublished_pages(
    client, home_page, standard_page, blog_index, make_post, restrict_to_group
):
    private = StandardPageFactory(parent=home_page, title="Members area")
    StandardPageFactory(parent=private, title="Members guide")
    restrict_to_group(private)
    restricted_post = make_post(title="Members briefing")
    restrict_to_group(restricted_post)
    make_post(title="Draft post").unpublish()

    locations = " ".join(_sitemap_locations(client))

    assert "/en/about/" in locations
    assert "members-area" not in locations
    assert "members-guide" not in locations
    assert "members-briefing" not in locations
    assert "draft-post" not in locations


def test_sitemap__lists_published_translations_under_their_language(client, home_page, arabic_home_page):
    locations = _sitemap_locations(client)

    assert "http://testserver/en/" in locations
    assert "http://testserver/ar/" in locations


# --- robots.txt ----------------------------------------------------------------------------------------


def test_robots_txt__is_plain_text_and_points_at_the_sitemap(client, home_page):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /en/search/" in lines
    assert "Disallow: /ar/search/" in lines
    assert "Disallow: /" not in lines


# --- The 404 page --------------------------------------------------------------------------------------


def test_unknown_url__renders_the_friendly_not_found_page_with_status_404(client, home_page):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    soup = BeautifulSoup(response.content, "html.parser")
    assert "can’t find that page" in soup.h1.get_text()
    assert _meta(soup, name="robots") == "noindex"
    assert soup.find("form", attrs={"role": "search"}) is not None
    assert soup.find("link", rel="canonical") is None


def test_unknown_url_without_a_language_prefix__is_not_a_server_error(client, home_page):
    response = client.get("/no-such-page/", follow=True)

    assert response.status_code == 404
    assert "can’t find that page" in response.content.decode()


# --- Each page's <head> --------------------------------------------------------------------------------


@pytest.fixture
def described_page(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Our work",
        slug="our-work",
        seo_title="What IMIX does",
        search_description="Media training, briefings and campaigns about migration.",
        introduction="An introduction.",
    )


def test_page_head__has_title_description_canonical_and_social_tags(client, described_page):
    soup = _soup(client.get("/en/our-work/"))

    assert soup.title.get_text() == "What IMIX does – IMIX"
    assert _meta(soup, name="description") == "Media training, briefings and campaigns about migration."
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/en/our-work/"
    assert _meta(soup, property="og:title") == "What IMIX does"
    assert _meta(soup, property="og:description") == "Media training, briefings and campaigns about migration."
    assert _meta(soup, property="og:url") == "http://testserver/en/our-work/"
    assert _meta(soup, name="twitter:card") == "summary_large_image"
    assert _meta(soup, property="og:image") == "http://testserver/static/img/share-default.png"
    assert _meta(soup, name="robots") is None


def test_page_head__falls_back_to_the_listing_summary_for_the_description(client, home_page):
    StandardPageFactory(parent=home_page, title="Contact", listing_summary="How to reach our team.")

    soup = _soup(client.get("/en/contact/"))

    assert soup.title.get_text() == "Contact – IMIX"
    assert _meta(soup, name="description") == "How to reach our team."
    assert _meta(soup, property="og:description") == "How to reach our team."


@pytest.mark.parametrize("image_field", ["listing_image", "social_image"])
def test_page_head__shares_the_social_or_listing_image_as_a_large_card(client, home_page, image_field):
    image = ImageFactory(title="Volunteers at a welcome event", file__width=1600, file__height=900)
    StandardPageFactory(parent=home_page, title="Volunteering", **{image_field: image})

    soup = _soup(client.get("/en/volunteering/"))

    og_image = _meta(soup, property="og:image")
    assert og_image.startswith("http://testserver/media/images/")
    assert og_image.endswith(".jpg")
    assert _meta(soup, property="og:image:width") == "1200"
    assert _meta(soup, property="og:image:height") == "630"
    assert _meta(soup, name="twitter:card") == "summary_large_image"


def test_page_head__blog_post_is_shared_as_an_article(client, blog_index, make_post):
    post = make_post(title="Refugee Week", introduction="How the press covered Refugee Week.")

    soup = _soup(client.get(post.url))

    assert _meta(soup, property="og:type") == "article"
    assert _meta(soup, name="description") == post.listing_summary


@pytest.mark.parametrize("path", ["/en/", "/en/about/", "/en/news/", "/en/news/post-number-0/", "/en/search/?query=x"])
def test_page_head__every_page_type_declares_english_left_to_right(client, standard_page, blog_index, make_posts, path):
    make_posts(1)

    soup = _soup(client.get(path))

    assert soup.html["lang"] == "en"
    assert soup.html["dir"] == "ltr"
    assert soup.title.get_text().strip()


def test_page_head__arabic_home_page_declares_arabic_right_to_left(client, arabic_home_page):
    soup = _soup(client.get("/ar/"))

    assert soup.html["lang"] == "ar"
    assert soup.html["dir"] == "rtl"
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/ar/"


def test_page_head__home_page_title_is_the_headline(client, home_page):
    soup = _soup(client.get("/en/"))

    assert soup.title.get_text() == f"IMIX: {home_page.hero_heading}"
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/en/"


def test_page_body__starts_with_a_skip_link_to_the_main_content(client, standard_page):
    soup = _soup(client.get("/en/about/"))

    skip_link = soup.body.find("a")
    assert skip_link["href"] == "#main"
    assert soup.find("main", id="main") is not None


@pytest.mark.parametrize(
    "path", ["/en/%00/", "/en/news/%00/", "/en/about%00/", "/en/news/feed/%00/", "/en/" + "x" * 2000 + "/"]
)
def test_unknown_url__with_hostile_characters_is_not_found_not_an_error(client, blog_index, standard_page, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "can’t find that page" in response.content.decode()
