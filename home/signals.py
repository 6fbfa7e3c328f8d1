"""Start a new content-cache generation whenever something cached from content may have changed."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .content_cache import clear_content_cache
from .models import CustomImage, Funder, NavigationMenu, OrganisationSettings

for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    signal.connect(clear_content_cache, dispatch_uid=f"content-cache-{signal!r}")

# Restrictions change what is public; images, when their focal point moves, get new renditions.
for model in (NavigationMenu, OrganisationSettings, Funder, PageViewRestriction, CustomImage):
    post_save.connect(clear_content_cache, sender=model, dispatch_uid=f"content-cache-saved-{model.__name__}")
    post_delete.connect(clear_content_cache, sender=model, dispatch_uid=f"content-cache-deleted-{model.__name__}")


def _clear_when_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        clear_content_cache()


post_delete.connect(_clear_when_page_deleted, dispatch_uid="content-cache-page-deleted")
