"""Story submissions in the admin: only Safeguarding (and superusers) see them; photos come through a checked
view; a submission becomes a draft story, once."""

import io
import re

import pytest
from PIL import Image

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from wagtail.models import Collection, GroupPagePermission, ModelLogEntry

from demo.factories.journeys import JourneyIndexPageFactory, StorySubmissionFactory
from home.models import CustomImage
from journeys.models import IdentityLevel, JourneyPage, StorySubmission, StorySubmissionPhoto

pytestmark = pytest.mark.django_db

BASE = "/admin/journeys/submissions/"


def list_url():
    return BASE


def edit_url(submission):
    return f"{BASE}edit/{submission.pk}/"


def photo_url(photo):
    return f"{BASE}photo/{photo.pk}/"


def make_draft_url(submission):
    return f"{BASE}make-draft/{submission.pk}/"


def add_photo(submission, colour="#0b4f6c", size=(120, 80), description=""):
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, "JPEG")
    photo = StorySubmissionPhoto(
        submission=submission, width=size[0], height=size[1], file_size=output.tell(), description=description
    )
    photo.file.save("photo.jpg", ContentFile(output.getvalue()), save=False)
    photo.save()
    return photo


@pytest.fixture
def submission(db):
    return StorySubmissionFactory(
        title="A winter in Leeds",
        story="I arrived in winter.\n\nPeople <b>helped</b> me & my brother.\nWe stayed.",
        identity_level=IdentityLevel.FIRST_NAME_AND_TOWN,
        first_name="Samir",
        town="Leeds",
        contact="samir@example.org",
        consents_to_social_media=True,
    )


@pytest.fixture
def safeguarder_client(client, safeguarder):
    client.force_login(safeguarder)
    return client


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(email="admin@imix.org.uk", password="a-long-password")


def test_an_editor_is_refused_everywhere(client, editor, submission):
    photo = add_photo(submission)
    client.force_login(editor)

    for url in (list_url(), edit_url(submission), photo_url(photo), make_draft_url(submission)):
        assert client.get(url).status_code == 403, url
    assert client.post(make_draft_url(submission)).status_code == 403
    assert client.post(edit_url(submission), {"status": "declined", "staff_notes": "x"}).status_code == 403
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.NEW and submission.journey is None


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client, submission):
    photo = add_photo(submission)
    for url in (list_url(), photo_url(photo)):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_signed_in_visitors_and_members_without_admin_access_get_no_photo(client, user, member, submission):
    photo = add_photo(submission)
    for signed_in in (user, member):
        client.force_login(signed_in)
        response = client.get(photo_url(photo))
        assert response.status_code == 302 and "/admin/login/" in response["Location"], signed_in
        assert not response.content.startswith(b"\xff\xd8"), "no JPEG"


def test_listing__safeguarding_sees_reference_status_date_and_whether_they_were_emailed(safeguarder_client):
    told = StorySubmissionFactory(staff_notified_at=timezone.now())
    untold = StorySubmissionFactory(status=StorySubmission.Status.IN_REVIEW)

    html = safeguarder_client.get(list_url()).content.decode()
    unsent = safeguarder_client.get(list_url(), {"notified": "false"}).content.decode()
    in_review = safeguarder_client.get(list_url(), {"status": "in_review"}).content.decode()

    assert told.reference in html and untold.reference in html
    assert "Safeguarding emailed" in html and "In review" in html
    assert untold.reference in unsent and told.reference not in unsent
    assert untold.reference in in_review and told.reference not in in_review
    old = StorySubmissionFactory(created_at=timezone.now() - timezone.timedelta(days=30))
    since_yesterday = safeguarder_client.get(
        list_url(), {"created_at_from": (timezone.localdate() - timezone.timedelta(days=1)).isoformat()}
    ).content.decode()
    assert told.reference in since_yesterday and old.reference not in since_yesterday
    assert "I left my town" not in html, "the listing never shows the story"


def test_nobody_adds_a_submission_in_the_admin(safeguarder_client, client, superuser):
    assert safeguarder_client.get(f"{BASE}add/").status_code == 403
    assert f'href="{BASE}add/"' not in safeguarder_client.get(list_url()).content.decode()
    client.force_login(superuser)
    assert client.get(f"{BASE}add/").status_code == 403


