"""Taking a story down: the one service every path calls (the admin's "Withdraw consent", the daily
expiry task, staff acting on a storyteller's request)."""

from .models import ConsentRecord


def take_down_story(consent, *, status, source, user=None, reason=""):
    """Unpublish the story in every language and make its images unreachable; record who, when and why.

    `status` is ConsentRecord.Status.WITHDRAWN or EXPIRED; `source` a ConsentRecord.Source. Safe to call
    twice. Returns the pages that were unpublished.
    """
    raise NotImplementedError


def withdraw_consent(consent, *, user=None, reason="", source=ConsentRecord.Source.STAFF):
    return take_down_story(consent, status=ConsentRecord.Status.WITHDRAWN, source=source, user=user, reason=reason)
