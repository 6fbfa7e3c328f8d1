"""One demo build for every test in this package.

Building the demo takes most of a minute, so the package seeds once inside a transaction that is rolled back
when the package's last test ends, and each test runs in its own savepoint within it. tests/conftest.py hands
the whole package to one test worker, so the build happens once per run, not once per worker.
"""

from types import SimpleNamespace

import pytest

from django.db import transaction
from django.test import override_settings

from wagtail.models import Page, Site

from .seeding import seed

WELCOME_TITLE = "Welcome to your new Wagtail site!"


@pytest.fixture(scope="package")
def demo_build(django_db_setup, django_db_blocker, tmp_path_factory):
    """The build, with what the site looked like just before it and what the command printed."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        before = SimpleNamespace(
            default_site_id=Site.objects.get(is_default_site=True).pk,
            had_welcome_page=Page.objects.filter(title=WELCOME_TITLE).exists(),
        )
        output = seed()
        yield SimpleNamespace(media_root=media_root, output=output, before=before)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def seeded_site(settings, demo_build):
    """Every test here reads the build: pages render its images, so they are served from its media directory."""
    settings.MEDIA_ROOT = demo_build.media_root
    return demo_build.media_root
