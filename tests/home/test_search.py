"""Site search: finds public pages, paginates, is kept out of search engines, never shows a restricted page to
anyone but a member whose groups the restriction names, and never lets a shared cache keep a signed-in search."""

import re

import pytest

from django.contrib.auth.models import Group

from wagtail.rich_text import RichText

from demo.factories.home import StandardPageFactory
from members.models import Organisation

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


@pytest.fixture
def pending(django_user_model):
    """Someone who applied to join and is waiting for a decision."""
    return django_user_model.objects.create_user(
        email="pending@example.org",
        password="a-long-password",
        organisation=Organisation.objects.create(name="Dover Welcome Group"),
        membership_status=django_user_model.MembershipStatus.PENDING,
    )


@pytest.fixture
def suspended(django_user_model, member_group):
    """A member whose account was suspended: out of the Members group, like any non-member."""
    person = django_user_model.objects.create_user(
        email="suspended@example.org",
        password="a-long-password",
        organisation=Organisation.objects.create(name="Folkestone Friends"),
        membership_status=django_user_model.MembershipStatus.APPROVED,
    )
    person.is_suspended = True
    person.save()
    return person


NOT_MEMBERS = ["anonymous", "user", "pending", "suspended"]


def _sign_in_as(client, request, viewer):
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))


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
    html = response.content.decode()
    # The page repeats the visitor's own words: in the summary, the search box and the sign-in link's way back.
    for echo in (f"“{MARKER}”", f'value="{MARKER}"', f"query%3D{MARKER}"):
        html = html.replace(echo, "")
    assert MARKER not in html


def test_search__never_lists_group_restricted_pages_to_a_signed_in_non_member(client, user, secret_pages):
    client.force_login(user)

    response = _search(client, MARKER)

    assert _found(response) == []
    html = response.content.decode()
    assert "members briefing" not in html
    assert "annex" not in html
    assert secret_pages.url not in html


@pytest.mark.parametrize("viewer", ["pending", "suspended"])
def test_search__never_lists_group_restricted_pages_to_an_applicant_or_a_suspended_member(
    client, request, secret_pages, viewer
):
    _sign_in_as(client, request, viewer)

    response = _search(client, MARKER)

    assert _found(response) == []
    assert secret_pages.url not in response.content.decode()


def test_search__lists_members_only_pages_to_a_member_marked_members_only(client, member, secret_pages, member_group):
    client.force_login(member)

    response = _search(client, MARKER)

    assert sorted(_found(response)) == [f"{MARKER} annex", f"{MARKER} members briefing", f"{MARKER} post"]
    html = response.content.decode()
    assert secret_pages.url in html
    assert html.count('class="members-only-mark"') == 3
    assert "draft" not in _found(response), "an unpublished page is never listed, even to members"


def test_search__marks_only_the_members_only_results(client, member, home_page, secret_pages):
    StandardPageFactory(parent=home_page, title=f"{MARKER} public notes", body=_body("For everyone."))
    client.force_login(member)

    response = _search(client, MARKER)

    restricted = {
        card.title for card in response.context["cards"] if card.pk in response.context["restricted_card_ids"]
    }
    assert f"{MARKER} public notes" in _found(response)
    assert f"{MARKER} public notes" not in restricted
    assert restricted == {f"{MARKER} annex", f"{MARKER} members briefing", f"{MARKER} post"}


def test_search__never_lists_to_a_member_a_page_restricted_to_a_group_they_are_not_in(
    client, member, home_page, restrict_to_group, member_group
):
    staff = Group.objects.create(name="Staff")
    staff_only = StandardPageFactory(parent=home_page, title=f"{MARKER} staff rota", body=_body("Staff only."))
    restrict_to_group(staff_only, staff)
    members_section = StandardPageFactory(parent=home_page, title=f"{MARKER} members section", body=_body("Ours."))
    restrict_to_group(members_section)
    # Inside the members' section, but restricted to staff as well: a member passes one restriction, not both.
    StandardPageFactory(parent=members_section, title=f"{MARKER} staff annex", body=_body("Staff only."))
    restrict_to_group(members_section.get_children().get().specific, staff)
    client.force_login(member)

    response = _search(client, MARKER)

    assert _found(response) == [f"{MARKER} members section"]
    assert staff_only.url not in response.content.decode()


