"""Signal handlers that keep stories safe whichever path changes them."""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from wagtail.models import GroupPagePermission
from wagtail.signals import page_published, page_unpublished

from home.content_cache import clear_content_cache

from . import every_language
from .models import ConsentRecord, JourneyIndexPage, JourneyPage, JourneyTheme, StorySubmissionPhoto
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
# Every language goes the way the original goes (every_language.py).
page_published.connect(every_language.original_published, sender=JourneyPage, dispatch_uid="journeys-published")
page_unpublished.connect(every_language.original_unpublished, sender=JourneyPage, dispatch_uid="journeys-unpublished")
pre_delete.connect(every_language.original_unpublished, sender=JourneyPage, dispatch_uid="journeys-deleted")
post_save.connect(every_language.consent_saved, sender=ConsentRecord, dispatch_uid="journeys-consent-saved")
pre_save.connect(every_language.consent_keeps_its_story, sender=ConsentRecord, dispatch_uid="journeys-consent-story")
post_save.connect(let_safeguarding_edit_stories, sender=JourneyIndexPage, dispatch_uid="journeys-safeguarding-edit")
post_delete.connect(remove_photo_file, sender=StorySubmissionPhoto, dispatch_uid="journeys-remove-submission-photo")

# Theme lists are cached with the published content: a renamed or new theme starts a new generation.
for theme_signal in (post_save, post_delete):
    theme_signal.connect(clear_content_cache, sender=JourneyTheme, dispatch_uid=f"journeys-theme-{theme_signal!r}")
