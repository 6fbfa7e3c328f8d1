"""What visitors see of Human Journeys: the index, a story, and the storyteller named only as they agreed.

Stories are published the only way the site allows, through `publish_through_review` (a consent record and an
approved Safeguarding review), so every page here is one a real editor could have put live.
"""

import re
from urllib.parse import parse_qs, quote, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wagtail.rich_text import RichText
from wagtail.search.index import insert_or_update_object

from demo.factories.journeys import (
    JourneyPageFactory,
    JourneyThemeFactory,
    ShareJourneyPageFactory,
    publish_through_review,
)
from journeys.models import ContentWarning, IdentityLevel, JourneyPage
from journeys.stories.models import NAME_FIELDS_BY_LEVEL

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish_story(journey_index, safeguarder):
    """Create a story under the index and publish it through consent and review; keyword arguments go to the
    factory (`themes` as a list)."""

    def publish(**fields):
        fields.setdefault("parent", journey_index)
        return publish_through_review(JourneyPageFactory(**fields), reviewer=safeguarder)

    return publish


@pytest.fixture
def family_theme(locale_en):
    return JourneyThemeFactory(name="Family", slug="family", locale=locale_en)


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _card_titles(response):
    return [link.get_text(strip=True) for link in _soup(response).select("main .card__link")]


def _main_text(response):
    return " ".join(_soup(response).main.get_text(" ").split())


# --- The index ---------------------------------------------------------------------------------------


def test_index__lists_only_live_public_stories_newest_first(client, journey_index, publish_story, restrict_to_group):
    older = publish_story(title="Learning the bus routes")
    newer = publish_story(title="A garden on the allotment")
    JourneyPageFactory(parent=journey_index, title="Still being reviewed")
    members_only = publish_story(title="Told to members only")
    restrict_to_group(members_only)

    response = client.get(journey_index.url)

    assert _card_titles(response) == [newer.title, older.title]
    html = response.content.decode()
    assert "Still being reviewed" not in html
    assert "Told to members only" not in html


def test_index__cards_show_the_storyteller_summary_reading_time_and_themes(
    client, journey_index, publish_story, work_theme, family_theme
):
    publish_story(
        title="Night shifts",
        listing_summary="What a hospital kitchen taught me.",
        themes=[work_theme, family_theme],
    )

    card = _soup(client.get(journey_index.url)).select_one("main .card")

    text = " ".join(card.get_text(" ").split())
    assert "Told by Amal" in text
    assert "What a hospital kitchen taught me." in text
    assert "1 minute read" in text
    assert [item.get_text(strip=True) for item in card.select(".journey-card__themes li")] == ["Family", "Work"]


def test_index__theme_filter_marks_the_chosen_theme_and_shows_only_its_stories(
    client, journey_index, publish_story, work_theme, family_theme
):
    at_work = publish_story(title="Night shifts", themes=[work_theme])
    publish_story(title="My daughter's first day at school", themes=[family_theme])

    response = client.get(journey_index.url, {"theme": "work"})

    assert _card_titles(response) == [at_work.title]
    soup = _soup(response)
    current = soup.select('nav.filter-nav a[aria-current="page"]')
    assert [link.get_text(strip=True) for link in current] == ["Work"]
    assert soup.h1.get_text(strip=True) == "Human Journeys: Work"
    all_stories = soup.find("a", string="All stories")
    assert all_stories["href"] == journey_index.url
    assert soup.select_one('link[rel="alternate"][href$="feed/rss/?theme=work"]') is not None


def test_index__without_a_theme_marks_all_stories_as_current(client, journey_index, publish_story, work_theme):
    publish_story(title="Night shifts", themes=[work_theme])

    soup = _soup(client.get(journey_index.url))

    current = soup.select('nav.filter-nav a[aria-current="page"]')
    assert [link.get_text(strip=True) for link in current] == ["All stories"]


