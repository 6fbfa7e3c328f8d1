"""Factories for organisations, people and applications (members/), shared by the tests and the demo site."""

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from members.models import MembershipApplication, Organisation, User

__all__ = [
    "ApplicationFactory",
    "MemberFactory",
    "OrganisationFactory",
    "PendingApplicantFactory",
    "UserFactory",
]


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Refugee Action Group {n}")
    kind = Organisation.Kind.CHARITY
    country = Organisation.Country.UK
    region = "London"


class UserFactory(DjangoModelFactory):
    """A signed-up person who is not a member (no organisation, no status)."""

    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("a-long-password")


class MemberFactory(UserFactory):
    """An approved member of an organisation: the post-save signal puts them in the Members group."""

    organisation = factory.SubFactory(OrganisationFactory)
    job_title = "Communications officer"
    membership_status = User.MembershipStatus.APPROVED


class PendingApplicantFactory(UserFactory):
    membership_status = User.MembershipStatus.PENDING
    password = factory.django.Password(None)  # as the form makes them: no usable password until approval


class ApplicationFactory(DjangoModelFactory):
    """A pending application for a new organisation, with its pending account."""

    class Meta:
        model = MembershipApplication

    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    new_organisation_name = factory.Sequence(lambda n: f"New Refugee Project {n}")
    new_organisation_kind = Organisation.Kind.COMMUNITY_GROUP
    new_organisation_country = Organisation.Country.UK
    new_organisation_region = "Kent"
    role = "Volunteer coordinator"
    country = Organisation.Country.UK
    intended_use = "Training our volunteers to speak to local journalists."
    agreed_to_privacy_notice_at = factory.LazyFunction(timezone.now)
    user = factory.SubFactory(
        PendingApplicantFactory,
        email=factory.SelfAttribute("..email"),
        first_name=factory.LazyAttribute(lambda user: user.factory_parent.full_name.split(" ")[0]),
    )
