"""Consent records in the admin, seen only by staff with the Safeguarding permissions."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ConsentRecord


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "form"
    list_display = ["__str__", "status", "valid_until"]
