"""`manage.py strip_image_metadata [--dry-run]`: clean the images uploaded before uploads were cleaned.

New uploads lose their metadata in `CustomImage.save` (`home.image_safety`), but originals stored before that
change may still say where and when a photo was taken, and so may renditions made from them. This rewrites
each such original without its metadata, in a new file beside the old one (so an original kept under
`quarantine/` stays there), records the new file's size, hash and dimensions, deletes the old file and
every rendition, which Wagtail then makes again from the clean original. Run it once after deploying the
upload clean-up; it is safe to run again, as it skips originals that are already clean.

Phone photos stored as MPO (multi-picture JPEG) become a plain JPEG of their first picture, and GIFs lose
their comments and application extensions, as uploads do. An image in a format that cannot be rewritten is
listed as needing a person to replace or delete it: it is never reported as clean.
"""

import io
import posixpath
from collections import Counter

from PIL import Image, UnidentifiedImageError

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.utils.file import hash_filelike

from home.image_safety import MetadataNotRemovable, strip_metadata
from home.models import CustomImage

# Where Pillow reports metadata that can identify or locate someone: EXIF (GPS, camera, date, software),
# XMP, IPTC (in Photoshop's block), comments and JPEG's multi-picture data (it holds EXIF of its own).
METADATA_INFO_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "mp", "mpinfo")
# JPEG segments that hold nothing about the photo's subject: the JFIF header, colour profile, Adobe's colour
# transform. Any other application segment or a comment counts as metadata.
HARMLESS_JPEG_SEGMENTS = {"APP0", "APP14"}
# The one GIF application extension that says nothing about the picture's origin: how often it loops.
HARMLESS_GIF_EXTENSION = b"NETSCAPE2.0"


def carries_metadata(file):
    """Whether the image file holds any of the metadata `strip_metadata` removes."""
    with Image.open(file) as image:
        if image.format == "MPO":
            # Every picture after the first carries EXIF of its own: the file is always rewritten.
            return True
        if any(image.info.get(key) for key in METADATA_INFO_KEYS) or image.getexif():
            return True
        if image.format == "GIF":
            extension = image.info.get("extension")
            return bool(extension) and not extension[0].startswith(HARMLESS_GIF_EXTENSION)
        if image.format == "JPEG":
            for marker, data in image.applist:
                is_colour_profile = marker == "APP2" and data.startswith(b"ICC_PROFILE")
                if marker not in HARMLESS_JPEG_SEGMENTS and not is_colour_profile:
                    return True
        if image.format == "PNG" and image.text:
            return True
    return False


class Command(BaseCommand):
    help = (
        "Rewrite every stored original image that still carries metadata (GPS position, camera, dates, XMP, "
        "IPTC, comments) without it, and delete its renditions so they are made again from the clean file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list the images that would be cleaned; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = Counter()
        for image in CustomImage.objects.order_by("pk").iterator():
            counts[self.check_image(image, dry_run)] += 1
        self.report(counts, dry_run)

    def check_image(self, image, dry_run):
        """Clean one image if it needs it; returns what happened, as a key of the report's counts."""
        label = f'Image {image.pk} "{image.title}" ({image.file.name or "no file"})'
        data = self.read(image)
        if data is None:
            self.stderr.write(f"{label}: file missing, skipped.")
            return "missing"
        try:
            dirty = carries_metadata(io.BytesIO(data))
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            self.stderr.write(f"{label}: not a readable image ({error}), skipped.")
            return "unreadable"
        if not dirty:
            return "clean"
        try:
            clean = strip_metadata(io.BytesIO(data))
        except MetadataNotRemovable as error:
            self.stderr.write(
                f"{label}: carries metadata that cannot be removed ({error}); replace or delete it in the admin."
            )
            return "unsupported"
        if dry_run:
            self.stdout.write(f"{label}: would be cleaned, and its {image.renditions.count()} renditions deleted.")
            return "stripped"
        renditions = self.replace_original(image, clean)
        self.stdout.write(f"{label}: cleaned, now {image.file.name}; {renditions} renditions deleted.")
        return "stripped"

    def read(self, image):
        if not image.file.name or not image.file.storage.exists(image.file.name):
            return None
        try:
            with image.file.storage.open(image.file.name, "rb") as stored:
                return stored.read()
        except (FileNotFoundError, OSError):
            return None

    def replace_original(self, image, clean):
        """Store `clean` beside the old original, point the image at it, then delete the old files.

        The clean file is saved first and the old ones deleted only once the database points at the clean
        one, so a failure half-way leaves a working image, never one whose file is gone.
        """
        storage = image.file.storage
        old_name = image.file.name
        directory, filename = posixpath.split(old_name)
        new_name = storage.save(posixpath.join(directory, filename), ContentFile(clean))
        with Image.open(io.BytesIO(clean)) as picture:
            width, height = picture.size
        fields = {
            "file": new_name,
            "width": width,
            "height": height,
            "file_size": len(clean),
            "file_hash": hash_filelike(io.BytesIO(clean)),
        }
        if (width, height) != (image.width, image.height):
            # Turned upright from its EXIF orientation: a focal point set on the old dimensions is wrong now.
            fields.update(focal_point_x=None, focal_point_y=None, focal_point_width=None, focal_point_height=None)

        renditions = list(image.renditions.all())
        with transaction.atomic():
            for rendition in renditions:
                rendition.delete()  # also purges Wagtail's rendition cache
            CustomImage.objects.filter(pk=image.pk).update(**fields)
        # Deleted now rather than left to Wagtail's queued clean-up, which waits for a task worker.
        for file_storage, name in [*((r.file.storage, r.file.name) for r in renditions), (storage, old_name)]:
            try:
                file_storage.delete(name)
            except OSError as error:
                self.stderr.write(
                    f"Could not delete {name}, which still carries metadata ({error}): delete it by hand."
                )
        for name, value in fields.items():
            setattr(image, name, value)
        return len(renditions)

    def report(self, counts, dry_run):
        if dry_run:
            summary = f"Dry run, nothing changed: {counts['stripped']} images would be cleaned"
        else:
            summary = f"Cleaned {counts['stripped']} images"
        summary += f"; {counts['clean']} already clean; {counts['missing']} with a missing file"
        if counts["unreadable"]:
            summary += f"; {counts['unreadable']} unreadable"
        if counts["unsupported"]:
            summary += f"; {counts['unsupported']} with metadata that could not be removed, to replace or delete"
        self.stdout.write(self.style.SUCCESS(summary + "."))
