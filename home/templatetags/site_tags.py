"""Template tags for the site frame: menus, footer details and language direction."""

from django import template
from django.utils.translation import get_language, get_language_bidi

from home import public_address
from home.models import Funder
from home.templatetags.languages import lang_attributes

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
        # The menu is in the interface's language (an English one where there is none in it): a link whose text
        # is in another language carries its own.
        lang = lang_attributes(link.get("language"), get_language())
        marked.append({**link, "current": current, "lang": lang})
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


@register.simple_tag
def absolute_url(url):
    """Make a media or page URL absolute on the site's public address for social cards; URLs already absolute
    (S3, CDN) pass through."""
    return public_address.absolute_url(url)


@register.simple_tag
def funders():
    """All funders with their logos and logo renditions, in three queries whatever their number."""
    return list(Funder.objects.select_related("logo").prefetch_related("logo__renditions"))
