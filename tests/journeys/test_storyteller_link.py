"""The storyteller's private link: it works without an account, shows the story's status, and lets the
storyteller ask for it to be taken down or anonymised. Staff hear at once by email (a real SMTP server), told
only the kind of request; a mail server that is down never loses it. A link that is tampered with, expired
or revoked gets the same 404 as any made-up address."""

import time
import uuid
from urllib.parse import urlsplit

import pytest

from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, PageLogEntry

from demo.factories.journeys import SafeguarderFactory, publish_through_review
from demo.factories.members import UserFactory
from journeys.consent.storyteller import SALT, storyteller_url
from journeys.consent.withdrawal import REQUEST_ACTION, take_down_story, withdraw_consent
from journeys.models import ConsentRecord, StorytellerRequest
from tests.smtp import free_port

pytestmark = pytest.mark.django_db

MESSAGE = "My cousin in Asmara recognised the photo of our street"


@pytest.fixture
def consent(published_journey):
    return ConsentRecord.objects.for_page(published_journey)


@pytest.fixture
def link(consent):
    return urlsplit(storyteller_url(consent)).path


def assert_private(response):
    assert {part.strip() for part in response["Cache-Control"].split(",")} >= {"private", "no-store"}
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_link_works_without_signing_in_and_shows_the_story_status(client, link, published_journey):
    assert link.startswith("/en/storyteller/")

    response = client.get(link)

    html = response.content.decode()
    assert response.status_code == 200
    assert published_journey.title in html
    assert "Amal" in html, "the name as the story shows it"
    assert "Haddad" not in html, "never the real name from the consent record"
    assert "Published" in html and published_journey.full_url in html
    assert 'rel="noreferrer"' in html
    assert "csrfmiddlewaretoken" in html
    assert_private(response)


def test_after_withdrawal_the_link_says_the_story_is_taken_down(client, link, consent, published_journey):
    withdraw_consent(consent, reason="Asked in person")

    response = client.get(link)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Taken down" in html
    assert published_journey.full_url not in html
    assert "<form" not in html.split("<main", 1)[1], "nothing left to ask for"


def old_token(consent, days):
    """A token signed `days` ago, with the real signer and salt."""

    class EarlierSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - days * 24 * 60 * 60)

    payload = {"c": consent.pk, "k": consent.storyteller_link_key.hex}
    return EarlierSigner(salt=SALT).sign_object(payload, compress=True)


def test_tampered_expired_revoked_and_made_up_links_all_get_the_same_404(client, settings, consent, link):
    settings.JOURNEYS_STORYTELLER_LINK_DAYS = 30
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/en/storyteller/{old_token(consent, 29)}/").status_code == 200, "still in date"
    other_salt = signing.dumps({"c": consent.pk, "k": consent.storyteller_link_key.hex}, salt="other")
    bad_links = {
        "tampered": f"/en/storyteller/{token[:-3]}{'aaa' if token[-3:] != 'aaa' else 'bbb'}/",
        "expired": f"/en/storyteller/{old_token(consent, 31)}/",
        "other salt": f"/en/storyteller/{other_salt}/",
        "made up": "/en/storyteller/not-a-token/",
    }

    consent.storyteller_link_key = uuid.uuid4()
    consent.save()
    bad_links["revoked"] = link

    bodies = set()
    for name, url in bad_links.items():
        response = client.get(url)
        assert response.status_code == 404, name
        assert_private(response)
        html = response.content.decode()
        assert "Finding work in Leeds" not in html, name
        bodies.add(html)
        assert client.post(url, {"kind": "withdraw"}).status_code == 404, name
    assert len(bodies) == 1, "nothing tells one kind of bad link from another"
    assert not StorytellerRequest.objects.exists()


