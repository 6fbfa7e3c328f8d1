"""Signal handlers that keep every language of a story in step with its original and its consent record,
whichever path changes them (every_language.py). Connected from `JourneysConfig.ready`."""

from django.db.models.signals import post_save, pre_delete, pre_save

from wagtail.signals import page_published, page_unpublished

from journeys.stories.models import JourneyPage

from . import every_language
from .models import ConsentRecord


def connect():
    page_published.connect(every_language.original_published, sender=JourneyPage, dispatch_uid="journeys-published")
    page_unpublished.connect(
        every_language.original_unpublished, sender=JourneyPage, dispatch_uid="journeys-unpublished"
    )
    pre_delete.connect(every_language.original_unpublished, sender=JourneyPage, dispatch_uid="journeys-deleted")
    post_save.connect(every_language.consent_saved, sender=ConsentRecord, dispatch_uid="journeys-consent-saved")
    pre_save.connect(
        every_language.consent_keeps_its_story, sender=ConsentRecord, dispatch_uid="journeys-consent-story"
    )
