import pytest

from django.core import mail

from wagtail.rich_text import RichText

from demo.factories.home import StandardPageFactory
from demo.factories.members import OrganisationFactory

MEMBER_MARKER = "Quokkamembermarker"


class BrokenEmailBackend:
    """An email backend whose server is down: every send raises."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down")


@pytest.fixture
def broken_email(settings):
    settings.EMAIL_BACKEND = "tests.members.conftest.BrokenEmailBackend"


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Luton Roma Trust")


@pytest.fixture
def members_page(home_page, restrict_to_group):
    """A StandardPage restricted to the Members group, with a marker only members may receive."""
    page = StandardPageFactory(
        parent=home_page,
        title="Housing messaging guide",
        slug="housing-guide",
        body=[("paragraph", RichText(f"<p>{MEMBER_MARKER}: the lines to take.</p>"))],
    )
    restrict_to_group(page)
    return page
