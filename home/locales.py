"""Every language in WAGTAIL_CONTENT_LANGUAGES has a Wagtail locale, so adding one is a settings change."""

from django.conf import settings


def ensure_locales(**kwargs):
    from wagtail.models import Locale

    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
