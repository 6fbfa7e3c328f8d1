"""Email to the Safeguarding team: a storyteller's request, consents about to expire, stories taken down on expiry.

Every message goes to the active members of the Safeguarding group and the addresses in
`JOURNEYS_SAFEGUARDING_EMAILS`, and holds only what staff need to act: the kind of thing that happened and
a link into the admin. Never a storyteller's message, their story or any name: email is read on phones,
forwarded and kept for years, and the admin is where the details are safe.

What was sent is recorded only after the mail server accepted it (`staff_notified_at`,
`expiry_warning_sent_for`, an "expiry notice sent" log entry), so a failure is simply tried again by the
next `manage.py check_consent_expiry`, which calls the functions directly (it runs from cron, so it can
wait for the mail server and report). A storyteller's request is emailed from the public view by the
`notify_staff_of_request` task, so the storyteller never waits on the mail server.
"""

import datetime
import logging

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from home.mail import enqueue  # noqa: F401  (callers import it from here)
from journeys.team import SAFEGUARDING_GROUP

from .models import ConsentRecord, StorytellerRequest
from .withdrawal import EXPIRY_NOTICE_ACTION

logger = logging.getLogger(__name__)

WARNING_DAYS = 14


def safeguarding_recipients():
    """Active members of the Safeguarding group and the extra addresses in settings, each once."""
    emails = (
        get_user_model().objects.filter(groups__name=SAFEGUARDING_GROUP, is_active=True).values_list("email", flat=True)
    )
    found = {}
    for address in [*emails, *settings.JOURNEYS_SAFEGUARDING_EMAILS]:
        address = (address or "").strip()
        if address:
            found.setdefault(address.lower(), address)
    return sorted(found.values())


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def consent_admin_url(consent):
    return admin_url(ConsentRecord.snippet_viewset.get_url_name("edit"), consent.pk)


def request_admin_url(storyteller_request):
    viewset = StorytellerRequest.snippet_viewset
    return admin_url(viewset.get_url_name("inspect"), storyteller_request.pk)


def send_to_safeguarding(template_prefix, context):
    """Render `<prefix>_subject.txt` and `<prefix>.txt` and send them to the Safeguarding team.

    Raises if the mail server refuses or cannot be reached, so callers record nothing as sent.
    Returns False (and logs) when there is nobody to tell.
    """
    recipients = safeguarding_recipients()
    if not recipients:
        logger.error(
            "Nobody to email about %s: no Safeguarding members or JOURNEYS_SAFEGUARDING_EMAILS", template_prefix
        )
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}.txt", context)
    EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to=recipients).send()
    return True


def notify_request(request_id):
    """Tell staff about one storyteller request, unless they already were; True once they have been."""
    storyteller_request = StorytellerRequest.objects.filter(pk=request_id).first()
    if storyteller_request is None:
        return False
    if storyteller_request.staff_notified_at is not None:
        return True
    sent = send_to_safeguarding(
        "journeys/emails/storyteller_request",
        {"kind": storyteller_request.get_kind_display(), "admin_url": request_admin_url(storyteller_request)},
    )
    if sent:
        StorytellerRequest.objects.filter(pk=request_id, staff_notified_at__isnull=True).update(
            staff_notified_at=timezone.now()
        )
    return sent


def retry_request_notifications():
    """Send what a failed mail server held back; returns (sent, failed)."""
    sent = failed = 0
    for request_id in StorytellerRequest.objects.filter(staff_notified_at__isnull=True).values_list("pk", flat=True):
        try:
            if notify_request(request_id):
                sent += 1
            else:
                failed += 1
        except Exception:
            logger.exception("Could not email staff about storyteller request %s", request_id)
            failed += 1
    return sent, failed


def consents_to_warn(today=None):
    """Active consents expiring within two weeks whose staff have not been warned about this expiry date."""
    today = today or timezone.localdate()
    consents = ConsentRecord.objects.filter(
        status=ConsentRecord.Status.ACTIVE,
        valid_until__gte=today,
        valid_until__lte=today + datetime.timedelta(days=WARNING_DAYS),
    ).order_by("valid_until", "pk")
    return [consent for consent in consents if consent.expiry_warning_sent_for != consent.valid_until]


def send_expiry_warnings(today=None):
    """One email listing every consent newly due a warning; recorded only once the email was sent."""
    consents = consents_to_warn(today)
    if not consents:
        return 0
    items = [{"valid_until": consent.valid_until, "admin_url": consent_admin_url(consent)} for consent in consents]
    if not send_to_safeguarding("journeys/emails/consent_expiring", {"consents": items, "days": WARNING_DAYS}):
        return 0
    for consent in consents:
        ConsentRecord.objects.filter(pk=consent.pk).update(expiry_warning_sent_for=consent.valid_until)
    return len(consents)


def consents_expired_unnoticed():
    """Stories taken down on expiry that staff have not yet been told about."""
    notices = ModelLogEntry.objects.filter(
        content_type__app_label="journeys",
        content_type__model="consentrecord",
        object_id=OuterRef("pk__str"),
        action=EXPIRY_NOTICE_ACTION,
        timestamp__gte=OuterRef("taken_down_at"),
    )
    return (
        ConsentRecord.objects.filter(status=ConsentRecord.Status.EXPIRED, take_down_source=ConsentRecord.Source.EXPIRY)
        .annotate(pk__str=Cast("pk", CharField()))
        .exclude(Exists(notices))
        .order_by("valid_until", "pk")
    )


def send_expired_notices():
    consents = list(consents_expired_unnoticed())
    if not consents:
        return 0
    items = [{"valid_until": consent.valid_until, "admin_url": consent_admin_url(consent)} for consent in consents]
    if not send_to_safeguarding("journeys/emails/consent_expired", {"consents": items}):
        return 0
    for consent in consents:
        log(instance=consent, action=EXPIRY_NOTICE_ACTION)
    return len(consents)


@task()
def notify_staff_of_request(request_id):
    """Tell staff of a new request at once; if the mail server fails, the daily check sends it later."""
    try:
        notify_request(request_id)
    except Exception:
        logger.exception("Email about storyteller request %s failed; check_consent_expiry will retry it", request_id)
        raise