@pytest.mark.parametrize("bogus", ["no-such-theme", "", "<script>alert(1)</script>", "work'--", "x" * 500])
def test_index__an_unknown_theme_is_ignored_and_every_story_is_shown(
    client, journey_index, publish_story, work_theme, bogus
):
    publish_story(title="Night shifts", themes=[work_theme])
    publish_story(title="A garden on the allotment")

    response = client.get(journey_index.url, {"theme": bogus})

    assert sorted(_card_titles(response)) == ["A garden on the allotment", "Night shifts"]
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert _soup(response).select_one('nav.filter-nav a[aria-current="page"]').get_text(strip=True) == "All stories"


def test_index__says_when_there_are_no_stories_yet(client, journey_index):
    assert "No stories yet" in _main_text(client.get(journey_index.url))


def test_index__says_when_a_theme_has_no_stories_and_links_back_to_all(
    client, journey_index, publish_story, work_theme, family_theme
):
    publish_story(title="Night shifts", themes=[work_theme])

    response = client.get(journey_index.url, {"theme": "family"})

    assert _card_titles(response) == []
    assert "No stories with this theme yet." in _main_text(response)
    assert _soup(response).find("a", string="See all stories")["href"] == journey_index.url


def test_index__paginates_twelve_stories_a_page_and_keeps_the_theme(client, journey_index, publish_story, work_theme):
    stories = [publish_story(title=f"Story number {number}", themes=[work_theme]) for number in range(13)]

    first = client.get(journey_index.url, {"theme": "work"})
    second = client.get(journey_index.url, {"theme": "work", "page": 2})

    assert len(_card_titles(first)) == 12
    assert _card_titles(second) == [stories[0].title]
    next_link = _soup(first).select_one('nav.pagination a[rel="next"]')
    assert next_link["href"] == "?theme=work&page=2"
    robots = _soup(second).select_one('meta[name="robots"]')
    assert robots["content"] == "noindex, follow"


def test_index__links_prominently_to_the_share_page_when_there_is_one(client, journey_index):
    assert "Share your journey" not in _main_text(client.get(journey_index.url))

    share_page = ShareJourneyPageFactory(parent=journey_index)

    soup = _soup(client.get(journey_index.url))
    invitation = soup.select_one("main aside")
    assert invitation.find("a", string="Share your journey")["href"] == share_page.url
    # Before the stories, not buried under them.
    assert str(soup.main).index("Share your journey") < str(soup.main).index("feed-links")


def test_index__offers_rss_and_atom_feeds_in_the_head_and_on_the_page(client, journey_index):
    soup = _soup(client.get(journey_index.url))

    alternates = {link["type"]: link["href"] for link in soup.select('head link[rel="alternate"]')}
    assert alternates == {
        "application/rss+xml": f"{journey_index.url}feed/rss/",
        "application/atom+xml": f"{journey_index.url}feed/atom/",
    }
    visible = {link["href"] for link in soup.select("main .feed-links a")}
    assert visible == set(alternates.values())


# --- A story ---------------------------------------------------------------------------------------


def test_story__shows_back_link_title_teller_date_reading_time_and_theme_links(
    client, journey_index, publish_story, work_theme
):
    story = publish_story(title="Night shifts", as_told_to="Sam, an IMIX volunteer", themes=[work_theme])

    soup = _soup(client.get(story.url))

    assert soup.find("a", string="All Human Journeys")["href"] == journey_index.url
    assert soup.h1.get_text(strip=True) == "Night shifts"
    teller = soup.select_one(".journey__teller").get_text(strip=True)
    assert teller == "Told by Amal, as told to Sam, an IMIX volunteer"
    published = soup.select_one(".page-header__meta time")
    assert published["datetime"] == timezone.localtime(story.first_published_at).strftime("%Y-%m-%d")
    assert "1 minute read" in soup.select_one(".page-header__meta").get_text()
    assert soup.find("a", string="Work")["href"] == f"{journey_index.url}?theme=work"
    assert soup.select_one('meta[property="og:type"]')["content"] == "article"


