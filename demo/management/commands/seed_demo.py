"""`manage.py seed_demo`: load the demo site. Safe to run again: it only creates what is missing.

Development and test settings only: the `demo` app, and so this command, is not installed in production. The demo
is built with factory_boy, from requirements-dev.txt (which `make run` installs); the rest of the demo app loads
without it, so a machine with only the runtime requirements gets a clear message here rather than a traceback.
"""

import logging
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# What requirements-dev.txt adds for the demo; requirements.txt (production) leaves them out.
DEMO_PACKAGES = {"factory", "faker", "wagtail_factories"}

MISSING_REQUIREMENTS = (
    "The demo content needs the development requirements ({name} is not installed): run `make run`, "
    "or `pip install -r requirements-dev.txt`."
)


class Command(BaseCommand):
    help = (
        "Load the IMIX demo site: home page, information pages, news, illustrations, menus, funders and contact "
        "details, French, Greek, Arabic and Persian versions of the key pages and menus (wagtail-localize "
        "translations), plus an admin user when DEBUG is on. Existing content is never changed, so it is safe to "
        "re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--print-logins",
            action="store_true",
            help="Only print how to sign in to the admin, then stop; nothing is created.",
        )

    def handle(self, *args, print_logins=False, **options):
        # Imported here, not at the top, so that only running the command needs the development requirements.
        try:
            from demo.accounts import ensure_demo_admin, login_lines
            from demo.build import build_demo_site
            from demo.seeder import DemoSeeder
        except ModuleNotFoundError as error:
            if (error.name or "").partition(".")[0] not in DEMO_PACKAGES:
                raise
            raise CommandError(MISSING_REQUIREMENTS.format(name=error.name)) from error

        if print_logins:
            for line in login_lines():
                self.stdout.write(line)
            return

        started = time.monotonic()
        with self.quiet_wagtail_log(options["verbosity"]), transaction.atomic():
            seeder = build_demo_site(DemoSeeder())
            admin_note = ensure_demo_admin()

        for note in seeder.notes:
            self.stdout.write(note)
        if seeder.created_anything:
            elapsed = time.monotonic() - started
            self.stdout.write(self.style.SUCCESS(f"Created demo content in {elapsed:.1f}s: {seeder.summary()}."))
        else:
            self.stdout.write("Demo content already present; nothing to create.")
        if admin_note:
            self.stdout.write(admin_note)

    @contextmanager
    def quiet_wagtail_log(self, verbosity):
        """Wagtail logs every page created, edited and published at INFO; below -v 2 that is only noise."""
        logger = logging.getLogger("wagtail")
        level = logger.level
        if verbosity < 2:
            logger.setLevel(logging.WARNING)
        try:
            yield
        finally:
            logger.setLevel(level)
