"""Signal handlers of the submissions. Connected from `JourneysConfig.ready`."""

from django.db.models.signals import post_delete

from .handling import remove_photo_file
from .models import StorySubmissionPhoto


def connect():
    post_delete.connect(remove_photo_file, sender=StorySubmissionPhoto, dispatch_uid="journeys-remove-submission-photo")
