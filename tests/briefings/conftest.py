"""Fixtures for the press briefings: an archive, briefings, people in every state, and a real SMTP server.

The SMTP server is aiosmtpd's `Controller` on 127.0.0.1 and a free port, started once per session; each test
gets it empty, accepting everything unless told to refuse an address (at RCPT or at DATA).
"""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

from django.contrib.auth import get_user_model

from briefings.factories import BriefingIndexPageFactory, PressBriefingPageFactory, briefing_item
from members.models import Organisation


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CollectingHandler:
    """Keeps every message it accepts; refuses the addresses in `refuse_rcpt` or `refuse_data` with a 550."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.messages = []
        self.refuse_rcpt = set()
        self.refuse_data = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse_rcpt:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(address.lower() in self.refuse_data for address in envelope.rcpt_tos):
            return "550 5.7.1 Message refused"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def recipients(self):
        return sorted(address for rcpt_tos, _message in self.messages for address in rcpt_tos)


@pytest.fixture(scope="session")
def smtp_controller():
    handler = CollectingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def smtp(smtp_controller, settings):
    """The SMTP server, empty, with Django's SMTP backend pointed at it; returns its handler."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = smtp_controller.hostname
    settings.EMAIL_PORT = smtp_controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    smtp_controller.handler.reset()
    return smtp_controller.handler


@pytest.fixture
def smtp_down(settings):
    """Django's SMTP backend pointed at a port where nothing listens."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 2


@pytest.fixture
def briefing_index(home_page):
    return BriefingIndexPageFactory(parent=home_page)


@pytest.fixture
def make_briefing(briefing_index):
    def make(**kwargs):
        kwargs.setdefault("parent", briefing_index)
        return PressBriefingPageFactory(**kwargs)

    return make


@pytest.fixture
def draft_briefing(make_briefing):
    """A briefing not yet published: publishing it is what sends the email."""
    return make_briefing(
        live=False,
        items=[
            briefing_item(
                "Record number of people cross the Channel in small boats",
                outlet="The Daily Example",
                link="https://example.org/crossings",
                summary="The paper reports the highest daily figure this year.",
                line="People take dangerous journeys because there are no safe routes.",
            ),
            briefing_item("Council praises refugee volunteers", outlet="Example Gazette"),
        ],
    )


@pytest.fixture
def people(db, member, member_group, user):
    """One person in each state that matters for the briefing email, keyed by state.

    Only "member" and "second_member" should ever receive it.
    """
    User = get_user_model()
    approved = User.MembershipStatus.APPROVED
    organisation = member.organisation
    suspended_org = Organisation.objects.create(name="Suspended Organisation", is_suspended=True)

    def person(email, **fields):
        fields.setdefault("organisation", organisation)
        fields.setdefault("membership_status", approved)
        return User.objects.create_user(email=email, password="a-long-password", **fields)

    return {
        "member": member,
        "second_member": person("second.member@example.org"),
        "non_member": user,
        "pending": person("pending@example.org", membership_status=User.MembershipStatus.PENDING),
        "suspended": person("suspended@example.org", is_suspended=True),
        "opted_out": person("opted.out@example.org", wants_daily_briefing=False),
        "inactive": person("inactive@example.org", is_active=False),
        "suspended_organisation": person("in.suspended.org@example.org", organisation=suspended_org),
        "rejected": person("rejected@example.org", membership_status=User.MembershipStatus.REJECTED),
    }


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page as an editor does, running what waits for the commit (the email task)."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return run