def test_story__reading_time_counts_the_words_of_the_story(client, publish_story):
    words = " ".join(["word"] * 450)
    story = publish_story(title="A long walk", pull_quote="", story=[("text", RichText(f"<p>{words}</p>"))])

    response = client.get(story.url)

    assert "3 minute read" in _soup(response).select_one(".page-header__meta").get_text()


def test_story__pull_quote_is_a_figure_with_a_blockquote_and_story_blocks_are_rendered(client, publish_story):
    story = publish_story(title="Night shifts", pull_quote="Home is where people know your name.")

    soup = _soup(client.get(story.url))

    figure = soup.select_one("#story figure.journey__pull-quote")
    assert figure.blockquote.get_text(strip=True) == "Home is where people know your name."
    assert "one bag and a phone number written on my hand" in soup.select_one("#story").get_text()
    assert soup.select_one("#story .block-quote blockquote").get_text(strip=True) == (
        "The first kind word changed everything."
    )


def test_story__content_warning_comes_before_the_story_with_a_link_to_continue(client, publish_story):
    story = publish_story(
        title="Crossing",
        content_warnings=[ContentWarning.DETENTION, ContentWarning.DANGEROUS_JOURNEY],
        content_warning_note="Mentions the death of a friend.",
    )

    soup = _soup(client.get(story.url))

    warning = soup.select_one("section.content-warning")
    heading = soup.find(id=warning["aria-labelledby"])
    assert heading.get_text(strip=True) == "Content warning"
    assert [item.get_text(strip=True) for item in warning.select("li")] == ["Detention", "Dangerous journeys"]
    assert "Mentions the death of a friend." in warning.get_text()
    continue_link = warning.find("a", string="Continue to the story")
    assert continue_link["href"] == "#story"
    story_region = soup.find(id="story")
    assert story_region is not None
    html = str(soup.main)
    assert html.index("content-warning") < html.index('id="story"')
    assert html.index("Continue to the story") < html.index("Home is where people know your name.")
    assert html.index("Continue to the story") < html.index("one bag and a phone number")


def test_story__without_a_content_warning_shows_none(client, publish_story):
    story = publish_story(title="Night shifts")

    soup = _soup(client.get(story.url))

    assert soup.select_one(".content-warning") is None
    assert soup.find(string=re.compile("Continue to the story")) is None
    assert soup.find(id="story") is not None


def test_story__related_stories_share_a_theme_and_exclude_the_story_itself_and_drafts(
    client, journey_index, publish_story, work_theme, family_theme
):
    story = publish_story(title="Night shifts", themes=[work_theme])
    related = publish_story(title="The interview", themes=[work_theme])
    publish_story(title="My daughter's first day", themes=[family_theme])
    JourneyPageFactory(parent=journey_index, title="A draft about work", themes=[work_theme])

    soup = _soup(client.get(story.url))

    section = soup.select_one("section.journey-related")
    titles = [link.get_text(strip=True) for link in section.select(".card__link")]
    assert titles == [related.title]
    assert "Told by Amal" in section.get_text()


def test_story__no_related_section_when_there_are_no_other_stories(client, publish_story):
    story = publish_story(title="Night shifts")

    assert _soup(client.get(story.url)).select_one("section.journey-related") is None


# --- Sharing -----------------------------------------------------------------------------------------


def _share_links(soup):
    return {link.get_text(" ", strip=True).split(" (")[0]: link for link in soup.select(".journey-share a")}


