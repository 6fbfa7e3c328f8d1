"""Consent: the record that lets a story be published, and the storyteller's requests about it.

One record per story, shared by all its translations (looked up by the page's translation key), so a
French or Arabic version can never outlive the English one's consent. Only staff with the Safeguarding
permissions see these records; nothing here is ever rendered on the public site.
"""

import secrets
import uuid
import warnings

from PIL import Image, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from journeys.stories.models import IdentityLevel

CONSENT_FORM_FOLDER = "consent-forms"
# The kinds of file a signed consent form may be, by extension: what its content must really be, and the
# content type it is downloaded with.
CONSENT_FORM_TYPES = {
    "pdf": ("PDF", "application/pdf"),
    "jpg": ("JPEG", "image/jpeg"),
    "jpeg": ("JPEG", "image/jpeg"),
    "png": ("PNG", "image/png"),
}


def file_extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def consent_form_path(record, filename):
    """A random name in a folder that is never served by path: the uploaded name may be the storyteller's."""
    extension = file_extension(filename)
    if extension not in CONSENT_FORM_TYPES:
        extension = "pdf"
    return f"{CONSENT_FORM_FOLDER}/{secrets.token_hex(16)}.{extension}"


def detect_consent_form_format(file):
    """The file's real format, from what it holds and never from its name: "PDF", "JPEG", "PNG" or None."""
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if head.lstrip(b"\x00\t\n\f\r ").startswith(b"%PDF-"):
        return "PDF"
    try:
        with warnings.catch_warnings():
            # A picture of billions of pixels is a way to exhaust the server's memory, not a scan.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format = image.format
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    except (OSError, SyntaxError, ValueError, TypeError, EOFError):  # broken or truncated images
        return None
    finally:
        file.seek(0)
    return image_format if image_format in ("JPEG", "PNG") else None


def validate_consent_form(value):
    """A newly uploaded signed form must be a real PDF, JPEG or PNG, named for what it is, and not too large.

    A form already stored was checked when it was uploaded: it is not opened again on every save.
    """
    if not value or getattr(value, "_committed", True):
        return
    name = (value.name or "").rsplit("/", 1)[-1]
    max_mb = settings.JOURNEYS_CONSENT_FORM_MAX_MB
    if value.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("“%(name)s” is larger than %(size)s MB. Scan the form at a lower resolution, or as a PDF."),
            params={"name": name, "size": max_mb},
            code="too_large",
        )
    expected = CONSENT_FORM_TYPES.get(file_extension(name), (None, None))[0]
    actual = detect_consent_form_format(value.file)
    if expected is None or actual is None:
        raise ValidationError(
            _("“%(name)s” is not a PDF, JPEG or PNG file. Upload the signed form as a PDF or a photo in JPEG or PNG."),
            params={"name": name},
            code="not_a_consent_form",
        )
    if actual != expected:
        raise ValidationError(
            _(
                "“%(name)s” is named as a %(expected)s file but is really a %(actual)s file. Rename it to end in "
                "“.%(extension)s” and upload it again."
            ),
            params={
                "name": name,
                "expected": expected,
                "actual": actual,
                "extension": {"PDF": "pdf", "JPEG": "jpg", "PNG": "png"}[actual],
            },
            code="wrong_extension",
        )


