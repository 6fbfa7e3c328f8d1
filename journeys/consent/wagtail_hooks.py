"""The consent's part of the admin, imported by `journeys.wagtail_hooks` (Wagtail looks for hooks only there).

Importing `admin` and `withdrawal_admin` registers their hooks (the signed form's and the withdrawal's URLs,
listing buttons, action menu items, log actions).
"""

from wagtail import hooks

from journeys.stories import hooks as story_hooks

from . import admin, withdrawal_admin  # noqa: F401
from .every_language import check_consent
from .panels import story_consent_status

hooks.register(story_hooks.STORY_STATUS, story_consent_status)

# Every language of a story answers to one consent record: checked with page privacy in every language.
hooks.register("check_translation_privacy", check_consent)
