"""The Safeguarding area of the admin (consent records, storyteller requests, story submissions) and themes.

Each part lives in its own module, which registers its own hooks; this module puts the viewsets in one menu.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

# Imported for the hooks they register: story images change only through the Safeguarding team, and a
# story's translation is published by the Safeguarding review.
from . import image_locks, translation_review  # noqa: F401
from .consent_admin import ConsentRecordViewSet
from .every_language import check_consent
from .models import JourneyTheme
from .submission_admin import StorySubmissionViewSet
from .withdrawal_admin import StorytellerRequestViewSet


class SafeguardingViewSetGroup(SnippetViewSetGroup):
    items = (ConsentRecordViewSet, StorytellerRequestViewSet, StorySubmissionViewSet)
    menu_label = _("Safeguarding")
    menu_icon = "lock"
    menu_name = "safeguarding"
    menu_order = 250


class JourneyThemeViewSet(SnippetViewSet):
    model = JourneyTheme
    icon = "tag"
    menu_label = _("Journey themes")
    list_display = ["name", "slug"]


register_snippet(SafeguardingViewSetGroup)
register_snippet(JourneyThemeViewSet)


# Every language of a story answers to one consent record: checked with page privacy in every language.
hooks.register("check_translation_privacy", check_consent)
