"""Taking a story down: the one service every path calls (the admin's "Withdraw consent", the daily
expiry task, staff acting on a storyteller's request).

A storyteller who withdraws may be at risk while any copy of their story is reachable, so the take-down
covers every language and every alias, stops any review or scheduled publication that could bring a
version back, and takes the story's images off the site (see `CustomImage.quarantine`). All of it
happens in one transaction: either the story is down everywhere and the consent record says so, or
nothing changed and the caller sees the error.

The page history records who took the story down, when, and why in general terms (staff, the
storyteller, expiry); never the reason text, which may be sensitive: editors can read page history.
"""

import contextvars

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from home.content_cache import clear_content_cache
from journeys.stories.models import JourneyPage

from .models import ConsentRecord

WITHDRAWN_ACTION = "journeys.consent_withdrawn"
EXPIRED_ACTION = "journeys.consent_expired"
REQUEST_ACTION = "journeys.storyteller_request"
REQUEST_HANDLED_ACTION = "journeys.storyteller_request_handled"
LINK_REVOKED_ACTION = "journeys.storyteller_link_revoked"
EXPIRY_NOTICE_ACTION = "journeys.consent_expiry_notice_sent"

LOG_ACTIONS = [
    (WITHDRAWN_ACTION, _("Consent withdrawn"), _("Consent withdrawn: story taken down in every language")),
    (EXPIRED_ACTION, _("Consent expired"), _("Consent expired: story taken down in every language")),
    (REQUEST_ACTION, _("Storyteller request"), _("The storyteller sent a request through their private link")),
    (REQUEST_HANDLED_ACTION, _("Storyteller request handled"), _("A storyteller request was marked handled")),
    (LINK_REVOKED_ACTION, _("Storyteller link revoked"), _("Every storyteller link was revoked and a new one made")),
    (EXPIRY_NOTICE_ACTION, _("Expiry notice sent"), _("Staff were emailed that the consent expired")),
]

ACTION_FOR_STATUS = {
    ConsentRecord.Status.WITHDRAWN: WITHDRAWN_ACTION,
    ConsentRecord.Status.EXPIRED: EXPIRED_ACTION,
}


def story_pages(consent):
    """Every page of the story: each translation (they share the source page's translation key) and every
    alias of any of them, which would otherwise go on showing the content."""
    if consent.journey_id is None:
        return JourneyPage.objects.none()
    key = JourneyPage.objects.filter(pk=consent.journey_id).values_list("translation_key", flat=True).first()
    return pages_of_story(key)


def pages_of_story(translation_key):
    """The pages of the story with this translation key: each translation, and each alias of any of them."""
    return JourneyPage.objects.filter(
        Q(translation_key=translation_key) | Q(alias_of__translation_key=translation_key)
    ).order_by("path")


def page_image_ids(page):
    """Images of every version of the page there has ever been, and of its current content.

    An older published revision may show a photo the live one dropped, and a draft may add one that a later
    publication (or a preview link) would expose: any of them may have been seen, copied or cached, so all
    of them come off the site.
    """
    ids = set(page.image_ids())
    for revision in page.revisions.order_by("pk").iterator():
        ids |= revision.as_object().image_ids()
    return ids


def story_image_ids(pages):
    """Images of every revision of every page of the story (each translation and alias)."""
    ids = set()
    for page in pages:
        ids |= page_image_ids(page)
    return ids


def story_images(pages):
    return get_image_model().objects.filter(pk__in=story_image_ids(pages)).order_by("pk")


def cancel_workflows(page, user):
    for state in WorkflowState.objects.active().for_instance(page):
        state.cancel(user=user)


def clear_schedule(page):
    """No scheduled publication may bring the story back."""
    page.revisions.exclude(approved_go_live_at=None).update(approved_go_live_at=None)
    if page.go_live_at is not None:
        JourneyPage.objects.filter(pk=page.pk).update(go_live_at=None)
        page.go_live_at = None


def unpublish(page, user):
    """Unpublish as the acting user, logged, without the page-tree permission check: the right to take a
    story down is `journeys.withdraw_consent`, checked by the caller, and expiry has no user at all."""
    if not page.live:
        return False
    UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
    return True


# Set while take_down_story unpublishes every page of a story itself, so that nothing else does it for it.
taking_down = contextvars.ContextVar("journeys_taking_down", default=False)


def take_down_story(consent, *, status, source, user=None, reason=""):
    """Unpublish the story in every language and make its images unreachable; record who, when and why.

    `status` is ConsentRecord.Status.WITHDRAWN or EXPIRED; `source` a ConsentRecord.Source. Safe to call
    twice. Returns the pages that were unpublished.
    """
    if status not in ACTION_FOR_STATUS:
        raise ValueError(f"A story is taken down as withdrawn or expired, not {status!r}")
    token = taking_down.set(True)
    try:
        return _take_down_story(consent, status=status, source=source, user=user, reason=reason)
    finally:
        taking_down.reset(token)


def _take_down_story(consent, *, status, source, user, reason):
    with transaction.atomic():
        consent = ConsentRecord.objects.select_for_update().get(pk=consent.pk)
        pages = list(story_pages(consent).specific())
        # Before unpublishing, while each page still knows its live revision.
        image_ids = story_image_ids(pages)
        unpublished = []
        for page in pages:
            cancel_workflows(page, user)
            clear_schedule(page)
        # Aliases first would be redundant: unpublishing a source unpublishes its aliases, so go by path
        # (sources were created first) and skip whatever is no longer live.
        for page in pages:
            page.refresh_from_db(fields=["live", "live_revision", "has_unpublished_changes", "expired"])
            if unpublish(page, user):
                unpublished.append(page)
        for image in get_image_model().objects.filter(pk__in=image_ids).order_by("pk"):
            image.quarantine()

        # A withdrawal is final: it replaces an expiry, and an expiry never softens a withdrawal.
        changes_status = consent.status != status and consent.status != ConsentRecord.Status.WITHDRAWN
        if changes_status:
            consent.status = status
            consent.taken_down_at = timezone.now()
            consent.taken_down_by = user
            consent.take_down_source = source
            consent.take_down_reason = reason
            consent.save(
                update_fields=[
                    "status",
                    "taken_down_at",
                    "taken_down_by",
                    "take_down_source",
                    "take_down_reason",
                    "updated_at",
                ]
            )
            # On every page (its history is where editors look) and on the record (where Safeguarding looks).
            for instance in [*pages, consent]:
                log(instance=instance, action=ACTION_FOR_STATUS[status], user=user, data={"source": source})
        clear_content_cache()
        # Again once committed: a request between the first clear and the commit could cache the story.
        transaction.on_commit(clear_content_cache)
    return unpublished


def withdraw_consent(consent, *, user=None, reason="", source=ConsentRecord.Source.STAFF):
    return take_down_story(consent, status=ConsentRecord.Status.WITHDRAWN, source=source, user=user, reason=reason)
