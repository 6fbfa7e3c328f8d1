"""Stories people send through "Share your journey": private records, never pages, seen only by Safeguarding;
and the page that holds the form."""

import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from journeys.stories.blocks import JourneyStoryBlock
from journeys.stories.models import IdentityLevel

SUBMISSION_PHOTO_FOLDER = "submissions"


def submission_photo_path(photo, filename):
    """A random name in a folder that is never served: the original filename may itself name someone."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"{SUBMISSION_PHOTO_FOLDER}/{uuid.uuid4().hex}.{extension}"


def new_reference():
    return "S-" + secrets.token_hex(3).upper()


class StorySubmission(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("In review")
        BECAME_STORY = "became_story", _("Became a story")
        DECLINED = "declined", _("Declined")

    class AgeConfirmation(models.TextChoices):
        ADULT = "adult", _("I am 18 or over")
        GUARDIAN = "guardian", _("I am under 18 and my parent or guardian agrees")

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    title = models.CharField(_("a title for the story"), max_length=200, blank=True)
    story = models.TextField(_("story"), max_length=20_000)
    identity_level = models.CharField(_("how to be named"), max_length=20, choices=IdentityLevel.choices)
    first_name = models.CharField(_("first name"), max_length=60, blank=True)
    family_name = models.CharField(_("family name"), max_length=80, blank=True)
    town = models.CharField(_("town"), max_length=80, blank=True)
    pseudonym = models.CharField(_("pseudonym"), max_length=60, blank=True)
    contact = models.CharField(_("how to contact them"), max_length=200, blank=True)
    language = models.CharField(_("language of the story"), max_length=60)
    consents_to_website = models.BooleanField(default=False)
    consents_to_social_media = models.BooleanField(default=False)
    consents_to_press = models.BooleanField(default=False)
    understands_withdrawal = models.BooleanField(default=False)
    age_confirmation = models.CharField(max_length=20, choices=AgeConfirmation.choices)
    guardian_name = models.CharField(max_length=200, blank=True)

    staff_notes = models.TextField(blank=True)
    staff_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    journey = models.ForeignKey(
        "journeys.JourneyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text=_("The draft story made from this submission."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("story submission")
        verbose_name_plural = _("story submissions")
        permissions = [("review_storysubmission", _("Can read story submissions and turn them into stories"))]

    def __str__(self):
        return _("Submission %(reference)s") % {"reference": self.reference}

    @property
    def is_kept_forever(self):
        return self.status == self.Status.BECAME_STORY


class StorySubmissionPhoto(models.Model):
    submission = models.ForeignKey(StorySubmission, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=submission_photo_path, max_length=255)
    description = models.CharField(max_length=250, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    file_size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("submitted photo")
        verbose_name_plural = _("submitted photos")

    def __str__(self):
        return self.description or _("Photo %(number)s") % {"number": self.pk}

    def delete(self, *args, **kwargs):
        storage, name = self.file.storage, self.file.name
        result = super().delete(*args, **kwargs)
        if name:
            storage.delete(name)
        return result


def delete_photo_files(photos):
    """Bulk deletes skip `delete()`: remove the files of these photos from storage first."""
    for photo in photos:
        if photo.file.name:
            photo.file.storage.delete(photo.file.name)


class ShareJourneyPage(BasePage):
    """The "Share your journey" form: its words are edited here, what people send is never a page."""

    introduction = models.TextField(max_length=800, blank=True)
    reassurance = StreamField(
        JourneyStoryBlock(),
        blank=True,
        help_text=_("What happens next, who reads the story, and how it is kept safe."),
    )
    thank_you_text = models.TextField(
        max_length=800,
        blank=True,
        help_text=_("Shown after sending. Say when they will hear from us, if they left contact details."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("reassurance"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["journeys.JourneyIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "journeys/share_journey_page.html"
    landing_template = "journeys/share_journey_thanks.html"
    page_description = _("The public form where people send their story to the Safeguarding team.")

    class Meta:
        verbose_name = _("Share your journey page")

    def serve(self, request, *args, **kwargs):
        from .views import serve_share_journey_page  # the view's form imports these models

        return serve_share_journey_page(self, request)
