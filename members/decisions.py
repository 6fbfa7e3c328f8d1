"""What happens when someone applies, when staff decide, and when a member leaves.

Views (site and admin) call these; they change the database in one transaction, log staff decisions with
Wagtail's `log()` (so they show in the application's history and in the site history report), and only
then queue the email, so a mail failure can never undo or lose a change.
"""

from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from .models import MembershipApplication, NetworkDepartureCount, Organisation, User
from .tasks import (
    enqueue,
    notify_approvers_of_application,
    send_application_receipt,
    send_approval_email,
    send_rejection_email,
)

APPROVE_ACTION = "members.application.approve"
REJECT_ACTION = "members.application.reject"
LOG_ACTIONS = [
    (APPROVE_ACTION, _("Approve application"), _("Application approved")),
    (REJECT_ACTION, _("Decline application"), _("Application declined")),
]


def split_name(full_name):
    first, _space, last = full_name.strip().partition(" ")
    return first[:150], last.strip()[:150]


def submit_application(fields):
    """Save an application (and a pending account for a new address), then queue the receipt.

    An address that already has an account gets the same treatment as a new one from the outside; the
    application is attached to that account only when it is not already a member's.
    """
    with transaction.atomic():
        application = MembershipApplication(agreed_to_privacy_notice_at=timezone.now(), **fields)
        user = User.objects.filter(email__iexact=fields["email"]).first()
        if user is None:
            first_name, last_name = split_name(fields["full_name"])
            user = User.objects.create_user(
                email=fields["email"],
                password=None,  # unusable until approval and the set-password link
                first_name=first_name,
                last_name=last_name,
                job_title=fields["role"],
                membership_status=User.MembershipStatus.PENDING,
            )
            application.user = user
        elif user.membership_status != User.MembershipStatus.APPROVED:
            application.user = user
            if user.membership_status in (User.MembershipStatus.NONE, User.MembershipStatus.REJECTED):
                user.membership_status = User.MembershipStatus.PENDING
                user.save(update_fields=["membership_status"])
        application.save()
    enqueue(send_application_receipt, application.pk)
    # After the commit of any transaction this runs in, so the task never looks for an application not yet saved.
    transaction.on_commit(partial(enqueue, notify_approvers_of_application, application.pk))
    return application


def _organisation_for(application):
    if application.organisation_id:
        return application.organisation
    existing = Organisation.objects.filter(name__iexact=application.new_organisation_name).first()
    if existing:
        return existing
    return Organisation.objects.create(
        name=application.new_organisation_name,
        kind=application.new_organisation_kind or Organisation.Kind.OTHER,
        country=application.new_organisation_country or application.country,
        region=application.new_organisation_region,
        website=application.new_organisation_website,
    )


def approve_application(application, by):
    """Approve a pending application; returns False (and does nothing) if it was already decided."""
    with transaction.atomic():
        application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
        if not application.is_pending:
            return False
        organisation = _organisation_for(application)
        user = application.user or User.objects.filter(email__iexact=application.email).first()
        if user is None:
            first_name, last_name = split_name(application.full_name)
            user = User(email=application.email, first_name=first_name, last_name=last_name)
            user.set_unusable_password()
        user.organisation = organisation
        user.job_title = user.job_title or application.role
        user.membership_status = User.MembershipStatus.APPROVED
        # Approval never grants admin access: a member account is never staff (access.py checks this too).
        user.save()  # post_save puts them in the Members group (members.access)
        application.user = user
        application.organisation = organisation
        application.status = MembershipApplication.Status.APPROVED
        application.decided_by = by
        application.decided_at = timezone.now()
        application.save()
        log(instance=application, action=APPROVE_ACTION, user=by)
    enqueue(send_approval_email, user.pk)
    return True


def reject_application(application, by, reason):
    """Decline a pending application with a reason, which is emailed; False if it was already decided."""
    with transaction.atomic():
        application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
        if not application.is_pending:
            return False
        application.status = MembershipApplication.Status.REJECTED
        application.rejection_reason = reason
        application.decided_by = by
        application.decided_at = timezone.now()
        application.save()
        user = application.user
        if user is not None and user.membership_status == User.MembershipStatus.PENDING:
            user.membership_status = User.MembershipStatus.REJECTED
            user.save(update_fields=["membership_status"])
        log(instance=application, action=REJECT_ACTION, user=by, data={"reason": reason})
    enqueue(send_rejection_email, application.pk)
    return True


def leave_network(user):
    """Delete a person's account and applications; keep only this month's anonymous count of leavers.

    Their organisation stays (it is not personal data), and records that point at the account without
    belonging to it (download counts, page revisions) keep their numbers with the person set to nothing.
    """
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    month = timezone.localdate().replace(day=1)
    with transaction.atomic():
        counter, _created = NetworkDepartureCount.objects.get_or_create(month=month)
        NetworkDepartureCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            model.objects.filter(username__iexact=user.email).delete()
        user.delete()  # applications go with it (CASCADE)
