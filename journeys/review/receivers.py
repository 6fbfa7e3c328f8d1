"""Signal handlers of the Safeguarding review: the publication guard on every save of a story, and the
Safeguarding group's permissions on every new Human Journeys index. Connected from `JourneysConfig.ready`."""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_save, pre_save

from wagtail.models import GroupPagePermission

from journeys.stories.models import JourneyIndexPage, JourneyPage
from journeys.team import safeguarding_group

from .guard import refuse_unsafe_publication

# Safeguarding reviewers write stories up from submissions and edit them during review; publishing is
# never theirs to grant: a story goes live only when its review is approved.
SAFEGUARDING_PAGE_PERMISSIONS = ("add_page", "change_page")


def let_safeguarding_edit_stories(sender, instance, created, raw=False, **kwargs):
    """A new Human Journeys index (in any language) is one the Safeguarding group can add and edit stories in."""
    if raw or not created:
        return
    group = safeguarding_group()
    if group is None:
        return
    for codename in SAFEGUARDING_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=instance,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def connect():
    pre_save.connect(refuse_unsafe_publication, sender=JourneyPage, dispatch_uid="journeys-refuse-unsafe-publication")
    post_save.connect(let_safeguarding_edit_stories, sender=JourneyIndexPage, dispatch_uid="journeys-safeguarding-edit")