def test_edit__shows_everything_sent_with_photos_through_the_checked_view_and_saves_status_and_notes(
    safeguarder_client, submission
):
    photo = add_photo(submission)

    html = safeguarder_client.get(edit_url(submission)).content.decode()

    assert "I arrived in winter." in html and "People &lt;b&gt;helped&lt;/b&gt;" in html
    assert "Samir" in html and "Leeds" in html and "samir@example.org" in html
    assert "First name and town" in html and "I am 18 or over" in html
    assert submission.reference in html
    assert f'src="{photo_url(photo)}"' in html
    assert "/media/" not in html and photo.file.name not in html
    assert make_draft_url(submission) in html

    response = safeguarder_client.post(
        edit_url(submission),
        {"status": "in_review", "staff_notes": "Call on Tuesday.", "story": "Changed", "first_name": "Changed"},
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.IN_REVIEW and submission.staff_notes == "Call on Tuesday."
    assert submission.story.startswith("I arrived") and submission.first_name == "Samir", "the story is read-only"


def test_photo_view__serves_a_thumbnail_to_safeguarding_never_cached(safeguarder_client, submission):
    photo = add_photo(submission, size=(1200, 800))

    thumbnail = safeguarder_client.get(photo_url(photo))
    large = safeguarder_client.get(photo_url(photo), {"size": "large"})

    assert thumbnail.status_code == 200 and thumbnail["Content-Type"] == "image/jpeg"
    assert {"private", "no-store"} <= {directive.strip() for directive in thumbnail["Cache-Control"].split(",")}
    assert thumbnail["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(thumbnail.content)).size == (320, 213)
    assert Image.open(io.BytesIO(large.content)).size == (1200, 800)


def test_make_draft__creates_a_draft_story_with_escaped_text_photos_and_only_the_chosen_names(
    safeguarder_client, safeguarder, submission, journey_index
):
    safeguarder.groups.add(Group.objects.get(name="Editors"))  # they also edit stories
    add_photo(submission, description="The station")
    add_photo(submission, colour="#e4572e")
    assert safeguarder_client.get(make_draft_url(submission)).status_code == 200

    response = safeguarder_client.post(make_draft_url(submission))

    page = JourneyPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().specific == journey_index
    assert page.title == "A winter in Leeds"
    assert page.introduction == "I arrived in winter."
    assert page.identity_level == IdentityLevel.FIRST_NAME_AND_TOWN
    assert (page.storyteller_first_name, page.storyteller_town) == ("Samir", "Leeds")
    assert page.storyteller_family_name == page.storyteller_pseudonym == ""
    texts = [block.value.source for block in page.story if block.block_type == "text"]
    assert texts == [
        "<p>I arrived in winter.</p>",
        "<p>People &lt;b&gt;helped&lt;/b&gt; me &amp; my brother.<br/>We stayed.</p>",
    ]
    images = [block.value for block in page.story if block.block_type == "image"]
    assert len(images) == 2
    assert images[0]["caption"] == "The station"
    for value in images:
        image = value["image"]
        assert isinstance(image, CustomImage)
        assert image.collection.name == "Human Journeys"
        assert image.contextual_alt_text == "" and not image.decorative, "staff write the alt text"
        assert image.uploaded_by_user == safeguarder
        assert re.fullmatch(r"original_images/[0-9a-f]{32}\.jpg", image.file.name), "not guessable from the reference"
    assert Collection.objects.filter(name="Human Journeys").count() == 1
    assert page.get_latest_revision().as_object().title == "A winter in Leeds"
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.BECAME_STORY and submission.journey == page
    entry = ModelLogEntry.objects.get(action="journeys.submission.make_draft")
    assert entry.object_id == str(submission.pk) and entry.user == safeguarder and entry.data == {"page_id": page.pk}
    assert "Draft story made" in safeguarder_client.get(f"{BASE}history/{submission.pk}/").content.decode()

    again = safeguarder_client.post(make_draft_url(submission))
    assert again["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert JourneyPage.objects.count() == 1 and CustomImage.objects.count() == 2


def test_make_draft__staff_can_save_the_draft_but_not_publish_it_before_writing_alt_text(
    safeguarder_client, submission, journey_index
):
    from django.core.exceptions import ValidationError

    add_photo(submission)
    safeguarder_client.post(make_draft_url(submission))
    page = JourneyPage.objects.get()

    stream_block = JourneyPage.story.field.stream_block
    stream_block.clean_deferred(page.story)  # what the page editor runs for "Save draft": no error
    with pytest.raises(ValidationError) as refused:
        stream_block.clean(page.story)  # what it runs to publish or submit for review
    assert "alt text" in str(refused.value.as_json_data())


def test_make_draft__goes_under_the_index_in_the_story_language_or_else_the_default(
    safeguarder_client, journey_index, arabic_home_page, locale_ar
):
    arabic_index = journey_index.copy_for_translation(locale_ar)
    arabic = StorySubmissionFactory(language="ar", title="")
    tigrinya = StorySubmissionFactory(language="Tigrinya", title="")

    safeguarder_client.post(make_draft_url(arabic))
    safeguarder_client.post(make_draft_url(tigrinya))

    arabic.refresh_from_db()
    tigrinya.refresh_from_db()
    assert arabic.journey.get_parent().pk == arabic_index.pk
    assert arabic.journey.locale == locale_ar
    assert tigrinya.journey.get_parent().pk == journey_index.pk
    assert tigrinya.journey.title == f"Story from submission {tigrinya.reference}"


def test_make_draft__without_an_index_says_so_and_changes_nothing(safeguarder_client, submission, home_page):
    response = safeguarder_client.post(make_draft_url(submission), follow=True)

    assert "There is no Human Journeys index page" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.NEW and not JourneyPage.objects.exists()


def test_make_draft__needs_change_permission(client, django_user_model, submission, journey_index):
    from django.contrib.auth.models import Permission

    reader = django_user_model.objects.create_user(email="reader@imix.org.uk", password="a-long-password")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_storysubmission")
    )
    client.force_login(reader)

    listing = client.get(list_url())
    assert listing.status_code == 200 and submission.reference in listing.content.decode()
    assert make_draft_url(submission) not in listing.content.decode()
    assert client.get(make_draft_url(submission)).status_code == 403
    assert client.post(make_draft_url(submission)).status_code == 403
    assert not JourneyPage.objects.exists()


def test_second_index_in_the_tree_is_not_chosen_over_the_first(
    safeguarder_client, submission, journey_index, home_page
):
    JourneyIndexPageFactory(parent=home_page, title="Old stories", slug="old-stories")

    safeguarder_client.post(make_draft_url(submission))

    assert re.match(r"^/home/human-journeys/", JourneyPage.objects.get().url_path)


def test_deleting_a_submission_in_the_admin_removes_its_photo_files(
    safeguarder_client, submission, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    photos = [add_photo(submission), add_photo(submission)]
    other = StorySubmissionFactory()
    other_photo = add_photo(other)

    with django_capture_on_commit_callbacks(execute=True):
        response = safeguarder_client.post(f"{BASE}delete/{submission.pk}/")

    assert response.status_code == 302
    assert not StorySubmission.objects.filter(pk=submission.pk).exists()
    assert not any(default_storage.exists(photo.file.name) for photo in photos)
    assert default_storage.exists(other_photo.file.name)


def test_email_safeguarding_now__sends_an_unsent_notification_once(safeguarder_client, safeguarder, editor, smtp):
    unsent = StorySubmissionFactory(language="ar")
    notify_url = f"{BASE}notify/{unsent.pk}/"
    assert notify_url in safeguarder_client.get(edit_url(unsent)).content.decode()
    assert "Arabic" in safeguarder_client.get(list_url()).content.decode()
    editor_client = Client()
    editor_client.force_login(editor)
    assert editor_client.post(notify_url).status_code == 403
    assert not smtp.messages

    response = safeguarder_client.post(notify_url, follow=True)

    unsent.refresh_from_db()
    assert unsent.staff_notified_at is not None
    assert smtp.recipients() == [safeguarder.email]
    assert f"Safeguarding has been emailed about {unsent.reference}." in response.content.decode()
    safeguarder_client.post(notify_url)
    assert len(smtp.messages) == 1, "never emailed twice"


def test_make_draft__takes_a_safeguarder_straight_to_the_draft_in_the_page_editor(
    safeguarder_client, submission, journey_index
):
    """Safeguarding reviewers may add and edit stories in every Human Journeys index (never publish them)."""
    response = safeguarder_client.post(make_draft_url(submission), follow=True)

    page = JourneyPage.objects.get()
    assert response.redirect_chain == [(f"/admin/pages/{page.pk}/edit/", 302)]
    assert response.status_code == 200
    assert not page.live


def test_make_draft__someone_who_cannot_edit_the_index_is_told_to_ask_an_editor(
    safeguarder_client, submission, journey_index
):
    GroupPagePermission.objects.filter(page=journey_index).delete()

    response = safeguarder_client.post(make_draft_url(submission), follow=True)

    page = JourneyPage.objects.get()
    assert response.redirect_chain == [(edit_url(submission), 302)]
    html = response.content.decode()
    assert "Draft story made from" in html and "ask an editor to open the draft" in html
    assert f"/admin/pages/{page.pk}/edit/" not in html
