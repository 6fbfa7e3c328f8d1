"""Emailing a briefing: one message per member, each recorded, so a run can repeat without sending twice.

`deliver_briefing` is what the background task and `manage.py send_briefing` both run:

1. it records a pending `BriefingDelivery` for every member who wants the briefing and has none yet;
2. it sends each delivery that is due, one message per address, each inside its own transaction holding a
   row lock (`select_for_update`), re-checking the status under the lock: a second run, even a concurrent
   one, finds it sent and skips it; one refused address fails alone;
3. a failed send is tried again later with growing delays, up to `MAX_ATTEMPTS` sends in all. Neither
   django-tasks backend retries a failed task, so retrying is done here: when the task backend can run a
   task later (the database backend in production), the task re-enqueues itself for the next due retry;
   otherwise (the immediate backend in development) `manage.py send_briefing --retry-failed`, run
   periodically, picks them up.

If the mail server cannot be reached at all, the run stops after the first failure, leaving the others
pending for the retry, rather than knocking on a closed door 350 times.
"""

import contextlib
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Min, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from home.mail import SERVER_DOWN_ERRORS

from .models import BriefingDelivery, PressBriefingPage
from .recipients import briefing_recipients

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# The wait after the 1st, 2nd, 3rd and 4th failed attempt.
RETRY_DELAYS = [timedelta(minutes=5), timedelta(minutes=20), timedelta(hours=1), timedelta(hours=3)]


def retry_delay(attempts):
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


@dataclass
class BriefingEmail:
    subject: str
    text: str
    html: str
    unsubscribe_url: str


@dataclass
class DeliveryReport:
    briefing_id: int
    created: int = 0
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    server_down: bool = False
    next_retry_at: object = None
    errors: list = field(default_factory=list)

    def __str__(self):
        return f"briefing {self.briefing_id}: {self.created} new recipients, {self.sent} sent, {self.failed} failed" + (
            " (mail server unreachable)" if self.server_down else ""
        )


def site_root_url(page):
    """The address the page's site is public at: the one its absolute URLs start with (SITE_URL, see
    home.public_address), never the Site record's placeholder `localhost`."""
    parts = page.get_url_parts()
    return parts[1] if parts and parts[1] else settings.WAGTAILADMIN_BASE_URL


def dashboard_url(root_url):
    """The member dashboard, where email preferences are changed (falls back to its address if the members
    app does not name the view)."""
    try:
        path = reverse("members:dashboard")
    except NoReverseMatch:
        path = f"/{translation.get_language() or settings.LANGUAGE_CODE}/members/"
    return urljoin(root_url, path)


def render_briefing_email(briefing):
    """Subject, plain text and HTML: the same for every member, so rendered once per run."""
    with translation.override(briefing.locale.language_code):
        root_url = site_root_url(briefing)
        context = {
            "briefing": briefing,
            "stories": briefing.stories,
            "briefing_url": urljoin(root_url, briefing.get_url() or ""),
            "dashboard_url": dashboard_url(root_url),
        }
        subject = _("IMIX press briefing: %(date)s") % {"date": date_format(briefing.date, "l j F Y")}
        return BriefingEmail(
            subject=subject,
            text=render_to_string("briefings/email/briefing.txt", context),
            html=render_to_string("briefings/email/briefing.html", context),
            unsubscribe_url=context["dashboard_url"],
        )


def record_recipients(briefing):
    """A pending delivery for every member who wants the briefing and has none for it yet; returns how many."""
    existing = set(BriefingDelivery.objects.filter(briefing=briefing).values_list("email", flat=True))
    new = []
    for user_id, email in briefing_recipients().values_list("pk", "email"):
        email = email.strip().lower()
        if email not in existing:
            existing.add(email)
            new.append(BriefingDelivery(briefing=briefing, user_id=user_id, email=email))
    BriefingDelivery.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _due(now, retry_failed_now):
    if retry_failed_now:
        return Q(status__in=[BriefingDelivery.Status.PENDING, BriefingDelivery.Status.FAILED])
    return Q(status=BriefingDelivery.Status.PENDING) | Q(
        status=BriefingDelivery.Status.FAILED, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now
    )