def test_a_request_is_saved_logged_and_emailed_to_safeguarding_without_the_message(
    client, smtp, settings, link, consent, published_journey, safeguarder
):
    settings.JOURNEYS_SAFEGUARDING_EMAILS = ["lead@imix.org.uk"]
    SafeguarderFactory(is_active=False, email="former@imix.org.uk")
    UserFactory(email="editor@imix.org.uk", is_staff=True)

    response = client.post(link, {"kind": "withdraw", "message": MESSAGE})

    assert response.status_code == 302
    assert_private(response)
    storyteller_request = StorytellerRequest.objects.get()
    assert storyteller_request.consent == consent
    assert storyteller_request.kind == StorytellerRequest.Kind.WITHDRAW
    assert storyteller_request.message == MESSAGE
    assert storyteller_request.staff_notified_at is not None
    assert smtp.recipients() == sorted([safeguarder.email, "lead@imix.org.uk"])
    message = smtp.messages[0][1]
    text = str(message["Subject"]) + message.get_body(preferencelist=("plain",)).get_content()
    for secret in ("Asmara", "cousin", published_journey.title, "Amal", "Haddad"):
        assert secret not in text, secret
    assert "Take my story down" in text
    inspect_path = reverse(StorytellerRequest.snippet_viewset.get_url_name("inspect"), args=[storyteller_request.pk])
    assert inspect_path in text
    entry = PageLogEntry.objects.get(page_id=published_journey.pk, action=REQUEST_ACTION)
    assert entry.data == {"kind": "withdraw"} and entry.user is None

    thanks = client.get(response["Location"])
    assert "we have your request" in thanks.content.decode()
    assert "Take my story down" in thanks.content.decode(), "the open request is listed"


def test_the_form_needs_a_choice(client, smtp, link):
    response = client.post(link, {"kind": "", "message": MESSAGE})

    assert response.status_code == 200
    assert "Choose what you would like us to do." in response.content.decode()
    assert MESSAGE in response.content.decode(), "what they wrote is kept"
    assert not StorytellerRequest.objects.exists()
    assert smtp.messages == []


def test_a_mail_server_that_is_down_never_loses_the_request(client, smtp_down, settings, link, safeguarder):
    response = client.post(link, {"kind": "anonymise", "message": MESSAGE})

    assert response.status_code == 302
    storyteller_request = StorytellerRequest.objects.get()
    assert storyteller_request.kind == StorytellerRequest.Kind.ANONYMISE
    assert storyteller_request.message == MESSAGE
    assert storyteller_request.staff_notified_at is None


def test_the_daily_check_sends_request_emails_that_failed(client, smtp, settings, smtp_controller, link, safeguarder):
    settings.EMAIL_PORT = free_port()
    client.post(link, {"kind": "anonymise"})
    assert StorytellerRequest.objects.get().staff_notified_at is None

    settings.EMAIL_PORT = smtp_controller.port
    call_command("check_consent_expiry")
    call_command("check_consent_expiry")

    assert StorytellerRequest.objects.get().staff_notified_at is not None
    assert len(smtp.messages) == 1
    assert smtp.recipients() == [safeguarder.email]


def test_csrf_is_checked(link):
    client = Client(enforce_csrf_checks=True)

    response = client.post(link, {"kind": "withdraw"})

    assert response.status_code == 403
    assert not StorytellerRequest.objects.exists()


# Staff's side: the link page, revoking, and the requests.


def link_admin_url(consent):
    return reverse("journeys_storyteller_link", args=[consent.pk])


def test_staff_copy_the_link_from_the_admin_and_revoking_it_makes_a_new_one(client, consent, safeguarder):
    client.force_login(safeguarder)

    response = client.get(link_admin_url(consent))
    assert response.status_code == 200
    html = response.content.decode()
    old_link = html.split('id="storyteller-link" type="text" readonly value="', 1)[1].split('"', 1)[0]
    old_path = urlsplit(old_link).path
    assert Client().get(old_path).status_code == 200

    response = client.post(link_admin_url(consent), follow=True)

    assert response.status_code == 200
    new_link = response.content.decode().split('readonly value="', 1)[1].split('"', 1)[0]
    assert new_link != old_link
    assert Client().get(old_path).status_code == 404
    assert Client().get(urlsplit(new_link).path).status_code == 200


