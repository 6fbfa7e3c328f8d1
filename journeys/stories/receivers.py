"""Signal handlers of the stories. Connected from `JourneysConfig.ready`."""

from django.db.models.signals import post_delete, post_save

from home.content_cache import clear_content_cache

from .models import JourneyTheme


def connect():
    # Theme lists are cached with the published content: a renamed or new theme starts a new generation.
    for theme_signal in (post_save, post_delete):
        theme_signal.connect(clear_content_cache, sender=JourneyTheme, dispatch_uid=f"journeys-theme-{theme_signal!r}")
