"""Consent records in the admin: only the Safeguarding group (and superusers) can open them; the form keeps a
record to its story, its dates in order and its signed form private; renewal and withdrawal behave as staff
expect."""

import datetime

import pytest

from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection, ModelLogEntry
from wagtail.permissions import policy_registry

from home.factories import DocumentFactory
from journeys.consent_admin import CONSENT_FORMS_COLLECTION, RENEWED_LOG_ACTION
from journeys.factories import ConsentRecordFactory, JourneyPageFactory
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


@pytest.fixture
def consent_form_document():
    return DocumentFactory(
        title="Signed consent",
        collection=Collection.objects.get(name=CONSENT_FORMS_COLLECTION),
        file=ContentFile(b"%PDF-1.4 signed", name="signed-consent.pdf"),
    )


def form_data(journey, **changes):
    data = {
        "journey": str(journey.pk),
        "storyteller_name": "Amal Haddad",
        "guardian_name": "",
        "identity_level": IdentityLevel.FIRST_NAME,
        "consent_date": (TODAY - datetime.timedelta(days=3)).isoformat(),
        "valid_until": (TODAY + datetime.timedelta(days=365)).isoformat(),
        "collected_by": "Safeguarding lead",
        "signed_form": "",
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


def test_signed_forms_are_left_out_of_other_staffs_document_chooser(client, editor, safeguarder, consent_form_document):
    DocumentFactory(title="Annual report", file=ContentFile(b"%PDF-1.4", name="report.pdf"))
    client.force_login(editor)

    editors_choice = client.get("/admin/documents/chooser/results/").content.decode()

    assert "Annual report" in editors_choice
    assert "Signed consent" not in editors_choice
    client.force_login(safeguarder)
    assert "Signed consent" in client.get("/admin/documents/chooser/results/").content.decode()


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


def test_a_safeguarder_adds_a_record(client, safeguarder, draft_journey, consent_form_document):
    client.force_login(safeguarder)

    response = client.post(url("add"), form_data(draft_journey, signed_form=str(consent_form_document.pk)))

    assert response.status_code == 302
    record = ConsentRecord.objects.get(journey=draft_journey)
    assert record.status == ConsentRecord.Status.ACTIVE
    assert record.signed_form == consent_form_document
    assert record.covers_website and not record.covers_press


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


def test_a_signed_form_outside_the_consent_forms_collection_is_refused(client, safeguarder, draft_journey):
    public_document = DocumentFactory(title="Scan", file=ContentFile(b"%PDF-1.4", name="scan.pdf"))
    client.force_login(safeguarder)

    response = client.post(url("add"), form_data(draft_journey, signed_form=str(public_document.pk)))

    assert response.status_code == 200
    assert "Upload signed consent forms to the “Consent forms” collection" in response.content.decode()
    assert not ConsentRecord.objects.exists()


def test_the_signed_form_is_refused_to_editors_and_visitors(client, editor, safeguarder, consent_form_document):
    def download():
        response = client.get(consent_form_document.url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, body

    assert download()[0] == 403
    client.force_login(editor)
    status, body = download()
    assert status == 403
    assert b"%PDF" not in body
    client.force_login(safeguarder)
    assert download() == (200, b"%PDF-1.4 signed")


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
