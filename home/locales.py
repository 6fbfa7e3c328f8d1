"""Every language in WAGTAIL_CONTENT_LANGUAGES has a Wagtail locale, so adding one is a settings change.

Also: which language a page's or snippet's text is really in. A page's locale says where it sits in the tree,
not what it is written in: wagtail-localize fills an untranslated language's tree with aliases (`alias_of`
set), which live in that locale but hold their original's text. Templates mark such text with its own
language and direction (`{% content_lang %}`), so a browser lays English out left to right on an Arabic page
and a screen reader reads it with an English voice.
"""

from django.conf import settings
from django.db.models.functions import Coalesce


def ensure_locales(**kwargs):
    from wagtail.models import Locale

    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


LOCALE_ID_CACHE_SECONDS = 60 * 60
LOCALE_LANGUAGES_KEY = "locale-languages"


def _load_locale_languages():
    from django.core.cache import cache

    from wagtail.models import Locale

    languages = dict(Locale.objects.values_list("pk", "language_code"))
    cache.set(LOCALE_LANGUAGES_KEY, languages, LOCALE_ID_CACHE_SECONDS)
    return languages


def locale_languages():
    """{locale id: language code} for every locale, from the cache: a listing names each card's language from
    its `locale_id` without asking the database once per card (a handful of rows, read once an hour)."""
    from django.core.cache import cache

    languages = cache.get(LOCALE_LANGUAGES_KEY)
    return languages if languages is not None else _load_locale_languages()


def language_of_locale(locale_id):
    """The language code of a locale id; a locale added since the map was cached is found by reading it again."""
    if locale_id is None:
        return None
    languages = locale_languages()
    if locale_id not in languages:
        languages = _load_locale_languages()
    return languages.get(locale_id)


def active_locale_id():
    """The id of the reader's language's locale, from the cache: rendering a page full of links must not ask
    the database once per link. None when the active language has no locale."""
    from django.utils.translation import get_language

    from wagtail.coreutils import get_supported_content_language_variant

    try:
        language_code = get_supported_content_language_variant(get_language())
    except LookupError:
        return None
    ids = {code: pk for pk, code in locale_languages().items()}
    if language_code not in ids:
        ids = {code: pk for pk, code in _load_locale_languages().items()}
    return ids.get(language_code)


CONTENT_LOCALE = "content_locale_id"


def with_content_locale(pages):
    """`pages` annotated with the locale their text is written in (`content_locale_id`): the locale of the page
    an alias copies (of the original, for an alias of an alias), otherwise the page's own. Joins, never a
    query per page; Wagtail keeps annotations through `.specific()`."""
    return pages.annotate(
        **{CONTENT_LOCALE: Coalesce("alias_of__alias_of__locale_id", "alias_of__locale_id", "locale_id")}
    )


def content_language(obj):
    """The language code `obj`'s text is written in: a page (an alias: its original's language) or anything
    translatable (a snippet: its locale's). None for what has no locale.

    Listings annotate their pages (`with_content_locale`); an alias that was not annotated costs one query.
    """
    locale_id = getattr(obj, CONTENT_LOCALE, None)
    if locale_id is None:
        alias_of_id = getattr(obj, "alias_of_id", None)
        if alias_of_id:
            from wagtail.models import Page

            locale_id = (
                with_content_locale(Page.objects.filter(pk=alias_of_id)).values_list(CONTENT_LOCALE, flat=True).first()
            )
            setattr(obj, CONTENT_LOCALE, locale_id)
        else:
            locale_id = getattr(obj, "locale_id", None)
    return language_of_locale(locale_id)
