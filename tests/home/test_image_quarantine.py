"""A quarantined image is off the site for good: no rendition, no file at any address it was served from,
not offered to editors again, and pages that still point at it render without it instead of failing."""

import pytest

from django.http import Http404
from django.template import Context, Template

from wagtail.images.models import SourceImageIOError

from demo.factories.home import ImageFactory
from home.models import CustomImage
from imix_site.urls import serve_uploaded_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(media_root):
    image = ImageFactory(title="Storyteller at the harbour", file__width=320, file__height=200)
    image.get_rendition("fill-100x100")
    image.get_rendition("width-200")
    return image


def _path(media_root, name):
    return media_root / name


def test_quarantine_moves_the_original_out_of_the_served_folders(image, media_root, rf):
    original = image.file.name
    assert _path(media_root, original).exists()

    image.quarantine()

    image.refresh_from_db()
    assert not _path(media_root, original).exists()
    assert image.file.name.startswith("quarantine/")
    assert image.file.name.endswith(original.rsplit("/", 1)[-1])
    assert _path(media_root, image.file.name).exists(), "kept, where it is never served, for staff to recover"
    assert image.quarantined_at is not None
    for path in (original, image.file.name):
        with pytest.raises(Http404):
            serve_uploaded_image(rf.get(f"/media/{path}"), path)


def test_quarantine_deletes_every_rendition_row_and_file(image, media_root, rf):
    rendition_paths = [rendition.file.name for rendition in image.renditions.all()]
    assert len(rendition_paths) == 2 and all(_path(media_root, path).exists() for path in rendition_paths)
    response = serve_uploaded_image(rf.get(f"/media/{rendition_paths[0]}"), rendition_paths[0])
    assert response.status_code == 200

    image.quarantine()

    assert not image.renditions.exists()
    for path in rendition_paths:
        assert not _path(media_root, path).exists()
        with pytest.raises(Http404):
            serve_uploaded_image(rf.get(f"/media/{path}"), path)


def test_a_quarantined_image_refuses_renditions_and_the_image_tag_degrades(image):
    image.quarantine()
    image = CustomImage.objects.get(pk=image.pk)

    with pytest.raises(SourceImageIOError):
        image.get_rendition("width-400")
    with pytest.raises(SourceImageIOError):
        image.get_renditions("width-400", "width-800")
    html = Template(
        "{% load wagtailimages_tags %}{% image img fill-100x100 %}|{% picture img width-{200,400} format-{webp,jpeg} %}"
    ).render(Context({"img": image}))

    assert "quarantine" not in html and "original_images" not in html and "images/" not in html
    assert not image.renditions.exists(), "no rendition was made from the quarantined file"


def test_quarantine_twice_changes_nothing_more(image, media_root):
    image.quarantine()
    image.refresh_from_db()
    first_name, first_time = image.file.name, image.quarantined_at

    image.quarantine()
    image.refresh_from_db()

    assert image.file.name == first_name and image.quarantined_at == first_time
    assert _path(media_root, first_name).exists()


def test_quarantined_images_are_not_offered_in_the_image_chooser(client, django_user_model, image):
    other = ImageFactory(title="Leeds market at dawn", file__width=64, file__height=64)
    image.quarantine()
    admin = django_user_model.objects.create_superuser(email="admin@imix.org.uk", password="a-long-password")
    client.force_login(admin)

    response = client.get("/admin/images/chooser/")
    html = response.json()["html"] if response["Content-Type"].startswith("application/json") else response.text

    assert response.status_code == 200
    assert other.title in html
    assert image.title not in html


def test_searching_the_image_chooser_works_and_still_hides_quarantined_images(client, django_user_model, image):
    other = ImageFactory(title="Harbour at dawn", file__width=64, file__height=64)
    image.quarantine()
    admin = django_user_model.objects.create_superuser(email="admin@imix.org.uk", password="a-long-password")
    client.force_login(admin)

    response = client.get("/admin/images/chooser/", {"q": "harbour"})
    html = response.json()["html"] if response["Content-Type"].startswith("application/json") else response.text
    results = client.get("/admin/images/chooser/results/", {"q": "harbour"})

    assert response.status_code == 200
    assert other.title in html
    assert image.title not in html
    assert results.status_code == 200
    assert other.title in results.text and image.title not in results.text
