"""People who sign in, and the organisations they belong to.

Email is the login. Staff and editors are users too; whether someone may read member content is decided
only in `members.access`, from the fields here.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class Organisation(models.Model):
    """A partner organisation of the network; a person's account belongs to one."""

    class Kind(models.TextChoices):
        CHARITY = "charity", _("Charity or non-profit")
        COMMUNITY_GROUP = "community_group", _("Community group")
        REFUGEE_LED = "refugee_led", _("Refugee- or migrant-led organisation")
        NETWORK = "network", _("Network or campaign")
        OTHER = "other", _("Other")

    class Country(models.TextChoices):
        UK = "uk", _("United Kingdom")
        FRANCE = "fr", _("France")
        GREECE = "gr", _("Greece")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(_("kind of group"), max_length=30, choices=Kind.choices, default=Kind.CHARITY)
    country = models.CharField(max_length=10, choices=Country.choices, default=Country.UK)
    region = models.CharField(max_length=120, blank=True)
    website = models.URLField(blank=True)
    is_suspended = models.BooleanField(
        _("suspended"), default=False, help_text=_("Suspending an organisation ends its people's access at once.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class User(AbstractUser):
    class MembershipStatus(models.TextChoices):
        NONE = "none", _("Not a member (staff, editor or visitor)")
        PENDING = "pending", _("Applied, waiting for review")
        APPROVED = "approved", _("Member")
        REJECTED = "rejected", _("Application declined")

    username = None
    email = models.EmailField(_("email address"), unique=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    job_title = models.CharField(_("role"), max_length=120, blank=True)
    membership_status = models.CharField(
        max_length=20, choices=MembershipStatus.choices, default=MembershipStatus.NONE, db_index=True
    )
    is_suspended = models.BooleanField(
        _("suspended"), default=False, help_text=_("A suspended member keeps their account but loses access at once.")
    )
    wants_daily_briefing = models.BooleanField(_("receive the daily press briefing"), default=True)
    # Two moments, not one, so that reloading the dashboard (or saving the profile on it) keeps the list of
    # what is new: see members.dashboard.record_dashboard_visit.
    dashboard_seen_at = models.DateTimeField(_("last looked at the dashboard"), null=True, blank=True, editable=False)
    dashboard_new_since = models.DateTimeField(
        _("end of the previous dashboard visit"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The dashboard lists what was published after this. Empty until the second visit."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    # What membership depends on besides groups and the organisation's suspension (see members.access).
    MEMBERSHIP_FIELDS = (
        "is_active",
        "is_suspended",
        "membership_status",
        "organisation_id",
        "is_staff",
        "is_superuser",
    )

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user.remember_membership_fields()
        return user

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        self.remember_membership_fields(fields)
        self.__dict__.pop("_is_member", None)  # members.access.is_member asks again

    def remember_membership_fields(self, fields=None):
        """Note the membership fields as the database now holds them (`fields`: only those just saved or read)."""
        saved = self.__dict__.setdefault("_saved_membership", {})
        for name in self._membership_fields_among(fields):
            if name in self.__dict__:
                saved[name] = self.__dict__[name]

    def membership_fields_changed(self, fields=None):
        """Whether saving `fields` (all when None) writes a membership field the database does not hold yet, so
        a save that changes nothing about membership (a name, the last sign-in) needs no membership check."""
        saved = self.__dict__.get("_saved_membership", {})
        return any(
            name not in saved or self.__dict__.get(name) != saved[name]
            for name in self._membership_fields_among(fields)
        )

    def _membership_fields_among(self, fields):
        if fields is None:
            return self.MEMBERSHIP_FIELDS
        fields = set(fields)
        return [name for name in self.MEMBERSHIP_FIELDS if name in fields or name.removesuffix("_id") in fields]


class MembershipApplication(models.Model):
    """One request to join the network, kept until staff decide it (and afterwards, as the record of it).

    The organisation is either one that already exists or the details of a new one, which is created only
    when the application is approved.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Declined")

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("email address"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        help_text=_("An organisation already in the network."),
    )
    new_organisation_name = models.CharField(_("new organisation's name"), max_length=200, blank=True)
    new_organisation_kind = models.CharField(
        _("new organisation's kind of group"), max_length=30, choices=Organisation.Kind.choices, blank=True
    )
    new_organisation_country = models.CharField(
        _("new organisation's country"), max_length=10, choices=Organisation.Country.choices, blank=True
    )
    new_organisation_region = models.CharField(_("new organisation's region"), max_length=120, blank=True)
    new_organisation_website = models.URLField(_("new organisation's website"), blank=True)
    role = models.CharField(_("role"), max_length=120)
    country = models.CharField(_("country"), max_length=10, choices=Organisation.Country.choices)
    intended_use = models.TextField(_("how the resources will be used"))
    agreed_to_privacy_notice_at = models.DateTimeField(_("agreed to the privacy notice"))
    language = models.CharField(
        _("language"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        editable=False,
        # No choices: adding a language stays a settings change, with no migration.
        help_text=_("The language the applicant applied in; emails about the application use it."),
    )
    user = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="membership_applications",
        help_text=_("The account made or found for the applicant."),
    )
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="decided_applications", editable=False
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    rejection_reason = models.TextField(
        _("reason for declining"), blank=True, help_text=_("Sent to the applicant in the email that declines.")
    )
    created_at = models.DateTimeField(_("applied"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")

    def __str__(self):
        return f"{self.full_name} ({self.organisation_name})"

    @property
    def organisation_name(self):
        return self.organisation.name if self.organisation_id else self.new_organisation_name

    @property
    def organisation_kind(self):
        if self.organisation_id:
            return self.organisation.get_kind_display()
        return self.get_new_organisation_kind_display()

    organisation_name.fget.short_description = _("organisation")
    organisation_kind.fget.short_description = _("kind of group")

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class NetworkDepartureCount(models.Model):
    """How many people left the network each month: all that is kept of them once their data is deleted."""

    month = models.DateField(unique=True, help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("departures from the network")
        verbose_name_plural = _("departures from the network")

    def __str__(self):
        return f"{self.month:%B %Y}: {self.count}"
