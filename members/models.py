"""People who sign in, and the organisations they belong to.

Email is the login. Staff and editors are users too; whether someone may read member content is decided
only in `members.access`, from the fields here.
"""

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

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email
