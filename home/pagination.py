"""Pagination that never errors on a hostile or stale ?page= value."""

from django.core.paginator import InvalidPage, Paginator


def paginate(request, object_list, per_page):
    """Return the requested page: anything that is not a page number gives the first page, and numbers past
    the end give the last, so an old link to page 7 of a list that has shrunk still shows its tail."""
    paginator = Paginator(object_list, per_page)
    requested = request.GET.get("page", "1")
    try:
        number = int(requested)
    except (TypeError, ValueError):
        number = 1
    if number < 1:
        number = 1
    try:
        page = paginator.page(number)
    except InvalidPage:
        page = paginator.page(paginator.num_pages)
    page.page_links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
