"""The demo admin account, made only in development so a fresh checkout can sign in to the admin at once, and
the list of every demo login that `seed_demo --print-logins` shows."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from . import journeys, members

ADMIN_EMAIL = "admin@imix.org.uk"
# A documented, development-only default; override it with DEMO_ADMIN_PASSWORD. Never created when DEBUG is off.
DEFAULT_ADMIN_PASSWORD = "imix-demo-admin"  # noqa: S105


def admin_password():
    return os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD


def ensure_demo_admin():
    """Create the demo superuser if it is missing and DEBUG is on. Returns a line for the command's report."""
    if not settings.DEBUG:
        return f"Did not create the demo admin {ADMIN_EMAIL}: it is only made when DEBUG is on."
    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=ADMIN_EMAIL).exists():
        return None
    admin = user_model.objects.create_superuser(
        email=ADMIN_EMAIL, password=admin_password(), first_name="Demo", last_name="Admin"
    )
    # So that an application made on the demo site emails someone (the console, under `make run`).
    admin.groups.add(*Group.objects.filter(name=settings.MEMBERSHIP_APPROVERS_GROUP))
    return f"Created the demo admin {ADMIN_EMAIL}."


def login_lines():
    """What `seed_demo --print-logins` shows: how to sign in, without touching the database beyond a lookup.

    The admin comes first, then the demo member and applicant, then the Safeguarding reviewer.
    """
    return admin_login_lines() + members.login_lines() + journeys.login_lines()


def admin_login_lines():
    if not settings.DEBUG:
        return ["  Admin login: not shown; the demo admin is only for development (DEBUG is off)"]
    user = get_user_model().objects.filter(email__iexact=ADMIN_EMAIL).first()
    if user is None:
        return ["  Admin login: none yet; run manage.py seed_demo"]
    password = admin_password()
    if user.check_password(password):
        return [f"  Admin login: {ADMIN_EMAIL} / {password}"]
    return [f"  Admin login: {ADMIN_EMAIL} (its password has been changed from the demo default)"]
