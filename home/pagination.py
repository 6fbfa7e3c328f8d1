"""Pagination that never errors on a hostile or stale ?page= value."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, object_list, per_page):
    """Return the requested page; non-numbers give the first page, numbers past the end the last."""
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
