"""A toolkit's document in other languages, and members' requests for a language that is not there yet.

Versions are kept on the toolkit (an inline in the page editor), so they are drafted, previewed, published
and reverted with the page. Their documents are served like every other document: a document in the
"Member documents" collection is refused to everyone but members, and every download is counted.
"""

from django import forms
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from home.content_cache import clear_content_cache

from ..languages import get_language, language_choices, validate_language_code


class ToolkitDocumentLanguage(Orderable):
    page = ParentalKey("toolkits.ToolkitPage", on_delete=models.CASCADE, related_name="language_versions")
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("For a members-only toolkit, choose a document in the “Member documents” collection."),
    )
    language = models.CharField(
        _("language"),
        max_length=20,
        validators=[validate_language_code],
        help_text=_("The language the document is written in."),
    )
    translator_credit = models.CharField(
        _("translated by"),
        max_length=200,
        help_text=_("The translator or organisation to credit, as they wish to be named."),
    )
    translated_on = models.DateField(_("date of the translation"), default=timezone.localdate)
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("Optional: for example “Shorter version: key messages only”."),
    )

    panels = [
        # The list is the form's, not the database's: adding a language needs no migration.
        FieldPanel("language", widget=forms.Select(choices=[("", _("Choose a language")), *language_choices()])),
        FieldPanel("document"),
        FieldPanel("translator_credit"),
        FieldPanel("translated_on"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="one_version_per_language")]

    def __str__(self):
        return f"{self.language}: {self.document_id}"

    @property
    def language_info(self):
        return get_language(self.language)


class LanguageRequest(models.Model):
    """A member organisation asking for a toolkit's document in a language it is not offered in yet."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", pgettext_lazy("language request status", "Translated")
        DECLINED = "declined", _("Not planned")

    toolkit = models.ForeignKey("toolkits.ToolkitPage", on_delete=models.CASCADE, related_name="language_requests")
    language = models.CharField(_("language"), max_length=80, help_text=_("As the member typed it."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="language_requests",
        verbose_name=_("requested by"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="language_requests",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("language request")
        verbose_name_plural = _("language requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("language"),
                "toolkit",
                "organisation",
                condition=models.Q(status="open"),
                name="one_open_language_request_per_organisation",
            )
        ]

    def __str__(self):
        return f"{self.language} – {self.toolkit_id}"

    @classmethod
    def open_requests_for(cls, toolkit, language, user):
        """Open requests for the same toolkit and language (any letter case) from this person's organisation,
        or from this person when they have none."""
        requests = cls.objects.filter(toolkit=toolkit, status=cls.Status.OPEN, language__iexact=language)
        if user.organisation_id:
            return requests.filter(organisation_id=user.organisation_id)
        return requests.filter(organisation=None, user=user)

    @classmethod
    def record(cls, toolkit, language, user):
        """Save a request; False (and nothing saved) when the same one is already open."""
        if cls.open_requests_for(toolkit, language, user).exists():
            return False
        try:
            with transaction.atomic():
                cls.objects.create(toolkit=toolkit, language=language, user=user, organisation_id=user.organisation_id)
        except IntegrityError:  # the same request, sent twice at once
            return False
        return True


# The grid of language versions is cached with the page's content and shows each document's address, type
# and size: a document replaced or deleted starts a new content generation.
post_save.connect(clear_content_cache, sender=get_document_model_string(), dispatch_uid="toolkits-document-saved")
post_delete.connect(clear_content_cache, sender=get_document_model_string(), dispatch_uid="toolkits-document-deleted")
