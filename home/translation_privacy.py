"""Page privacy holds in every language: a translation gets at least what its source page gets.

What a page "gets" is its effective privacy: its own restrictions plus every restriction on its ancestors
(Wagtail checks them all when serving, and listings, search and the sitemap leave out a page under any of
them). wagtail-localize copies a page's privacy only when it translates or syncs, and moves no translation
when its source moves, so without this module the French version of a members-only toolkit, or of a page
moved into a members-only section, would stay public. The rule is one-way:

* The source page (the version in the default locale, settings.LANGUAGE_CODE) is the authority. Its own
  restrictions (types, passwords, groups) are copied onto every translation and every alias of the page, in
  every locale, as soon as they change: no duplicates. An alias gets them when it is created (in the
  source's own locale too) or converted from a translation, whatever its new parent has.
* Trees stay parallel: when a source page is moved to another parent, each of its translations and aliases
  in the other locales is moved under the new parent's version in that locale (an alias of the new parent
  is created there first when it has none, with a free slug when the page's own is taken there). Then each
  translation inherits what its source inherits, from translations of the same ancestors.
* Where a translation still does not inherit a restriction its source inherits (trees that are not
  parallel: a translation an editor moved elsewhere, a move that could not be followed, rows written with
  signals off), the missing restriction is added to the translation itself. So a translation's own
  restrictions are exactly: its source's own, plus each restriction the source inherits and it does not.
  These extra rows go again once the translation inherits the restriction (it is moved back, say). A
  translation may inherit more than its source (it sits under a stricter section): that is left as it is.
* A restriction added, changed or removed directly on a translation is replaced by the above once that
  change is complete (committed). The union is never kept: editors change privacy on the source page. A
  translation may therefore become public if its source is public; that is the price of one place to look.
* A page with no version in the default locale (written directly in French, say) has no authority above it
  and is left as it is.
* Deleting a page (and with it its restrictions) changes nothing on the other languages: a deleted source
  is no reason to make its translations public.

Aliases: Wagtail serves an alias with its source's own restrictions and its own ancestors', never with rows
on the alias itself; BasePage.get_view_restrictions adds everything the alias's original gets, so an alias is
gated wherever it sits. The rows this module gives an alias keep it out of listings, search and the sitemap.

`manage.py check_translation_privacy` finds (and with --fix repairs) what drifted anyway, comparing
effective privacy, for example rows written with signals off or before this module existed.
"""

import contextlib
import contextvars
import logging
from collections import Counter
from functools import partial

from django.db import transaction
from django.db.models import Q, QuerySet
from django.dispatch import Signal

from wagtail.actions.move_page import MovePageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, PageViewRestriction, Revision

logger = logging.getLogger(__name__)

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


def _ancestor_ids(page):
    """The pages whose restrictions `page` inherits, as Wagtail resolves them when serving: each ancestor, or
    for an ancestor that is an alias, the page it is an alias of."""
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path), steplen)]
    ids = set()
    for pk, alias_of_id in Page.objects.filter(path__in=paths).values_list("pk", "alias_of_id"):
        ids.add(_resolve_alias(pk, alias_of_id))
    return ids


def _resolve_alias(pk, alias_of_id):
    """The page an alias (of an alias...) shows; `pk` itself for a page that is no alias."""
    seen = {pk}
    while alias_of_id and alias_of_id not in seen:
        seen.add(alias_of_id)
        pk = alias_of_id
        alias_of_id = Page.objects.filter(pk=pk).values_list("alias_of_id", flat=True).first()
    return pk


def inherited_specs(page):
    """The restrictions `page` gets from its ancestors, as a set of specs (two equal ones restrict as one)."""
    restrictions = PageViewRestriction.objects.filter(page_id__in=_ancestor_ids(page)).prefetch_related("groups")
    return {restriction_spec(restriction) for restriction in restrictions}


def _spec_key(spec):
    restriction_type, password, groups = spec
    return (restriction_type, password, sorted(groups))


def wanted_specs(page, source, source_own=None, source_inherited=None):
    """The own restrictions `page` (a translation or alias of `source`) should have: the source's own, plus
    each restriction the source inherits that the page does not inherit itself. A list of specs."""
    if source_own is None:
        source_own = [restriction_spec(restriction) for restriction in page_restrictions(source)]
    if source_inherited is None:
        source_inherited = inherited_specs(source)
    missing = set(source_inherited) - inherited_specs(page) - set(source_own)
    return list(source_own) + sorted(missing, key=_spec_key)


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
    """Make the page's own restrictions what they should be (wanted_specs; `wanted` when already known);
    returns True when anything had to change.

    Rows that already match a source restriction are kept (so nothing is needlessly logged), missing ones are
    created and the rest deleted.
    """
    with _guard(), transaction.atomic():
        if wanted is None:
            wanted = wanted_specs(page, source)
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
    """Copy the source page's restrictions onto every translation and alias (with what each does not inherit
    of the source's inherited ones); returns the pages changed."""
    own = [restriction_spec(restriction) for restriction in page_restrictions(source)]
    inherited = inherited_specs(source)
    return [page for page in copies_of(source) if conform(page, source, wanted_specs(page, source, own, inherited))]


