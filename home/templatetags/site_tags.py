"""Template tags for the site frame: menus, footer details and language direction."""

from django import template
from django.utils.translation import get_language_bidi

from home.models import Funder

register = template.Library()


def _mark_current(links, path):
    marked = []
    for link in links:
        url = link["url"]
        if url == path:
            current = "page"
        elif url.count("/") > 2 and path.startswith(url):
            current = "true"
        else:
            current = ""
        marked.append({**link, "current": current})
    return marked


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def navigation(context, location, label):
    """A menu from the cached site chrome, with the current page or section marked for screen readers."""
    request = context.get("request")
    chrome = context.get("site_chrome")
    links = chrome[location] if chrome else []
    return {"links": _mark_current(links, request.path if request else ""), "location": location, "label": label}


@register.simple_tag
def text_direction():
    return "rtl" if get_language_bidi() else "ltr"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """Make a media or page URL absolute for social cards; URLs already absolute (S3, CDN) pass through."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def funders():
    """All funders with their logos and logo renditions, in three queries whatever their number."""
    return list(Funder.objects.select_related("logo").prefetch_related("logo__renditions"))
