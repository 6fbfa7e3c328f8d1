"""Keep cached menus in step with the pages and menus they show."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import NavigationMenu
from .navigation import clear_navigation_cache

for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    signal.connect(clear_navigation_cache, dispatch_uid=f"navigation-{signal!r}")
post_save.connect(clear_navigation_cache, sender=NavigationMenu, dispatch_uid="navigation-menu-saved")
post_delete.connect(clear_navigation_cache, sender=NavigationMenu, dispatch_uid="navigation-menu-deleted")


def _clear_when_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        clear_navigation_cache()


post_delete.connect(_clear_when_page_deleted, dispatch_uid="navigation-page-deleted")
