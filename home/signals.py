"""Start a new content-cache generation whenever something cached from content may have changed; keep page
privacy the same in every language (home.translation_privacy)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from . import translation_privacy as _privacy
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


# Privacy holds in every language: a translation's restrictions are its source page's (home.translation_privacy).
post_save.connect(_privacy.restriction_saved, sender=PageViewRestriction, dispatch_uid="translation-privacy-saved")
post_delete.connect(
    _privacy.restriction_deleted, sender=PageViewRestriction, dispatch_uid="translation-privacy-deleted"
)
m2m_changed.connect(
    _privacy.restriction_groups_changed,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="translation-privacy-groups",
)
copy_for_translation_done.connect(_privacy.translation_created, dispatch_uid="translation-privacy-created")
page_published.connect(_privacy.page_published, dispatch_uid="translation-privacy-published")
# Any page model: aliases (in the same locale too) get their source's restrictions when created or converted.
post_save.connect(_privacy.page_saved, dispatch_uid="translation-privacy-alias")
# A source page moved: its translations follow it, and what the moved pages inherit is brought in step.
post_page_move.connect(_privacy.page_moved, dispatch_uid="translation-privacy-moved")
