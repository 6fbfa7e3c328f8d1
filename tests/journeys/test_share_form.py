"""Sharing a journey: the public form, its checks on photos, spam defences, and telling Safeguarding.

Emails go through a real SMTP server (tests/smtp.py); photos are real image files made with Pillow.
"""

import io
import os
import re

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from demo.factories.home import ImageFactory
from demo.factories.journeys import SafeguarderFactory, ShareJourneyPageFactory
from imix_site.urls import UPLOADED_IMAGE_FOLDERS
from journeys.models import IdentityLevel, StorySubmission
from journeys.submissions.handling import notify_safeguarding

pytestmark = pytest.mark.django_db

SHARE_URL = "/en/human-journeys/share-your-journey/"
THANKS_URL = SHARE_URL + "?sent=1"
GPS_IFD = 0x8825
MARKER = "SecretVillageNearTheBorder"
STORED_PHOTO = re.compile(r"^submissions/[0-9a-f]{32}\.(jpg|jpeg|png|webp|heic)$")
STORY = "I left my town when I was twenty.\n\nThe first winter was the hardest.\nBut people were kind."


@pytest.fixture
def share_page(journey_index):
    return ShareJourneyPageFactory(
        parent=journey_index,
        thank_you_text="Thank you. Our Safeguarding team will read your story within a week.",
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
    )


def jpeg_with_gps(size=(64, 48)):
    exif = Image.Exif()
    exif[0x0131] = MARKER  # software
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.9)}
    output = io.BytesIO()
    Image.new("RGB", size, "#0b4f6c").save(output, "JPEG", exif=exif)
    data = output.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD), "the test photo must carry a GPS position"
    return data


def image_bytes(image_format, size=(40, 30), colour="#e4572e"):
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, image_format)
    return output.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def valid_data(**overrides):
    data = {
        "story": STORY,
        "title": "A winter in Leeds",
        "identity_level": IdentityLevel.FIRST_NAME,
        "first_name": "Samir",
        "family_name": "Haddad",
        "town": "",
        "pseudonym": "The Traveller",
        "contact": "samir@example.org",
        "language": "en",
        "other_language": "",
        "consents_to_website": "on",
        "consents_to_press": "on",
        "understands_withdrawal": "on",
        "age_confirmation": StorySubmission.AgeConfirmation.ADULT,
        "guardian_name": "",
        "homepage": "",
    }
    data.update(overrides)
    return data


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def stored_bytes(photo):
    with photo.file.open("rb") as stored:
        return stored.read()


