"""The admin of Human Journeys: each capability's own hooks, and the Safeguarding menu that holds consent
records, storyteller requests and story submissions.

Wagtail looks for hooks only in this module: it imports each subpackage's hooks. Where the order of hooks
matters (the review's image and translation URLs stand in front of Wagtail's and wagtail-localize's), the
hook says so with its own `order`, whatever the order of these imports.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .consent import wagtail_hooks as consent_hooks  # noqa: F401
from .consent.admin import ConsentRecordViewSet
from .consent.withdrawal_admin import StorytellerRequestViewSet
from .review import wagtail_hooks as review_hooks  # noqa: F401
from .stories.admin import JourneyThemeViewSet
from .submissions.admin import StorySubmissionViewSet


class SafeguardingViewSetGroup(SnippetViewSetGroup):
    items = (ConsentRecordViewSet, StorytellerRequestViewSet, StorySubmissionViewSet)
    menu_label = _("Safeguarding")
    menu_icon = "lock"
    menu_name = "safeguarding"
    menu_order = 250


register_snippet(SafeguardingViewSetGroup)
register_snippet(JourneyThemeViewSet)
