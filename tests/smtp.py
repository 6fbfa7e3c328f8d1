"""A real SMTP server for the tests: aiosmtpd's `Controller` on 127.0.0.1 and a free port, started once per
session; each test gets it empty, accepting everything unless told to refuse an address (at RCPT or at DATA).
The fixtures are made available to every test by tests/conftest.py.
"""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller


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
