"""Uploaded images never keep metadata that could locate or identify a storyteller."""

import io

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

from home.models import CustomImage

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MARKER = b"SecretVillageNearTheBorder"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>' + MARKER + b"</rdf:Description></x:xmpmeta>"


def _exif_with_gps(orientation=1):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0110] = "PhoneModel X"  # camera model
    exif[0x0131] = MARKER.decode()  # software
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.9)}
    return exif


def _jpeg_with_gps(size=(64, 32), orientation=1):
    output = io.BytesIO()
    Image.new("RGB", size, "#0b4f6c").save(output, "JPEG", exif=_exif_with_gps(orientation), comment=MARKER, xmp=XMP)
    data = output.getvalue()
    assert MARKER in data and Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)
    return data


def _assert_clean(data):
    assert MARKER not in data
    assert b"PhoneMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert 0x010F not in exif and 0x0110 not in exif
        assert "xmp" not in image.info and "comment" not in image.info


def _stored_bytes(image_or_rendition):
    with image_or_rendition.file.open("rb") as stored:
        return stored.read()


def test_image_upload__admin_stores_a_jpeg_without_gps_camera_xmp_or_comment(admin_client):
    upload = SimpleUploadedFile("holiday.jpg", _jpeg_with_gps(), content_type="image/jpeg")

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "A photo", "file": upload, "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 302
    image = CustomImage.objects.get(title="A photo")
    _assert_clean(_stored_bytes(image))
    assert image.file_size == len(_stored_bytes(image))


def test_image_upload__no_rendition_keeps_gps_either():
    image = CustomImage.objects.create(
        title="Renditions", file=SimpleUploadedFile("photo.jpg", _jpeg_with_gps((320, 200)))
    )

    for filter_spec in ["original", "width-100", "fill-50x50", "width-100|format-webp", "width-100|format-png"]:
        _assert_clean(_stored_bytes(image.get_rendition(filter_spec)))


def test_image_upload__a_rotated_photo_stays_upright_once_its_orientation_tag_is_gone():
    # Orientation 6: the camera held sideways; viewers rotate the 64x32 pixels to 32x64.
    image = CustomImage.objects.create(
        title="Sideways", file=SimpleUploadedFile("sideways.jpg", _jpeg_with_gps(orientation=6))
    )

    assert (image.width, image.height) == (32, 64)
    _assert_clean(_stored_bytes(image))


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_image_upload__png_and_webp_lose_their_metadata(image_format):
    output = io.BytesIO()
    options = {"exif": _exif_with_gps(), "xmp": XMP}
    if image_format == "PNG":
        text = PngInfo()
        text.add_text("Location", MARKER.decode())
        options["pnginfo"] = text
    Image.new("RGB", (40, 30), "#e4572e").save(output, image_format, **options)
    assert MARKER in output.getvalue()

    image = CustomImage.objects.create(
        title=image_format, file=SimpleUploadedFile(f"photo.{image_format.lower()}", output.getvalue())
    )

    _assert_clean(_stored_bytes(image))


def test_image_upload__heic_loses_its_metadata():
    from pillow_heif import register_heif_opener

    register_heif_opener()
    output = io.BytesIO()
    Image.new("RGB", (40, 30), "#4c956c").save(output, "HEIF", exif=_exif_with_gps().tobytes(), xmp=XMP)
    assert Image.open(io.BytesIO(output.getvalue())).getexif().get_ifd(GPS_IFD)

    image = CustomImage.objects.create(title="HEIC", file=SimpleUploadedFile("photo.heic", output.getvalue()))

    _assert_clean(_stored_bytes(image))


# Phone photos, GIFs and formats the site cannot clean.

RENDITION_FILTERS = ["original", "width-100", "width-100|format-jpeg", "width-100|format-webp", "width-100|format-avif"]


def _mpo_with_gps():
    """A phone camera's multi-picture JPEG: the photo and a second picture, with GPS EXIF and XMP."""
    output = io.BytesIO()
    photo, preview = Image.new("RGB", (160, 120), "#3a6ea5"), Image.new("RGB", (160, 120), "#c0392b")
    photo.save(output, "MPO", save_all=True, append_images=[preview], exif=_exif_with_gps(), xmp=XMP)
    data = output.getvalue()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "MPO" and image.getexif().get_ifd(GPS_IFD)
    assert MARKER in data and b"xmpmeta" in data
    return data


def _assert_no_metadata_bytes(data):
    _assert_clean(data)
    assert b"Exif" not in data and b"xmpmeta" not in data and b"GPS" not in data


