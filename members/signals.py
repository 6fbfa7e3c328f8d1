"""Keep the Members group in step with membership, whatever path changed it (admin, shell, task)."""

from django.db.models.signals import m2m_changed, post_save

from .access import could_qualify, sync_member_group, sync_organisation
from .models import Organisation, User


def _user_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """Re-check membership only when the save wrote a field it depends on; a new account that cannot qualify is
    in no group yet, so there is nothing to take it out of."""
    if raw:
        return
    if instance.membership_fields_changed(update_fields) and (could_qualify(instance) or not created):
        sync_member_group(instance)
    instance.remember_membership_fields(update_fields)


def _organisation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_organisation(instance)


post_save.connect(_user_saved, sender=User, dispatch_uid="members-sync-user")
post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid="members-sync-organisation")


def _user_groups_changed(sender, instance, action, reverse, **kwargs):
    """Groups or permissions changed by hand (the admin's user form, the shell): re-check membership, so nobody
    is put in the Members group except by `sync_member_group`, and a member given admin access leaves it at
    once (saving the user re-checks only when a field membership depends on changed)."""
    if action not in ("post_add", "post_remove", "post_clear") or getattr(instance, "_syncing_members", False):
        return
    users = [instance] if not reverse else list(User.objects.filter(pk__in=kwargs.get("pk_set") or []))
    for user in users:
        sync_member_group(user)  # which marks the user while it changes the group, so this does not run again


m2m_changed.connect(_user_groups_changed, sender=User.groups.through, dispatch_uid="members-sync-groups")
m2m_changed.connect(
    _user_groups_changed, sender=User.user_permissions.through, dispatch_uid="members-sync-user-permissions"
)
