"""Who receives the daily briefing by email."""

from members.access import members_queryset


def briefing_recipients():
    """Members who want the daily briefing, in one query; `tests/briefings/test_email.py` checks that this
    agrees with `members.access.is_member`."""
    return members_queryset().filter(wants_daily_briefing=True).exclude(email="").order_by("pk")
