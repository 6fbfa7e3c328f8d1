"""Pagination that never errors on a hostile or stale ?page= value."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, object_list, per_page):
    """Return the requested page; non-numbers give the first page, numbers past the end the last."""
    paginator = Paginator(object_list, per_page)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    page.page_links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
