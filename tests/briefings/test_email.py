"""Publishing a briefing emails it to members, through a real SMTP server (aiosmtpd) started by the tests."""

import datetime
import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield

from briefings.delivery import MAX_ATTEMPTS, RETRY_DELAYS, deliver_briefing
from briefings.models import BriefingDelivery, BriefingMailing, PressBriefingPage
from briefings.recipients import briefing_recipients
from briefings.signals import briefing_emails_suppressed
from briefings.tasks import send_briefing_email
from members.access import is_member

pytestmark = pytest.mark.django_db

MEMBERS = ["member@example.org", "second.member@example.org"]


def deliveries(briefing):
    return {delivery.email: delivery for delivery in BriefingDelivery.objects.filter(briefing=briefing)}


def make_due_now(briefing):
    BriefingDelivery.objects.filter(briefing=briefing, next_attempt_at__isnull=False).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_recipients__are_exactly_the_members_who_want_the_briefing(people):
    expected = {user.email for user in get_user_model().objects.all() if is_member(user) and user.wants_daily_briefing}

    assert {user.email for user in briefing_recipients()} == expected == set(MEMBERS)


def test_publishing__emails_each_member_who_wants_it_once_in_html_and_text(people, draft_briefing, smtp, publish):
    publish(draft_briefing)

    assert smtp.recipients() == MEMBERS
    for _rcpt_tos, message in smtp.messages:
        assert message["Subject"] == f"IMIX press briefing: {draft_briefing.date:%A %-d %B %Y}"
        assert message["List-Unsubscribe"].startswith("<http://testserver/en/members/")
        text = message.get_body(preferencelist=("plain",)).get_content()
        html = message.get_body(preferencelist=("html",)).get_content()
        for part in (text, html):
            assert "Record number of people cross the Channel in small boats" in part
            assert "People take dangerous journeys because there are no safe routes." in part
            assert "Council praises refugee volunteers" in part
            assert "/members/" in part  # the way to turn the briefing off
        assert "<h1" in html and 'lang="en"' in html
    assert {d.status for d in deliveries(draft_briefing).values()} == {BriefingDelivery.Status.SENT}


def test_publishing__sends_nothing_to_non_members_applicants_suspended_or_opted_out(
    people, draft_briefing, smtp, publish
):
    publish(draft_briefing)

    assert set(deliveries(draft_briefing)) == set(MEMBERS)
    for state in ("non_member", "pending", "suspended", "opted_out", "inactive", "suspended_organisation", "rejected"):
        assert people[state].email not in smtp.recipients(), state


def test_task_run_twice__sends_nothing_new(people, draft_briefing, smtp, publish):
    publish(draft_briefing)

    result = send_briefing_email.enqueue(draft_briefing.pk)

    assert result.return_value == {"created": 0, "sent": 0, "failed": 0}
    assert len(smtp.messages) == 2


def test_republishing_after_an_edit__sends_nothing(people, draft_briefing, smtp, publish):
    publish(draft_briefing)
    draft_briefing.summary = "Corrected summary."

    publish(draft_briefing)

    assert len(smtp.messages) == 2
    assert BriefingMailing.objects.filter(briefing=draft_briefing).count() == 1


def test_member_who_joins_later__gets_it_from_send_briefing_but_others_not_again(people, draft_briefing, smtp, publish):
    publish(draft_briefing)
    people["pending"].membership_status = get_user_model().MembershipStatus.APPROVED
    people["pending"].save()

    call_command("send_briefing", str(draft_briefing.pk), stdout=io.StringIO())

    assert smtp.recipients() == sorted([*MEMBERS, "pending@example.org"])


@pytest.mark.parametrize("stage", ["rcpt", "data"])
def test_refused_address__fails_alone_and_is_retried_later(people, draft_briefing, smtp, publish, stage):
    getattr(smtp, f"refuse_{stage}").add("second.member@example.org")

    publish(draft_briefing)

    assert smtp.recipients() == ["member@example.org"]
    refused = deliveries(draft_briefing)["second.member@example.org"]
    assert refused.status == BriefingDelivery.Status.FAILED and refused.attempts == 1
    assert "550" in refused.last_error
    assert refused.next_attempt_at > timezone.now() + RETRY_DELAYS[0] - datetime.timedelta(minutes=1)

    send_briefing_email.enqueue(draft_briefing.pk)  # too early: nothing is due yet
    assert smtp.recipients() == ["member@example.org"]

    smtp.reset()
    make_due_now(draft_briefing)
    send_briefing_email.enqueue(draft_briefing.pk)

    assert smtp.recipients() == ["second.member@example.org"]
    retried = deliveries(draft_briefing)["second.member@example.org"]
    assert retried.status == BriefingDelivery.Status.SENT and retried.attempts == 2 and retried.sent_at


def test_failed_delivery__task_reenqueues_itself_for_the_retry_when_the_backend_can_defer(
    people, draft_briefing, smtp, publish, settings
):
    smtp.refuse_rcpt.add("second.member@example.org")
    publish(draft_briefing)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    make_due_now(draft_briefing)
    send_briefing_email.call(draft_briefing.pk)

    results = send_briefing_email.get_backend().results
    (retry,) = [result for result in results if result.task.func is send_briefing_email.func]
    delivery = deliveries(draft_briefing)["second.member@example.org"]
    assert retry.args == [draft_briefing.pk]
    assert retry.task.run_after == delivery.next_attempt_at
    assert delivery.next_attempt_at - timezone.now() > RETRY_DELAYS[1] - datetime.timedelta(minutes=1)


