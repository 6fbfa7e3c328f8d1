from django.utils.translation import gettext_lazy as _

from wagtail import hooks
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


@hooks.register("construct_image_chooser_queryset")
def hide_quarantined_images(images, request):
    """An image taken off the site with a withdrawn story must not be picked again for another page."""
    return images.filter(quarantined_at__isnull=True)