def test_story__share_links_are_plain_correctly_encoded_links(client, publish_story):
    story = publish_story(title="Fish & chips, and a first job?")
    page_url = story.full_url
    assert page_url.startswith("http")

    soup = _soup(client.get(story.url))
    links = _share_links(soup)

    assert set(links) == {"Email", "WhatsApp", "Facebook", "X", "LinkedIn", "Bluesky"}

    def query(name):
        return parse_qs(urlsplit(links[name]["href"]).query)

    mailto = urlsplit(links["Email"]["href"])
    assert mailto.scheme == "mailto"
    assert query("Email")["subject"] == [story.title]
    assert query("Email")["body"][0].endswith(page_url)
    assert links["WhatsApp"]["href"].startswith("https://wa.me/?")
    assert query("WhatsApp")["text"] == [f"{story.title} {page_url}"]
    assert links["Facebook"]["href"] == f"https://www.facebook.com/sharer/sharer.php?u={quote(page_url, safe='')}"
    assert links["X"]["href"].startswith("https://x.com/intent/post?")
    assert query("X") == {"text": [story.title], "url": [page_url]}
    assert links["LinkedIn"]["href"].startswith("https://www.linkedin.com/sharing/share-offsite/?")
    assert query("LinkedIn") == {"url": [page_url]}
    assert links["Bluesky"]["href"].startswith("https://bsky.app/intent/compose?")
    assert query("Bluesky")["text"] == [f"{story.title} {page_url}"]
    # The title's "&" and "?" are encoded, so they cannot break the share address into other parameters.
    assert "Fish%20%26%20chips" in links["X"]["href"]


def test_story__share_links_open_new_tabs_safely_and_say_so(client, publish_story):
    story = publish_story(title="Night shifts")

    links = _share_links(_soup(client.get(story.url)))

    for name, link in links.items():
        if name == "Email":
            continue
        assert link["target"] == "_blank", name
        assert set(link["rel"]) == {"noopener", "noreferrer"}, name
        assert link.select_one(".visually-hidden").get_text(strip=True) == "(opens in a new tab)", name


def test_story__loads_no_third_party_script_frame_or_pixel(client, publish_story):
    story = publish_story(title="Night shifts")

    soup = _soup(client.get(story.url))

    scripts = [script.get("src") for script in soup.find_all("script")]
    assert scripts and all(src and src.startswith("/static/") for src in scripts), scripts
    assert soup.find("iframe") is None
    assert [img["src"] for img in soup.find_all("img")] == []
    copy_button = soup.select_one(".journey-share button")
    assert copy_button.get_text(strip=True) == "Copy link"
    assert copy_button["data-copy-link"] == story.full_url
    assert copy_button.find_parent("li").has_attr("hidden"), "Copy link needs JavaScript: hidden without it"
    assert soup.select_one(".journey-share [role=status]") is not None


# --- Naming the storyteller --------------------------------------------------------------------------

# The real name is in the consent record, which only staff see; the page holds only the fields its level
# shows (the model refuses any other). After publishing, the other name fields are filled in behind the
# model's back, as a bad import or an old row might: the site must still show only what the level allows.
ALL_NAME_FIELDS = {
    "storyteller_first_name": "Amal",
    "storyteller_family_name": "Haddad",
    "storyteller_town": "Wakefield",
    "storyteller_pseudonym": "Noor",
}
LEVELS = {
    IdentityLevel.FULL_NAME: ("Amal Haddad", {"Wakefield", "Noor"}),
    IdentityLevel.FIRST_NAME_AND_TOWN: ("Amal, Wakefield", {"Haddad", "Noor"}),
    IdentityLevel.FIRST_NAME: ("Amal", {"Haddad", "Wakefield", "Noor"}),
    IdentityLevel.PSEUDONYM: ("Noor (a pseudonym)", {"Amal", "Haddad", "Wakefield"}),
    IdentityLevel.ANONYMOUS: ("A storyteller who chose to stay anonymous", {"Amal", "Haddad", "Wakefield", "Noor"}),
}


