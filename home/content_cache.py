"""One generation number for everything cached from published content.

Whatever is built from pages, menus or settings (the site chrome, the home page's sections) is cached under
the current generation; publishing, unpublishing, moving, restricting or deleting anything starts a new one,
and entries of older generations are never read again and expire on their own.
"""

from django.core.cache import cache

GENERATION_KEY = "content:generation"


def content_generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def clear_content_cache(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)
