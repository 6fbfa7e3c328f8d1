"""Text shown in another language than the page's says so: an English post listed on a French, Arabic or Persian
page carries lang="en" dir="ltr", so the browser lays it out left to right and a screen reader reads it in
English; text in the page's own language carries nothing. The same in feeds: each item names its language.

Untranslated pages are what wagtail-localize leaves in a language's tree: aliases (`alias_of` set) of the
English page, in the other locale but with the English text.
"""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from demo.factories.home import NavigationMenuFactory
from demo.factories.news import AuthorFactory
from home.models import NavigationMenu, OrganisationSettings

pytestmark = pytest.mark.django_db

ENGLISH_TITLE = "11 stories of refugees making a difference"
TRANSLATED_TITLES = {
    "fr": "11 histoires de réfugiés qui changent les choses",
    "ar": "١١ قصة للاجئين يصنعون الفرق",
    "fa": "۱۱ داستان از پناهندگانی که تفاوت می‌سازند",
}
RIGHT_TO_LEFT = {"fr": False, "ar": True, "fa": True}
DUBLIN_CORE = "{http://purl.org/dc/elements/1.1/}"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _publish_translation(page, code, **fields):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def _untranslated_copy(page, code):
    """What wagtail-localize puts in a language's tree for a page nobody has translated yet."""
    alias = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True, alias=True)
    alias.refresh_from_db()
    assert alias.alias_of_id == page.pk and alias.live
    return alias


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def _language(element):
    return element.get("lang"), element.get("dir")


@pytest.fixture(params=["fr", "ar", "fa"])
def language(request):
    return request.param


@pytest.fixture
def news_in(home_page, blog_index, make_post):
    """The news index translated into `code`, with one post translated and one left in English."""

    def build(code):
        english = make_post(title=ENGLISH_TITLE, listing_summary="Eleven people who changed their towns.")
        to_translate = make_post(title="A post that was translated")
        _publish_translation(home_page, code)
        index = _publish_translation(blog_index, code, title=f"News ({code})")
        translated = _publish_translation(
            to_translate, code, title=TRANSLATED_TITLES[code], listing_summary=f"{TRANSLATED_TITLES[code]}."
        )
        untranslated = _untranslated_copy(english, code)
        return {"index": index, "translated": translated, "untranslated": untranslated, "english": english}

    return build


def _card_titles(soup):
    return {title.get_text(strip=True): title for title in soup.select(".card__title")}


def test_listing__an_english_post_in_another_languages_list_is_marked_english_and_left_to_right(
    client, news_in, language
):
    news = news_in(language)

    soup = _soup(client, news["index"].url)

    assert soup.html["lang"] == language
    titles = _card_titles(soup)
    english_card = titles[ENGLISH_TITLE]
    assert _language(english_card) == ("en", "ltr")
    assert _language(english_card.find_next_sibling("p", class_="card__summary")) == ("en", "ltr")
    translated_card = titles[TRANSLATED_TITLES[language]]
    assert _language(translated_card) == (None, None), "text in the page's language inherits it"
    assert _language(translated_card.find_next_sibling("p", class_="card__summary")) == (None, None)


def test_listing__in_english_nothing_is_marked(client, news_in):
    news = news_in("ar")

    soup = _soup(client, news["english"].get_parent().url)

    assert soup.select(".card__title[lang], .card__summary[lang]") == []


def test_listing__on_an_untranslated_index_a_translated_post_is_marked_with_its_own_language(
    client, home_page, blog_index, make_post
):
    """The index itself is English (an alias): its content is marked English, and the Arabic post in it Arabic."""
    post = make_post(title="A post that was translated")
    _publish_translation(home_page, "ar")
    index = _untranslated_copy(blog_index, "ar")
    _publish_translation(post, "ar", title=TRANSLATED_TITLES["ar"])

    soup = _soup(client, index.url)

    assert _language(soup.find("main")) == ("en", "ltr")
    assert _language(_card_titles(soup)[TRANSLATED_TITLES["ar"]]) == ("ar", "rtl")


def test_home_page__the_featured_story_and_the_news_in_english_are_marked_on_the_arabic_home_page(
    client, home_page, blog_index, make_post
):
    """A translated home page still points at the English news index and featured post until an editor
    chooses their Arabic versions."""
    post = make_post(title=ENGLISH_TITLE)
    home_page.featured_page = post
    home_page.save_revision().publish()
    home_page.refresh_from_db()
    arabic_home = _publish_translation(home_page, "ar")
    assert arabic_home.featured_page_id == post.pk

    soup = _soup(client, "/ar/")

    featured = soup.select_one(".featured__body")
    assert featured.get_text(" ", strip=True).startswith(ENGLISH_TITLE)
    assert _language(featured) == ("en", "ltr")
    assert _language(_card_titles(soup)[ENGLISH_TITLE]) == ("en", "ltr")
    assert _language(soup.find(id="featured-heading")) == (None, None), "the interface's own words are Arabic"


