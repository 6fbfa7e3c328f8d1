"""Keep the Members group in step with membership, whatever path changed it (admin, shell, task)."""

from django.db.models.signals import post_save

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
