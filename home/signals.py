"""Keep the cached site chrome in step with the menus, details and pages it shows."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .chrome import clear_site_chrome_cache
from .models import NavigationMenu, OrganisationSettings

for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    signal.connect(clear_site_chrome_cache, dispatch_uid=f"site-chrome-{signal!r}")
for model in (NavigationMenu, OrganisationSettings):
    post_save.connect(clear_site_chrome_cache, sender=model, dispatch_uid=f"site-chrome-saved-{model.__name__}")
    post_delete.connect(clear_site_chrome_cache, sender=model, dispatch_uid=f"site-chrome-deleted-{model.__name__}")


def _clear_when_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        clear_site_chrome_cache()


post_delete.connect(_clear_when_page_deleted, dispatch_uid="site-chrome-page-deleted")
