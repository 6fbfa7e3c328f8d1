"""The site's chrome (menus and organisation details), cached per site and language.

Every page shows the same header and footer, so they are built once and kept in the cache until the
content generation changes (see `home.content_cache`).
"""

import logging

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from .blocks import resolve_links_in
from .content_cache import cached
from .models import NavigationMenu, OrganisationSettings

logger = logging.getLogger(__name__)


def _menu(location, language_code):
    """The menu in this language, or else the English one."""
    menus = NavigationMenu.objects.filter(location=location)
    menu = menus.filter(locale__language_code=language_code).first()
    if menu is None:
        menu = menus.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    return menu


def _links(menu):
    links = []
    for item in menu.items if menu else []:
        url = item.value.href()
        if url:
            links.append(
                {"text": item.value.link_text(), "url": url, "language": item.value.link_text_language(menu.locale_id)}
            )
    return links


SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg"


def share_card(image):
    """What a social card needs of an image, as plain data that can be cached: its 1200 × 630 rendition.

    None for an image that may not be shown (quarantined when a story was withdrawn) or whose original is gone:
    the page then shares the site's default image rather than failing.
    """
    if image.is_quarantined:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    except SourceImageIOError:
        logger.warning("Image %s: no share image, its original file could not be read", image.pk)
        return None
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height, "alt": image.default_alt_text}


def _organisation(site):
    details = OrganisationSettings.for_site(site)
    return {
        "phone": details.phone,
        "press_phone": details.press_phone,
        "email": details.email,
        "address_lines": details.address_lines,
        "charity_number": details.charity_number,
        "twitter_handle": details.twitter_handle,
        "share_card": share_card(details.share_image) if details.share_image else None,
        "social_links": [
            {"name": link.value.network_name(), "url": link.value["url"]} for link in details.social_links
        ],
    }


def build_site_chrome(site, language_code):
    primary = _menu(NavigationMenu.Location.PRIMARY, language_code)
    footer = _menu(NavigationMenu.Location.FOOTER, language_code)
    resolve_links_in(*(menu.items for menu in (primary, footer) if menu))  # both menus' links in one query
    return {
        "primary": _links(primary),
        "footer": _links(footer),
        "organisation": _organisation(site) if site else {},
    }


def get_site_chrome(request):
    site = Site.find_for_request(request)
    language_code = get_language()
    return cached(("site-chrome", site.pk if site else 0), lambda: build_site_chrome(site, language_code))


def site_chrome(request):
    """Context processor: `site_chrome` is built only by templates that use it."""
    return {"site_chrome": SimpleLazyObject(lambda: get_site_chrome(request))}
