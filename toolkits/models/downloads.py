from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model_string


class DocumentDownload(models.Model):
    """How often a document was downloaded on one day, per organisation and person.

    One row per (document, organisation, person, day), incremented in place, so counting costs one small
    write per download. When a person leaves the network their rows keep the organisation and the counts
    but lose the person (SET_NULL): only anonymous counts remain.
    """

    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="download_counts",
    )
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="document_downloads"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="document_downloads"
    )
    day = models.DateField(default=timezone.localdate, db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("document download count")
        verbose_name_plural = _("document download counts")
        ordering = ["-day", "document"]
        constraints = [
            models.UniqueConstraint(fields=["document", "organisation", "user", "day"], name="one_download_row_per_day")
        ]

    def __str__(self):
        return f"{self.document} – {self.day}: {self.count}"

    @classmethod
    def record(cls, document, user=None):
        """Add one download, atomically: a concurrent first download on the same day retries as an update."""
        user = user if getattr(user, "is_authenticated", False) else None
        key = {
            "document": document,
            "organisation_id": getattr(user, "organisation_id", None),
            "user": user,
            "day": timezone.localdate(),
        }
        for _attempt in range(2):
            updated = cls.objects.filter(**key).update(count=F("count") + 1)
            if updated:
                return
            try:
                with transaction.atomic():
                    cls.objects.create(count=1, **key)
                return
            except IntegrityError:
                continue
