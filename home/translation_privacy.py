"""Page privacy holds in every language: a translation has exactly the restrictions of its source page.

wagtail-localize copies a page's privacy only when it translates or syncs, so a restriction added, changed or
removed afterwards would leave, say, the French version of a members-only toolkit public. Here the rule is
simple and one-way:

* The source page (the version in the default locale, settings.LANGUAGE_CODE) is the authority. Its own
  restrictions (types, passwords, groups) are copied onto every translation and every alias of the page, in
  every locale, as soon as they change: no more, no fewer, no duplicates. An alias gets them when it is
  created (in the source's own locale too) or converted from a translation, whatever its new parent has.
* A restriction added, changed or removed directly on a translation is replaced by the source's once that
  change is complete (committed). The union is never kept: editors change privacy on the source page. A
  translation may therefore become public if its source is public; that is the price of one place to look.
* A page with no version in the default locale (written directly in French, say) has no authority above it
  and is left as it is.
* Restrictions inherited from an ancestor are not copied: the translation's ancestors are translations (or
  aliases) of the source's ancestors, and each of them follows its own source by this same rule.
* Deleting a page (and with it its restrictions) changes nothing on the other languages: a deleted source
  is no reason to make its translations public.

`manage.py check_translation_privacy` finds (and with --fix repairs) what drifted anyway, for example rows
written with signals off or before this module existed.
"""

import contextlib
import contextvars
from collections import Counter
from functools import partial

from django.db import transaction
from django.db.models import Q, QuerySet
from django.dispatch import Signal

from wagtail.models import Locale, Page, PageViewRestriction

# Sent after a translation's restrictions were made equal to its source's, with `source` and `translation`
# (plain Page instances): lets an app keep a field that mirrors privacy (a toolkit's "members only" box) in
# step in every language.
translation_privacy_synced = Signal()

_syncing = contextvars.ContextVar("translation_privacy_syncing", default=False)


@contextlib.contextmanager
def _guard():
    """Changes made here to keep translations in step must not set off another round of syncing."""
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def restriction_spec(restriction):
    """What makes two restrictions equivalent: their type, password and groups (never the row id)."""
    return (
        restriction.restriction_type,
        restriction.password or "",
        frozenset(group.pk for group in restriction.groups.all()),
    )


def page_restrictions(page):
    page_id = page.pk if isinstance(page, Page) else page
    return list(PageViewRestriction.objects.filter(page_id=page_id).prefetch_related("groups").order_by("pk"))


def restriction_specs(page):
    """The page's own restrictions as a multiset of specs: two equal rows count twice."""
    return Counter(restriction_spec(restriction) for restriction in page_restrictions(page))


def describe_specs(specs):
    """A short human description of restrictions, for reports: "public", or "groups [Members]; login"."""
    if not specs:
        return "public"
    from django.contrib.auth.models import Group

    names = dict(Group.objects.values_list("pk", "name"))
    parts = []
    for (restriction_type, _password, groups), count in sorted(specs.items(), key=str):
        text = restriction_type
        if groups:
            text += " [" + ", ".join(sorted(names.get(pk, str(pk)) for pk in groups)) + "]"
        parts.extend([text] * count)
    return "; ".join(parts)


def source_of(page):
    """The page in the default locale that `page` is a translation (or an alias) of; the page itself when it is
    the source; None when there is no version in the default locale."""
    key = page.translation_key
    if page.alias_of_id:
        key = Page.objects.filter(pk=page.alias_of_id).values_list("translation_key", flat=True).first() or key
    return (
        Page.objects.filter(translation_key=key, locale_id=Locale.get_default().pk, alias_of__isnull=True)
        .order_by("pk")
        .first()
    )


def copies_of(source):
    """Every translation of the source page in every locale, and every alias of any of them."""
    key = source.translation_key
    return (
        Page.objects.filter(Q(translation_key=key) | Q(alias_of__translation_key=key))
        .exclude(pk=source.pk)
        .order_by("path")
    )


