"""The consent's part of the admin, imported by `journeys.wagtail_hooks` (Wagtail looks for hooks only there).

Importing `admin` and `withdrawal_admin` registers their hooks (the signed form's and the withdrawal's URLs,
listing buttons, action menu items, log actions).
"""

from wagtail import hooks

from journeys.stories import hooks as story_hooks

from . import admin, withdrawal_admin  # noqa: F401
from .every_language import check_consent
from .models import ConsentRecord
from .panels import story_consent_status

hooks.register(story_hooks.STORY_STATUS, story_consent_status)


@hooks.register(story_hooks.SHARE_IMAGE_ALLOWED)
def consent_covers_social_media(page):
    """A story's picture goes on social cards only under an active consent that covers social media."""
    record = ConsentRecord.objects.for_page(page)
    return record is not None and record.is_active and record.covers_social_media


# Every language of a story answers to one consent record: checked with page privacy in every language.
hooks.register("check_translation_privacy", check_consent)
