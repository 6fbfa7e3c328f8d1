"""Site search: finds public pages, paginates, is kept out of search engines, never shows a private page."""

import pytest

from wagtail.rich_text import RichText

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = "/en/search/"
MARKER = "Zanzibarquokka"  # a word no other page contains


def _search(client, query, **params):
    response = client.get(SEARCH_URL, {"query": query, **params})
    assert response.status_code == 200
    return response


def _found(response):
    return [card.title for card in response.context["cards"]]


def _body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def secret_pages(home_page, blog_index, make_post, restrict_to_group):
    """A members-only page (and a page under it) and a draft, all carrying the marker in title and body."""
    private = StandardPageFactory(
        parent=home_page, title=f"{MARKER} members briefing", body=_body(f"Only members may read {MARKER}.")
    )
    restrict_to_group(private)
    StandardPageFactory(parent=private, title=f"{MARKER} annex", body=_body(f"The annex of {MARKER}."))
    restricted_post = make_post(title=f"{MARKER} post", introduction=f"A restricted post about {MARKER}.")
    restrict_to_group(restricted_post)
    draft = StandardPageFactory(parent=home_page, title=f"{MARKER} draft", body=_body(f"Not ready: {MARKER}."))
    draft.unpublish()
    return private


def test_search__finds_a_public_page_by_a_word_in_its_body(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Media training", body=_body("We train spokespeople with lived experience.")
    )

    response = _search(client, "spokespeople")

    assert _found(response) == ["Media training"]
    assert "Media training" in response.content.decode()
    assert "1 result for" in response.content.decode()


def test_search__finds_a_post_by_a_word_in_its_introduction(client, blog_index, make_post):
    post = make_post(title="Refugee Week", introduction="Celebrating sanctuary across the country.")

    response = _search(client, "sanctuary")

    assert _found(response) == ["Refugee Week"]
    assert post.url in response.content.decode()


def test_search__without_a_query_shows_only_the_form(client, home_page):
    response = client.get(SEARCH_URL)

    assert response.status_code == 200
    assert response.context["results_page"] is None
    assert 'name="query"' in response.content.decode()


def test_search__paginates_ten_results_per_page(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Briefing {number}", body=_body("A weekly pressbriefing."))

    first = _search(client, "pressbriefing")
    second = _search(client, "pressbriefing", page="2")

    assert len(_found(first)) == 10
    assert len(_found(second)) == 2
    assert set(_found(first)).isdisjoint(_found(second))
    assert "12 results for" in first.content.decode()
    assert "?query=pressbriefing&amp;page=2" in first.content.decode()


def test_search__is_kept_out_of_search_engines(client, home_page):
    response = _search(client, "anything")

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_search__never_lists_group_restricted_or_unpublished_pages_to_anonymous_visitors(client, secret_pages):
    response = _search(client, MARKER)

    assert _found(response) == []
    assert MARKER not in response.content.decode().replace(f"“{MARKER}”", "").replace(f'value="{MARKER}"', "")


def test_search__never_lists_group_restricted_pages_to_a_signed_in_non_member(client, user, secret_pages):
    client.force_login(user)

    response = _search(client, MARKER)

    assert _found(response) == []
    html = response.content.decode()
    assert "members briefing" not in html
    assert "annex" not in html
    assert secret_pages.url not in html


def test_search__lists_only_public_pages_even_to_members(client, member, secret_pages):
    # Search results are one public list: members reach their pages through the members' area, and a
    # results page that differs by viewer would leak titles through shared caches.
    client.force_login(member)

    response = _search(client, MARKER)

    assert _found(response) == []


def test_search__only_lists_pages_in_the_current_language(client, home_page, arabic_home_page, locale_ar):
    page = StandardPageFactory(parent=home_page, title="Welcome guide", body=_body("Orientation for newcomers."))
    page.copy_for_translation(locale_ar).save_revision().publish()

    english = _search(client, "Orientation")
    arabic = client.get("/ar/search/", {"query": "Orientation"})

    assert len(_found(english)) == 1
    assert english.context["cards"][0].locale.language_code == "en"
    assert arabic.status_code == 200
    assert [card.locale.language_code for card in arabic.context["cards"]] == ["ar"]


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "AND OR NOT ( ) * ^ ~ : -",
        "لاجئين مهاجرين",
        "réfugiés Ελλάδα 🙂",
        "\x00",
        "a\x00b",
        "%",
        "_",
        '"',
        'he said "welcome',
        "tab\tand\nnewline",
    ],
    ids=[
        "very-long",
        "sql-drop",
        "sql-or",
        "operators",
        "arabic",
        "accents-emoji",
        "nul",
        "embedded-nul",
        "%",
        "_",
        "quote",
        "unbalanced-quote",
        "control-characters",
    ],
)
def test_search__hostile_queries_never_error(client, home_page, secret_pages, query):
    response = _search(client, query)

    assert MARKER not in "".join(_found(response))


def test_search__still_finds_words_typed_with_quotes_or_control_characters(client, home_page):
    StandardPageFactory(parent=home_page, title="Media training", body=_body("We train spokespeople."))

    response = _search(client, '"spokespeople\x00"')

    assert _found(response) == ["Media training"]
    assert response.context["search_query"] == "spokespeople"


def test_search__a_query_of_only_spaces_is_no_query(client, home_page):
    response = _search(client, "     ")

    assert response.context["search_query"] == ""
    assert response.context["results_page"] is None


@pytest.mark.parametrize("page", ["abc", "-1", "0", "9999", "\x00", "1" * 1000])
def test_search__any_page_value_gives_results_not_an_error(client, home_page, page):
    StandardPageFactory(parent=home_page, title="Campaigns", body=_body("Our campaigns work."))

    response = _search(client, "campaigns", page=page)

    assert _found(response) == ["Campaigns"]


def test_search__only_answers_get(client, home_page):
    assert client.post(SEARCH_URL, {"query": "x"}).status_code == 405
