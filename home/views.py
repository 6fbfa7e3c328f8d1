"""Site-wide views: search over public pages, robots.txt, and the error pages' handlers."""

import re

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page
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
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
    terms = search_terms(query)
    if isinstance(terms, str):
        return pages.search(terms, operator="and")
    return pages.search(terms)


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
    if query:
        results_page = paginate(request, public_search(query, Locale.get_active()), RESULTS_PER_PAGE, {"query": query})
        cards = load_cards(results_page.object_list)
    response = TemplateResponse(
        request,
        "home/search.html",
        {
            "search_query": query,
            "results_page": results_page,
            "cards": cards,
        },
    )
    response["X-Robots-Tag"] = "noindex"
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
