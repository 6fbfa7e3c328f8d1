"""Menus as plain lists of links, cached per language and cleared whenever a menu or a page changes."""

from django.conf import settings
from django.core.cache import cache

from .models import NavigationMenu

CACHE_TIMEOUT = 60 * 60
GENERATION_KEY = "navigation:generation"


def _generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def clear_navigation_cache(**kwargs):
    """Start a new cache generation: older cached menus are never read again and expire on their own."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _build_links(location, language_code):
    menus = NavigationMenu.objects.filter(location=location)
    menu = (
        menus.filter(locale__language_code=language_code).first()
        or menus.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    if menu is None:
        return []
    links = []
    for item in menu.items:
        url = item.value.url()
        if url:
            links.append({"text": item.value.text(), "url": url})
    return links


def get_menu_links(location, language_code):
    key = f"navigation:{_generation()}:{location}:{language_code}"
    links = cache.get(key)
    if links is None:
        links = _build_links(location, language_code)
        cache.set(key, links, CACHE_TIMEOUT)
    return links
