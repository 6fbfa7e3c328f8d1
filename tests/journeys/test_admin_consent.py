"""Consent records in the admin: only the Safeguarding group (and superusers) can open them; the form keeps a
record to its story, its dates in order and its signed form private; renewal and withdrawal behave as staff
expect."""

import datetime
import io
import re

import pytest
from PIL import Image

from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry

from demo.factories.home import ImageFactory
from demo.factories.journeys import ConsentRecordFactory, JourneyPageFactory, publish_through_review
from imix_site.urls import UPLOADED_IMAGE_FOLDERS
from journeys.consent.admin import RENEWED_LOG_ACTION
from journeys.models import ConsentRecord, IdentityLevel

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/journeys/consentrecord/"
TODAY = timezone.localdate()


def url(view="", record=None):
    return f"{ADMIN}{view}/{record.pk}/" if record else f"{ADMIN}{view}/" if view else ADMIN


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def record(draft_journey):
    return ConsentRecordFactory(journey=draft_journey, storyteller_name="Amal Haddad")


# A real (if empty) one-page-tree PDF, as a scanner would start one.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    b"trailer <</Root 1 0 R>>\n%%EOF\n"
)
STORED_NAME = re.compile(r"^consent-forms/[0-9a-f]{32}\.(pdf|png|jpg|jpeg)$")


def png_bytes():
    output = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(output, format="PNG")
    return output.getvalue()


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def download_url(record):
    return f"/admin/journeys/consent/{record.pk}/signed-form/"


@pytest.fixture
def record_with_form(record):
    record.signed_form.save("Amal Haddad signed consent.pdf", ContentFile(PDF_BYTES))
    return record


def form_data(journey, **changes):
    data = {
        "journey": str(journey.pk),
        "storyteller_name": "Amal Haddad",
        "guardian_name": "",
        "identity_level": IdentityLevel.FIRST_NAME,
        "consent_date": (TODAY - datetime.timedelta(days=3)).isoformat(),
        "valid_until": (TODAY + datetime.timedelta(days=365)).isoformat(),
        "collected_by": "Safeguarding lead",
        "covers_website": "on",
        "notes": "",
    }
    data.update(changes)
    return data


# --- Who can see them ------------------------------------------------------------------------------------


def test_editors_get_a_403_on_every_consent_view_and_never_see_a_real_name(client, editor, record):
    client.force_login(editor)

    for address in [url(), url("add"), url("edit", record), url("inspect", record), url("delete", record)]:
        response = client.get(address)
        html = response.content.decode()
        assert response.status_code == 403, address
        assert "open only to the Safeguarding group" in html
        assert "Haddad" not in html
    refused = client.post(url("edit", record), form_data(record.journey, storyteller_name="Changed"))
    assert refused.status_code == 403
    assert ConsentRecord.objects.get(pk=record.pk).storyteller_name == "Amal Haddad"


def test_the_record_chooser_cannot_be_used_to_search_real_names(client, editor, safeguarder, record):
    chooser = "/admin/snippets/choose/journeys/consentrecord/results/"
    client.force_login(editor)

    refused = client.get(chooser, {"q": "Haddad"})

    assert refused.status_code == 403
    assert "Finding work in Leeds" not in refused.content.decode()
    client.force_login(safeguarder)
    assert "Finding work in Leeds" in client.get(chooser, {"q": "Haddad"}).content.decode()


def test_only_the_safeguarding_group_sees_the_menu_item(client, editor, safeguarder):
    client.force_login(editor)
    assert ADMIN not in client.get("/admin/").content.decode()

    client.force_login(safeguarder)
    assert ADMIN in client.get("/admin/").content.decode()


def test_the_safeguarding_group_lists_records_with_status_dates_channels_and_identity(client, safeguarder, record):
    client.force_login(safeguarder)

    response = client.get(url())

    html = response.content.decode()
    assert response.status_code == 200
    for text in ["Finding work in Leeds", "Active", TODAY.replace(year=TODAY.year + 1).strftime("%-d %B %Y")]:
        assert text in html
    assert "website, social media" in html
    assert "First name only" in html
    assert "Expires soon" not in html