def sync_trees(*roots):
    """Bring every page in these subtrees, and every translation and alias of them, in step: what a page
    inherits changes when it or an ancestor moves or an ancestor's restrictions change (the roots are read
    again: a page moved since it was loaded has a new path). Returns the pages whose restrictions changed."""
    seen = set()
    changed = []
    for root in Page.objects.filter(pk__in=[root.pk for root in roots]).order_by("path"):
        for page in Page.objects.descendant_of(root, inclusive=True).order_by("path"):
            source = source_of(page)
            if source is None or source.pk in seen:
                continue
            seen.add(source.pk)
            changed.extend(mirror(source))
    return changed


def parallel_parent(page, source):
    """Where `page` (a translation or alias of `source`, in another locale) belongs: the version of the
    source's parent in the page's locale, created as an alias (with any missing parents) when there is none.
    None when there is no such place (the source sits at the root)."""
    parent = source.get_parent()
    if parent is None or parent.depth <= 1:
        return None
    target = parent.get_translation_or_none(page.locale)
    if target is None:
        target = parent.copy_for_translation(page.locale, copy_parents=True, alias=True)
    return target


def move_into_place(page, source):
    """Move `page` (a translation or alias of `source` in another locale) under the version of the source's
    parent in its locale, with a free slug there. Returns True when it moved; raises when it cannot be."""
    page = Page.objects.get(pk=page.pk)
    with transaction.atomic():
        target = parallel_parent(page, source)
        if target is None or page.get_parent().pk == target.pk:
            return False
        if target.pk == page.pk or target.is_descendant_of(page):
            raise ValueError(f"page {page.pk} cannot move under its own descendant {target.pk}")
        slug = find_available_slug(target, page.slug, ignore_page_id=page.pk)
        if slug != page.slug:
            # Written without a save (a story translation refuses saves outside review), in the draft too, so
            # that publishing it later does not bring the taken slug back.
            Page.objects.filter(pk=page.pk).update(slug=slug)
            if page.latest_revision_id:
                revision = Revision.objects.filter(pk=page.latest_revision_id).first()
                if revision is not None and isinstance(revision.content, dict):
                    revision.content["slug"] = slug
                    revision.save(update_fields=["content"])
            page = Page.objects.get(pk=page.pk)
        with _guard():
            MovePageAction(page, target, pos="last-child").execute(skip_permission_checks=True)
    return True


def move_translations(source):
    """After `source` moved: move each of its translations and aliases in other locales into place. Returns
    the pages moved; one that cannot be moved is logged and left where it is (its privacy is still made
    at least its source's by sync_trees)."""
    moved = []
    copies = Page.objects.filter(translation_key=source.translation_key).exclude(locale_id=source.locale_id)
    for page in copies.select_related("locale").order_by("path"):
        try:
            if move_into_place(page, source):
                moved.append(page)
        except Exception:
            logger.exception("Could not move page %s after its source page %s moved", page.pk, source.pk)
    return moved


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
        # No authority over this page, but its descendants' translations may inherit from it.
        if complete or transaction.get_connection().in_atomic_block:
            _after_complete(partial(sync_trees, page))
        return
    if source.pk == page.pk:
        # Also what this page's descendants' translations inherit may have changed.
        sync_trees(source)
    elif transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(_sync_page_id, page.pk))
    elif complete:
        sync_page(page)


def _after_complete(function):
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(function)
    else:
        function()


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


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    """A page moved to another parent (page.move, the admin's move, a translation moved by an editor).

    wagtail-localize moves no translation, so a source page's translations and aliases in other locales are
    moved after it, as wagtail.contrib.simple_translation does (which this site does not install); then what
    every moved page and its descendants inherit has changed, so their privacy is brought in step."""
    if _syncing.get() or parent_page_before is None or parent_page_after is None:
        return
    if parent_page_before.pk == parent_page_after.pk:
        return
    page = Page.objects.filter(pk=instance.pk).first()
    if page is None:
        return
    moved = [page]
    source = source_of(page)
    if source is not None and source.pk == page.pk:
        moved.extend(move_translations(source))
    sync_trees(*moved)
