"""Read-only panels that put the consent and the Safeguarding review where staff are working.

On a story's edit screen, editors see at once whether it can be published and, if not, every reason, in the
same words the site uses when it refuses. The storyteller's real name is never shown here: editors may not be
allowed to know it, and the consent record itself is one link away for those who are.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel
from wagtail.models import Locale, TaskState

VIEW_PERMISSION = "journeys.view_consentrecord"


def consent_record_url(user, consent, action):
    """The admin address of a consent record view, for a user allowed to open it (else None)."""
    from journeys.models import ConsentRecord

    if not user.has_perm(VIEW_PERMISSION):
        return None
    if action == "edit" and (
        consent.status == ConsentRecord.Status.WITHDRAWN or not user.has_perm("journeys.change_consentrecord")
    ):
        action = "inspect"
    try:
        return reverse(ConsentRecord.snippet_viewset.get_url_name(action), args=[consent.pk])
    except (AttributeError, NoReverseMatch):
        return None


def add_consent_url(user, page):
    """Where to add the record for this story: always against the story in the site's main language."""
    from journeys.models import ConsentRecord, JourneyPage

    if not (user.has_perm(VIEW_PERMISSION) and user.has_perm("journeys.add_consentrecord")):
        return None
    source = page
    default_locale = Locale.get_default()
    if page.locale_id != default_locale.pk:
        source = JourneyPage.objects.filter(translation_key=page.translation_key, locale=default_locale).first()
    if source is None or source.pk is None:
        return None
    try:
        url = reverse(ConsentRecord.snippet_viewset.get_url_name("add"))
    except (AttributeError, NoReverseMatch):
        return None
    return f"{url}?journey={source.pk}"


def review_status(page):
    """Whether the version being edited has passed the Safeguarding review, and where its review is."""
    from journeys.models.review import SafeguardingReviewTaskState
    from journeys.safeguarding import has_passed_review

    revision = page.get_latest_revision() if page.pk else None
    status = {"revision": revision, "passed": has_passed_review(revision), "approval": None, "state": "none"}
    if status["passed"]:
        status["approval"] = (
            SafeguardingReviewTaskState.objects.filter(revision_id=revision.pk, status=TaskState.STATUS_APPROVED)
            .select_related("finished_by")
            .order_by("-finished_at")
            .first()
        )
        status["state"] = "passed"
        return status
    workflow_state = page.current_workflow_state if page.pk else None
    if workflow_state is not None:
        status["state"] = "needs_changes" if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES else "review"
    return status


class SafeguardingStatusPanel(Panel):
    """On a story's edit screen: its consent record, every reason it cannot be published, and its review."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Consent and Safeguarding review"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/panels_safeguarding_status.html"

        def get_context_data(self, parent_context=None):
            from journeys.models import ConsentRecord
            from journeys.safeguarding import consent_problems

            context = super().get_context_data(parent_context)
            page = self.instance
            user = self.request.user
            consent = ConsentRecord.objects.for_page(page) if page.pk else None
            context.update(
                consent=consent,
                problems=consent_problems(page),
                consent_url=consent_record_url(user, consent, "edit") if consent else None,
                add_consent_url=None if consent else add_consent_url(user, page),
                review=review_status(page),
                is_saved=bool(page.pk),
            )
            return context


class ConsentRecordStatusPanel(Panel):
    """On a consent record's form: its status and any take-down, which nobody types in."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Status"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/panels_consent_record_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["record"] = self.instance if self.instance.pk else None
            return context