def test_a_record_expiring_within_two_weeks_is_marked(client, safeguarder, journey_index):
    soon = JourneyPageFactory(parent=journey_index, title="Soon to expire")
    ConsentRecordFactory(journey=soon, valid_until=TODAY + datetime.timedelta(days=10))
    client.force_login(safeguarder)

    html = client.get(url()).content.decode()

    assert "Expires soon" in html


def test_records_are_found_by_storyteller_name_or_story_title_and_filtered_by_status(
    client, safeguarder, record, journey_index
):
    other = JourneyPageFactory(parent=journey_index, title="A kitchen in Bradford")
    ConsentRecordFactory(journey=other, storyteller_name="Samir Osman", status=ConsentRecord.Status.EXPIRED)
    client.force_login(safeguarder)

    def titles(**params):
        html = client.get(url(), params).content.decode()
        return {title for title in ("Finding work in Leeds", "A kitchen in Bradford") if title in html}

    assert titles(q="Osman") == {"A kitchen in Bradford"}
    assert titles(q="Leeds") == {"Finding work in Leeds"}
    assert titles(status="expired") == {"A kitchen in Bradford"}
    assert titles(status="active") == {"Finding work in Leeds"}


def test_the_inspect_view_shows_the_whole_record(client, safeguarder, record):
    client.force_login(safeguarder)

    response = client.get(url("inspect", record))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Amal Haddad" in html
    assert "IMIX Safeguarding lead" in html


def test_only_the_safeguarding_group_are_counted_as_able_to_edit_records(safeguarder, editor, admin_user):
    policy = policy_registry.get_by_type(ConsentRecord)

    users = set(policy.users_with_any_permission(["change"]))

    assert safeguarder in users and admin_user in users
    assert editor not in users


# --- The form --------------------------------------------------------------------------------------------


def test_the_story_choice_offers_only_stories_in_the_main_language_without_a_record(
    client, safeguarder, record, journey_index, arabic_home_page, locale_ar
):
    waiting = JourneyPageFactory(parent=journey_index, title="Waiting for consent")
    journey_index.copy_for_translation(locale_ar)
    translation = waiting.copy_for_translation(locale_ar)
    client.force_login(safeguarder)

    response = client.get(url("add"))

    choices = {page.pk for page in response.context["form"].fields["journey"].queryset}
    assert choices == {waiting.pk}
    assert translation.pk not in choices
    assert record.journey_id not in choices
    editing = client.get(url("edit", record)).context["form"].fields["journey"].queryset
    assert {page.pk for page in editing} == {waiting.pk, record.journey_id}


def test_the_status_panel_link_starts_the_record_for_its_story(client, safeguarder, draft_journey):
    client.force_login(safeguarder)

    response = client.get(url("add"), {"journey": draft_journey.pk})

    assert response.context["form"].initial["journey"] == draft_journey.pk


def test_a_safeguarder_adds_a_record_with_a_signed_pdf_kept_under_a_random_name(
    client, editor, safeguarder, draft_journey
):
    client.force_login(safeguarder)

    response = client.post(
        url("add"), form_data(draft_journey, signed_form=upload("Amal Haddad consent.pdf", PDF_BYTES))
    )

    assert response.status_code == 302
    record = ConsentRecord.objects.get(journey=draft_journey)
    assert record.status == ConsentRecord.Status.ACTIVE
    assert record.covers_website and not record.covers_press
    name = record.signed_form.name
    assert STORED_NAME.match(name) and name.endswith(".pdf")
    assert "Haddad" not in name and "consent.pdf" not in name
    with default_storage.open(name) as stored:
        assert stored.read() == PDF_BYTES
    # A file of the record, not a Wagtail document: nothing appears in anyone's document listing.
    assert not get_document_model().objects.exists()
    client.force_login(editor)
    assert "Haddad" not in client.get("/admin/documents/").content.decode()