def _upload_multiple(client, name, data, content_type):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile(name, data, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    return response.json()


def test_image_upload__a_phone_photo_in_mpo_form_is_stored_and_rendered_without_gps_or_xmp(admin_client):
    result = _upload_multiple(admin_client, "IMG_2041.jpg", _mpo_with_gps(), "image/jpeg")

    assert result["success"], result
    image = CustomImage.objects.get(pk=result["image_id"])
    original = _stored_bytes(image)
    _assert_no_metadata_bytes(original)
    with Image.open(io.BytesIO(original)) as stored:
        assert stored.format == "JPEG", "stored as a plain JPEG of the photo alone"
        assert stored.size == (160, 120)
        assert stored.getpixel((5, 5)) == pytest.approx((58, 110, 165), abs=6)
    assert image.file.name.endswith(".jpg")
    for filter_spec in RENDITION_FILTERS:
        _assert_no_metadata_bytes(_stored_bytes(image.get_rendition(filter_spec)))


def _gif_with_comment(frames=1):
    colours = ["#2e86ab", "#f18f01", "#c73e1d"][:frames]
    pictures = [Image.new("RGB", (40, 30), colour) for colour in colours]
    output = io.BytesIO()
    options = {"comment": b"Taken at " + MARKER}
    if frames > 1:
        options.update(save_all=True, append_images=pictures[1:], duration=[120, 250, 400][:frames], loop=3)
    pictures[0].save(output, "GIF", **options)
    data = output.getvalue()
    assert MARKER in data
    return data


def test_image_upload__a_gif_loses_its_comment_in_the_original_and_every_rendition(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Banner",
            "file": SimpleUploadedFile("banner.gif", _gif_with_comment(), content_type="image/gif"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    image = CustomImage.objects.get(title="Banner")
    original = _stored_bytes(image)
    _assert_clean(original)
    with Image.open(io.BytesIO(original)) as stored:
        assert stored.format == "GIF" and stored.size == (40, 30)
    for filter_spec in ["width-20", "width-20|format-jpeg", "width-20|format-png", "width-20|format-webp"]:
        _assert_clean(_stored_bytes(image.get_rendition(filter_spec)))


def test_image_upload__an_animated_gif_keeps_its_frames_timing_and_loop_but_not_its_comment():
    image = CustomImage.objects.create(
        title="Animated", file=SimpleUploadedFile("moving.gif", _gif_with_comment(frames=3))
    )

    original = _stored_bytes(image)
    assert MARKER not in original
    with Image.open(io.BytesIO(original)) as stored:
        assert stored.n_frames == 3
        assert stored.info.get("loop") == 3
        durations, colours = [], []
        for frame in range(stored.n_frames):
            stored.seek(frame)
            assert "comment" not in stored.info
            durations.append(stored.info["duration"])
            colours.append(stored.convert("RGB").getpixel((0, 0)))
    assert durations == [120, 250, 400]
    assert colours == [(46, 134, 171), (241, 143, 1), (199, 62, 29)]


def test_image_upload__a_format_the_site_cannot_clean_is_refused_not_stored(admin_client, settings, media_root):
    # BMP is not one of the site's formats; allowing it here stands for any format that cannot be rewritten.
    settings.WAGTAILIMAGES_EXTENSIONS = [*settings.WAGTAILIMAGES_EXTENSIONS, "bmp"]
    output = io.BytesIO()
    Image.new("RGB", (30, 20), "#444444").save(output, "BMP")

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Scanned letter",
            "file": SimpleUploadedFile("letter.bmp", output.getvalue(), content_type="image/bmp"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    result = _upload_multiple(admin_client, "letter.bmp", output.getvalue(), "image/bmp")

    assert response.status_code == 200
    assert "could not be checked for hidden details" in response.text
    assert not result["success"]
    assert "could not be checked for hidden details" in result["error_message"]
    assert not CustomImage.objects.exists()
    assert not list(media_root.glob("original_images/*"))


def test_image_upload__a_file_held_while_other_fields_are_filled_in_is_cleaned_too(admin_client, media_root):
    # An upload with a field the upload form rejects (here, a collection that does not exist) is held
    # as a file first; the image is made from it once the edit form is filled in.
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("beach.jpg", _jpeg_with_gps(), content_type="image/jpeg"), "collection": 9999},
    )
    held = response.json()
    assert held["success"] and "uploaded_file_id" in held, held

    upload_id = held["uploaded_file_id"]
    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=(upload_id,)),
        {
            f"uploaded-image-{upload_id}-title": "Beach",
            f"uploaded-image-{upload_id}-collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.json()["success"], response.json()
    image = CustomImage.objects.get(title="Beach")
    _assert_clean(_stored_bytes(image))
    assert image.file_size == len(_stored_bytes(image))
    stored = [path.read_bytes() for path in media_root.rglob("*") if path.is_file()]
    assert stored and not any(MARKER in data for data in stored), "no copy with the metadata is left behind"


# File names.


def test_image_upload__the_stored_file_name_is_random_and_keeps_only_the_extension(admin_client):
    for _ in range(2):
        admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "At home",
                "file": SimpleUploadedFile("samira-nouri-home.JPG", _jpeg_with_gps(), content_type="image/jpeg"),
                "collection": Collection.get_first_root_node().pk,
            },
        )

    first, second = CustomImage.objects.order_by("pk")
    for image in (first, second):
        assert image.file.name.startswith("original_images/") and image.file.name.endswith(".jpg")
        rendition = image.get_rendition("fill-50x50")
        for address in (image.file.name, image.file.url, rendition.url):
            assert "samira" not in address.lower() and "nouri" not in address.lower()
    assert first.file.name != second.file.name