def test_staff_outside_safeguarding_cannot_see_or_revoke_the_link(client, consent, editor):
    key = consent.storyteller_link_key
    client.force_login(editor)

    assert client.get(link_admin_url(consent)).status_code in (302, 403)
    assert client.post(link_admin_url(consent)).status_code in (302, 403)
    assert ConsentRecord.objects.get(pk=consent.pk).storyteller_link_key == key


@pytest.fixture
def storyteller_request(consent):
    return StorytellerRequest.objects.create(consent=consent, kind="withdraw", message=MESSAGE)


def test_safeguarders_list_read_and_mark_requests_handled(client, safeguarder, storyteller_request):
    viewset = StorytellerRequest.snippet_viewset
    client.force_login(safeguarder)

    listing = client.get(reverse(viewset.get_url_name("list")))
    inspect = client.get(reverse(viewset.get_url_name("inspect"), args=[storyteller_request.pk]))
    handled_url = reverse(viewset.get_url_name("handled"), args=[storyteller_request.pk])

    assert listing.status_code == 200 and handled_url in listing.content.decode()
    assert inspect.status_code == 200 and MESSAGE in inspect.content.decode()
    assert client.get(handled_url).status_code == 200
    assert client.post(handled_url).status_code == 302
    storyteller_request.refresh_from_db()
    assert storyteller_request.handled_at is not None and storyteller_request.handled_by == safeguarder


def test_nobody_adds_requests_by_hand(client, safeguarder):
    client.force_login(safeguarder)

    response = client.get(reverse(StorytellerRequest.snippet_viewset.get_url_name("add")))

    assert response.status_code in (302, 403)


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_only_the_safeguarding_group_reads_requests(client, editor, who, storyteller_request):
    viewset = StorytellerRequest.snippet_viewset
    user = editor if who == "editor" else UserFactory(is_superuser=True, is_staff=True, email="boss@imix.org.uk")
    client.force_login(user)

    for url in (
        reverse(viewset.get_url_name("list")),
        reverse(viewset.get_url_name("inspect"), args=[storyteller_request.pk]),
        reverse(viewset.get_url_name("handled"), args=[storyteller_request.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert MESSAGE not in response.content.decode()
    assert client.post(reverse(viewset.get_url_name("handled"), args=[storyteller_request.pk])).status_code in (
        302,
        403,
    )
    storyteller_request.refresh_from_db()
    assert storyteller_request.handled_at is None


def test_a_link_cannot_flood_staff_with_requests(client, smtp, link, consent):
    for _number in range(5):
        assert client.post(link, {"kind": "anonymise"}).status_code == 302

    response = client.post(link, {"kind": "withdraw", "message": MESSAGE})

    assert response.status_code == 200
    assert "several requests from you" in response.content.decode()
    assert StorytellerRequest.objects.filter(consent=consent).count() == 5
    assert len(smtp.messages) == 5


def test_after_expiry_the_storyteller_can_still_ask_for_it_never_to_return(client, smtp, link, consent):
    take_down_story(consent, status=ConsentRecord.Status.EXPIRED, source=ConsentRecord.Source.EXPIRY)

    page = client.get(link).content.decode()
    assert "the time you agreed to has ended" in page
    assert client.post(link, {"kind": "withdraw"}).status_code == 302
    assert StorytellerRequest.objects.filter(consent=consent, kind="withdraw").exists()


def test_after_withdrawal_nothing_more_can_be_asked(client, smtp, link, consent):
    withdraw_consent(consent, reason="Asked in person")

    response = client.post(link, {"kind": "anonymise"})

    assert response.status_code == 200
    assert not StorytellerRequest.objects.exists()


def test_a_link_in_the_storytellers_language_shows_their_translation(client, consent, published_journey, safeguarder):
    locale_fr = Locale.objects.get_or_create(language_code="fr")[0]
    french = published_journey.copy_for_translation(locale_fr, copy_parents=True)
    french.title = "Trouver du travail à Leeds"
    french.save_revision()
    french = publish_through_review(french, reviewer=safeguarder)

    path = urlsplit(storyteller_url(consent, language="fr")).path
    response = client.get(path)

    assert path.startswith("/fr/storyteller/")
    html = response.content.decode()
    assert "Trouver du travail à Leeds" in html and french.full_url in html
