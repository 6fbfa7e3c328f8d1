"""Languages a visitor notices: the switcher in the header, hreflang alternates, sitemap alternates, and the
language and direction of what they read."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from demo.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"


def _locale(code):
    return Locale.objects.get(language_code=code)


def _publish_translation(page, code):
    translation = page.copy_for_translation(_locale(code), copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def _soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def _switcher(soup):
    # Found by its class: its accessible name is in the page's language ("Langues" under /fr/).
    nav = soup.find("nav", class_="language-switcher")
    assert nav is not None, "no language switcher"
    return {
        link["hreflang"]: {
            "url": link["href"],
            "lang": link["lang"],
            "text": " ".join(link.get_text(" ").split()),
            "current": link.get("aria-current"),
        }
        for link in nav.find_all("a")
    }


def _alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}


# --- The switcher --------------------------------------------------------------------------------------


def test_switcher__links_each_live_translation_by_its_own_name_and_marks_the_current_language(
    client, standard_page, arabic_home_page
):
    _publish_translation(standard_page, "ar")
    _publish_translation(standard_page, "fa")

    links = _switcher(_soup(client, "/en/about/"))

    assert list(links) == ["en", "ar", "fa"]
    assert links["en"] == {"url": "/en/about/", "lang": "en", "text": "English", "current": "true"}
    assert links["ar"] == {"url": "/ar/about/", "lang": "ar", "text": "العربية", "current": None}
    assert links["fa"] == {"url": "/fa/about/", "lang": "fa", "text": "فارسی", "current": None}

    in_arabic = _switcher(_soup(client, "/ar/about/"))
    assert in_arabic["ar"]["current"] == "true"
    assert in_arabic["en"]["current"] is None


def test_switcher__offers_a_language_without_this_page_its_home_page_and_leaves_out_one_without_either(
    client, standard_page, arabic_home_page
):
    _publish_translation(standard_page.get_parent().specific, "fr")  # French home page, no French "About us"

    links = _switcher(_soup(client, "/en/about/"))

    assert links["fr"]["url"] == "/fr/"
    assert links["fr"]["text"] == "Français (home page)"
    assert links["ar"]["url"] == "/ar/"
    assert "el" not in links  # no Greek home page
    assert "fa" not in links


def test_switcher__never_offers_a_draft_translation(client, standard_page, arabic_home_page):
    draft = standard_page.copy_for_translation(_locale("ar"))
    draft.save_revision()  # saved, never published
    draft.refresh_from_db()
    assert not draft.live

    links = _switcher(_soup(client, "/en/about/"))

    assert links["ar"]["url"] == "/ar/"
    assert "/ar/about/" not in str(_alternates(_soup(client, "/en/about/")))


def test_switcher__never_offers_anonymous_visitors_a_restricted_translation_of_a_public_page(
    client, standard_page, arabic_home_page, restrict_to_group
):
    arabic_about = _publish_translation(standard_page, "ar")
    restrict_to_group(arabic_about)

    soup = _soup(client, "/en/about/")

    assert _switcher(soup)["ar"]["url"] == "/ar/"
    assert "ar" not in _alternates(soup)


def test_switcher__on_a_members_page_offers_its_translation_and_no_hreflang(
    client, member, standard_page, arabic_home_page, restrict_to_group
):
    arabic_about = _publish_translation(standard_page, "ar")
    restrict_to_group(standard_page)
    restrict_to_group(arabic_about)
    client.force_login(member)

    soup = _soup(client, "/en/about/")

    assert _switcher(soup)["ar"]["url"] == "/ar/about/"
    assert _alternates(soup) == {}


def test_switcher__on_search_and_not_found_pages_links_the_same_address_in_each_language(client, home_page):
    search = _switcher(_soup(client, "/en/search/?query=refugees"))
    assert [link["url"] for link in search.values()] == [
        "/en/search/",
        "/fr/search/",
        "/el/search/",
        "/ar/search/",
        "/fa/search/",
    ]
    assert search["en"]["current"] == "true"
    assert [link["text"] for link in search.values()] == ["English", "Français", "Ελληνικά", "العربية", "فارسی"]

    not_found = _switcher(_soup(client, "/fr/no-such-page/", status=404))
    assert not_found["el"]["url"] == "/el/no-such-page/"
    assert not_found["fr"]["current"] == "true"


def test_switcher__is_a_disclosure_that_works_without_scripts(client, standard_page, arabic_home_page):
    soup = _soup(client, "/en/about/")
    # Found by its class: its accessible name is in the page's language ("Langues" under /fr/).
    nav = soup.find("nav", class_="language-switcher")

    summary = nav.find("details").find("summary")
    assert " ".join(summary.get_text(" ").split()) == "Language: English"
    assert nav.find("details").find("ul").find_all("a")


def test_switcher__costs_no_more_queries_with_more_languages(client, standard_page, arabic_home_page):
    def counts():
        cache.clear()
        client.get("/en/about/")  # nothing cached: the first visitor after a publish
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            client.get("/en/about/")
        with CaptureQueriesContext(connection) as warm:
            response = client.get("/en/about/")
        return len(cold), len(warm), response

    _publish_translation(standard_page, "ar")
    with_two = counts()
    for code in ("fr", "el", "fa"):
        _publish_translation(standard_page, code)
    with_five = counts()

    assert len(_switcher(BeautifulSoup(with_five[2].content, "html.parser"))) == 5
    assert with_five[:2] == with_two[:2]


# --- hreflang ------------------------------------------------------------------------------------------


def test_head__lists_each_public_translation_as_an_absolute_hreflang_alternate_and_english_as_x_default(
    client, standard_page, arabic_home_page
):
    _publish_translation(standard_page, "ar")
    _publish_translation(standard_page, "fr")

    expected = {
        "en": "http://testserver/en/about/",
        "fr": "http://testserver/fr/about/",
        "ar": "http://testserver/ar/about/",
        "x-default": "http://testserver/en/about/",
    }
    assert _alternates(_soup(client, "/en/about/")) == expected
    assert _alternates(_soup(client, "/ar/about/")) == expected


def test_head__has_no_alternates_for_a_page_in_one_language(client, standard_page):
    assert _alternates(_soup(client, "/en/about/")) == {}


# --- sitemap.xml ---------------------------------------------------------------------------------------


def test_sitemap__gives_each_translated_page_its_alternates_and_no_private_ones(
    client, standard_page, arabic_home_page, restrict_to_group
):
    _publish_translation(standard_page, "ar")
    french_about = _publish_translation(standard_page, "fr")
    restrict_to_group(french_about)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap, not untrusted input
    alternates = {
        url.find(f"{SITEMAP_NS}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML_NS}link")
        }
        for url in root.iter(f"{SITEMAP_NS}url")
    }

    about = {
        "en": "http://testserver/en/about/",
        "ar": "http://testserver/ar/about/",
        "x-default": "http://testserver/en/about/",
    }
    assert alternates["http://testserver/en/about/"] == about
    assert alternates["http://testserver/ar/about/"] == about
    assert "http://testserver/fr/about/" not in alternates
    assert alternates["http://testserver/en/"]["ar"] == "http://testserver/ar/"


# --- A language enabled with nothing translated ---------------------------------------------------------
# An operator who adds a locale and syncs it from English (wagtail-localize's "Sync from") gets an alias of every
# page in that language's tree: English text at a Greek address. Such copies are never offered as Greek.


def _sync_into(code, *pages):
    """What wagtail-localize's locale sync does: an alias of each page, and of its parents, in `code`'s tree."""
    return [page.copy_for_translation(_locale(code), copy_parents=True, alias=True) for page in pages]


def _sitemap_urls(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    return {
        url.find(f"{SITEMAP_NS}loc").text: {link.get("hreflang") for link in url.findall(f"{XHTML_NS}link")}
        for url in root.iter(f"{SITEMAP_NS}url")
    }


def test_language_with_only_aliases__is_offered_nowhere(client, home_page, standard_page, arabic_home_page):
    greek_home, greek_about = _sync_into("el", home_page, standard_page)
    assert greek_home.live and greek_about.live and greek_about.alias_of_id == standard_page.pk

    for url in ("/en/about/", "/ar/", "/el/about/"):
        soup = _soup(client, url)
        assert "el" not in _switcher(soup), url
        assert "el" not in _alternates(soup), url
    sitemap = _sitemap_urls(client)
    assert not [url for url in sitemap if "/el/" in url]
    assert "el" not in sitemap["http://testserver/en/about/"]


def test_alias_page__keeps_english_lang_on_its_content_and_is_not_offered_even_to_a_visitor_on_it(
    client, home_page, standard_page, arabic_home_page
):
    _sync_into("el", home_page, standard_page)

    soup = _soup(client, "/el/about/")

    assert (soup.html["lang"], soup.main["lang"]) == ("el", "en")
    assert list(_switcher(soup)) == ["en", "ar"]
    assert _switcher(soup)["en"]["url"] == "/en/about/"
    # Search engines index the English original the copy shows, never the copy as a Greek page.
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/en/about/"
    assert _soup(client, "/en/about/").find("link", rel="canonical")["href"] == "http://testserver/en/about/"


def test_real_translation_under_an_aliased_home_page__is_offered_and_the_aliased_home_page_is_not(
    client, home_page, standard_page, arabic_home_page
):
    (greek_home,) = _sync_into("el", home_page)
    greek_about = _publish_translation(standard_page, "el")  # a real Greek page under the alias
    assert greek_about.get_parent().pk == greek_home.pk
    other = StandardPageFactory(parent=home_page, slug="contact", title="Contact")

    assert _switcher(_soup(client, "/en/about/"))["el"]["url"] == "/el/about/"
    assert "el" in _alternates(_soup(client, "/en/about/"))
    assert "el" not in _switcher(_soup(client, other.url))  # no Greek version, and no Greek home page to offer
    sitemap = _sitemap_urls(client)
    assert "el" in sitemap["http://testserver/en/about/"] and "http://testserver/el/about/" in sitemap
    assert "http://testserver/el/" not in sitemap


# --- lang and dir --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "direction"), [("en", "ltr"), ("fr", "ltr"), ("ar", "rtl"), ("fa", "rtl")])
def test_page__in_its_own_language_sets_lang_and_dir_on_the_whole_document(client, standard_page, code, direction):
    if code != "en":
        _publish_translation(standard_page, code)

    soup = _soup(client, f"/{code}/about/")

    assert (soup.html["lang"], soup.html["dir"]) == (code, direction)
    assert soup.main.get("lang") is None  # the content is in the document's language


@pytest.mark.parametrize(("code", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("fa", "rtl")])
def test_english_page_served_under_another_language_keeps_english_lang_and_dir_for_its_content(
    client, standard_page, code, direction
):
    soup = _soup(client, f"/{code}/about/")  # no home page in that language: the English site answers

    assert (soup.html["lang"], soup.html["dir"]) == (code, direction)  # the interface: header, footer
    assert (soup.main["lang"], soup.main["dir"]) == ("en", "ltr")
    assert soup.find("h1").get_text(strip=True) == "About us"


def test_menu_link__to_a_page_goes_to_its_version_in_the_readers_language_when_published(
    client, home_page, standard_page
):
    """A French menu still pointing at the English page (wagtail-localize keeps page choices until an editor
    changes them) sends a French reader to the French page, named by its French title, once it is live."""
    from demo.factories.home import NavigationMenuFactory
    from home.models import NavigationMenu

    french_home = _publish_translation(home_page, "fr")
    NavigationMenuFactory.for_pages([standard_page], location=NavigationMenu.Location.PRIMARY)
    french_about = standard_page.copy_for_translation(_locale("fr"))
    french_about.title = "À propos de nous"
    french_about.save_revision()  # a draft: the menu keeps the English page

    def menu_link(url):
        soup = _soup(client, url)
        return next(a for a in soup.select("header a") if a.get_text(strip=True) in ("About us", "À propos de nous"))

    link = menu_link(french_home.url)
    assert link["href"] == standard_page.url and link.get_text(strip=True) == "About us"

    french_about.save_revision().publish()
    french_about.refresh_from_db()
    link = menu_link(french_home.url)  # publishing refreshes the cached menus
    assert link["href"] == french_about.url and link.get_text(strip=True) == "À propos de nous"
    assert menu_link(home_page.url)["href"] == standard_page.url


def test_menu_link__to_a_draft_or_unpublished_page_is_left_out_with_its_title(client, home_page):
    """A draft's title (a story not yet reviewed, say) never reaches the menu, nor does a page taken down."""
    from demo.factories.home import NavigationMenuFactory, StandardPageFactory
    from home.models import NavigationMenu

    draft = StandardPageFactory(parent=home_page, slug="draft", title="Not yet reviewed", live=False)
    later = StandardPageFactory(parent=home_page, slug="later", title="Taken down later")
    NavigationMenuFactory.for_pages([draft, later], location=NavigationMenu.Location.PRIMARY)

    html = client.get(home_page.url).content.decode()
    assert "Not yet reviewed" not in html and draft.url not in html
    assert "Taken down later" in html

    later.unpublish()
    html = client.get(home_page.url).content.decode()
    assert "Taken down later" not in html
