"""The read-only panel at the top of a story's edit screen: its consent record, every reason it cannot be
published, and its Safeguarding review.

The story does not know consent records or the review: the panel shows what they put in its context through
the `journeys_story_status` hook (`journeys.stories.hooks`). The storyteller's real name is never shown here.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from .hooks import story_status


class SafeguardingStatusPanel(Panel):
    """On a story's edit screen: its consent record, every reason it cannot be published, and its review."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Consent and Safeguarding review"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/panels_safeguarding_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(story_status(self.instance, self.request), is_saved=bool(self.instance.pk))
            return context
