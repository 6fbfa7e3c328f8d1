"""Every absolute link the site prints starts with its configured public address (SITE_URL), never with the
Site record's placeholder `http://localhost` nor with whatever host a request came in on.

The tests' Site record is Wagtail's `localhost:80` and their requests come from `testserver`: an address that
is neither can only come from the setting.
"""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Site

from demo.factories.home import ImageFactory, StandardPageFactory
from home.public_address import absolute_url, site_hostname_and_port

pytestmark = pytest.mark.django_db

PUBLIC = "https://www.imix.example"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_URL = PUBLIC


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def _publish_translation(page, code):
    from wagtail.models import Locale

    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_the_site_record_still_says_localhost(home_page):
    """What these tests stand on: the record would give localhost links if anything read it."""
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"


def test_sitemap__locations_and_alternates_use_the_configured_address(client, standard_page, arabic_home_page):
    _publish_translation(standard_page, "ar")

    response = client.get("/sitemap.xml")

    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap, not untrusted input
    locations = [loc.text for loc in root.iter(f"{SITEMAP_NS}loc")]
    alternates = [link.get("href") for link in root.iter(f"{XHTML_NS}link")]
    assert f"{PUBLIC}/en/about/" in locations and f"{PUBLIC}/ar/about/" in locations
    assert alternates and all(href.startswith(f"{PUBLIC}/") for href in alternates)
    assert "localhost" not in response.content.decode() and "testserver" not in response.content.decode()


def test_page_head__canonical_hreflang_and_social_links_use_the_configured_address(client, home_page, arabic_home_page):
    page = StandardPageFactory(parent=home_page, title="About us", slug="about", listing_image=ImageFactory())
    _publish_translation(page, "ar")

    soup = _soup(client, "/en/about/")

    assert soup.find("link", rel="canonical")["href"] == f"{PUBLIC}/en/about/"
    hreflang = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert hreflang == {"en": f"{PUBLIC}/en/about/", "ar": f"{PUBLIC}/ar/about/", "x-default": f"{PUBLIC}/en/about/"}
    assert soup.find("meta", property="og:url")["content"] == f"{PUBLIC}/en/about/"
    assert soup.find("meta", property="og:image")["content"].startswith(f"{PUBLIC}/media/images/")


def test_page_links__stay_relative_on_the_site_itself(client, standard_page):
    soup = _soup(client, "/en/")

    assert soup.select_one(".site-header__logo")["href"] == "/en/"


def test_robots_txt__names_the_sitemap_on_the_configured_address(client, home_page):
    response = client.get("/robots.txt")

    assert f"Sitemap: {PUBLIC}/sitemap.xml" in response.content.decode().splitlines()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds__link_to_the_configured_address(client, blog_index, make_post, kind):
    post = make_post(title="Refugee Week")

    body = client.get(f"{blog_index.url}feed/{kind}/").content.decode()

    assert f"{PUBLIC}{post.url}" in body
    assert f"{PUBLIC}{blog_index.url}feed/{kind}/" in body
    assert "localhost" not in body and "testserver" not in body


def test_briefing_email__links_use_the_configured_address(home_page):
    from briefings.delivery import site_root_url

    assert site_root_url(home_page) == PUBLIC


def test_absolute_url__keeps_addresses_that_are_already_absolute():
    assert absolute_url("/media/images/a.jpg") == f"{PUBLIC}/media/images/a.jpg"
    assert absolute_url("https://cdn.example/a.jpg") == "https://cdn.example/a.jpg"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://imix.org.uk", ("imix.org.uk", 443)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://imix.org.uk", ("imix.org.uk", 80)),
    ],
)
def test_site_record__hostname_and_port_for_an_address(address, expected):
    assert site_hostname_and_port(address) == expected
