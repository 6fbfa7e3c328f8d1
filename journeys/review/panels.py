"""The review part of a story's status panel (`journeys.stories.panels.SafeguardingStatusPanel`)."""

from wagtail.models import TaskState

from .guard import has_passed_review
from .models import SafeguardingReviewTaskState


def review_status(page):
    """Whether the version being edited has passed the Safeguarding review, and where its review is."""
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


def story_review_status(page, request):
    """The review part of a story's status panel (`journeys_story_status` hook)."""
    return {"review": review_status(page)}
