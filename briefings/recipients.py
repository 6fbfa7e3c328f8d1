"""Who receives the daily briefing by email."""

from django.contrib.auth import get_user_model

from members.access import MEMBERS_GROUP_NAME


def briefing_recipients():
    """Members who want the daily briefing, in one query.

    This is `members.access.is_member` written as a query, so that 350 members cost one query rather than
    350: in the Members group (kept in step with membership by `members.access.sync_member_group`), and,
    as `is_member` also checks, approved, active, not suspended and in an organisation that is not
    suspended. `tests/briefings/test_email.py` checks that the two agree.
    """
    User = get_user_model()
    return (
        User.objects.filter(
            groups__name=MEMBERS_GROUP_NAME,
            is_active=True,
            is_suspended=False,
            membership_status=User.MembershipStatus.APPROVED,
            organisation__isnull=False,
            organisation__is_suspended=False,
            wants_daily_briefing=True,
        )
        .exclude(email="")
        .order_by("pk")
    )
