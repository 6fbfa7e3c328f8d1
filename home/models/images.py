"""The site's image model: exists from the first migration so image safety can be added to it in place."""

import io
import logging
import os
import secrets

from PIL import Image

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, SourceImageIOError
from wagtail.images.models import Image as WagtailImage
from wagtail.search import index

from home.image_safety import UNSUPPORTED_MESSAGE, MetadataNotRemovable, strip_metadata

logger = logging.getLogger(__name__)

# Where a quarantined original is kept, in the same storage. Neither the development media route nor the
# production web server may ever serve this folder: the file is kept only so staff can recover it.
QUARANTINE_FOLDER = "quarantine"


class CustomImage(AbstractImage):
    credit = models.CharField(
        max_length=255, blank=True, help_text=_("Photographer or illustrator, shown where the image is captioned.")
    )

    quarantined_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the image was taken off the site: its file moved where it is never served."),
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "credit")

    # The image chooser hides quarantined images (see `home.wagtail_hooks`), which needs a filter field.
    search_fields = [*AbstractImage.search_fields, index.FilterField("quarantined_at")]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def get_upload_to(self, filename):
        """A new original is stored under a random name, keeping only the extension: an uploaded file's
        name ("samira-at-home.jpg") would otherwise show in the original's and every rendition's address."""
        extension = os.path.splitext(filename)[1].lower()
        return super().get_upload_to(f"{secrets.token_hex(16)}{extension}")

    def clean_fields(self, exclude=None):
        """An upload whose metadata cannot be removed is refused in the form, never stored as it came."""
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "file" not in (exclude or ()) and "file" not in errors and self._has_new_file():
            try:
                self._clean_upload = (self.file.file, strip_metadata(self.file))
            except MetadataNotRemovable:
                errors["file"] = [ValidationError(UNSUPPORTED_MESSAGE, code="metadata_not_removable")]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """A newly uploaded file is stored without its metadata (see `home.image_safety`).

        That includes a file already written to storage before the image's first save, as Wagtail's
        multiple upload does when an image's other fields need filling in first: it is rewritten under a
        new name and the stored original deleted once the image is saved.
        """
        raw_name = None
        if self._has_new_file():
            self._strip_metadata()
        elif self._state.adding and self.file and self.file.storage.exists(self.file.name):
            raw_name = self._strip_stored_metadata()
        super().save(*args, **kwargs)
        if raw_name:
            self.file.storage.delete(raw_name)

    def _has_new_file(self):
        return bool(self.file) and not getattr(self.file, "_committed", True)

    @property
    def is_quarantined(self):
        return self.quarantined_at is not None

    def quarantine(self):
        """Take the image off the site for good, whatever page or cache still points at it.

        A withdrawn story's photos must stop being reachable at any address they were ever served from,
        so every rendition (row and file) is deleted and the original moves to an unguessable path under
        `quarantine/`, which is never served. Safe to call again: a second call finds nothing left to move.
        """
        for rendition in self.renditions.all():
            if rendition.file.name:
                rendition.file.storage.delete(rendition.file.name)
        self.renditions.all().delete()
        self._prefetched_objects_cache = {}

        storage = self.file.storage
        old_name = self.file.name
        if old_name and not old_name.startswith(QUARANTINE_FOLDER + "/"):
            new_name = f"{QUARANTINE_FOLDER}/{secrets.token_urlsafe(16)}/{os.path.basename(old_name)}"
            if storage.exists(old_name):
                with storage.open(old_name, "rb") as original:
                    new_name = storage.save(new_name, original)
                storage.delete(old_name)
                self.file.name = new_name
            else:
                # A previous attempt moved it and was rolled back: the old path is already empty.
                logger.warning("Image %s: original %s was already gone when quarantined", self.pk, old_name)
                self.file.name = new_name
        self.quarantined_at = self.quarantined_at or timezone.now()
        CustomImage.objects.filter(pk=self.pk).update(file=self.file.name, quarantined_at=self.quarantined_at)

    def get_rendition(self, filter):
        """A quarantined image has no renditions: the `{% image %}` tag shows nothing instead of failing."""
        if self.is_quarantined:
            raise SourceImageIOError(f"Image {self.pk} is quarantined")
        return super().get_rendition(filter)

    def get_renditions(self, *filters):
        if self.is_quarantined:
            raise SourceImageIOError(f"Image {self.pk} is quarantined")
        return super().get_renditions(*filters)

    def _strip_metadata(self):
        """Replace the uploaded, not yet stored, file with its clean bytes; MetadataNotRemovable if impossible."""
        upload, clean = getattr(self, "_clean_upload", None) or (None, None)
        if upload is not self.file.file:
            clean = strip_metadata(self.file)  # not checked by a form: a script's or a factory's image
        self._clean_upload = None
        self._use_clean_file(clean, os.path.basename(self.file.name))

    def _strip_stored_metadata(self):
        """Clean a file stored before the image's first save; returns the stored file's name, to delete."""
        raw_name = self.file.name
        with self.file.storage.open(raw_name, "rb") as stored:
            clean = strip_metadata(io.BytesIO(stored.read()))
        self._use_clean_file(clean, os.path.basename(raw_name))
        return raw_name

    def _use_clean_file(self, clean, name):
        self.file = ContentFile(clean, name=name)
        with Image.open(io.BytesIO(clean)) as image:
            self.width, self.height = image.size
        self._set_image_file_metadata()


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
