"""The background task that emails a briefing, and its retries."""

import logging

from django_tasks import task

from .delivery import deliver_briefing

logger = logging.getLogger(__name__)


@task()
def send_briefing_email(briefing_id, retry_failed_now=False, force_resend=False):
    """Email a briefing to the members who have not had it yet. Safe to run twice: see `briefings.delivery`."""
    report = deliver_briefing(briefing_id, retry_failed_now=retry_failed_now, force_resend=force_resend)
    if report.next_retry_at is not None:
        schedule_retry(briefing_id, report.next_retry_at)
    return {"created": report.created, "sent": report.sent, "failed": report.failed}


def schedule_retry(briefing_id, when):
    """Run the task again when the next failed delivery is due, if the backend can run tasks later.

    django-tasks never retries a failed task itself. The database backend (production) can defer a task;
    the immediate backend (development, tests) cannot, and there `send_briefing --retry-failed` is the way.
    """
    if not send_briefing_email.get_backend().supports_defer:
        logger.warning(
            "Briefing %s has failed deliveries; run `manage.py send_briefing --retry-failed` to retry them.",
            briefing_id,
        )
        return None
    return send_briefing_email.using(run_after=when).enqueue(briefing_id)


def enqueue_briefing_email(briefing_id):
    """Start emailing a briefing; never lets a queue problem break the publication that triggered it."""
    try:
        return send_briefing_email.enqueue(briefing_id)
    except Exception:
        logger.exception("Could not enqueue the email of briefing %s.", briefing_id)
        return None
