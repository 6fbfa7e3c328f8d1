"""Template tags for the site frame: menus, footer details and language direction."""

from django import template
from django.templatetags.static import static
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from home import public_address
from home.chrome import share_card
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


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The address search engines should index for this page: an alias (a copy kept in step with its
    original, such as an untranslated page in another language's tree) names its original, whose text it shows."""
    original = page.alias_of if page.alias_of_id else None
    return public_address.page_full_url(original or page, context.get("request"))


# Drawn for the site (static/img/share-default.png): used until editors choose a default share image.
FALLBACK_SHARE_IMAGE = "img/share-default.png"
FALLBACK_SHARE_IMAGE_SIZE = (1200, 630)


@register.simple_tag(takes_context=True)
def social_card(context, page=None):
    """The image a shared link shows, with an absolute URL: the page's own, else the site's default.

    Every page has one, so a link to any page shows a picture. The page decides which of its images is safe
    to share (`share_image`); when it has none, the default is the one chosen in the organisation details,
    else the drawing shipped with the site.
    """
    image = getattr(page, "share_image", None) if page is not None else None
    card = share_card(image) if image is not None else None
    if card is None:
        chrome = context.get("site_chrome")
        card = (chrome["organisation"].get("share_card") if chrome else None) or {
            "url": static(FALLBACK_SHARE_IMAGE),
            "width": FALLBACK_SHARE_IMAGE_SIZE[0],
            "height": FALLBACK_SHARE_IMAGE_SIZE[1],
            "alt": _("The IMIX logo"),
        }
    return {**card, "url": absolute_url(card["url"])}


@register.simple_tag
def funders():
    """All funders with their logos and logo renditions, in three queries whatever their number."""
    return list(Funder.objects.select_related("logo").prefetch_related("logo__renditions"))