def remove_file_after_commit(storage, name):
    """Delete a stored file once the change that let it go is committed: a rollback keeps it."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


class ConsentQuerySet(models.QuerySet):
    def for_page(self, page):
        """The record of a story in any language: translations share the source page's translation key, and an
        alias (which has a key of its own) answers to the record of the page it shows."""
        key = page.translation_key
        if page.alias_of_id:
            from wagtail.models import Page

            key = Page.objects.filter(pk=page.alias_of_id).values_list("translation_key", flat=True).first() or key
        return self.filter(journey__translation_key=key).first()


class ConsentRecord(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired: story taken down")
        WITHDRAWN = "withdrawn", _("Withdrawn: story taken down")

    class Source(models.TextChoices):
        STAFF = "staff", _("Staff, in the admin")
        STORYTELLER = "storyteller", _("The storyteller's own request")
        EXPIRY = "expiry", _("Consent expired")

    journey = models.OneToOneField(
        "journeys.JourneyPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="consent_record",
        verbose_name=_("story"),
        help_text=_("The story in its original language; its translations share this record."),
    )
    storyteller_name = models.CharField(
        _("storyteller's real name"), max_length=200, help_text=_("Never shown on the site.")
    )
    guardian_name = models.CharField(
        _("parent or guardian"),
        max_length=200,
        blank=True,
        help_text=_("Required when the storyteller is under 18: the adult who consented with them."),
    )
    consent_date = models.DateField(_("date of consent"))
    covers_website = models.BooleanField(_("website"), default=False)
    covers_social_media = models.BooleanField(_("social media"), default=False)
    covers_press = models.BooleanField(_("press and media"), default=False)
    covers_funder_reports = models.BooleanField(_("reports to funders"), default=False)
    identity_level = models.CharField(
        _("identity level agreed"),
        max_length=20,
        choices=IdentityLevel.choices,
        help_text=_("The most the storyteller agreed to be identified by. The story may reveal less, never more."),
    )
    valid_until = models.DateField(
        _("expiry or review date"),
        help_text=_(
            "The story is taken down on this date unless the consent is renewed. Staff are warned two weeks before."
        ),
    )
    collected_by = models.CharField(_("collected by"), max_length=200)
    signed_form = models.FileField(
        _("signed consent form"),
        upload_to=consent_form_path,
        blank=True,
        max_length=255,
        validators=[validate_consent_form],
        help_text=_(
            "A PDF, or a photo or scan in JPEG or PNG. It is kept with this record under a random name, and only "
            "staff who can open consent records can download it."
        ),
    )
    notes = models.TextField(blank=True)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE, editable=False)
    taken_down_at = models.DateTimeField(null=True, blank=True, editable=False)
    taken_down_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    take_down_source = models.CharField(max_length=20, choices=Source.choices, blank=True, editable=False)
    take_down_reason = models.TextField(blank=True, editable=False)
    expiry_warning_sent_for = models.DateField(
        null=True, blank=True, editable=False, help_text=_("The expiry date staff were last warned about.")
    )
    # Changing this revokes every storyteller link handed out so far.
    storyteller_link_key = models.UUIDField(default=uuid.uuid4, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConsentQuerySet.as_manager()

    panels = [
        FieldPanel("journey"),
        MultiFieldPanel(
            [FieldPanel("storyteller_name"), FieldPanel("guardian_name"), FieldPanel("identity_level")],
            heading=_("Who consented"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("consent_date"), FieldPanel("valid_until")]),
                FieldPanel("collected_by"),
                FieldPanel("signed_form"),
            ],
            heading=_("When and how"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("covers_website"),
                FieldPanel("covers_social_media"),
                FieldPanel("covers_press"),
                FieldPanel("covers_funder_reports"),
            ],
            heading=_("Where the story may be used"),
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        permissions = [("withdraw_consent", _("Can withdraw consent and take a story down"))]

    def __str__(self):
        title = self.journey.title if self.journey_id else _("(story deleted)")
        return f"{title}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        """A signed form that is replaced or cleared is deleted from storage once the save is committed."""
        update_fields = kwargs.get("update_fields")
        previous = None
        if self.pk and (update_fields is None or "signed_form" in update_fields):
            previous = type(self).objects.filter(pk=self.pk).values_list("signed_form", flat=True).first()
        super().save(*args, **kwargs)
        if previous and previous != self.signed_form.name:
            remove_file_after_commit(self.signed_form.storage, previous)

    @property
    def signed_form_content_type(self):
        return CONSENT_FORM_TYPES.get(file_extension(self.signed_form.name), (None, "application/octet-stream"))[1]

    @property
    def signed_form_download_name(self):
        """A name that says nothing about the storyteller: "consent-form-<record id>.pdf"."""
        extension = file_extension(self.signed_form.name)
        extension = "jpg" if extension == "jpeg" else extension or "pdf"
        return f"consent-form-{self.pk}.{extension}"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    def has_expired(self, today=None):
        return self.valid_until < (today or timezone.localdate())

    @property
    def channels(self):
        return [
            label
            for field, label in (
                ("covers_website", _("website")),
                ("covers_social_media", _("social media")),
                ("covers_press", _("press and media")),
                ("covers_funder_reports", _("reports to funders")),
            )
            if getattr(self, field)
        ]


def remove_signed_form(sender, instance, **kwargs):
    """However a record goes (one by one or in bulk), its signed form goes too, once the deletion is committed."""
    remove_file_after_commit(instance.signed_form.storage, instance.signed_form.name)


post_delete.connect(remove_signed_form, sender=ConsentRecord, dispatch_uid="journeys-remove-signed-consent-form")


class StorytellerRequest(models.Model):
    """A storyteller asked, through their private link, for their story to be withdrawn or anonymised."""

    class Kind(models.TextChoices):
        WITHDRAW = "withdraw", _("Take my story down")
        ANONYMISE = "anonymise", _("Remove my name and details")

    consent = models.ForeignKey(ConsentRecord, on_delete=models.CASCADE, related_name="storyteller_requests")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.TextField(blank=True, max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    staff_notified_at = models.DateTimeField(null=True, blank=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("storyteller request")
        verbose_name_plural = _("storyteller requests")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"
