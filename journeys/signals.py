"""Signal handlers that keep stories safe whichever path changes them."""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_delete, post_save, pre_save

from wagtail.models import GroupPagePermission

from home.content_cache import clear_content_cache

from .models import JourneyIndexPage, JourneyPage, JourneyTheme, StorySubmissionPhoto
from .models.review import safeguarding_group
from .safeguarding import refuse_unsafe_publication
from .submissions import remove_photo_file

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


pre_save.connect(refuse_unsafe_publication, sender=JourneyPage, dispatch_uid="journeys-refuse-unsafe-publication")
post_save.connect(let_safeguarding_edit_stories, sender=JourneyIndexPage, dispatch_uid="journeys-safeguarding-edit")
post_delete.connect(remove_photo_file, sender=StorySubmissionPhoto, dispatch_uid="journeys-remove-submission-photo")

# Theme lists are cached with the published content: a renamed or new theme starts a new generation.
for theme_signal in (post_save, post_delete):
    theme_signal.connect(clear_content_cache, sender=JourneyTheme, dispatch_uid=f"journeys-theme-{theme_signal!r}")
