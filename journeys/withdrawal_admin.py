"""Withdrawing consent from the admin, and the requests storytellers send through their private link."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import StorytellerRequest


class StorytellerRequestViewSet(SnippetViewSet):
    model = StorytellerRequest
    icon = "warning"
    list_display = ["__str__", "consent", "created_at", "handled_at"]
