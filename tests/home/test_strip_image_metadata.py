"""`manage.py strip_image_metadata`: images stored before uploads were cleaned lose their GPS position too.

Each test plants a JPEG carrying GPS, camera details, XMP and a comment straight into storage under the
image's stored name, as an upload made before the clean-up existed would have left it.
"""

import io
from pathlib import Path

import pytest
from PIL import Image

from django.core.management import call_command

from wagtail.utils.file import hash_filelike

from demo.factories.home import ImageFactory
from home.models import CustomImage, Rendition

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MARKER = b"SecretVillageNearTheBorder"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>' + MARKER + b"</rdf:Description></x:xmpmeta>"


def jpeg_with_gps(size=(64, 32), orientation=1):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.9)}
    output = io.BytesIO()
    Image.new("RGB", size, "#0b4f6c").save(output, "JPEG", exif=exif, comment=MARKER, xmp=XMP)
    return output.getvalue()


def has_gps(data):
    with Image.open(io.BytesIO(data)) as image:
        return bool(image.getexif().get_ifd(GPS_IFD))


def assert_clean(data):
    assert MARKER not in data and b"PhoneMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        assert "xmp" not in image.info and "comment" not in image.info


def stored_path(media_root, image_or_rendition):
    return Path(media_root) / image_or_rendition.file.name


def old_image(media_root):
    """An image whose stored original still has its metadata, as uploads did before the clean-up."""
    image = ImageFactory(file__width=64, file__height=32)
    data = jpeg_with_gps()
    stored_path(media_root, image).write_bytes(data)
    CustomImage.objects.filter(pk=image.pk).update(file_size=len(data), file_hash=hash_filelike(io.BytesIO(data)))
    image.refresh_from_db()
    assert has_gps(stored_path(media_root, image).read_bytes())
    return image


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("strip_image_metadata", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_an_old_original_is_rewritten_without_gps_and_its_renditions_are_made_again_clean(media_root):
    image = old_image(media_root)
    old_original = stored_path(media_root, image)
    old_rendition = stored_path(media_root, image.get_rendition("width-40"))
    assert has_gps(old_rendition.read_bytes()), "Wagtail copies the original's EXIF into its renditions"

    output, errors = run()

    image.refresh_from_db()
    data = stored_path(media_root, image).read_bytes()
    assert_clean(data)
    assert image.file.name.startswith("original_images/")
    assert (image.width, image.height) == (64, 32)
    assert image.file_size == len(data)
    assert image.file_hash == hash_filelike(io.BytesIO(data))
    assert not old_original.exists()
    assert not old_rendition.exists()
    assert not Rendition.objects.filter(image=image).exists()
    fresh = image.get_rendition("width-40")
    assert_clean(stored_path(media_root, fresh).read_bytes())
    assert f'Image {image.pk} "{image.title}"' in output
    assert output.endswith("Cleaned 1 images; 0 already clean; 0 with a missing file.\n")
    assert errors == ""


def test_a_photo_turned_by_its_exif_orientation_is_stored_upright_with_new_dimensions(media_root):
    image = ImageFactory(file__width=64, file__height=32, focal_point_x=10, focal_point_y=10)
    stored_path(media_root, image).write_bytes(jpeg_with_gps(orientation=6))

    run()

    image.refresh_from_db()
    assert (image.width, image.height) == (32, 64)
    assert image.focal_point_x is None
    with Image.open(stored_path(media_root, image)) as picture:
        assert picture.size == (32, 64)


def test_dry_run_lists_what_it_would_clean_and_changes_nothing(media_root):
    image = old_image(media_root)
    rendition = image.get_rendition("width-40")
    before = stored_path(media_root, image).read_bytes()
    fields = CustomImage.objects.filter(pk=image.pk).values().get()

    output, _errors = run("--dry-run")

    assert stored_path(media_root, image).read_bytes() == before
    assert CustomImage.objects.filter(pk=image.pk).values().get() == fields
    assert Rendition.objects.filter(pk=rendition.pk).exists()
    assert stored_path(media_root, rendition).exists()
    assert "would be cleaned, and its 1 renditions deleted" in output
    assert output.endswith(
        "Dry run, nothing changed: 1 images would be cleaned; 0 already clean; 0 with a missing file.\n"
    )


def test_clean_images_are_left_alone_and_missing_files_are_reported(media_root):
    clean = ImageFactory(file__width=64, file__height=32)
    clean_bytes = stored_path(media_root, clean).read_bytes()
    missing = ImageFactory(title="Lost photo", file__width=64, file__height=32)
    stored_path(media_root, missing).unlink()

    output, errors = run()

    clean.refresh_from_db()
    assert stored_path(media_root, clean).read_bytes() == clean_bytes
    assert f'Image {missing.pk} "Lost photo"' in errors and "file missing" in errors
    assert output.endswith("Cleaned 0 images; 1 already clean; 1 with a missing file.\n")


def test_running_again_finds_nothing_left_to_clean(media_root):
    old_image(media_root)
    run()

    output, _errors = run()

    assert output.endswith("Cleaned 0 images; 1 already clean; 0 with a missing file.\n")


def test_a_quarantined_original_is_cleaned_where_it_is_never_served(media_root):
    image = old_image(media_root)
    image.quarantine()
    image.refresh_from_db()
    folder = image.file.name.rsplit("/", 1)[0]
    assert folder.startswith("quarantine/")
    stored_path(media_root, image).write_bytes(jpeg_with_gps())

    run()

    image.refresh_from_db()
    assert image.file.name.rsplit("/", 1)[0] == folder
    assert_clean(stored_path(media_root, image).read_bytes())


def mpo_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.9)}
    output = io.BytesIO()
    photo, preview = Image.new("RGB", (64, 32), "#0b4f6c"), Image.new("RGB", (64, 32), "#e4572e")
    photo.save(output, "MPO", save_all=True, append_images=[preview], exif=exif, xmp=XMP)
    return output.getvalue()