def _send_one(delivery_id, email, connection, due):
    """Send one delivery if it is still due; returns "sent", "failed", "down" or "skipped"."""
    with transaction.atomic():
        delivery = BriefingDelivery.objects.select_for_update(skip_locked=True).filter(due, pk=delivery_id).first()
        if delivery is None:  # sent or being sent by another run meanwhile
            return "skipped"
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.text,
            to=[delivery.email],
            connection=connection,
            headers={"List-Unsubscribe": f"<{email.unsubscribe_url}>"},
        )
        message.attach_alternative(email.html, "text/html")
        delivery.attempts += 1
        try:
            message.send()
        except Exception as error:  # any failure is recorded against this address only
            delivery.status = BriefingDelivery.Status.FAILED
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            delivery.next_attempt_at = (
                timezone.now() + retry_delay(delivery.attempts) if delivery.attempts < MAX_ATTEMPTS else None
            )
            delivery.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "updated_at"])
            logger.warning("Briefing %s to %s failed: %s", delivery.briefing_id, delivery.email, error)
            with contextlib.suppress(Exception):  # the next message starts on a fresh connection
                connection.close()
            return "down" if isinstance(error, SERVER_DOWN_ERRORS) else "failed"
        delivery.status = BriefingDelivery.Status.SENT
        delivery.sent_at = timezone.now()
        delivery.last_error = ""
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at", "updated_at"])
        return "sent"


def next_retry_at(briefing_id):
    return BriefingDelivery.objects.filter(
        briefing_id=briefing_id,
        status=BriefingDelivery.Status.FAILED,
        attempts__lt=MAX_ATTEMPTS,
        next_attempt_at__isnull=False,
        user__in=briefing_recipients(),
    ).aggregate(next_at=Min("next_attempt_at"))["next_at"]


def deliver_briefing(briefing_id, *, retry_failed_now=False, force_resend=False):
    """Email a live briefing to every member who wants it and has not had it; returns a DeliveryReport.

    `retry_failed_now` also re-sends failed deliveries at once, whatever their attempts and delays;
    `force_resend` sends it again to every current recipient, including those who already had it.
    """
    report = DeliveryReport(briefing_id=briefing_id)
    briefing = PressBriefingPage.objects.live().filter(pk=briefing_id).first()
    if briefing is None:
        logger.info("Briefing %s is not live: nothing sent.", briefing_id)
        return report
    report.created = record_recipients(briefing)
    recipients = briefing_recipients()
    if force_resend:
        BriefingDelivery.objects.filter(briefing=briefing, user__in=recipients).update(
            status=BriefingDelivery.Status.PENDING, attempts=0, next_attempt_at=None
        )
    due = _due(timezone.now(), retry_failed_now)
    # Only people who are still members who want it: someone suspended since the first try gets nothing.
    delivery_ids = list(
        BriefingDelivery.objects.filter(due, briefing=briefing, user__in=recipients)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if delivery_ids:
        email = render_briefing_email(briefing)
        connection = get_connection()
        try:
            for delivery_id in delivery_ids:
                outcome = _send_one(delivery_id, email, connection, due)
                if outcome == "sent":
                    report.sent += 1
                elif outcome == "skipped":
                    report.skipped += 1
                else:
                    report.failed += 1
                    if outcome == "down":
                        report.server_down = True
                        break
        finally:
            with contextlib.suppress(Exception):  # nothing left to send on it
                connection.close()
    # Deliveries not tried because the server was down stay pending and go out with the next retry.
    report.next_retry_at = next_retry_at(briefing.pk)
    logger.info("%s", report)
    return report