def conform(page, source, wanted=None):
    """Make the page's own restrictions exactly the source's (`wanted`, their specs, when already known);
    returns True when anything had to change.

    Rows that already match a source restriction are kept (so nothing is needlessly logged), missing ones are
    created and the rest deleted.
    """
    with _guard(), transaction.atomic():
        if wanted is None:
            wanted = [restriction_spec(restriction) for restriction in page_restrictions(source)]
        missing = list(wanted)
        extra = []
        for restriction in page_restrictions(page):
            spec = restriction_spec(restriction)
            if spec in missing:
                missing.remove(spec)
            else:
                extra.append(restriction)
        for restriction_type, password, groups in missing:
            restriction = PageViewRestriction(page_id=page.pk, restriction_type=restriction_type, password=password)
            restriction.save()
            restriction.groups.set(groups)
        for restriction in extra:
            restriction.delete()
        page.__dict__.pop("_view_restrictions", None)
    translation_privacy_synced.send(sender=Page, source=source, translation=page)
    return bool(missing or extra)


def mirror(source):
    """Copy the source page's restrictions onto every translation and alias; returns the pages changed."""
    wanted = [restriction_spec(restriction) for restriction in page_restrictions(source)]
    return [page for page in copies_of(source) if conform(page, source, wanted)]


def sync_page(page):
    """Bring the page in step with its languages: a source is copied to its translations, a translation is
    made equal to its source. Returns the pages whose restrictions changed."""
    source = source_of(page)
    if source is None:
        return []
    if source.pk == page.pk:
        return mirror(source)
    return [page] if conform(page, source) else []


def follow_source(page):
    """For code that sets privacy from a page's own fields: when `page` is a translation, make its
    restrictions its source's instead and return True; return False for a source (or unsourced) page."""
    source = source_of(page)
    if source is None or source.pk == page.pk:
        return False
    conform(page, source)
    return True


def _sync_page_id(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        sync_page(page)


def restrictions_changed(page_id, *, complete=True):
    """A restriction of this page changed. On a source page the change is copied to every translation at
    once (only other pages' rows are written). On a translation it is undone once it is complete: after the
    commit inside a transaction (the admin saves a restriction, then its groups), or at once otherwise when
    `complete` says no further write to that restriction follows."""
    if _syncing.get():
        return
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    source = source_of(page)
    if source is None:
        return
    if source.pk == page.pk:
        mirror(source)
    elif transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(_sync_page_id, page.pk))
    elif complete:
        sync_page(page)


# Signal receivers, connected in home/signals.py.


def restriction_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # A group restriction's groups are written after the row itself: wait for them (m2m_changed) unless a
    # commit will come first anyway.
    restrictions_changed(instance.page_id, complete=instance.restriction_type != PageViewRestriction.GROUPS)


def restriction_deleted(sender, instance, origin=None, **kwargs):
    # Only a restriction deleted for itself: one deleted with its page (origin is the page) is not a change of
    # privacy, and a deleted source must not make its translations public.
    if isinstance(origin, PageViewRestriction) or (
        isinstance(origin, QuerySet) and origin.model is PageViewRestriction
    ):
        restrictions_changed(instance.page_id)


def restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        restrictions_changed(instance.page_id)
    elif pk_set:
        # group.pageviewrestriction_set.add(...): the restrictions are the other side.
        page_ids = PageViewRestriction.objects.filter(pk__in=pk_set).values_list("page_id", flat=True)
        for page_id in sorted(set(page_ids)):
            restrictions_changed(page_id)


def translation_created(sender, source_obj, target_obj, **kwargs):
    """A translation or alias was just created (Wagtail, wagtail-localize and simple_translation all go through
    copy_for_translation): it gets its source's restrictions, once, with no duplicate from the copy."""
    if isinstance(target_obj, Page) and not _syncing.get():
        sync_page(target_obj)


def page_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """A page became an alias: created as one (Page.create_alias, the admin's "Copy" with "alias" ticked, in the
    same locale or another) or converted into one (wagtail-localize's "convert to alias" saves `alias_of_id`).

    No other signal covers these: a same-locale alias is no translation (copy_for_translation_done is not sent)
    and is not published, and Wagtail copies the source's restrictions onto a new alias only when its new
    parent has none (so an alias under any restricted section got none of its own, and lost every restriction
    the day that section's was lifted). Wagtail's own copies, saved just after, are reconciled by the
    restriction signals above: no duplicate stays. Other saves of an alias are left to page_published, which
    Wagtail sends for every alias it updates after its source is published.
    """
    if raw or _syncing.get() or not isinstance(instance, Page) or not instance.alias_of_id:
        return
    if created or {"alias_of", "alias_of_id"} & set(update_fields or ()):
        sync_page(instance)


def page_published(sender, instance, **kwargs):
    """Publishing a translation (or its source) is a moment to make sure its privacy is its source's."""
    if not _syncing.get():
        sync_page(instance)
