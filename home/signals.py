"""Start a new content-cache generation whenever something cached from content may have changed."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .content_cache import clear_content_cache
from .models import CustomImage, Funder, NavigationMenu, OrganisationSettings


def connect():
    # Wagtail sends its page signals with the page's specific class as sender, and a page deleted with its
    # parent is deleted as its specific class too: one connection per page type.
    for model in get_page_models():
        label = model._meta.label_lower
        for signal in (page_published, page_unpublished, post_page_move, page_slug_changed, post_delete):
            signal.connect(clear_content_cache, sender=model, dispatch_uid=f"content-cache-{signal!r}-{label}")
    # Restrictions change what is public; images, when their focal point moves, get new renditions.
    for model in (NavigationMenu, OrganisationSettings, Funder, PageViewRestriction, CustomImage):
        post_save.connect(clear_content_cache, sender=model, dispatch_uid=f"content-cache-saved-{model.__name__}")
        post_delete.connect(clear_content_cache, sender=model, dispatch_uid=f"content-cache-deleted-{model.__name__}")
