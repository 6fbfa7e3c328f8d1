"""The Safeguarding team: the group whose members review stories, read submissions and consent records, and
act on storytellers' requests.

Every part of Human Journeys asks who is on the team, so this module sits below all of them (see
docs/architecture.md) and imports nothing of theirs.
"""

from django.contrib.auth.models import Group

SAFEGUARDING_GROUP = "Safeguarding"


def safeguarding_group():
    return Group.objects.filter(name=SAFEGUARDING_GROUP).first()


def is_safeguarder(user):
    """Membership of the Safeguarding group: being a superuser is not enough to approve a story."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.groups.filter(name=SAFEGUARDING_GROUP).exists()