def test_form__renders_never_cached_with_labels_a_hidden_honeypot_and_file_upload(client, share_page):
    response = client.get(SHARE_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert 'enctype="multipart/form-data"' in html and "csrfmiddlewaretoken" in html
    assert '<label for="id_story">' in html and 'name="photos"' in html and "multiple" in html
    assert "<legend>How would you like to be named if your story is published?</legend>" in html
    assert '<div class="form-honeypot" hidden>' in html  # hidden alone: aria-hidden beside it is redundant (Nu checker)
    assert "Up to 5 photos, each up to 10 MB" in html
    assert '<option value="en" selected>English</option>' in html, "the page's language is chosen to start with"


def test_form__refuses_a_post_without_the_csrf_token(share_page):
    response = Client(enforce_csrf_checks=True).post(SHARE_URL, valid_data())

    assert response.status_code == 403
    assert not StorySubmission.objects.exists()


def test_submit__saves_story_and_clean_photos_emails_safeguarding_without_content_then_thanks(
    client, share_page, safeguarder, editor, smtp, settings
):
    settings.JOURNEYS_SAFEGUARDING_EMAILS = ["lead@safeguarding.example", safeguarder.email.upper()]
    SafeguarderFactory(email="left-last-year@imix.org.uk", is_active=False)
    photos = [upload("IMG_0001 Samir at home.jpg", jpeg_with_gps()), upload("map.png", image_bytes("PNG"), "image/png")]

    response = client.post(SHARE_URL, {**valid_data(), "photos": photos})

    assert response.status_code == 302 and response["Location"] == THANKS_URL
    assert "no-store" in response["Cache-Control"]
    submission = StorySubmission.objects.get()
    assert submission.story == STORY and submission.title == "A winter in Leeds"
    assert submission.identity_level == IdentityLevel.FIRST_NAME
    assert (submission.first_name, submission.family_name, submission.pseudonym) == ("Samir", "", ""), (
        "only the name the chosen level shows is kept"
    )
    assert submission.contact == "samir@example.org" and submission.language == "en"
    assert submission.consents_to_website and submission.consents_to_press and not submission.consents_to_social_media
    assert submission.understands_withdrawal and submission.age_confirmation == "adult"
    assert submission.status == StorySubmission.Status.NEW

    jpeg, png = submission.photos.all()
    assert jpeg.file.name.startswith("submissions/") and jpeg.file.name.endswith(".jpg")
    assert "Samir" not in jpeg.file.name and "IMG_0001" not in jpeg.file.name
    assert png.file.name.endswith(".png")
    data = stored_bytes(jpeg)
    assert MARKER.encode() not in data
    with Image.open(io.BytesIO(data)) as stored:
        assert not stored.getexif().get_ifd(GPS_IFD)
        assert stored.size == (64, 48) == (jpeg.width, jpeg.height)
    assert jpeg.file_size == len(data)

    assert smtp.recipients() == sorted([safeguarder.email, "lead@safeguarding.example"]), (
        "each active safeguarder and extra address once; the editor and a former safeguarder never"
    )
    submission.refresh_from_db()
    assert submission.staff_notified_at is not None
    for _recipients, message in smtp.messages:
        text = message.as_string()
        assert submission.reference in message["Subject"]
        assert f"/admin/journeys/submissions/edit/{submission.pk}/" in text
        for secret in ("first winter", "Samir", "samir@example.org", "Leeds", "winter in"):
            assert secret not in text
        assert not any(part.get_content_maintype() == "image" for part in message.walk())

    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert "Our Safeguarding team will read your story within a week." in html
    assert submission.reference in html
    assert "no-store" in thanks["Cache-Control"]
    again = client.get(THANKS_URL).content.decode()
    assert submission.reference not in again, "the reference is shown once, not to the next person at this computer"


def test_submit__with_the_mail_server_down_the_story_is_kept_and_told_by_the_next_email_that_works(
    client, share_page, safeguarder, smtp_down, smtp_controller, settings
):
    response = client.post(SHARE_URL, valid_data())

    assert response.status_code == 302
    assert "Thank you. Our Safeguarding team" in client.get(response["Location"]).content.decode()
    first = StorySubmission.objects.get()
    assert first.staff_notified_at is None

    # The server is back: the next notification names the earlier submission too.
    settings.EMAIL_HOST, settings.EMAIL_PORT = smtp_controller.hostname, smtp_controller.port
    smtp_controller.handler.reset()
    client.post(SHARE_URL, valid_data(story="A second story."))

    first.refresh_from_db()
    second = StorySubmission.objects.exclude(pk=first.pk).get()
    assert first.staff_notified_at is not None and second.staff_notified_at is not None
    ((recipients, message),) = smtp_controller.handler.messages
    assert recipients == [safeguarder.email]
    assert second.reference in message["Subject"] and first.reference in message.get_content()


def test_notification__retries_later_with_a_backend_that_can_wait(
    client, share_page, safeguarder, smtp_down, smtp_controller, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.post(SHARE_URL, valid_data())
    submission = StorySubmission.objects.get()
    backend = notify_safeguarding.get_backend()

    def notifications():
        return [result for result in backend.results if result.task.name == notify_safeguarding.name]

    (queued,) = notifications()

    assert queued.task.call(*queued.args, **queued.kwargs) == "failed"
    submission.refresh_from_db()
    assert submission.staff_notified_at is None
    retry = notifications()[-1]
    assert retry.args == [submission.pk, 2]
    assert retry.task.run_after > timezone.now() + timezone.timedelta(minutes=4)

    settings.EMAIL_HOST, settings.EMAIL_PORT = smtp_controller.hostname, smtp_controller.port
    smtp_controller.handler.reset()
    assert retry.task.call(*retry.args) == "sent"
    submission.refresh_from_db()
    assert submission.staff_notified_at is not None
    assert smtp_controller.handler.recipients() == [safeguarder.email]
    assert retry.task.call(*retry.args) == "nothing to do", "told once, never twice"
    assert len(smtp_controller.handler.messages) == 1


def test_submit__invalid_input_keeps_what_was_typed_links_errors_and_asks_for_photos_again(client, share_page, smtp):
    response = client.post(
        SHARE_URL,
        {
            **valid_data(
                story="",
                title="My title",
                identity_level=IdentityLevel.FIRST_NAME_AND_TOWN,
                first_name="Samir",
                town="",
                consents_to_website="",
                age_confirmation=StorySubmission.AgeConfirmation.GUARDIAN,
                language="other",
                other_language="Tigrinya",
            ),
            "photos": [upload("one.jpg", jpeg_with_gps())],
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    assert not StorySubmission.objects.exists() and not smtp.messages
    assert 'class="error-summary" role="alert"' in html and html.count("<title>Error:") == 1
    for field in ("id_story", "id_town", "id_consents_to_website", "id_guardian_name"):
        assert f'<a href="#{field}">' in html
        assert f'id="{field}_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="My title"' in html and 'value="Samir"' in html and 'value="samir@example.org"' in html
    assert re.search(r'value="first_name_town" id="id_identity_level_1"[^>]* checked', html)
    assert re.search(r'value="guardian" id="id_age_confirmation_1"[^>]* checked', html)
    assert re.search(r'id="id_consents_to_press"[^>]* checked', html)
    assert re.search(r'<option value="other" selected>', html) and 'value="Tigrinya"' in html
    assert "Choose your photo again before you send." in html


def test_submit__each_naming_choice_needs_its_fields_and_others_need_theirs(client, share_page):
    pseudonym = client.post(SHARE_URL, valid_data(identity_level=IdentityLevel.PSEUDONYM, pseudonym=""))
    other_language = client.post(SHARE_URL, valid_data(language="other", other_language=""))
    no_level = client.post(SHARE_URL, valid_data(identity_level=""))

    assert set(pseudonym.context["form"].errors) == {"pseudonym"}
    assert set(other_language.context["form"].errors) == {"other_language"}
    assert '<a href="#id_identity_level_0">' in no_level.content.decode()
    assert not StorySubmission.objects.exists()


def test_submit__anonymous_keeps_no_name_and_another_language_is_stored_by_name(client, share_page):
    client.post(
        SHARE_URL,
        valid_data(
            identity_level=IdentityLevel.ANONYMOUS,
            first_name="Samir",
            pseudonym="Traveller",
            language="other",
            other_language="Tigrinya",
            age_confirmation=StorySubmission.AgeConfirmation.GUARDIAN,
            guardian_name="Mariam Haddad",
        ),
    )

    submission = StorySubmission.objects.get()
    assert (submission.first_name, submission.family_name, submission.town, submission.pseudonym) == ("", "", "", "")
    assert submission.language == "Tigrinya"
    assert submission.guardian_name == "Mariam Haddad"


def test_submit__a_text_file_named_like_a_photo_is_refused(client, share_page):
    response = client.post(
        SHARE_URL, {**valid_data(), "photos": [upload("photo.jpg", b"Just some text, not a picture.\n" * 20)]}
    )

    assert response.status_code == 400
    assert "“photo.jpg” is not a photo we can accept" in response.content.decode()
    assert "Choose your photos again." in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_submit__a_gif_or_a_truncated_jpeg_is_refused(client, share_page):
    truncated = jpeg_with_gps(size=(300, 200))[:200]
    response = client.post(
        SHARE_URL,
        {**valid_data(), "photos": [upload("a.gif", image_bytes("GIF"), "image/gif"), upload("b.jpg", truncated)]},
    )

    errors = response.context["form"].errors["photos"]
    assert any("“a.gif”" in error for error in errors) and any("“b.jpg”" in error for error in errors)
    assert not StorySubmission.objects.exists()


def test_submit__an_oversized_image_is_refused(client, share_page, settings):
    settings.JOURNEYS_SUBMISSION_MAX_PHOTO_MB = 1
    noise = Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3))
    output = io.BytesIO()
    noise.save(output, "PNG")
    assert output.tell() > 1024 * 1024

    response = client.post(SHARE_URL, {**valid_data(), "photos": [upload("big.png", output.getvalue(), "image/png")]})

    assert response.status_code == 400
    assert "“big.png” is larger than 1 MB" in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_submit__too_many_photos_are_refused(client, share_page, settings):
    settings.JOURNEYS_SUBMISSION_MAX_PHOTOS = 2
    photos = [upload(f"p{number}.jpg", image_bytes("JPEG")) for number in range(3)]

    response = client.post(SHARE_URL, {**valid_data(), "photos": photos})

    assert response.status_code == 400
    assert "You can send at most 2 photos; you chose 3." in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_submit__webp_and_heic_photos_are_accepted(client, share_page):
    heic = io.BytesIO()
    Image.new("RGB", (32, 32), "#3c896d").save(heic, "HEIF")
    photos = [upload("a.webp", image_bytes("WEBP"), "image/webp"), upload("b.heic", heic.getvalue(), "image/heic")]

    response = client.post(SHARE_URL, {**valid_data(), "photos": photos})

    assert response.status_code == 302
    names = [photo.file.name for photo in StorySubmission.objects.get().photos.all()]
    assert names[0].endswith(".webp") and names[1].endswith(".heic")


def test_submit__honeypot_filled_saves_nothing_sends_nothing_and_looks_like_success(
    client, share_page, safeguarder, smtp
):
    response = client.post(SHARE_URL, valid_data(homepage="http://spam.example"))

    assert response.status_code == 302 and response["Location"] == THANKS_URL
    assert not StorySubmission.objects.exists()
    assert not smtp.messages


def test_submit__rate_limit_per_address_turns_away_more_with_a_message_keeping_input(client, share_page, settings):
    settings.JOURNEYS_SUBMISSIONS_PER_HOUR = 2
    for number in range(2):
        assert client.post(SHARE_URL, valid_data(story=f"Story {number}")).status_code == 302

    response = client.post(
        SHARE_URL, {**valid_data(story="The third story"), "photos": [upload("a.jpg", image_bytes("JPEG"))]}
    )

    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many stories from your connection" in html
    assert "The third story" in html
    assert "choose your photos again" in html
    assert StorySubmission.objects.count() == 2
    other_address = client.post(SHARE_URL, valid_data(story="From elsewhere"), REMOTE_ADDR="192.0.2.9")
    assert other_address.status_code == 302


def test_submitted_photos_are_stored_in_their_private_folder_under_random_names(client, share_page):
    """Never the photo's own name (a phone's names can say who and where), nor anything guessed from it."""
    photos = [upload("IMG_0001 Samir.jpg", jpeg_with_gps()), upload("IMG_0001 Samir.jpg", jpeg_with_gps())]

    client.post(SHARE_URL, {**valid_data(), "photos": photos})

    names = [photo.file.name for photo in StorySubmission.objects.get().photos.all()]
    assert len(names) == 2 and names[0] != names[1], "the same name twice is stored under two names"
    for name in names:
        assert STORED_PHOTO.match(name), name
        assert not name.startswith(UPLOADED_IMAGE_FOLDERS), "only the image folders are ever served by path"


def test_submitted_photos_are_never_served_by_their_path_where_uploaded_images_are(
    client, share_page, development_urls
):
    image = ImageFactory(file__width=40, file__height=30)
    assert client.get(f"/media/{image.file.name}").status_code == 200, "the development server serves images"
    response = client.post(SHARE_URL, {**valid_data(), "photos": [upload("a.jpg", jpeg_with_gps())]})
    photo = StorySubmission.objects.get().photos.get()
    name, stored = photo.file.name, stored_bytes(photo)

    assert name.rsplit("/", 1)[1] not in client.get(response["Location"]).content.decode()
    for path in (name, f"original_images/../{name}", f"images/../../{name}", f"images/%2e%2e/{name}"):
        response = client.get(f"/media/{path}")
        assert response.status_code == 404, path
        assert stored not in body(response), path


def test_form__in_arabic_starts_from_arabic_and_thanks_in_the_same_page(
    client, share_page, arabic_home_page, locale_ar
):
    arabic_index = share_page.get_parent().specific.copy_for_translation(locale_ar)
    arabic_index.save_revision().publish()
    arabic_share = share_page.copy_for_translation(locale_ar)
    arabic_share.save_revision().publish()
    arabic_share.refresh_from_db()
    url = arabic_share.url

    form = client.get(url).content.decode()
    response = client.post(url, valid_data(language="ar"))

    assert url.startswith("/ar/")
    assert '<option value="ar" selected>' in form
    assert response.status_code == 302 and response["Location"] == f"{url}?sent=1"
    assert StorySubmission.objects.get().language == "ar"


def test_notification__one_refused_address_does_not_stop_the_others(client, share_page, safeguarder, smtp, settings):
    settings.JOURNEYS_SAFEGUARDING_EMAILS = ["gone@safeguarding.example"]
    smtp.refuse_rcpt.add("gone@safeguarding.example")

    client.post(SHARE_URL, valid_data())

    assert smtp.recipients() == [safeguarder.email]
    assert StorySubmission.objects.get().staff_notified_at is not None


def test_submit__a_phone_photo_saved_as_mpo_is_kept_as_a_plain_jpeg_without_its_position(client, share_page, smtp):
    """Many phones save multi-picture JPEGs (MPO), each picture with EXIF of its own, GPS included."""
    output = io.BytesIO()
    exif = Image.Exif()
    exif[0x0131] = MARKER
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.9)}
    photo, preview = Image.new("RGB", (64, 48), "#0b4f6c"), Image.new("RGB", (16, 12), "#e4572e")
    photo.save(output, "MPO", save_all=True, append_images=[preview], exif=exif)
    with Image.open(io.BytesIO(output.getvalue())) as sent:
        assert sent.format == "MPO" and sent.getexif().get_ifd(GPS_IFD)

    response = client.post(SHARE_URL, {**valid_data(), "photos": [upload("IMG_2040.jpg", output.getvalue())]})

    assert response.status_code == 302
    stored = StorySubmission.objects.get().photos.get()
    data = stored_bytes(stored)
    assert MARKER.encode() not in data and b"GPS" not in data
    with Image.open(io.BytesIO(data)) as kept:
        assert kept.format == "JPEG" and not kept.getexif().get_ifd(GPS_IFD)
