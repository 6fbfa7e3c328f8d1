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
