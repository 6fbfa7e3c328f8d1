"""The one place that decides whether a person may read member content.

Wagtail's page privacy (pages restricted to the Members group) is what every page view, listing and
document check consults, so membership is kept *as* membership of that group: `sync_member_group` adds
or removes a person whenever anything that decides it changes (approval, suspension of the person or of
their organisation, leaving). Nothing else should add people to, or remove them from, the group.
"""

from django.contrib.auth.models import Group

MEMBERS_GROUP_NAME = "Members"


def members_group():
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


def qualifies_for_membership(user):
    """Approved, active and not suspended, nor belonging to a suspended organisation."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.is_suspended:
        return False
    if user.membership_status != user.MembershipStatus.APPROVED:
        return False
    organisation = user.organisation
    return organisation is not None and not organisation.is_suspended


def is_member(user):
    """True when this person may read member content now."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not qualifies_for_membership(user):
        return False
    return user.groups.filter(name=MEMBERS_GROUP_NAME).exists()


def sync_member_group(user):
    """Make the Members group agree with the person's membership; returns whether they are a member."""
    group = members_group()
    if qualifies_for_membership(user):
        user.groups.add(group)
        return True
    user.groups.remove(group)
    return False


def sync_organisation(organisation):
    for person in organisation.people.select_related("organisation"):
        sync_member_group(person)
