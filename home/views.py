"""Site-wide views: search (public pages, and for members the restricted pages their groups may read), robots.txt,
and the error pages' handlers."""

import re

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail import hooks
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search.query import And, Or, PlainText

from .locales import with_content_locale
from .pagination import paginate
from .public_address import absolute_url

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(text):
    """The visitor's words, safe for every search backend.

    Control characters (NUL above all) make PostgreSQL refuse the query and cut SQLite's short, and the SQLite
    backend quotes each word without escaping double quotes inside it: either was a server error.
    """
    text = "".join(" " if ord(char) < 32 or char == '"' else char for char in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


# Arabic writes the article, and "and", "with", "for", onto the word: اللاجئين "the refugees", واللاجئين
# "and the refugees", للاجئين "for the refugees". Neither search backend splits them off (PostgreSQL has no
# Arabic dictionary; SQLite's tokenizer splits on spaces only), so a visitor who types لاجئين would miss every
# page that says اللاجئين. Each Arabic word is therefore also looked for with these in front, and without an
# article it was typed with. Letters alone (و, ب, ل) are never taken off: too many words begin with them.
ARABIC_ARTICLES = ("وال", "بال", "فال", "كال", "ال")
ARABIC_WORD_PREFIXES = ("", "ال", "وال", "بال", "لل", "و", "ب", "ل")
ARABIC_LETTERS = re.compile(r"[\u0620-\u064a\u066e-\u06d3]")
MAX_EXPANDED_WORDS = 8


def arabic_forms(word):
    """The forms of one Arabic word to look for: itself, its stem without an article, and the stem with the
    usual attached words in front."""
    stem = word
    for article in ARABIC_ARTICLES:
        if word.startswith(article) and len(ARABIC_LETTERS.findall(word[len(article) :])) >= 2:
            stem = word[len(article) :]
            break
    return list(dict.fromkeys([word, *(prefix + stem for prefix in ARABIC_WORD_PREFIXES)]))


def search_terms(query):
    """What `query` is sent to the backend as: the plain text, all words required, or (with Arabic words) each
    word as any of its forms, all words still required."""
    # PostgreSQL's backend also splits on hyphens and fails on a part with no word left ("--"): such a part
    # is dropped, as the backend does itself when it receives the query as plain text.
    words = [word for word in query.split() if word.strip("-")]
    if not words:
        return query
    if not any(ARABIC_LETTERS.search(word) for word in words[:MAX_EXPANDED_WORDS]):
        return query
    parts = []
    for number, word in enumerate(words):
        if number < MAX_EXPANDED_WORDS and ARABIC_LETTERS.search(word):
            parts.append(Or([PlainText(form, operator="and") for form in arabic_forms(word)]))
        else:
            parts.append(PlainText(word, operator="and"))
    return parts[0] if len(parts) == 1 else And(parts)


def public_search(query, locale):
    """Live, public pages in one language that match the query: never a restricted page.

    The PostgreSQL backend indexes and queries every language with one text-search configuration (the
    database default, `english`): the index holds one vector per page, built before any query is known, so a
    per-language configuration ('simple' for French or Arabic, say) would have to be chosen when indexing,
    which Wagtail's database backend does not offer; querying with another configuration than the index was
    built with would miss every stemmed word. With one configuration for both sides a plain French, Greek or
    Arabic word is found as written (tests/home/test_search.py runs on both databases). What the English
    configuration does not do for other languages: fold accents (on PostgreSQL "refugies" does not find
    "réfugiés", SQLite's tokenizer does) or stem French plurals the French way.
    """
    return search_pages(Page.objects.live().public().filter(locale=locale, depth__gt=1), query)


def search_pages(pages, query):
    """The pages among `pages` that match the query, every word required."""
    terms = search_terms(query)
    if isinstance(terms, str):
        return pages.search(terms, operator="and")
    return pages.search(terms)


# The frame knows nothing of membership: the members app registers a function under this hook that answers, for
# a signed-in person, whether search may look past public pages for them at all.
SEARCH_READS_RESTRICTED_PAGES_HOOK = "site_search_reads_restricted_pages"


def reads_restricted_pages(user):
    """Whether site search may include restricted pages for this person (only those their groups pass)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return any(answer(user) for answer in hooks.get_hooks(SEARCH_READS_RESTRICTED_PAGES_HOOK))


def restrictions_passed_by(user):
    """(path of the restricted page, whether `user` passes the restriction) for every restriction, in one query.

    Only a group restriction naming one of the person's groups is passed: Wagtail's own rule for groups, so a
    section restricted to staff alone never shows to members. Password and "any signed-in user" restrictions are
    never passed by search: the site offers neither, and a password is given page by page, not to a person.
    """
    their_groups = PageViewRestriction.groups.through.objects.filter(
        pageviewrestriction_id=OuterRef("pk"), group__user=user
    )
    rows = PageViewRestriction.objects.annotate(in_their_groups=Exists(their_groups)).values_list(
        "page__path", "restriction_type", "in_their_groups"
    )
    return [(path, kind == PageViewRestriction.GROUPS and in_groups) for path, kind, in_groups in rows]


def readable_search(query, locale, restrictions):
    """Live pages in one language that match the query, public or behind only restrictions the reader passes.

    `restrictions` comes from `restrictions_passed_by`. A page under any restriction the reader does not pass is
    left out, as `.public()` leaves out a page under any restriction at all: a page inherits every restriction
    on its ancestors, and the reader must pass each of them.
    """
    refused = Q()
    for path, passed in restrictions:
        if not passed:
            refused |= Q(path__startswith=path)
    pages = Page.objects.live().filter(locale=locale, depth__gt=1)
    if refused:
        pages = pages.exclude(refused)
    return search_pages(pages, query)


def load_cards(pages):
    """Turn a slice of search results into specific pages with their listing images, in a fixed query count."""
    ids = [page.pk for page in pages]
    specific = (
        with_content_locale(Page.objects.filter(pk__in=ids))
        .specific()
        .select_related("listing_image", for_specific_subqueries=True)
        .prefetch_related("listing_image__renditions", for_specific_subqueries=True)
    )
    by_id = {page.pk: page for page in specific}
    return [by_id[pk] for pk in ids if pk in by_id]


@require_GET
def search(request):
    query = clean_query(request.GET.get("query", ""))
    results_page = None
    cards = []
    restricted_card_ids = set()
    member_search = reads_restricted_pages(request.user)
    if query:
        locale = Locale.get_active()
        if member_search:
            restrictions = restrictions_passed_by(request.user)
            results = readable_search(query, locale, restrictions)
        else:
            restrictions = []
            results = public_search(query, locale)
        results_page = paginate(request, results, RESULTS_PER_PAGE, {"query": query})
        cards = load_cards(results_page.object_list)
        restricted_paths = tuple(path for path, _passed in restrictions)
        restricted_card_ids = {card.pk for card in cards if card.path.startswith(restricted_paths)}
    response = TemplateResponse(
        request,
        "home/search.html",
        {
            "search_query": query,
            "results_page": results_page,
            "cards": cards,
            "restricted_card_ids": restricted_card_ids,
            "member_search": member_search,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    if request.user.is_authenticated:
        # A member's results list pages only members may read, and anyone signed in sees their own account
        # links: no shared cache may keep either and hand it to the next visitor.
        patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
    ]
    lines += [f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
