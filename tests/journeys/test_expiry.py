"""`manage.py check_consent_expiry`, run daily: warns the Safeguarding team once before a consent runs out,
takes the story down in every language when it has, and never loses an email to a mail server that is down.
The emails go through a real SMTP server and hold a link to the admin, never the story or a name."""

import datetime
import io

import pytest

from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale, PageLogEntry

from demo.factories.journeys import JourneyPageFactory, SafeguarderFactory, approve_review, publish_through_review
from journeys.consent.withdrawal import EXPIRED_ACTION, WITHDRAWN_ACTION, take_down_story, withdraw_consent
from journeys.models import ConsentRecord, JourneyPage
from tests.smtp import free_port

pytestmark = pytest.mark.django_db

TITLE = "Crossing the Ouseburn"
EXTRA_ADDRESS = "safeguarding-lead@imix.org.uk"


@pytest.fixture(autouse=True)
def extra_addresses(settings):
    settings.JOURNEYS_SAFEGUARDING_EMAILS = [EXTRA_ADDRESS]


@pytest.fixture
def story(journey_index, safeguarder):
    page = JourneyPageFactory(parent=journey_index, title=TITLE, slug="crossing")
    return publish_through_review(page, reviewer=safeguarder)


@pytest.fixture
def french(story, safeguarder):
    locale_fr = Locale.objects.get_or_create(language_code="fr")[0]
    translation = story.copy_for_translation(locale_fr, copy_parents=True)
    translation.save_revision()
    return publish_through_review(translation, reviewer=safeguarder)


def set_valid_until(story, days_from_today):
    valid_until = timezone.localdate() + datetime.timedelta(days=days_from_today)
    ConsentRecord.objects.filter(journey=story).update(valid_until=valid_until)
    return valid_until


def run():
    out, err = io.StringIO(), io.StringIO()
    call_command("check_consent_expiry", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def assert_nothing_identifying(message):
    text = message.get_body(preferencelist=("plain",)).get_content() + str(message["Subject"])
    for secret in (TITLE, "Ouseburn", "Amal", "Haddad", "winter"):
        assert secret not in text, secret
    return text


def test_staff_are_warned_once_about_a_consent_expiring_within_two_weeks(smtp, story, safeguarder):
    other = SafeguarderFactory()
    valid_until = set_valid_until(story, 10)
    consent = ConsentRecord.objects.get(journey=story)

    run()

    assert len(smtp.messages) == 1
    recipients, message = smtp.messages[0]
    assert sorted(recipients) == sorted([safeguarder.email, other.email, EXTRA_ADDRESS])
    text = assert_nothing_identifying(message)
    assert f"/admin/snippets/journeys/consentrecord/edit/{consent.pk}/" in text
    assert valid_until.strftime("%-d %B %Y") in text
    consent.refresh_from_db()
    assert consent.expiry_warning_sent_for == valid_until

    run()
    run()

    assert len(smtp.messages) == 1, "warned once per expiry date, not once a day"
    assert JourneyPage.objects.get(pk=story.pk).live


def test_a_renewed_consent_is_warned_about_again_before_its_new_date(smtp, story):
    set_valid_until(story, 12)
    run()
    new_date = set_valid_until(story, 13)

    run()

    assert len(smtp.messages) == 2
    assert ConsentRecord.objects.get(journey=story).expiry_warning_sent_for == new_date


def test_no_warning_for_a_consent_more_than_two_weeks_off(smtp, story):
    set_valid_until(story, 15)

    run()

    assert smtp.messages == []


def test_a_warning_that_could_not_be_sent_is_sent_on_the_next_run(smtp, settings, smtp_controller, story):
    valid_until = set_valid_until(story, 5)
    settings.EMAIL_PORT = free_port()  # the mail server is down today

    out, err = run()

    assert "failed" in err
    assert ConsentRecord.objects.get(journey=story).expiry_warning_sent_for is None
    assert smtp.messages == []

    settings.EMAIL_PORT = smtp_controller.port  # and back tomorrow
    run()

    assert len(smtp.messages) == 1
    assert ConsentRecord.objects.get(journey=story).expiry_warning_sent_for == valid_until


def test_an_expired_consent_takes_the_story_down_in_every_language(smtp, client, story, french):
    set_valid_until(story, -1)
    assert client.get(french.url).status_code == 200

    out, _err = run()

    consent = ConsentRecord.objects.get(journey=story)
    assert consent.status == ConsentRecord.Status.EXPIRED
    assert consent.take_down_source == ConsentRecord.Source.EXPIRY
    assert consent.taken_down_at is not None and consent.taken_down_by is None
    for page in (story, french):
        assert not JourneyPage.objects.get(pk=page.pk).live
        assert client.get(page.url).status_code == 404
        entry = PageLogEntry.objects.get(page_id=page.pk, action=EXPIRED_ACTION)
        assert entry.data == {"source": "expiry"}
    assert len(smtp.messages) == 1
    text = assert_nothing_identifying(smtp.messages[0][1])
    assert "taken down" in str(smtp.messages[0][1]["Subject"])
    assert "taken it down in every language" in text
    assert f"/admin/snippets/journeys/consentrecord/edit/{consent.pk}/" in text

    run()

    assert len(smtp.messages) == 1, "staff are told once"
    assert PageLogEntry.objects.filter(page_id=story.pk, action=EXPIRED_ACTION).count() == 1


def test_a_consent_ending_today_is_still_valid_today(smtp, story):
    set_valid_until(story, 0)

    run()

    assert JourneyPage.objects.get(pk=story.pk).live
    assert ConsentRecord.objects.get(journey=story).is_active


def test_expiry_takes_the_story_down_even_when_the_mail_server_is_down_and_tells_staff_later(
    smtp, settings, smtp_controller, story
):
    set_valid_until(story, -3)
    settings.EMAIL_PORT = free_port()

    run()

    assert not JourneyPage.objects.get(pk=story.pk).live
    assert ConsentRecord.objects.get(journey=story).status == ConsentRecord.Status.EXPIRED
    assert smtp.messages == []

    settings.EMAIL_PORT = smtp_controller.port
    run()

    assert len(smtp.messages) == 1
    assert "taken down" in str(smtp.messages[0][1]["Subject"])


def test_an_expired_story_cannot_be_published_again_until_renewed(story, safeguarder):
    set_valid_until(story, -1)
    run()
    story = JourneyPage.objects.get(pk=story.pk)
    story.save_revision(user=safeguarder)

    with pytest.raises(PermissionDenied, match="expired"):
        approve_review(story, safeguarder)


def test_withdrawing_an_expired_consent_makes_it_final(smtp, story, safeguarder):
    set_valid_until(story, -1)
    run()
    consent = ConsentRecord.objects.get(journey=story)

    withdraw_consent(consent, user=safeguarder, reason="The storyteller asked")
    take_down_story(consent, status=ConsentRecord.Status.EXPIRED, source=ConsentRecord.Source.EXPIRY)

    consent.refresh_from_db()
    assert consent.status == ConsentRecord.Status.WITHDRAWN, "an expiry never softens a withdrawal"
    assert consent.taken_down_by == safeguarder
    assert PageLogEntry.objects.filter(page_id=story.pk, action=WITHDRAWN_ACTION).count() == 1