def plant(media_root, image, data):
    stored_path(media_root, image).write_bytes(data)
    CustomImage.objects.filter(pk=image.pk).update(file_size=len(data), file_hash=hash_filelike(io.BytesIO(data)))


def test_an_old_mpo_phone_photo_becomes_a_plain_jpeg_without_gps(media_root):
    image = ImageFactory(file__width=64, file__height=32)
    plant(media_root, image, mpo_with_gps())
    name = image.file.name

    output, errors = run()

    image.refresh_from_db()
    data = stored_path(media_root, image).read_bytes()
    assert_clean(data)
    assert b"Exif" not in data and b"xmpmeta" not in data
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG" and not getattr(picture, "is_animated", False)
    assert image.file.name.rsplit(".", 1)[-1] == name.rsplit(".", 1)[-1]
    assert output.endswith("Cleaned 1 images; 0 already clean; 0 with a missing file.\n")
    assert errors == ""


def test_an_old_gif_loses_its_comment(media_root):
    image = ImageFactory(file__width=40, file__height=30, file__format="GIF", file__filename="banner.gif")
    output = io.BytesIO()
    Image.new("RGB", (40, 30), "#2e86ab").save(output, "GIF", comment=b"Taken at " + MARKER)
    plant(media_root, image, output.getvalue())

    run()
    second_output, _errors = run()

    image.refresh_from_db()
    data = stored_path(media_root, image).read_bytes()
    assert MARKER not in data
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "GIF" and "comment" not in picture.info
    assert second_output.endswith("Cleaned 0 images; 1 already clean; 0 with a missing file.\n")


def test_an_image_whose_metadata_cannot_be_removed_is_reported_for_a_person_to_deal_with(media_root):
    image = ImageFactory(title="Scan", file__width=30, file__height=20)
    output = io.BytesIO()
    Image.new("RGB", (30, 20), "#444444").save(output, "TIFF", tiffinfo={0x010F: "PhoneMaker"})
    plant(media_root, image, output.getvalue())
    before = stored_path(media_root, image).read_bytes()

    out, errors = run()

    assert stored_path(media_root, image).read_bytes() == before
    assert f'Image {image.pk} "Scan"' in errors and "replace or delete it in the admin" in errors
    assert "1 with metadata that could not be removed, to replace or delete" in out
