"""The stories' part of the admin: the themes, as snippets (registered by `journeys.wagtail_hooks`)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import JourneyTheme


class JourneyThemeViewSet(SnippetViewSet):
    model = JourneyTheme
    icon = "tag"
    menu_label = _("Journey themes")
    list_display = ["name", "slug"]
