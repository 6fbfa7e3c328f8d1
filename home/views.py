"""Site-wide views: search over public pages, robots.txt, and the error pages' handlers."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

from .pagination import paginate

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(text):
    """The visitor's words, safe for every search backend.

    Control characters (NUL above all) make PostgreSQL refuse the query and cut SQLite's short, and the SQLite
    backend quotes each word without escaping double quotes inside it: either was a server error.
    """
    text = "".join(" " if ord(char) < 32 or char == '"' else char for char in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def public_search(query, locale):
    """Live, public pages in one language that match the query: never a restricted page."""
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
    return pages.search(query, operator="and")


def load_cards(pages):
    """Turn a slice of search results into specific pages with their listing images, in a fixed query count."""
    ids = [page.pk for page in pages]
    specific = (
        Page.objects.filter(pk__in=ids)
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
        results_page = paginate(request, public_search(query, Locale.get_active()), RESULTS_PER_PAGE)
        cards = load_cards(results_page.object_list)
    response = TemplateResponse(
        request,
        "home/search.html",
        {
            "search_query": query,
            "results_page": results_page,
            "cards": cards,
            "pagination_query": urlencode({"query": query}) + "&",
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
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
