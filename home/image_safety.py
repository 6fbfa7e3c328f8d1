"""Uploaded images keep no metadata: no EXIF (GPS position, camera, date), XMP, IPTC or comments.

Storytellers may be at risk if a photo says where or when it was taken, so the original file is rewritten
without its metadata before it is first stored; every rendition is made from that clean original.
"""

import io

from PIL import Image, ImageOps
from pillow_heif import register_heif_opener

register_heif_opener()

# Pillow's save options per format; anything not listed (GIF, for one) is stored as uploaded.
SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
    "HEIF": {"quality": 90},
    "AVIF": {"quality": 80},
}


def strip_metadata(file):
    """Return the image's bytes without metadata, or None when its format is not one we rewrite.

    The EXIF orientation is applied to the pixels first, so dropping the tag does not turn photos sideways.
    The colour profile is kept: it describes colours, not people or places.
    """
    file.seek(0)
    with Image.open(file) as image:
        image_format = image.format
        if image_format not in SAVE_OPTIONS:
            return None
        icc_profile = image.info.get("icc_profile")
        animated = getattr(image, "is_animated", False)
        # Animated images keep their frames as they are; still images are turned upright first.
        clean = image if animated else ImageOps.exif_transpose(image)
        clean.load()
        clean.info = {}
        options = dict(SAVE_OPTIONS[image_format])
        if icc_profile:
            options["icc_profile"] = icc_profile
        if animated:
            options["save_all"] = True
        output = io.BytesIO()
        clean.save(output, format=image_format, **options)
    file.seek(0)
    return output.getvalue()
