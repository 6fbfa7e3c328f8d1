"""Uploaded images keep no metadata: no EXIF (GPS position, camera, date), XMP, IPTC or comments.

Storytellers may be at risk if a photo says where or when it was taken, so the original file is rewritten
without its metadata before it is first stored; every rendition is made from that clean original. An image
in a format this module cannot rewrite is refused, never stored as uploaded.
"""

import io

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError
from pillow_heif import register_heif_opener

from django.utils.translation import gettext_lazy as _

register_heif_opener()

# Pillow's save options per format written.
SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
    "HEIF": {"quality": 90},
    "AVIF": {"quality": 80},
    "GIF": {"optimize": True},
}

# Formats Pillow reads under another name, and the format each is stored as. Phone cameras save many
# photos as MPO ("multi-picture": the photo plus previews or a depth map, each with EXIF of its own):
# only the first picture, the photo itself, is kept, as a plain JPEG.
STORED_AS = {"MPO": "JPEG"}

# What a GIF keeps of Pillow's `info`: how its pixels and frames are drawn, nothing about who made it.
GIF_KEPT_INFO = ("transparency", "background")

UNSUPPORTED_MESSAGE = _(
    "This image could not be checked for hidden details such as where it was taken, so it was not saved. "
    "Please save it as a JPEG or PNG and upload it again."
)


class MetadataNotRemovable(ValueError):
    """The file is not an image this module can rewrite without its metadata."""


def strip_metadata(file):
    """Return the image's bytes without metadata; raise MetadataNotRemovable if that cannot be done.

    The EXIF orientation is applied to the pixels first, so dropping the tag does not turn photos sideways.
    The colour profile is kept: it describes colours, not people or places.
    """
    file.seek(0)
    try:
        with Image.open(file) as image:
            source_format = image.format
            image_format = STORED_AS.get(source_format, source_format)
            if image_format not in SAVE_OPTIONS:
                raise MetadataNotRemovable(f"Images in the {source_format} format are not rewritten")
            output = io.BytesIO()
            if image_format == "GIF":
                _save_gif(image, output)
            else:
                _save(image, output, image_format, multi_picture=source_format in STORED_AS)
    except MetadataNotRemovable:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, TypeError, KeyError) as error:
        raise MetadataNotRemovable(f"The image could not be rewritten: {error}") from error
    finally:
        file.seek(0)
    return output.getvalue()


def _save(image, output, image_format, multi_picture=False):
    icc_profile = image.info.get("icc_profile")
    # A multi-picture file's other pictures are never kept; other animated images keep their frames as
    # they are, and still images are turned upright first.
    animated = getattr(image, "is_animated", False) and not multi_picture
    if animated:
        clean = image
        clean.load()
    else:
        image.seek(0)
        clean = ImageOps.exif_transpose(image)
        if clean is image:
            clean = image.copy()
    clean.info = {}
    options = dict(SAVE_OPTIONS[image_format])
    if icc_profile:
        options["icc_profile"] = icc_profile
    if animated:
        options["save_all"] = True
    clean.save(output, format=image_format, **options)


def _save_gif(image, output):
    """A GIF's frames are copied onto images that carry nothing but pixels, palette and transparency, then
    saved with their durations, disposal and looping: comments and application extensions are left out."""
    frames, durations, disposals = [], [], []
    for frame in ImageSequence.Iterator(image):
        durations.append(frame.info.get("duration", 0))
        disposals.append(getattr(frame, "disposal_method", 0))
        copy = frame.copy()
        copy.info = {key: frame.info[key] for key in GIF_KEPT_INFO if key in frame.info}
        frames.append(copy)
    options = dict(SAVE_OPTIONS["GIF"], comment=b"")
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:], duration=durations, disposal=disposals)
        if "loop" in image.info:
            options["loop"] = image.info["loop"]
    elif durations[0]:
        options["duration"] = durations[0]
    frames[0].save(output, format="GIF", **options)