def test_a_scan_in_png_is_accepted(client, safeguarder, draft_journey):
    client.force_login(safeguarder)

    response = client.post(
        url("add"), form_data(draft_journey, signed_form=upload("scan.png", png_bytes(), "image/png"))
    )

    assert response.status_code == 302
    name = ConsentRecord.objects.get(journey=draft_journey).signed_form.name
    assert STORED_NAME.match(name) and name.endswith(".png")


def test_a_text_file_named_like_a_pdf_is_refused_keeping_what_was_typed(client, safeguarder, draft_journey):
    client.force_login(safeguarder)
    fake = upload("form.pdf", b"Amal Haddad agreed on the phone.\n", "application/pdf")

    response = client.post(
        url("add"),
        form_data(draft_journey, storyteller_name="Ruth Tesfaye", collected_by="Outreach worker", signed_form=fake),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "“form.pdf” is not a PDF, JPEG or PNG file" in html
    assert 'value="Ruth Tesfaye"' in html
    assert 'value="Outreach worker"' in html
    assert not ConsentRecord.objects.exists()
    assert not default_storage.exists("consent-forms") or not default_storage.listdir("consent-forms")[1]


def test_a_png_named_as_a_pdf_is_refused_with_the_name_to_use(client, safeguarder, draft_journey):
    client.force_login(safeguarder)

    response = client.post(
        url("add"), form_data(draft_journey, signed_form=upload("scan.pdf", png_bytes(), "application/pdf"))
    )

    assert response.status_code == 200
    assert "is really a PNG file. Rename it to end in “.png”" in response.content.decode()
    assert not ConsentRecord.objects.exists()


def test_a_signed_form_over_the_size_limit_is_refused(client, safeguarder, draft_journey, settings):
    settings.JOURNEYS_CONSENT_FORM_MAX_MB = 1
    client.force_login(safeguarder)
    large = upload("large-scan.pdf", PDF_BYTES + b"0" * (1024 * 1024))

    response = client.post(url("add"), form_data(draft_journey, signed_form=large))

    assert response.status_code == 200
    assert "“large-scan.pdf” is larger than 1 MB" in response.content.decode()
    assert not ConsentRecord.objects.exists()


def test_an_expiry_date_before_the_consent_is_refused_keeping_what_was_typed(client, safeguarder, draft_journey):
    client.force_login(safeguarder)
    data = form_data(
        draft_journey, consent_date="2026-03-01", valid_until="2026-02-01", storyteller_name="Ruth Tesfaye"
    )

    response = client.post(url("add"), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "must be after the date of consent" in html
    assert 'value="Ruth Tesfaye"' in html
    assert not ConsentRecord.objects.exists()


# --- The signed form: downloaded only through the permission-checked view ------------------------------


def test_a_safeguarder_downloads_the_signed_form_under_a_neutral_name_never_cached(
    client, safeguarder, record_with_form
):
    client.force_login(safeguarder)

    response = client.get(download_url(record_with_form))

    assert response.status_code == 200
    assert body(response) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="consent-form-{record_with_form.pk}.pdf"'
    assert {"private", "no-store"} <= {directive.strip() for directive in response["Cache-Control"].split(",")}
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_signed_form_is_refused_to_visitors_members_and_editors(client, user, member, editor, record_with_form):
    anonymous = client.get(download_url(record_with_form))

    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert b"%PDF" not in body(anonymous)
    for signed_in in (user, member):  # signed in on the site, but with no way into the admin
        client.force_login(signed_in)
        response = client.get(download_url(record_with_form))
        assert response.status_code == 302 and "/admin/login/" in response["Location"], signed_in
        assert b"%PDF" not in body(response)
    client.force_login(editor)
    refused = client.get(download_url(record_with_form))
    assert refused.status_code == 403
    assert b"%PDF" not in body(refused)
    assert "open only to the Safeguarding group" in body(refused).decode()


def test_a_record_without_a_signed_form_has_nothing_to_download(client, safeguarder, record):
    client.force_login(safeguarder)

    assert client.get(download_url(record), follow=True).status_code == 404
    assert "None uploaded" in client.get(url("inspect", record)).content.decode()


def test_the_edit_and_inspect_views_link_to_the_download_never_to_the_file(client, safeguarder, record_with_form):
    client.force_login(safeguarder)

    for view in ("edit", "inspect"):
        html = client.get(url(view, record_with_form)).content.decode()
        assert f'href="{download_url(record_with_form)}"' in html, view
        assert "Download the signed form" in html
        assert record_with_form.signed_form.name not in html


def test_the_signed_form_is_stored_in_its_private_folder_under_a_random_name(record):
    """Never the uploaded name (it may be the storyteller's), nor anything that could be guessed from it."""
    names = []
    for _ in range(2):
        record.signed_form.save("Amal Haddad signed consent.pdf", ContentFile(PDF_BYTES))
        names.append(record.signed_form.name)

    assert names[0] != names[1], "the same upload twice is stored under two names"
    for name in names:
        assert STORED_NAME.match(name), name
        assert not name.startswith(UPLOADED_IMAGE_FOLDERS), "only the image folders are ever served by path"
        with default_storage.open(name) as stored:
            assert stored.read() == PDF_BYTES


def test_the_signed_form_is_never_served_by_its_path_where_uploaded_images_are(
    client, development_urls, record_with_form
):
    image = ImageFactory(file__width=40, file__height=30)
    assert client.get(f"/media/{image.file.name}").status_code == 200, "the development server serves images"
    name = record_with_form.signed_form.name

    for path in (name, f"original_images/../{name}", f"images/../../{name}", f"images/%2e%2e/{name}"):
        response = client.get(f"/media/{path}")
        assert response.status_code == 404, path
        assert b"%PDF" not in body(response), path


def test_the_file_address_of_the_signed_form_is_in_no_admin_view_or_page(client, safeguarder, record_with_form):
    """The address the storage would hand out (`signed_form.url`) is never written into a page: were the folder
    ever served by mistake, nobody would have been given the way to the file."""
    record = record_with_form
    stored = record.signed_form.name.rsplit("/", 1)[1].split(".")[0]  # the random part of the name
    assert stored in record.signed_form.url
    story = publish_through_review(record.journey, reviewer=safeguarder)
    assert story.live
    client.force_login(safeguarder)

    for address in (
        url(),
        url("inspect", record),
        url("edit", record),
        url("history", record),
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{story.get_parent().pk}/",
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        assert stored not in response.content.decode(), address
    client.logout()
    for address in (story.url, story.get_parent().url, f"{story.get_parent().url}feed/rss/"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert stored not in response.content.decode(), address


def test_replacing_the_signed_form_deletes_the_old_file(
    client, safeguarder, record_with_form, django_capture_on_commit_callbacks
):
    old_name = record_with_form.signed_form.name
    client.force_login(safeguarder)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("edit", record_with_form),
            form_data(record_with_form.journey, signed_form=upload("new scan.png", png_bytes(), "image/png")),
        )

    record_with_form.refresh_from_db()
    assert response.status_code == 302
    assert record_with_form.signed_form.name != old_name
    assert default_storage.exists(record_with_form.signed_form.name)
    assert not default_storage.exists(old_name)


def test_removing_the_signed_form_deletes_its_file(
    client, safeguarder, record_with_form, django_capture_on_commit_callbacks
):
    old_name = record_with_form.signed_form.name
    client.force_login(safeguarder)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("edit", record_with_form), form_data(record_with_form.journey, **{"signed_form-clear": "on"}))

    record_with_form.refresh_from_db()
    assert not record_with_form.signed_form
    assert not default_storage.exists(old_name)


def test_saving_a_record_without_a_new_file_keeps_its_signed_form(client, safeguarder, record_with_form):
    name = record_with_form.signed_form.name
    client.force_login(safeguarder)

    client.post(url("edit", record_with_form), form_data(record_with_form.journey, notes="Called back."))

    record_with_form.refresh_from_db()
    assert record_with_form.notes == "Called back."
    assert record_with_form.signed_form.name == name
    assert default_storage.exists(name)


def test_deleting_a_record_deletes_its_signed_form(admin_client, record_with_form, django_capture_on_commit_callbacks):
    name = record_with_form.signed_form.name
    assert default_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url("delete", record_with_form))

    assert not ConsentRecord.objects.filter(pk=record_with_form.pk).exists()
    assert not default_storage.exists(name)


# --- Renewal and withdrawal ------------------------------------------------------------------------------


def test_renewing_an_expired_record_makes_it_active_again_and_is_logged(client, safeguarder, draft_journey):
    record = ConsentRecordFactory(
        journey=draft_journey, valid_until=TODAY - datetime.timedelta(days=1), status=ConsentRecord.Status.EXPIRED
    )
    client.force_login(safeguarder)
    renewed_until = TODAY + datetime.timedelta(days=365)

    response = client.post(url("edit", record), form_data(draft_journey, valid_until=renewed_until.isoformat()))

    record.refresh_from_db()
    assert response.status_code == 302
    assert record.status == ConsentRecord.Status.ACTIVE
    assert record.valid_until == renewed_until
    entry = ModelLogEntry.objects.get(action=RENEWED_LOG_ACTION)
    assert entry.user == safeguarder
    assert entry.object_id == str(record.pk)
    assert any("consent is renewed" in text for text in message_texts(response))


def test_an_expired_records_form_says_how_to_renew_it(client, safeguarder, draft_journey):
    record = ConsentRecordFactory(
        journey=draft_journey, valid_until=TODAY - datetime.timedelta(days=1), status=ConsentRecord.Status.EXPIRED
    )
    client.force_login(safeguarder)

    html = client.get(url("edit", record)).content.decode()

    assert "Expired: story taken down" in html
    assert "To renew this consent, set an expiry or review date in the future" in html


def test_editing_an_expired_record_without_a_new_date_leaves_it_expired(client, safeguarder, draft_journey):
    past = TODAY - datetime.timedelta(days=1)
    record = ConsentRecordFactory(journey=draft_journey, valid_until=past, status=ConsentRecord.Status.EXPIRED)
    client.force_login(safeguarder)

    client.post(url("edit", record), form_data(draft_journey, valid_until=past.isoformat(), notes="Called, no answer."))

    record.refresh_from_db()
    assert record.status == ConsentRecord.Status.EXPIRED
    assert record.notes == "Called, no answer."
    assert not ModelLogEntry.objects.filter(action=RENEWED_LOG_ACTION).exists()


def test_a_withdrawn_record_can_be_read_but_not_edited_back_into_use(client, safeguarder, draft_journey):
    record = ConsentRecordFactory(journey=draft_journey, status=ConsentRecord.Status.WITHDRAWN)
    client.force_login(safeguarder)

    edit = client.get(url("edit", record))
    posted = client.post(url("edit", record), form_data(draft_journey, valid_until="2030-01-01"))
    inspect = client.get(url("inspect", record))

    assert edit.status_code == 302 and edit["Location"] == url("inspect", record)
    assert any("cannot be edited back into use" in text for text in message_texts(edit))
    assert posted.status_code == 302
    record.refresh_from_db()
    assert record.status == ConsentRecord.Status.WITHDRAWN
    assert record.valid_until != datetime.date(2030, 1, 1)
    assert inspect.status_code == 200
    assert "cannot be edited back into use" in inspect.content.decode()


def test_the_record_of_a_live_story_cannot_be_deleted(admin_client, published_journey):
    record = ConsentRecord.objects.get(journey=published_journey)

    response = admin_client.post(url("delete", record))

    assert ConsentRecord.objects.filter(pk=record.pk).exists()
    assert any("Withdraw the consent first" in text for text in message_texts(response))
