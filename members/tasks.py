"""Email about membership, sent as background tasks (django-tasks).

The database change always comes first and is committed before a task is enqueued, so a mail server that is
down never loses an application or a decision: the task fails, the failure is logged, the person's data is
safe, and staff can resend (approving again re-sends the set-password link). Each task takes ids, not
objects, and is safe to run twice (it only sends mail).
"""

import logging

from django_tasks import task

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import override

from home.mail import (
    SERVER_DOWN_ERRORS,
    enqueue,  # noqa: F401  (callers import it from here)
)

from .models import MembershipApplication, User

logger = logging.getLogger(__name__)


def email_language(code):
    """The applicant's language if the site still offers it, otherwise the site's default."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_templated_email(template_prefix, recipient, context):
    """Render `<prefix>_subject.txt` and `<prefix>.txt` and send them as one email, with `<prefix>.html` as its
    HTML version where that template exists (the plain text is always there, for every mail program)."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}.txt", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    try:
        html = render_to_string(f"{template_prefix}.html", context)
    except TemplateDoesNotExist:
        html = None
    if html is not None:
        message.attach_alternative(html, "text/html")
    message.send()


def set_password_url(user):
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return site_url(reverse("members:set_password", kwargs={"uidb64": uidb64, "token": token}))


@task()
def send_application_receipt(application_id):
    application = MembershipApplication.objects.select_related("organisation").filter(pk=application_id).first()
    if application is None:  # withdrawn or deleted before the task ran
        return
    with override(email_language(application.language)):
        send_templated_email(
            "members/emails/application_received",
            application.email,
            {"application": application},
        )


def application_admin_url(application):
    """The application's page in the admin, where an approver reads it and approves or declines."""
    viewset = MembershipApplication.snippet_viewset
    return site_url(reverse(viewset.get_url_name("inspect"), args=[application.pk]))


def approvers():
    """The active people in the approvers group (settings.MEMBERSHIP_APPROVERS_GROUP) who have an address."""
    return (
        User.objects.filter(groups__name=settings.MEMBERSHIP_APPROVERS_GROUP, is_active=True)
        .exclude(email="")
        .order_by("email")
        .distinct()
    )


@task()
def notify_approvers_of_application(application_id):
    """Tell each approver about a new application, so a decision never waits for someone to happen to look.

    One email per approver: a refused address is logged and the others still get theirs; a mail server that is
    down fails the whole task (logged by django-tasks), and the application, already committed, is untouched.
    """
    application = MembershipApplication.objects.select_related("organisation").filter(pk=application_id).first()
    if application is None or not application.is_pending:  # withdrawn or already decided before the task ran
        return
    recipients = list(approvers())
    if not recipients:
        logger.warning(
            "Nobody active is in the %r group, so nobody was told about application %s: put the staff who decide "
            "applications in that group (or set MEMBERSHIP_APPROVERS_GROUP).",
            settings.MEMBERSHIP_APPROVERS_GROUP,
            application_id,
        )
        return
    context = {
        "application": application,
        "application_url": application_admin_url(application),
        "group": settings.MEMBERSHIP_APPROVERS_GROUP,
    }
    with override(settings.LANGUAGE_CODE):  # staff read the admin in the site's default language
        for approver in recipients:
            try:
                send_templated_email("members/emails/application_to_review", approver.email, context)
            except SERVER_DOWN_ERRORS:
                raise
            except Exception:
                logger.exception("Could not tell %s about application %s", approver.email, application_id)


@task()
def send_approval_email(user_id):
    user = User.objects.select_related("organisation").filter(pk=user_id).first()
    if user is None:
        return
    latest = user.membership_applications.order_by("-created_at").values_list("language", flat=True).first()
    with override(email_language(latest)):
        send_templated_email(
            "members/emails/application_approved",
            user.email,
            {
                "user": user,
                "set_password_url": set_password_url(user),
                "sign_in_url": site_url(reverse("members:sign_in")),
                "password_reset_days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
            },
        )


@task()
def send_rejection_email(application_id):
    application = MembershipApplication.objects.filter(pk=application_id).first()
    if application is None:
        return
    with override(email_language(application.language)):
        send_templated_email("members/emails/application_declined", application.email, {"application": application})


@task()
def send_rendered_email(subject, body, recipient):
    """Send an email already rendered in the request (Django's password reset builds its own)."""
    EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient]).send()
