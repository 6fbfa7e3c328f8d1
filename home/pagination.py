"""One way to paginate a listing: Django's Paginator, never an error on a hostile or stale ?page= value, and
page links that keep the filters the list was filtered by (`includes/pagination.html`)."""

from django.core.paginator import Paginator
from django.http import QueryDict


def paginate(request, object_list, per_page, filters=None):
    """The requested page, as `Paginator.get_page` finds it: what is not a number gives the first page and a
    number past the end the last, so an old link to page 7 of a list that has shrunk still shows its tail.
    Zero and negative numbers give the first page too (`get_page` would give the last).

    `filters` (parameter → value) are the filters in force, as the list understood them: the page links keep
    those and nothing else from the query string (`page.query`).
    """
    number = request.GET.get("page", "1")
    try:
        if int(number) < 1:
            number = 1
    except (TypeError, ValueError):
        pass  # get_page gives the first page
    page = Paginator(object_list, per_page).get_page(number)
    page.page_links = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    page.query = QueryDict(mutable=True)
    page.query.update(filters or {})
    return page
