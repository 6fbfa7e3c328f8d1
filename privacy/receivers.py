"""Every signal receiver that keeps page privacy in step, and `connect()`, which registers each with its sender.

Called once from `PrivacyConfig.ready()`. Each receiver only notices a write and hands it to `privacy.sync`.
"""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import copy_for_translation_done, page_published, post_page_move

from . import rules, sync


def restriction_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # A group restriction's groups are written after the row itself: wait for them (m2m_changed) unless a
    # commit will come first anyway.
    sync.restrictions_changed(instance.page_id, complete=instance.restriction_type != PageViewRestriction.GROUPS)


def restriction_deleted(sender, instance, origin=None, **kwargs):
    # Only a restriction deleted for itself: one deleted with its page (origin is the page) is not a change of
    # privacy, and a deleted source must not make its translations public.
    if isinstance(origin, PageViewRestriction) or (
        isinstance(origin, QuerySet) and origin.model is PageViewRestriction
    ):
        sync.restrictions_changed(instance.page_id)


def restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        sync.restrictions_changed(instance.page_id)
    elif pk_set:
        # group.pageviewrestriction_set.add(...): the restrictions are the other side.
        page_ids = PageViewRestriction.objects.filter(pk__in=pk_set).values_list("page_id", flat=True)
        for page_id in sorted(set(page_ids)):
            sync.restrictions_changed(page_id)


def translation_created(sender, source_obj, target_obj, **kwargs):
    """A translation or alias was just created (Wagtail, wagtail-localize and simple_translation all go through
    copy_for_translation): it gets its source's restrictions, once, with no duplicate from the copy."""
    if isinstance(target_obj, Page) and not sync.is_syncing():
        sync.page_created_or_saved(target_obj)


def page_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """Two kinds of save need privacy brought in step; any other costs nothing here.

    A page became an alias: created as one (Page.create_alias, the admin's "Copy" with "alias" ticked, in the
    same locale or another) or converted into one (wagtail-localize's "convert to alias" saves `alias_of_id`).
    No other signal covers these: a same-locale alias is no translation and is not published, and Wagtail
    copies the source's restrictions onto a new alias only when its new parent has none.

    A page that decides its own privacy (rule 1: a toolkit's "members only" box, a briefing archive) was saved
    with that choice: a draft save (save_revision) writes only bookkeeping fields, so privacy follows the
    published choice.
    """
    if raw or sync.is_syncing():
        return
    fields = set(update_fields or ())
    becomes_alias = instance.alias_of_id and (created or {"alias_of", "alias_of_id"} & fields)
    # A plain Page instance saves no page type's own fields, so cannot have changed its choice.
    decides_own_privacy = (
        type(instance) is not Page
        and (update_fields is None or "members_only" in fields)
        and rules.members_only_setting(instance) is not None
    )
    if becomes_alias or decides_own_privacy:
        sync.page_created_or_saved(instance)


def page_published_receiver(sender, instance, **kwargs):
    """Publishing a translation (or its source) is a moment to make sure its privacy is its source's."""
    if not sync.is_syncing():
        sync.page_created_or_saved(instance)


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    """A page moved to another parent (page.move, the admin's move, a translation moved by an editor)."""
    if sync.is_syncing() or parent_page_before is None or parent_page_after is None:
        return
    if parent_page_before.pk == parent_page_after.pk:
        return
    page = Page.objects.filter(pk=instance.pk).first()
    if page is not None:
        sync.page_moved(page)


def connect():
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="privacy-restriction-saved")
    post_delete.connect(restriction_deleted, sender=PageViewRestriction, dispatch_uid="privacy-restriction-deleted")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="privacy-restriction-groups",
    )
    # Wagtail sends it from the page-copying action (wagtail-localize's translations go through it too).
    copy_for_translation_done.connect(
        translation_created, sender=CopyPageForTranslationAction, dispatch_uid="privacy-translation-created"
    )
    # Wagtail sends the page signals with the page's specific class as sender: one connection per page type.
    for model in get_page_models():
        label = model._meta.label_lower
        page_published.connect(page_published_receiver, sender=model, dispatch_uid=f"privacy-published-{label}")
        post_save.connect(page_saved, sender=model, dispatch_uid=f"privacy-page-saved-{label}")
        post_page_move.connect(page_moved, sender=model, dispatch_uid=f"privacy-moved-{label}")
