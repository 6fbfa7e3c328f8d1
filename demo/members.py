"""The membership demo: three partner organisations, a demo member and a pending applicant.

Built by `seed(seeder)`, which `demo.build` calls. Organisations are made everywhere; the two people, who can
sign in with documented passwords, only when DEBUG is on, like the demo admin. `login_lines()` is what
`seed_demo --print-logins` shows for them.
"""

import os

from django.conf import settings
from django.utils import timezone

from members.models import MembershipApplication, Organisation, User

__all__ = ["login_lines", "seed"]

# Partner organisations named in IMIX's 2020 annual review.
ORGANISATIONS = [
    {
        "name": "Kent Refugee Action Network",
        "kind": Organisation.Kind.CHARITY,
        "country": Organisation.Country.UK,
        "region": "Kent",
        "website": "https://kran.org.uk",
    },
    {
        "name": "Luton Roma Trust",
        "kind": Organisation.Kind.COMMUNITY_GROUP,
        "country": Organisation.Country.UK,
        "region": "Bedfordshire",
        "website": "https://lutonromatrust.org.uk",
    },
    {
        "name": "Hastings Refugee Buddy Project",
        "kind": Organisation.Kind.COMMUNITY_GROUP,
        "country": Organisation.Country.UK,
        "region": "East Sussex",
        "website": "https://hastingsrefugeebuddyproject.org",
    },
]

MEMBER_EMAIL = "member@example.org"
APPLICANT_EMAIL = "applicant@example.org"
# Documented, development-only defaults; never created when DEBUG is off.
DEFAULT_MEMBER_PASSWORD = "imix-demo-member"  # noqa: S105
DEFAULT_APPLICANT_PASSWORD = "imix-demo-applicant"  # noqa: S105


def member_password():
    return os.environ.get("DEMO_MEMBER_PASSWORD") or DEFAULT_MEMBER_PASSWORD


def applicant_password():
    return os.environ.get("DEMO_APPLICANT_PASSWORD") or DEFAULT_APPLICANT_PASSWORD


def ensure_organisations(seeder):
    organisations = {}
    for fields in ORGANISATIONS:
        organisation, created = Organisation.objects.get_or_create(name=fields["name"], defaults=fields)
        if created:
            seeder.record(organisation)
        organisations[fields["name"]] = organisation
    return organisations


def ensure_people(seeder, organisations):
    if (
        User.objects.filter(email__iexact=MEMBER_EMAIL).exists()
        and User.objects.filter(email__iexact=APPLICANT_EMAIL).exists()
    ):
        return
    if not User.objects.filter(email__iexact=MEMBER_EMAIL).exists():
        member = User.objects.create_user(
            email=MEMBER_EMAIL,
            password=member_password(),
            first_name="Demo",
            last_name="Member",
            job_title="Communications officer",
            organisation=organisations["Kent Refugee Action Network"],
            membership_status=User.MembershipStatus.APPROVED,
        )
        seeder.record(member)
        seeder.notes.append(f"Created the demo member {MEMBER_EMAIL}.")
    if not User.objects.filter(email__iexact=APPLICANT_EMAIL).exists():
        applicant = User.objects.create_user(
            email=APPLICANT_EMAIL,
            password=applicant_password(),
            first_name="Demo",
            last_name="Applicant",
            job_title="Volunteer coordinator",
            membership_status=User.MembershipStatus.PENDING,
        )
        MembershipApplication.objects.create(
            user=applicant,
            full_name="Demo Applicant",
            email=APPLICANT_EMAIL,
            organisation=organisations["Hastings Refugee Buddy Project"],
            role="Volunteer coordinator",
            country=Organisation.Country.UK,
            intended_use="Preparing our buddies to talk to local journalists during Refugee Week.",
            agreed_to_privacy_notice_at=timezone.now(),
        )
        seeder.record(applicant)
        seeder.notes.append(f"Created the pending applicant {APPLICANT_EMAIL} with an application to review.")


def seed(seeder):
    organisations = ensure_organisations(seeder)
    if settings.DEBUG:
        ensure_people(seeder, organisations)


def login_lines():
    """Lines for `seed_demo --print-logins`: only for demo people that exist, and only when DEBUG is on."""
    if not settings.DEBUG:
        return []
    lines = []
    for label, email, password in (
        ("Member login", MEMBER_EMAIL, member_password()),
        ("Pending applicant login", APPLICANT_EMAIL, applicant_password()),
    ):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            continue
        if user.check_password(password):
            lines.append(f"  {label}: {email} / {password}")
        else:
            lines.append(f"  {label}: {email} (its password has been changed from the demo default)")
    return lines
