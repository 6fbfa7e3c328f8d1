"""The one place that decides whether a person may read member content.

Wagtail's page privacy (pages restricted to the Members group) is what every page view, listing and
document check consults, so membership is kept *as* membership of that group: `sync_member_group` adds
or removes a person whenever anything that decides it changes (approval, suspension of the person or of
their organisation, leaving). Nothing else should add people to, or remove them from, the group.
"""

from django.contrib.auth.models import Group, Permission

MEMBERS_GROUP_NAME = "Members"
ADMIN_ACCESS_PERMISSION = ("wagtailadmin", "access_admin")


def members_group():
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


def has_admin_access(user):
    """Staff, superusers and anyone in a group that may open the Wagtail admin (editors, moderators)."""
    if user.is_staff or user.is_superuser:
        return True
    if user.pk is None:
        return False
    app_label, codename = ADMIN_ACCESS_PERMISSION
    return (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename, group__user=user).exists()
        or user.user_permissions.filter(content_type__app_label=app_label, codename=codename).exists()
    )


def qualifies_for_membership(user):
    """Approved, active and not suspended, nor belonging to a suspended organisation.

    Member accounts never hold admin access: an account that can open the admin is kept out of the Members
    group (editors are a separate group and preview member pages in the admin).
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.is_suspended:
        return False
    if user.membership_status != user.MembershipStatus.APPROVED:
        return False
    organisation = user.organisation
    if organisation is None or organisation.is_suspended:
        return False
    return not has_admin_access(user)


def is_member(user):
    """True when this person may read member content now."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not qualifies_for_membership(user):
        return False
    return user.groups.filter(name=MEMBERS_GROUP_NAME).exists()


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
    if qualifies_for_membership(user):
        user.groups.add(group)
        return True
    user.groups.remove(group)
    return False


def sync_organisation(organisation):
    for person in organisation.people.select_related("organisation"):
        sync_member_group(person)
