"""Keep the Members group in step with membership, whatever path changed it (admin, shell, task)."""

from django.db.models.signals import m2m_changed, post_save

from .access import sync_member_group, sync_organisation
from .models import Organisation, User


def _user_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_member_group(instance)


def _organisation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_organisation(instance)


post_save.connect(_user_saved, sender=User, dispatch_uid="members-sync-user")
post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid="members-sync-organisation")


def _user_groups_changed(sender, instance, action, reverse, **kwargs):
    """Groups changed by hand (the admin's user form, the shell): re-check membership, so nobody is put in
    the Members group except by `sync_member_group`, and a member given admin access leaves it at once."""
    if action not in ("post_add", "post_remove", "post_clear") or getattr(instance, "_syncing_members", False):
        return
    users = [instance] if not reverse else list(User.objects.filter(pk__in=kwargs.get("pk_set") or []))
    for user in users:
        user._syncing_members = True
        try:
            sync_member_group(user)
        finally:
            user._syncing_members = False


m2m_changed.connect(_user_groups_changed, sender=User.groups.through, dispatch_uid="members-sync-groups")
