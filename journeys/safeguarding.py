"""Whether a story may be published: the one place that decides, whatever path publishing takes.

The admin's page form, the Safeguarding review's approval and a `pre_save` guard on JourneyPage all ask
`publication_problems`. The guard is the last line: it refuses any save that makes a story live (the
admin's Publish, a workflow's final approval, scheduled publishing, a translation published from the
translation editor, a script) unless the revision going live passed its own Safeguarding review and the
consent record allows it.
"""

import re

from django.core.exceptions import PermissionDenied
from django.utils import formats
from django.utils.translation import gettext as _

from wagtail.models import TaskState

from journeys.models.consent import ConsentRecord
from journeys.models.pages import IdentityLevel, JourneyPage
from journeys.models.review import SafeguardingReviewTaskState, is_safeguarder


class PublicationRefused(PermissionDenied):
    """Raised when something tries to make a story live that must not be."""

    def __init__(self, problems):
        self.problems = [str(problem) for problem in problems]
        super().__init__(" ".join(self.problems))


# Fields where a hidden name must not turn up, with the label staff see in the message.
TEXT_FIELDS = [
    ("title", "title"),
    ("slug", "slug"),
    ("seo_title", "title for search engines"),
    ("search_description", "search description"),
    ("listing_title", "listing title"),
    ("listing_summary", "listing summary"),
    ("social_text", "social media text"),
    ("introduction", "introduction"),
]


def hidden_name_parts(page, consent):
    """Parts of the real name that the page's identity level keeps off the site."""
    level = page.identity_level
    if level == IdentityLevel.FULL_NAME:
        return set()
    parts = {part.casefold() for part in re.findall(r"\w+", consent.storyteller_name) if len(part) > 1}
    if level in (IdentityLevel.FIRST_NAME, IdentityLevel.FIRST_NAME_AND_TOWN):
        shown = {part.casefold() for part in re.findall(r"\w+", page.storyteller_first_name)}
        parts -= shown
    return parts


def fields_revealing(page, parts):
    """Labels of the page's fields in which any of the hidden name parts appears as a word."""
    if not parts:
        return []
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(part) for part in sorted(parts)) + r")(?!\w)", re.I)
    found = []
    for field_name, label in TEXT_FIELDS:
        value = (getattr(page, field_name, "") or "").replace("-", " ")
        if pattern.search(value):
            found.append(_(label))
    if pattern.search(page.story_text()):
        found.append(_("story"))
    return found


def consent_problems(page, today=None):
    """Why the consent record does not allow this version of the story to be on the website."""
    consent = ConsentRecord.objects.for_page(page)
    if consent is None:
        return [
            _(
                "This story has no consent record. Add one under Safeguarding › Consent records before it can be "
                "published."
            )
        ]
    if consent.status == ConsentRecord.Status.WITHDRAWN:
        return [_("The storyteller's consent was withdrawn: this story cannot be published again.")]
    problems = []
    if consent.status == ConsentRecord.Status.EXPIRED or consent.has_expired(today):
        problems.append(
            _("The consent expired on %(date)s. Renew it (a new expiry date) before publishing.")
            % {"date": formats.date_format(consent.valid_until)}
        )
    if not consent.covers_website:
        problems.append(_("The consent record does not cover the website."))
    if IdentityLevel.exposure(page.identity_level) > IdentityLevel.exposure(consent.identity_level):
        problems.append(
            _("The story names the storyteller by “%(page_level)s”, but they agreed only to “%(agreed)s”.")
            % {
                "page_level": IdentityLevel(page.identity_level).label,
                "agreed": IdentityLevel(consent.identity_level).label,
            }
        )
    revealing = fields_revealing(page, hidden_name_parts(page, consent))
    if revealing:
        problems.append(
            _("Part of the storyteller's real name appears in the %(fields)s, although the identity level hides it.")
            % {"fields": ", ".join(str(field) for field in revealing)}
        )
    return problems


def has_passed_review(revision):
    """An approved Safeguarding review, by a member of the group, of exactly this revision."""
    if revision is None:
        return False
    approvals = SafeguardingReviewTaskState.objects.filter(
        revision_id=revision.pk, status=TaskState.STATUS_APPROVED
    ).select_related("finished_by")
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


def refuse_unsafe_publication(sender, instance, raw=False, **kwargs):
    """`pre_save` guard on JourneyPage: refuse a save that makes a new revision of a story live."""
    if raw or not instance.live:
        return
    previous = None
    if instance.pk:
        previous = JourneyPage.objects.filter(pk=instance.pk).values("live", "live_revision_id").first()
    if previous and previous["live"] and previous["live_revision_id"] == instance.live_revision_id:
        return  # already live with this revision: an unrelated save (locking, moving, a renamed slug)
    problems = publication_problems(instance, instance.live_revision)
    if problems:
        raise PublicationRefused(problems)