@pytest.fixture(params=list(LEVELS), ids=[level.value for level in LEVELS])
def named_story(request, journey_index, safeguarder):
    level = request.param
    shown = NAME_FIELDS_BY_LEVEL[level]
    names = {field: (value if field in shown else "") for field, value in ALL_NAME_FIELDS.items()}
    page = JourneyPageFactory(parent=journey_index, title="Night shifts at the bakery", identity_level=level, **names)
    story = publish_through_review(page, reviewer=safeguarder, storyteller_name="Amal Haddad", identity_level=level)
    JourneyPage.objects.filter(pk=story.pk).update(**ALL_NAME_FIELDS)
    display, hidden = LEVELS[level]
    return story, display, hidden


def _assert_named_only_as(text, display, hidden, where):
    assert display in text, f"{where} does not name the storyteller as “{display}”"
    leaked = {name for name in hidden if re.search(rf"\b{name}\b", text)}
    assert not leaked, f"{where} shows {leaked}, which the identity level hides"


def test_identity__the_story_page_names_the_storyteller_only_as_the_level_allows(client, named_story):
    story, display, hidden = named_story
    response = client.get(story.url)
    _assert_named_only_as(response.content.decode(), display, hidden, "The story page")
    assert f"Told by {display}" in _main_text(response)


def test_identity__the_index_card_names_the_storyteller_only_as_the_level_allows(client, journey_index, named_story):
    _story, display, hidden = named_story
    response = client.get(journey_index.url)
    _assert_named_only_as(response.content.decode(), display, hidden, "The index")
    assert f"Told by {display}" in _soup(response).select_one("main .card").get_text(" ")


def test_identity__the_home_page_section_names_the_storyteller_only_as_the_level_allows(client, named_story):
    _story, display, hidden = named_story
    response = client.get("/en/")
    section = _soup(response).find("section", attrs={"aria-labelledby": "journeys-heading"})
    assert "Night shifts at the bakery" in section.get_text()
    _assert_named_only_as(response.content.decode(), display, hidden, "The home page")
    assert f"Told by {display}" in section.get_text(" ")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_identity__feeds_never_name_the_storyteller(client, journey_index, named_story, kind):
    _story, display, hidden = named_story
    response = client.get(f"{journey_index.url}feed/{kind}/")
    text = response.content.decode()
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["Night shifts at the bakery"]
    assert feed.entries[0].author == "IMIX Human Journeys"
    names = {"Amal", "Haddad", "Wakefield", "Noor"}
    assert not {name for name in names if re.search(rf"\b{name}\b", text)}


def test_identity__search_results_never_show_a_hidden_name(client, named_story):
    _story, _display, hidden = named_story
    response = client.get("/en/search/", {"query": "bakery"})
    assert [card.title for card in response.context["cards"]] == ["Night shifts at the bakery"]
    text = response.content.decode()
    assert not {name for name in hidden if re.search(rf"\b{name}\b", text)}


@pytest.mark.parametrize("name", ["Haddad", "Wakefield", "Noor"])
def test_identity__search_never_finds_a_story_by_a_name_its_level_hides(client, journey_index, safeguarder, name):
    page = JourneyPageFactory(parent=journey_index, title="Night shifts at the bakery")
    story = publish_through_review(page, reviewer=safeguarder, storyteller_name="Amal Haddad")
    JourneyPage.objects.filter(pk=story.pk).update(**ALL_NAME_FIELDS)
    insert_or_update_object(JourneyPage.objects.get(pk=story.pk))  # index the page with every name in it

    response = client.get("/en/search/", {"query": name})

    assert response.context["cards"] == []


def test_identity__a_pseudonym_is_marked_as_one(client, journey_index, safeguarder):
    page = JourneyPageFactory(
        parent=journey_index,
        identity_level=IdentityLevel.PSEUDONYM,
        storyteller_first_name="",
        storyteller_pseudonym="Noor",
    )
    story = publish_through_review(page, reviewer=safeguarder, identity_level=IdentityLevel.PSEUDONYM)

    teller = _soup(client.get(story.url)).select_one(".journey__teller").get_text(" ", strip=True)

    assert teller == "Told by Noor (a pseudonym)"


