"""`manage.py check_consent_expiry`: run daily by cron. Safe to run any number of times a day.

1. Stories whose consent ran out (its expiry date has passed) are taken down in every language, and staff
   are told. An expiry never waits for a person: an expired consent is no consent.
2. Staff are warned once about each consent expiring within two weeks (once per expiry date, so a renewed
   consent is warned about again before its new date).
3. Storyteller requests whose staff email failed are emailed now.

Email is recorded as sent only once the mail server took it, so a failure today is retried tomorrow; the
take-downs never wait for email.
"""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from journeys.consent.models import ConsentRecord
from journeys.consent.tasks import retry_request_notifications, send_expired_notices, send_expiry_warnings
from journeys.consent.withdrawal import take_down_story

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Take down stories whose consent has expired, warn the Safeguarding team of consents expiring within two "
        "weeks, and resend storyteller request emails that failed. Run daily; safe to re-run."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        failures = 0

        expired = ConsentRecord.objects.filter(status=ConsentRecord.Status.ACTIVE, valid_until__lt=today)
        for consent in expired.order_by("pk"):
            try:
                pages = take_down_story(
                    consent, status=ConsentRecord.Status.EXPIRED, source=ConsentRecord.Source.EXPIRY
                )
            except Exception:
                logger.exception("Could not take down the story of consent record %s", consent.pk)
                self.stderr.write(f"Consent record {consent.pk}: take-down failed (see the log).")
                failures += 1
                continue
            self.stdout.write(f"Consent record {consent.pk} expired: {len(pages)} page(s) unpublished.")

        for label, send in (("expiry notices", send_expired_notices), ("expiry warnings", send_expiry_warnings)):
            try:
                count = send()
            except Exception:
                logger.exception("Could not send %s", label)
                self.stderr.write(f"Sending {label} failed; they will be tried again on the next run.")
                failures += 1
                continue
            if count:
                self.stdout.write(f"Sent {label} about {count} consent record(s).")

        sent, failed = retry_request_notifications()
        if sent:
            self.stdout.write(f"Emailed staff about {sent} storyteller request(s) held back earlier.")
        if failed:
            self.stderr.write(f"{failed} storyteller request email(s) still unsent; tried again on the next run.")
            failures += 1

        if failures:
            self.stderr.write(self.style.WARNING("Finished with failures."))
        else:
            self.stdout.write(self.style.SUCCESS("Consent check done."))
