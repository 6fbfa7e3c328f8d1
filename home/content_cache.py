"""One generation number for everything cached from published content.

Whatever is built from pages, menus or settings (the site chrome, the home page's sections) is cached under
the current generation; publishing, unpublishing, moving, restricting or deleting anything starts a new one,
and entries of older generations are never read again and expire on their own.

Cache plain data or rendered HTML, never model instances: a pickled page carries its whole StreamField and
breaks when the model changes between deploys.
"""

from django.core.cache import cache
from django.utils.translation import get_language

GENERATION_KEY = "content:generation"
CACHE_TIMEOUT = 60 * 60

_MISSING = object()


def content_generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def clear_content_cache(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def cached(key_parts, compute, *, request=None, timeout=CACHE_TIMEOUT):
    """`compute()`, kept until published content next changes, per reader's language.

    `key_parts` name the entry (say `("home-sections", page.pk)`). A preview (`request.is_preview`) always
    computes afresh and never fills the cache: it shows a draft.
    """
    if getattr(request, "is_preview", False):
        return compute()
    key = ":".join(["content", str(content_generation()), get_language() or "", *(str(part) for part in key_parts)])
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value
