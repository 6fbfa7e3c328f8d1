"""Every language in WAGTAIL_CONTENT_LANGUAGES has a Wagtail locale, so adding one is a settings change."""

from django.conf import settings


def ensure_locales(**kwargs):
    from wagtail.models import Locale

    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


LOCALE_ID_CACHE_SECONDS = 60 * 60


def active_locale_id():
    """The id of the reader's language's locale, from the cache: rendering a page full of links must not ask
    the database once per link. None when the active language has no locale."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    try:
        language_code = get_supported_content_language_variant(get_language())
    except LookupError:
        return None
    key = f"locale-id:{language_code}"
    locale_id = cache.get(key)
    if locale_id is None:
        locale_id = Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()
        if locale_id is not None:
            cache.set(key, locale_id, LOCALE_ID_CACHE_SECONDS)
    return locale_id
