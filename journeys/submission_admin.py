"""Story submissions in the admin, seen only by the Safeguarding group."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import StorySubmission


class StorySubmissionViewSet(SnippetViewSet):
    model = StorySubmission
    icon = "mail"
    list_display = ["reference", "status", "created_at"]
