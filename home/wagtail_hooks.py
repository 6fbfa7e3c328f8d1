from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Funder, NavigationMenu


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation menus")
    list_display = ["__str__", "locale"]
    list_filter = ["location", "locale"]


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "group"
    list_display = ["name", "url", "sort_order"]
    search_fields = ["name"]


register_snippet(NavigationMenuViewSet)
register_snippet(FunderViewSet)
