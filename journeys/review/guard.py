"""Whether a story may be published: the one place that decides, whatever path publishing takes.

The admin's page form, the Safeguarding review's approval and a `pre_save` guard on JourneyPage all ask
`publication_problems`. The guard is the last line: it refuses any save that makes a story live (the
admin's Publish, a workflow's final approval, scheduled publishing, a translation published from the
translation editor, a script) unless the revision going live passed its own Safeguarding review and the
consent record allows it.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from wagtail.models import Page, TaskState

from journeys.consent.checks import consent_problems
from journeys.consent.models import ConsentRecord
from journeys.stories.models import JourneyPage
from journeys.team import is_safeguarder

from .models import SafeguardingReviewTaskState


class PublicationRefused(PermissionDenied):
    """Raised when something tries to make a story live that must not be."""

    def __init__(self, problems):
        self.problems = [str(problem) for problem in problems]
        super().__init__(" ".join(self.problems))


def last_taken_down_at(revision):
    """When the story of this revision was last taken down (consent expired or withdrawn), or None."""
    key = JourneyPage.objects.filter(pk=revision.object_id).values_list("translation_key", flat=True).first()
    if key is None:
        return None
    return ConsentRecord.objects.filter(journey__translation_key=key).values_list("taken_down_at", flat=True).first()


def has_passed_review(revision):
    """An approved Safeguarding review, by a member of the group, of exactly this revision, since the story
    was last taken down.

    An approval from before a take-down judged a story under a consent that then lapsed: once the consent is
    renewed, the story is reviewed again before it goes back on the site (whatever path publishes it: bulk
    publish, an old revision published again, a schedule).
    """
    if revision is None:
        return False
    approvals = SafeguardingReviewTaskState.objects.filter(revision_id=revision.pk, status=TaskState.STATUS_APPROVED)
    taken_down_at = last_taken_down_at(revision)
    if taken_down_at is not None:
        approvals = approvals.filter(finished_at__gt=taken_down_at)
    approvals = approvals.select_related("finished_by")
    return any(is_safeguarder(state.finished_by) for state in approvals if state.finished_by_id)


def review_problems(page, revision):
    if page.alias_of_id:
        # An alias shows its source page's content: it is live only when the source was published.
        source = JourneyPage.objects.filter(pk=page.alias_of_id).values_list("live", flat=True).first()
        return [] if source else [_("The original of this alias is not published.")]
    if has_passed_review(revision):
        return []
    return [
        _(
            "Stories are published by passing the Safeguarding review: use “Submit to Safeguarding review”. "
            "Every change to a published story is reviewed again."
        )
    ]


def publication_problems(page, revision):
    """Everything that stops `revision` of `page` going live; empty when it may."""
    return [*consent_problems(page), *review_problems(page, revision)]


# Page's own fields that readers see; every other field a story has is its own or its mixins' (all content).
PAGE_CONTENT_FIELDS = {"title", "slug", "seo_title", "search_description"}


def content_fields():
    """The columns of a story that readers see: what only a reviewed revision may change on a live story."""
    return [
        field
        for field in JourneyPage._meta.concrete_fields
        if (field.model is not Page and not field.primary_key) or field.name in PAGE_CONTENT_FIELDS
    ]


def writes_unreviewed_content(instance, update_fields):
    """Whether saving `instance` would change what readers see of the live story without publishing a revision
    (wagtail-localize's "save the translation" writes the translated text straight into the page, for one)."""
    fields = content_fields()
    if update_fields is not None:
        written = set(update_fields)
        fields = [field for field in fields if field.name in written or field.attname in written]
        if not fields:
            return False
    if instance.alias_of_id:
        # Wagtail keeps an alias's content equal to its original's, copying it in whenever the original is
        # published: the alias may hold exactly what the (guarded) original holds, and nothing else. Its slug
        # is its own.
        fields = [field for field in fields if field.name != "slug"]
        stored = JourneyPage.objects.filter(pk=instance.alias_of_id).values(*(f.attname for f in fields)).first()
        if stored is None:
            return True
    else:
        stored = JourneyPage.objects.filter(pk=instance.pk).values(*(field.attname for field in fields)).first()
        if stored is None:
            return False
    return any(
        field.get_prep_value(getattr(instance, field.attname)) != field.get_prep_value(stored[field.attname])
        for field in fields
    )


def refuse_unsafe_publication(sender, instance, raw=False, update_fields=None, **kwargs):
    """`pre_save` guard on JourneyPage: refuse a save that makes a new revision of a story live, or that
    changes what readers see of a live story other than by publishing a reviewed revision."""
    if raw or not instance.live:
        return
    previous = None
    if instance.pk:
        previous = JourneyPage.objects.filter(pk=instance.pk).values("live", "live_revision_id").first()
    if previous and previous["live"] and previous["live_revision_id"] == instance.live_revision_id:
        # Already live with this revision: an unrelated save (locking, moving, a draft's bookkeeping) passes;
        # new text written into the live story does not.
        if writes_unreviewed_content(instance, update_fields):
            raise PublicationRefused(
                [
                    _(
                        "A published story changes only by publishing a revision that passed the Safeguarding "
                        "review. Save your changes as a draft and submit them to the review."
                    )
                ]
            )
        return
    problems = publication_problems(instance, instance.live_revision)
    if problems:
        raise PublicationRefused(problems)