def test_failed_delivery__is_not_retried_forever(people, draft_briefing, smtp, publish):
    smtp.refuse_rcpt.add("second.member@example.org")
    publish(draft_briefing)
    for _attempt in range(MAX_ATTEMPTS + 2):
        make_due_now(draft_briefing)
        deliver_briefing(draft_briefing.pk)

    delivery = deliveries(draft_briefing)["second.member@example.org"]
    assert delivery.attempts == MAX_ATTEMPTS and delivery.next_attempt_at is None


def test_member_suspended_before_the_retry__is_not_sent_it(people, draft_briefing, smtp, publish):
    smtp.refuse_rcpt.add("second.member@example.org")
    publish(draft_briefing)
    smtp.reset()
    people["second_member"].is_suspended = True
    people["second_member"].save()

    call_command("send_briefing", str(draft_briefing.pk), "--retry-failed", stdout=io.StringIO())

    assert smtp.messages == []


def test_server_down__briefing_is_published_and_deliveries_wait_for_a_retry(
    people, draft_briefing, smtp_down, publish, smtp_controller, settings
):
    publish(draft_briefing)

    assert draft_briefing.live
    statuses = sorted(d.status for d in deliveries(draft_briefing).values())
    assert statuses == [BriefingDelivery.Status.FAILED, BriefingDelivery.Status.PENDING]

    settings.EMAIL_PORT = smtp_controller.port
    smtp_controller.handler.reset()
    call_command("send_briefing", "--retry-failed", stdout=io.StringIO(), stderr=io.StringIO())

    assert smtp_controller.handler.recipients() == MEMBERS


def test_admin_publish_with_server_down__redirects_and_publishes(
    people, briefing_index, smtp_down, admin_client, django_capture_on_commit_callbacks
):
    data = nested_form_data(
        {
            "title": "Press briefing, 23 November 2026",
            "slug": "briefing-2026-11-23",
            "date": "2026-11-23",
            "summary": "Channel crossings lead the news.",
            "items": streamfield(
                [
                    (
                        "item",
                        {
                            "headline": "Crossings headline",
                            "outlet": "Example News",
                            "link": "https://example.org/a",
                            "summary": "What it says.",
                            "suggested_line": "",
                        },
                    )
                ]
            ),
            "action-publish": "action-publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["briefings", "pressbriefingpage", briefing_index.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)

    assert response.status_code == 302, getattr(response, "context", None) and response.context["form"].errors
    briefing = PressBriefingPage.objects.get(slug="briefing-2026-11-23")
    assert briefing.live
    assert BriefingDelivery.objects.filter(briefing=briefing).exclude(status=BriefingDelivery.Status.SENT).count() == 2


def test_send_briefing__retry_failed_resends_failed_ones_at_once(people, draft_briefing, smtp, publish):
    smtp.refuse_rcpt.add("second.member@example.org")
    publish(draft_briefing)
    smtp.reset()

    out = io.StringIO()
    call_command("send_briefing", draft_briefing.date.isoformat(), "--retry-failed", stdout=out)

    assert smtp.recipients() == ["second.member@example.org"]
    assert "1 sent" in out.getvalue()


def test_send_briefing__force_resend_sends_again_to_every_member(people, draft_briefing, smtp, publish):
    publish(draft_briefing)
    smtp.reset()

    call_command("send_briefing", str(draft_briefing.pk), "--force-resend", stdout=io.StringIO())

    assert smtp.recipients() == MEMBERS


def test_send_briefing__refuses_unknown_or_unpublished_briefings(people, draft_briefing, smtp):
    for value in ("2001-01-01", str(draft_briefing.pk), "yesterday"):
        with pytest.raises(CommandError):
            call_command("send_briefing", value)
    with pytest.raises(CommandError):
        call_command("send_briefing")
    assert smtp.messages == []


def test_briefing_unpublished_before_the_task_runs__is_not_sent(people, draft_briefing, smtp, publish):
    with briefing_emails_suppressed():
        publish(draft_briefing)
    draft_briefing.unpublish()

    send_briefing_email.enqueue(draft_briefing.pk)

    assert smtp.messages == []


def test_publishing_with_emails_suppressed__never_sends_even_when_republished(people, draft_briefing, smtp, publish):
    with briefing_emails_suppressed():
        publish(draft_briefing)
    publish(draft_briefing)

    assert smtp.messages == []
    assert BriefingMailing.objects.get(briefing=draft_briefing).suppressed


def test_member_who_leaves__keeps_no_address_in_delivery_records(people, draft_briefing, smtp, publish):
    publish(draft_briefing)

    people["second_member"].delete()

    assert set(deliveries(draft_briefing)) == {
        "member@example.org",
        f"removed-{BriefingDelivery.objects.get(user=None).pk}@invalid",
    }
    assert BriefingDelivery.objects.filter(briefing=draft_briefing, status="sent").count() == 2


def test_admin__staff_see_deliveries_and_their_errors_but_cannot_edit_them(
    people, draft_briefing, smtp, publish, admin_client
):
    smtp.refuse_rcpt.add("second.member@example.org")
    publish(draft_briefing)
    failed = BriefingDelivery.objects.get(email="second.member@example.org")

    listing = admin_client.get(reverse("briefing_deliveries:index"), {"status": "failed"})
    inspect = admin_client.get(reverse("briefing_deliveries:inspect", args=[failed.pk]))

    assert listing.status_code == 200 and "second.member@example.org" in listing.content.decode()
    assert inspect.status_code == 200 and "550" in inspect.content.decode()
    assert admin_client.get(reverse("briefing_deliveries:edit", args=[failed.pk])).status_code in (302, 403)
