"""Consent: the record that lets a story be published, and the storyteller's requests about it.

One record per story, shared by all its translations (looked up by the page's translation key), so a
French or Arabic version can never outlive the English one's consent. Only staff with the Safeguarding
permissions see these records; nothing here is ever rendered on the public site.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .pages import IdentityLevel


class ConsentQuerySet(models.QuerySet):
    def for_page(self, page):
        """The record of a story in any language: translations share the source page's translation key."""
        return self.filter(journey__translation_key=page.translation_key).first()


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
    signed_form = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload it to the “Consent forms” collection, which only the Safeguarding group can open."),
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
        permissions = [("withdraw_consent", _("Can withdraw consent and take a story down"))]

    def __str__(self):
        title = self.journey.title if self.journey_id else _("(story deleted)")
        return f"{title}: {self.get_status_display()}"

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

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"