# --- Drafts ----------------------------------------------------------------------------------------


MARKER = "Quokkaberry"  # a word no other page contains


@pytest.fixture
def never_published(journey_index, work_theme):
    return JourneyPageFactory(
        parent=journey_index,
        title=f"The {MARKER} draft",
        slug="the-draft",
        introduction=f"Not yet reviewed: {MARKER}.",
        themes=[work_theme],
    )


def test_draft__is_not_found_by_anonymous_visitors(client, never_published):
    assert never_published.url == "/en/human-journeys/the-draft/", "where the story would be, once published"
    assert client.get(never_published.url).status_code == 404


def test_draft__is_absent_from_the_index_feeds_sitemap_and_search(client, journey_index, never_published):
    pages = {
        "index": client.get(journey_index.url),
        "index by theme": client.get(journey_index.url, {"theme": "work"}),
        "rss": client.get(f"{journey_index.url}feed/rss/"),
        "atom": client.get(f"{journey_index.url}feed/atom/"),
        "sitemap": client.get("/sitemap.xml"),
        "search": client.get("/en/search/", {"query": MARKER}),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        text = response.content.decode()
        if name != "search":  # the results page repeats the query
            assert MARKER not in text, f"The draft appears in the {name}"
        assert "the-draft" not in text, f"The draft's address appears in the {name}"
    assert pages["search"].context["cards"] == []


def test_draft__once_published_through_review_appears_everywhere(client, journey_index, never_published, safeguarder):
    publish_through_review(never_published, reviewer=safeguarder)

    assert client.get("/en/human-journeys/the-draft/").status_code == 200
    assert MARKER in client.get(journey_index.url).content.decode()
    assert MARKER in client.get(f"{journey_index.url}feed/rss/").content.decode()
    assert "/en/human-journeys/the-draft/" in client.get("/sitemap.xml").content.decode()
    assert client.get("/en/search/", {"query": MARKER}).context["cards"][0].title == never_published.title


# --- Other languages ---------------------------------------------------------------------------------


def test_arabic__the_index_and_a_translated_story_render_right_to_left(
    client, journey_index, arabic_home_page, locale_ar, publish_story, safeguarder
):
    story = publish_story(title="Night shifts", content_warnings=[ContentWarning.DETENTION])
    arabic_index = journey_index.copy_for_translation(locale_ar)
    arabic_index.save_revision().publish()
    arabic_story = story.copy_for_translation(locale_ar)
    arabic_story.title = "نوبات الليل"
    arabic_story.save_revision()
    publish_through_review(arabic_story, reviewer=safeguarder)

    index = _soup(client.get("/ar/human-journeys/"))
    page = _soup(client.get(arabic_story.url))

    assert index.html["dir"] == "rtl" and page.html["dir"] == "rtl"
    assert [link.get_text(strip=True) for link in index.select("main .card__link")] == ["نوبات الليل"]
    assert page.h1.get_text(strip=True) == "نوبات الليل"
    assert page.select_one(".content-warning a[href='#story']") is not None
    share = {link.get_text(" ", strip=True).split(" ")[0]: link["href"] for link in page.select(".journey-share a")}
    assert quote("نوبات الليل", safe="") in share["X"]


def test_identity__no_public_story_template_prints_a_name_field():
    """A guard for the next edit: names reach templates only through `storyteller_display_name`."""
    from django.conf import settings

    templates = settings.BASE_DIR / "journeys" / "templates" / "journeys"
    paths = [
        templates / "journey_page.html",
        templates / "journey_index_page.html",
        *sorted((templates / "includes").glob("*.html")),
        settings.BASE_DIR / "imix_site" / "templates" / "includes" / "card.html",
    ]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        used = [field for field in ALL_NAME_FIELDS if field in text]
        assert not used, f"{path.name} prints {used}: use storyteller_display_name"
