"""Template tags for the site frame: menus, footer details and language direction."""

from django import template
from django.utils.translation import get_language, get_language_bidi

from home.navigation import get_menu_links

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


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    request = context.get("request")
    links = get_menu_links("primary", get_language())
    return {"links": _mark_current(links, request.path if request else "")}


@register.inclusion_tag("includes/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    request = context.get("request")
    links = get_menu_links("footer", get_language())
    return {"links": _mark_current(links, request.path if request else "")}


@register.simple_tag
def text_direction():
    return "rtl" if get_language_bidi() else "ltr"
