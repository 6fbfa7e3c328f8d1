"""The one place that decides whether a person may read member content.

Wagtail's page privacy (pages restricted to the Members group) is what every page view, listing and
document check consults, so membership is kept *as* membership of that group: `sync_member_group` adds
or removes a person whenever anything that decides it changes (approval, suspension of the person or of
their organisation, leaving). Nothing else should add people to, or remove them from, the group.
"""

import contextlib

from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q

MEMBERS_GROUP_NAME = "Members"
ADMIN_ACCESS_PERMISSION = ("wagtailadmin", "access_admin")


def members_group():
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


def _admin_access():
    app_label, codename = ADMIN_ACCESS_PERMISSION
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


def has_admin_access(user):
    """Staff, superusers and anyone in a group that may open the Wagtail admin (editors, moderators)."""
    if user.is_staff or user.is_superuser:
        return True
    if user.pk is None:
        return False
    return _admin_access().filter(Q(group__user=user) | Q(user=user)).exists()


def could_qualify(user):
    """What the account itself says, without a query: active, approved, not suspended, in an organisation, and
    neither staff nor superuser. `qualifies_for_membership` checks the rest."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.is_suspended:
        return False
    if user.is_staff or user.is_superuser:
        return False
    return user.membership_status == user.MembershipStatus.APPROVED and user.organisation_id is not None


def qualifies_for_membership(user):
    """Approved, active and not suspended, nor belonging to a suspended organisation.

    Member accounts never hold admin access: an account that can open the admin is kept out of the Members
    group (editors are a separate group and preview member pages in the admin).
    """
    if not could_qualify(user) or user.organisation.is_suspended:
        return False
    return not has_admin_access(user)


def _membership_state(user):
    return tuple(getattr(user, name) for name in user.MEMBERSHIP_FIELDS)


def is_member(user):
    """True when this person may read member content now.

    One query the first time, none after for the same user object (which lives as long as the request);
    `sync_member_group` and `refresh_from_db` forget the answer, and so does a change to the account's own
    fields.
    """
    if not could_qualify(user) or user.pk is None:
        return False
    if user.__class__.organisation.is_cached(user) and user.organisation.is_suspended:
        return False
    state = _membership_state(user)
    remembered = getattr(user, "_is_member", None)
    if remembered is None or remembered[0] != state:
        admin_access = _admin_access()
        answer = (
            members_queryset()
            .filter(pk=user.pk)
            .exclude(Exists(admin_access.filter(group__user=OuterRef("pk"))))
            .exclude(Exists(admin_access.filter(user=OuterRef("pk"))))
            .exists()
        )
        remembered = user._is_member = (state, answer)
    return remembered[1]


def forget_membership(user):
    """Drop the answer `is_member` remembered on this user object."""
    with contextlib.suppress(AttributeError):
        del user._is_member


def members_queryset():
    """Everyone `is_member` says yes to, as one query (for mailings and counts).

    Admin access is already excluded by the group itself: `sync_member_group` keeps such accounts out.
    """
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return User.objects.filter(
        groups__name=MEMBERS_GROUP_NAME,
        is_active=True,
        is_suspended=False,
        membership_status=User.MembershipStatus.APPROVED,
        organisation__isnull=False,
        organisation__is_suspended=False,
    )


def sync_member_group(user):
    """Make the Members group agree with the person's membership; returns whether they are a member."""
    group = members_group()
    qualifies = qualifies_for_membership(user)
    user._syncing_members = True  # the group change below must not trigger a second sync
    try:
        if qualifies:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    finally:
        user._syncing_members = False
        forget_membership(user)
    return qualifies


def sync_organisation(organisation):
    for person in organisation.people.select_related("organisation"):
        sync_member_group(person)