def test_search__a_page_restricted_to_members_and_staff_is_listed_to_a_member(client, member, home_page, member_group):
    from wagtail.models import PageViewRestriction

    shared = StandardPageFactory(parent=home_page, title=f"{MARKER} shared notes", body=_body("For both."))
    restriction = PageViewRestriction.objects.create(page=shared, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Staff"), member_group)
    client.force_login(member)

    assert _found(_search(client, MARKER)) == [f"{MARKER} shared notes"]


def test_search__never_lists_restricted_pages_to_staff_who_are_not_members(client, editor, secret_pages):
    """Editors read member pages in the admin; the public search treats them as the non-members they are."""
    client.force_login(editor)

    assert _found(_search(client, MARKER)) == []


@pytest.mark.parametrize("viewer", NOT_MEMBERS)
def test_search__tells_everyone_but_members_that_members_find_more_whatever_matched(
    client, request, home_page, secret_pages, viewer
):
    _sign_in_as(client, request, viewer)

    matching_member_pages = _search(client, MARKER).content.decode()
    matching_nothing = _search(client, "Nothingmatchesthis").content.decode()

    def hint(html, query):
        found = re.search(r'<p class="search-members-hint">.*?</p>', html, re.DOTALL)
        assert found, "the line about members is shown"
        return found.group(0).replace(query, "")

    # The same words either way: the line says nothing about whether members' pages matched.
    assert hint(matching_member_pages, MARKER) == hint(matching_nothing, "Nothingmatchesthis")
    if viewer == "anonymous":
        assert "/en/members/sign-in/?next=/en/search/%3Fquery%3D" in matching_member_pages


def test_search__shows_members_no_line_about_signing_in(client, member, secret_pages):
    client.force_login(member)

    assert 'class="search-members-hint"' not in _search(client, MARKER).content.decode()


@pytest.mark.parametrize("viewer", ["user", "pending", "member"])
def test_search__a_signed_in_search_is_never_kept_by_a_shared_cache(client, request, home_page, viewer):
    client.force_login(request.getfixturevalue(viewer))

    response = _search(client, "anything")

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "Cookie" in response["Vary"]


def test_search__an_anonymous_search_varies_by_cookie(client, home_page):
    response = _search(client, "anything")

    assert "private" not in response.get("Cache-Control", "")
    assert "Cookie" in response["Vary"]


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


# Search in each language: /fr/search/ lists French pages at their /fr/ addresses, never the English version of
# the same page (nor the other way round), and never a translation of a members-only page.

SHARED = "Kwazulumarmot"  # a made-up word every version of a page keeps, whatever its language


@pytest.fixture
def french(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="fr")


@pytest.fixture
def french_home_page(home_page, french):
    translation = home_page.copy_for_translation(french)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def _translate(page, locale, **fields):
    """As a translator does: copy into the locale, write the translated fields, publish."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


@pytest.fixture
def training(home_page, french_home_page, arabic_home_page, french, locale_ar):
    """One page in English, French and Arabic, each in its own words, all with the shared word."""
    english = StandardPageFactory(
        parent=home_page,
        slug="media-training",
        title="Media training",
        body=_body(f"We train refugee spokespeople. {SHARED}"),
    )
    return {
        "en": english,
        "fr": _translate(
            english,
            french,
            title="Formation aux médias",
            slug="formation-aux-medias",
            body=_body(f"Nous formons des porte-parole réfugiés. {SHARED}"),
        ),
        "ar": _translate(
            english,
            locale_ar,
            title="تدريب إعلامي",
            slug="تدريب-إعلامي",
            body=_body(f"ندرب متحدثين من اللاجئين {SHARED}"),
        ),
    }


def _search_in(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"query": query, **params})
    assert response.status_code == 200
    return response


def _languages(response):
    return [card.locale.language_code for card in response.context["cards"]]


def test_search_in_french__finds_the_french_page_by_a_french_word_and_links_to_its_french_address(client, training):
    response = _search_in(client, "fr", "formons")

    assert _found(response) == ["Formation aux médias"]
    html = response.content.decode()
    assert training["fr"].url.startswith("/fr/")
    assert f'href="{training["fr"].url}"' in html
    assert f'href="{training["en"].url}"' not in html


@pytest.mark.parametrize("word", ["réfugiés", "médias", "Formation"])
def test_search_in_french__finds_plain_french_words_with_accents_and_capitals(client, training, word):
    assert _found(_search_in(client, "fr", word)) == ["Formation aux médias"]


def test_search__lists_only_the_version_of_a_page_in_the_current_language(client, training):
    english = _search_in(client, "en", SHARED)
    french = _search_in(client, "fr", SHARED)
    arabic = _search_in(client, "ar", SHARED)

    assert _languages(english) == ["en"]
    assert _languages(french) == ["fr"]
    assert _languages(arabic) == ["ar"]
    assert f'href="{training["fr"].url}"' not in english.content.decode()
    assert f'href="{training["en"].url}"' not in french.content.decode()
    assert f'href="{training["en"].url}"' not in arabic.content.decode()


def test_search__a_word_only_in_another_language_finds_nothing_here(client, training):
    assert _found(_search_in(client, "en", "formons")) == []
    assert _found(_search_in(client, "fr", "spokespeople")) == []
    assert _found(_search_in(client, "fa", SHARED)) == []


def test_search_in_arabic__finds_the_arabic_page_by_an_arabic_word(client, training):
    response = _search_in(client, "ar", "اللاجئين")

    assert _found(response) == ["تدريب إعلامي"]
    assert training["ar"].url.startswith("/ar/")
    assert f'href="{training["ar"].url}"' in response.content.decode()


def test_search_in_arabic__finds_a_page_by_a_word_of_its_title(client, training):
    assert _found(_search_in(client, "ar", "تدريب")) == ["تدريب إعلامي"]


def test_search_in_arabic__finds_a_page_with_the_word_for_refugees(client, arabic_home_page):
    StandardPageFactory(
        parent=arabic_home_page,
        locale=arabic_home_page.locale,
        title="دليل للصحفيين",
        body=_body("كيف نكتب عن لاجئين ومهاجرين باحترام"),
    )

    response = _search_in(client, "ar", "لاجئين")

    assert _found(response) == ["دليل للصحفيين"]


@pytest.fixture
def members_only_in_every_language(home_page, french_home_page, arabic_home_page, french, locale_ar, secret_pages):
    """The members' briefing (and its annex) of `secret_pages`, translated: the translations are restricted too."""
    translations = [_translate(secret_pages, locale) for locale in (french, locale_ar)]
    for annex in secret_pages.get_children():
        for locale in (french, locale_ar):
            _translate(annex, locale)
    for translation in translations:
        assert not type(translation).objects.filter(pk=translation.pk).public().exists()
    return translations


@pytest.mark.parametrize("viewer", NOT_MEMBERS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_search__never_lists_a_translation_of_a_members_only_page(
    client, request, members_only_in_every_language, viewer, language
):
    _sign_in_as(client, request, viewer)

    response = _search_in(client, language, MARKER)

    assert _found(response) == []
    html = response.content.decode()
    assert "members briefing" not in html
    assert "annex" not in html
    for translation in members_only_in_every_language:
        assert translation.url not in html


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_search__lists_the_translations_of_a_members_only_page_to_a_member_in_their_language(
    client, member, members_only_in_every_language, language
):
    client.force_login(member)

    response = _search_in(client, language, MARKER)

    assert sorted(_found(response)) == [f"{MARKER} annex", f"{MARKER} members briefing"]
    assert set(_languages(response)) == {language}
    translation = next(page for page in members_only_in_every_language if page.locale.language_code == language)
    assert f'href="{translation.url}"' in response.content.decode()
    assert response.content.decode().count('class="members-only-mark"') == 2


def test_search_in_french__pagination_keeps_the_language(client, french_home_page, french):
    for number in range(12):
        StandardPageFactory(
            parent=french_home_page, locale=french, title=f"Note {number}", body=_body("Une note hebdomadaire.")
        )

    first = _search_in(client, "fr", "hebdomadaire")
    html = first.content.decode()
    # Relative links (?query=…&page=2) stay under /fr/search/; never a link to another language's results.
    assert 'href="?query=hebdomadaire&amp;page=2"' in html
    assert 'href="/en/search/?query=hebdomadaire' not in html
    second = _search_in(client, "fr", "hebdomadaire", page="2")

    assert len(_found(first)) == 10
    assert len(_found(second)) == 2
    assert set(_found(first)).isdisjoint(_found(second))
    assert set(_languages(first) + _languages(second)) == {"fr"}


@pytest.mark.parametrize(
    "query",
    [
        "لاجئين مهاجرين",
        "\u200fلاجئين\u200e",  # right-to-left and left-to-right marks
        "لا" * 5_000,
        "ال",
        "' OR 1=1 -- لاجئين",
        '"لاجئين',
        "لاجئين\x00",
        "* ^ ~ : - ( )",
        "؟",
        "\u0640\u064b\u064c",  # tatweel and harakat only
        "🙂",
        "لاجئين ( ) * ^ ~ : - -- ' \\",
        "لاجئين the and or",
        "-لاجئين- ال-",
        "لاجئين " * 60,
    ],
    ids=[
        "two-words",
        "direction-marks",
        "very-long",
        "article",
        "sql",
        "quote",
        "nul",
        "operators",
        "question-mark",
        "diacritics-only",
        "emoji",
        "arabic-and-operators",
        "arabic-and-stop-words",
        "hyphens",
        "many-arabic-words",
    ],
)
def test_search_in_arabic__hostile_queries_never_error(client, members_only_in_every_language, query):
    response = _search_in(client, "ar", query)

    assert MARKER not in "".join(_found(response))


@pytest.fixture
def arabic_guide(arabic_home_page):
    return StandardPageFactory(
        parent=arabic_home_page,
        locale=arabic_home_page.locale,
        title="دليل للصحفيين",
        body=_body("كيف نكتب عن اللاجئين والمهاجرين في اليونان"),
    )


@pytest.mark.parametrize(
    "query",
    ["لاجئين", "اللاجئين", "واللاجئين", "مهاجرين", "المهاجرين", "والمهاجرين", "لاجئين اليونان", "صحفيين"],
)
def test_search_in_arabic__a_word_finds_pages_that_write_it_with_the_article_or_and(client, arabic_guide, query):
    """Arabic attaches the article and "and" to the word: لاجئين (refugees) must find اللاجئين (the refugees)."""
    assert _found(_search_in(client, "ar", query)) == ["دليل للصحفيين"]


@pytest.mark.parametrize("query", ["لاجئين فرنسا", "طلاب", "الطلاب"])
def test_search_in_arabic__every_word_is_still_required(client, arabic_guide, query):
    assert _found(_search_in(client, "ar", query)) == []


def test_search_in_arabic__the_forms_looked_for():
    from home.views import arabic_forms, search_terms

    assert arabic_forms("اللاجئين")[:2] == ["اللاجئين", "لاجئين"]
    assert {"لاجئين", "اللاجئين", "واللاجئين", "للاجئين"} <= set(arabic_forms("لاجئين"))
    # A word that is only the article, or begins with a letter that could be "and", keeps that letter.
    assert "ال" in arabic_forms("ال")
    assert "طن" not in arabic_forms("وطن")
    # Queries without Arabic go to the backend unchanged.
    assert search_terms("media training") == "media training"


@pytest.mark.parametrize("viewer", [*NOT_MEMBERS, "member"])
def test_search_in_arabic__lists_a_members_only_arabic_page_by_any_form_of_its_words_to_members_alone(
    client, request, home_page, arabic_home_page, locale_ar, restrict_to_group, viewer
):
    english = StandardPageFactory(parent=home_page, title="Members' guide", body=_body("For members."))
    restrict_to_group(english)
    arabic = _translate(english, locale_ar, title="دليل الأعضاء", body=_body("عن اللاجئين للأعضاء فقط"))
    _sign_in_as(client, request, viewer)

    for query in ("لاجئين", "اللاجئين", "الأعضاء"):
        response = _search_in(client, "ar", query)
        if viewer == "member":
            assert _found(response) == ["دليل الأعضاء"], query
            assert arabic.url in response.content.decode()
        else:
            assert _found(response) == [], (viewer, query)
            assert arabic.url not in response.content.decode()
