"""The only code that writes page privacy (PageViewRestriction rows), and only what `privacy.rules` says.

Editors write a page's own rows in the Privacy dialog and wagtail-localize copies rows when it translates;
every such write reaches `privacy.receivers`, which calls in here. This module then makes the rows of every
page concerned what `who_can_see` says (a source page's page-type rule, its translations and aliases in every
language, translations that moved with their source) and, once that is committed, sends `privacy_changed`
naming every page whose privacy changed.

wagtail-localize moves no translation when its source moves, so trees are kept parallel here: when a source
page moves, each of its translations and aliases in other locales is moved under the new parent's version in
that locale (an alias of the new parent is created there first when it has none, with a free slug when the
page's own is taken there), as wagtail.contrib.simple_translation does (which this site does not install).

Deleting a page (and with it its restrictions) changes nothing in other languages: a deleted source is no
reason to make its translations public.
"""

import contextlib
import contextvars
import logging
from functools import partial

from django.db import transaction
from django.db.models import Q

from wagtail.actions.move_page import MovePageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, PageViewRestriction, Revision

from .rules import copies_of, page_restrictions, restriction_spec, source_of, who_can_see
from .signals import privacy_changed

logger = logging.getLogger(__name__)

_syncing = contextvars.ContextVar("privacy_syncing", default=False)


@contextlib.contextmanager
def _guard():
    """Writes made here to keep pages in step must not set off another round of syncing."""
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def is_syncing():
    return _syncing.get()


def forget_cached_privacy(page):
    """BasePage.get_view_restrictions remembers its answer on the instance: forget it once rows changed."""
    page.__dict__.pop("_view_restrictions", None)


def conform(page, wanted=None):
    """Make the page's own rows what `who_can_see` says (`wanted`, a list of specs, when already known);
    returns True when anything had to change.

    Rows that already match are kept (so nothing is needlessly logged), missing ones are created and the rest
    deleted.
    """
    with _guard(), transaction.atomic():
        if wanted is None:
            wanted = who_can_see(page).wanted_own
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
        forget_cached_privacy(page)
    return bool(missing or extra)


def mirror(source):
    """Make the source page's own rows what its page type says, then give every translation and alias what it
    should carry; returns the pages changed."""
    changed = [source] if conform(source) else []
    source_privacy = who_can_see(source)
    for page in copies_of(source):
        if conform(page, who_can_see(page, source_privacy).wanted_own):
            changed.append(page)
    return changed


def sync_trees(*roots):
    """Bring every page in these subtrees, and every translation and alias of them, in step: what a page
    inherits changes when it or an ancestor moves or an ancestor's restrictions change (the roots are read
    again: a page moved since it was loaded has a new path). Returns the pages whose rows changed."""
    seen = set()
    changed = []
    for root in Page.objects.filter(pk__in=[root.pk for root in roots]).order_by("path"):
        for page in Page.objects.descendant_of(root, inclusive=True).order_by("path"):
            source = source_of(page)
            if source is None:
                if page.pk not in seen and conform(page):
                    changed.append(page)
                seen.add(page.pk)
                continue
            if source.pk in seen:
                continue
            seen.add(source.pk)
            changed.extend(mirror(source))
    return changed


def sync_page(page):
    """Bring the page in step with its languages: a source (with its page-type rule) is copied to its
    translations, a translation is made equal to its source. Returns the pages whose rows changed."""
    source = source_of(page)
    if source is None:
        return [page] if conform(page) else []
    if source.pk == page.pk:
        return mirror(source)
    return [page] if conform(page) else []


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


def affected_pages(pages):
    """Every page whose privacy follows from these pages' rows: the pages and all their descendants, as they
    are now in the database (ordered by path, one query)."""
    ids = [page.pk if isinstance(page, Page) else page for page in pages]
    paths = Page.objects.filter(pk__in=ids).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return Page.objects.filter(condition).order_by("path")


def report_change(pages):
    """Send `privacy_changed` for these pages (and their descendants) once the change is committed."""
    ids = sorted({page.pk if isinstance(page, Page) else page for page in pages})
    if not ids:
        return

    def send():
        changed = list(affected_pages(ids))
        if changed:
            privacy_changed.send(sender=Page, pages=changed)

    transaction.on_commit(send)


def _after_complete(function):
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(function)
    else:
        function()


def restrictions_changed(page_id, *, complete=True):
    """A restriction of this page was written from outside this module (the Privacy dialog, wagtail-localize's
    copy, a script).

    On a source page the page-type rule is applied and the change is copied to every translation at once
    (only other pages' rows are written, unless the rule corrects the page itself). On a translation it is
    undone once it is complete: after the commit inside a transaction (the admin saves a restriction, then its
    groups), or at once otherwise when `complete` says no further write to that restriction follows."""
    if _syncing.get():
        return
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    source = source_of(page)
    if source is None:
        # No authority over this page, but its descendants' translations may inherit from it.
        if complete or transaction.get_connection().in_atomic_block:
            _after_complete(partial(_sync_tree_and_report, page.pk))
        return
    if source.pk == page.pk:
        # What this page's descendants' translations inherit may have changed too.
        report_change([page, *sync_trees(source)])
    elif transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(_sync_page_and_report, page.pk))
    elif complete:
        _sync_page_and_report(page.pk)


def _sync_tree_and_report(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        report_change([page, *sync_trees(page)])


def _sync_page_and_report(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        report_change([page, *sync_page(page)])


def page_moved(page):
    """`page` moved to another parent: a source's translations follow it, and every moved subtree is brought
    in step."""
    moved = [page]
    source = source_of(page)
    if source is not None and source.pk == page.pk:
        moved.extend(move_translations(source))
    changed = sync_trees(*moved)
    report_change([*moved, *changed])


def page_created_or_saved(page):
    """A page was created as a translation or alias, became an alias, or a page that decides its own privacy
    (rule 1) was saved: bring it in step."""
    changed = sync_page(page)
    report_change(changed)
