"""A story goes the way its original goes, in every language.

A translation is a page of its own: wagtail-localize copies the original's storyteller fields into it only when
a translator syncs, and Wagtail unpublishes or deletes one page at a time. So, whatever path changes the
original or the consent record:

* The original is published with different storyteller fields (its identity level, names, town, "as told
  to", content warnings): every live translation that still says the old thing is taken off the site. Its
  text was written and reviewed around the old names; it comes back through a sync and its own review.
* The consent record changes so that a live page of the story shows more than it now allows (a lower
  identity level, the website no longer covered, a name it now hides): that page is taken off the site.
  Expiry and withdrawal are the daily task's and the withdrawal's to handle (they also quarantine images
  and tell staff).
* The original is unpublished, or deleted: every translation and alias goes off the site with it. An
  orphaned translation has no consent record to answer to (the record points at the original) and could
  never be withdrawn.

Pages taken off the site are unpublished, logged as Wagtail logs an unpublish, and never deleted.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Locale

from journeys.stories.models import STORYTELLER_FIELDS, JourneyPage
from privacy.rules import page_label, source_of

from .checks import identity_problems
from .models import ConsentRecord
from .withdrawal import pages_of_story, story_pages, take_down_story, taking_down, unpublish


def is_original(page):
    return page.locale_id == Locale.get_default().pk and not page.alias_of_id


def other_live_pages(original):
    """The story's other live pages: its translations and the aliases of any page of it."""
    return pages_of_story(original.translation_key).live().exclude(pk=original.pk)


def storyteller_fields(page):
    return {name: getattr(page, name) for name in STORYTELLER_FIELDS}


def unpublish_all(pages):
    for page in pages:
        page.refresh_from_db(fields=["live", "live_revision", "has_unpublished_changes", "expired"])
        unpublish(page, user=None)


def original_published(sender, instance, **kwargs):
    """`page_published`: translations that name or warn differently from the original come off the site."""
    page = instance.specific
    if taking_down.get() or not is_original(page):
        return
    said = storyteller_fields(page)
    unpublish_all(
        other for other in other_live_pages(page) if not other.alias_of_id and storyteller_fields(other) != said
    )


def original_unpublished(sender, instance, **kwargs):
    """`page_unpublished` and `pre_delete`: every other language goes with the original."""
    page = instance.specific if hasattr(instance, "specific") else instance
    if taking_down.get() or not isinstance(page, JourneyPage) or not is_original(page):
        return
    unpublish_all(other_live_pages(page))


def consent_saved(sender, instance, raw=False, **kwargs):
    """`post_save` of a consent record: a live page showing more than the record now allows comes off."""
    if raw or taking_down.get() or instance.status != ConsentRecord.Status.ACTIVE or instance.journey_id is None:
        return
    original = JourneyPage.objects.filter(pk=instance.journey_id).first()
    if original is None:
        return
    pages = [original, *other_live_pages(original)]
    unpublish_all(page for page in pages if page.live and identity_problems(page, instance))


def consent_keeps_its_story(sender, instance, raw=False, **kwargs):
    """`pre_save` of a consent record: it never moves to another story while its own is live in any language,
    which would leave that story on the site with no consent to answer to (and a withdrawal would take down
    the wrong one)."""
    if raw or not instance.pk:
        return
    previous = ConsentRecord.objects.filter(pk=instance.pk).values_list("journey_id", flat=True).first()
    if previous is None or previous == instance.journey_id:
        return
    original = JourneyPage.objects.filter(pk=previous).first()
    if original is None:
        return
    if JourneyPage.objects.filter(pk=instance.journey_id, translation_key=original.translation_key).exists():
        return  # to another language of the same story (the check command puts it back on the original)
    if original.live or other_live_pages(original).exists():
        raise PermissionDenied(_("A consent record stays with its story while the story is on the site."))


def check_consent(problem, *, fix=False):
    """One consent record per story, on the original; no language live without active consent. Called by
    `manage.py check_translation_privacy` (a `check_translation_privacy` hook), which reports and counts."""
    sources = JourneyPage.objects.filter(alias_of__isnull=True).select_related("locale").order_by("path")
    for source in sources:
        authority = source_of(source)
        if authority is None or authority.pk != source.pk:
            continue
        records = list(ConsentRecord.objects.filter(journey__translation_key=source.translation_key))
        if len(records) > 1:
            problem(f"Consent: {page_label(source)} has {len(records)} consent records", fixable=False)
            continue
        record = records[0] if records else None
        if record is not None and record.journey_id != source.pk:
            problem(
                f"Consent: the record of {page_label(source)} is attached to "
                f"{page_label(record.journey)} instead of the source page"
            )
            if fix:
                record.journey = source
                record.save(update_fields=["journey", "updated_at"])
        copies = JourneyPage.objects.filter(translation_key=source.translation_key)
        pages = story_pages(record) if record is not None else copies
        live = [page for page in pages.select_related("locale") if page.live]
        if live and (record is None or not record.is_active):
            state = "no consent record" if record is None else record.get_status_display()
            labels = ", ".join(page_label(page) for page in live)
            problem(f"Consent: {labels} live with {state}")
            if fix:
                with transaction.atomic():
                    if record is None:
                        for page in live:
                            unpublish(page, None)
                    else:
                        take_down_story(
                            record,
                            status=record.status,
                            source=record.take_down_source or ConsentRecord.Source.STAFF,
                        )

    # A translation whose original was deleted has no source and no consent record to answer to.
    for page in JourneyPage.objects.live().filter(alias_of__isnull=True).select_related("locale").order_by("path"):
        if source_of(page) is None and ConsentRecord.objects.for_page(page) is None:
            problem(f"Consent: {page_label(page)} live with no original and no consent record")
            if fix:
                unpublish(page, None)
