"""The site's image model: exists from the first migration so image safety can be added to it in place."""

import io
import os

from PIL import Image

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from home.image_safety import strip_metadata


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

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def save(self, *args, **kwargs):
        """A newly uploaded file is stored without its metadata (see `home.image_safety`)."""
        if self.file and not getattr(self.file, "_committed", True):
            self._strip_metadata()
        super().save(*args, **kwargs)

    def _strip_metadata(self):
        clean = strip_metadata(self.file)
        if clean is None:
            return
        name = os.path.basename(self.file.name)
        self.file = ContentFile(clean, name=name)
        with Image.open(io.BytesIO(clean)) as image:
            self.width, self.height = image.size
        self._set_image_file_metadata()


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