def test_search__an_english_result_on_the_persian_search_page_is_marked_english(client, news_in):
    news_in("fa")

    soup = _soup(client, "/fa/search/?query=refugees")

    results = {title.get_text(strip=True): title for title in soup.select(".search-result__title")}
    assert _language(results[ENGLISH_TITLE]) == ("en", "ltr")
    assert _language(results[ENGLISH_TITLE].find_next_sibling("p")) == ("en", "ltr")


def test_menus__an_english_menu_link_on_an_arabic_page_is_marked_english_and_a_translated_one_is_not(
    client, home_page, standard_page, blog_index
):
    _publish_translation(home_page, "ar")
    about = _publish_translation(standard_page, "ar", title="من نحن")
    NavigationMenuFactory(
        location=NavigationMenu.Location.PRIMARY,
        items=[
            ("link", {"label": "", "page": standard_page, "url": ""}),
            ("link", {"label": "", "page": blog_index, "url": ""}),
            ("link", {"label": "Donate", "page": None, "url": "https://example.org/donate"}),
        ],
    )

    soup = _soup(client, "/ar/")

    links = {link.get_text(strip=True): link for link in soup.select(".primary-nav__link")}
    assert links["من نحن"]["href"] == about.url
    assert _language(links["من نحن"]) == (None, None)
    assert _language(links[blog_index.title]) == ("en", "ltr")
    assert _language(links["Donate"]) == ("en", "ltr"), "the label of the English menu, shown for want of an Arabic one"
    in_english = _soup(client, "/en/")
    assert in_english.select(".primary-nav__link[lang]") == []


def test_footer__the_address_is_marked_english_and_numbers_keep_their_order_on_an_arabic_page(
    client, home_page, arabic_home_page
):
    from wagtail.models import Site

    OrganisationSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        phone="020 7946 0000",
        email="info@example.org",
        address="1 High Street\nLondon",
    )

    soup = _soup(client, "/ar/")

    assert _language(soup.select_one(".site-footer__address")) == ("en", "ltr")
    phone = soup.select_one('.contact-list a[href^="tel:"]')
    assert phone.get("dir") == "ltr", "020 7946 0000 would read 0000 7946 020 right to left"
    assert soup.select_one('.contact-list a[href^="mailto:"]').get("dir") == "ltr"
    assert _soup(client, "/en/").select_one(".site-footer__address").get("lang") is None


def test_post_page__an_untranslated_authors_biography_is_marked_english(client, home_page, make_post):
    author = AuthorFactory(name="Amina Yusuf", biography="Amina writes about asylum.")
    post = make_post(title="A post", authors=[author])
    _publish_translation(home_page, "ar")
    translated = _publish_translation(post, "ar", title=TRANSLATED_TITLES["ar"])

    soup = _soup(client, translated.url)

    assert _language(soup.select_one(".author-bio p")) == ("en", "ltr")


# --- Feeds ---------------------------------------------------------------------------------------------


def _rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input
    return {item.findtext("title"): item.findtext(f"{DUBLIN_CORE}language") for item in root.iter("item")}


def test_rss_feed__each_item_names_its_language(client, news_in, language):
    news = news_in(language)

    items = _rss_items(client, f"{news['index'].url}feed/rss/")

    assert items == {ENGLISH_TITLE: "en", TRANSLATED_TITLES[language]: language}


def test_atom_feed__an_untranslated_entry_says_it_is_english(client, news_in):
    news = news_in("ar")

    response = client.get(f"{news['index'].url}feed/atom/")

    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input
    assert root.get(XML_LANG) == "ar"
    entries = {entry.findtext(f"{ATOM}title"): entry.get(XML_LANG) for entry in root.iter(f"{ATOM}entry")}
    assert entries == {ENGLISH_TITLE: "en", TRANSLATED_TITLES["ar"]: "ar"}


def _queries_on_an_empty_cache(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_listing__english_cards_cost_no_query_each(client, news_in, make_post):
    """Each card's language comes with the listing's own query: three more English posts cost nothing."""
    news = news_in("ar")
    url = news["index"].url
    client.get(url)  # renditions made
    with_one = _queries_on_an_empty_cache(client, url)
    for number in range(3):
        _untranslated_copy(make_post(title=f"More news {number}"), "ar")
    client.get(url)

    assert _queries_on_an_empty_cache(client, url) == with_one
    assert len(_soup(client, url).select('.card__title[lang="en"]')) == 4
