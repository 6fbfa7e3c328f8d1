"""Forms people fill in on the site: applying to join, signing in, their profile, resetting a password.

Django 5.2 adds `aria-invalid` and `aria-describedby` (pointing at `<id>_helptext` and `<id>_error`) to a
field's widget itself; the shared template `members/includes/field.html` renders those ids.
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .models import Organisation, User

NEW_ORGANISATION_FIELDS = (
    "organisation_name",
    "organisation_kind",
    "organisation_country",
    "organisation_region",
    "organisation_website",
)


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ApplicationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send the answer to your application here. Use your work address if you have one."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = OrganisationChoiceField(
        label=_("Your organisation"),
        queryset=Organisation.objects.filter(is_suspended=False).only("pk", "name"),
        required=False,
        empty_label=_("My organisation is not listed"),
        help_text=_("Choose it if it is already in the network; otherwise tell us about it below."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    organisation_kind = forms.ChoiceField(
        label=_("Kind of group"), choices=[("", "---------"), *Organisation.Kind.choices], required=False
    )
    organisation_country = forms.ChoiceField(
        label=_("Country the organisation works in"),
        choices=[("", "---------"), *Organisation.Country.choices],
        required=False,
    )
    organisation_region = forms.CharField(
        label=_("Region or city"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level1"}),
    )
    organisation_website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("Optional."),
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    role = forms.CharField(
        label=_("Your role"),
        max_length=120,
        help_text=_("For example: volunteer coordinator, communications officer."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    country = forms.ChoiceField(label=_("Country you are based in"), choices=Organisation.Country.choices)
    intended_use = forms.CharField(
        label=_("How will you use the IMIX resources?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    agree_to_privacy_notice = forms.BooleanField(
        label=_("I have read the privacy notice and agree to IMIX keeping these details to review my application."),
        error_messages={"required": _("Tick the box to agree to the privacy notice, or we cannot review it.")},
    )
    # A honeypot: hidden from people and from assistive technology, so only form-filling robots complete it.
    homepage = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["homepage"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_spam(self):
        return bool(self.data.get("homepage", "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "homepage"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation"):
            # Chosen from the list: anything typed about a new organisation is ignored.
            for name in NEW_ORGANISATION_FIELDS:
                cleaned[name] = ""
            return cleaned
        name = (cleaned.get("organisation_name") or "").strip()
        if not name:
            self.add_error(
                "organisation_name",
                _("Choose your organisation from the list, or enter the name of a new one."),
            )
        else:
            existing = Organisation.objects.filter(name__iexact=name, is_suspended=False).first()
            if existing:
                cleaned["organisation"] = existing
                return cleaned
        if not cleaned.get("organisation_kind") and "organisation_kind" not in self.errors:
            self.add_error("organisation_kind", _("Choose the kind of group your organisation is."))
        if not cleaned.get("organisation_country") and "organisation_country" not in self.errors:
            self.add_error("organisation_country", _("Choose the country your organisation works in."))
        return cleaned

    def application_fields(self):
        data = self.cleaned_data
        return {
            "full_name": data["full_name"].strip(),
            "email": data["email"],
            "organisation": data.get("organisation"),
            "new_organisation_name": "" if data.get("organisation") else data["organisation_name"].strip(),
            "new_organisation_kind": "" if data.get("organisation") else data["organisation_kind"],
            "new_organisation_country": "" if data.get("organisation") else data["organisation_country"],
            "new_organisation_region": "" if data.get("organisation") else data["organisation_region"].strip(),
            "new_organisation_website": "" if data.get("organisation") else data["organisation_website"],
            "role": data["role"].strip(),
            "country": data["country"],
            "intended_use": data["intended_use"].strip(),
        }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "wants_daily_briefing"]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "job_title": _("Your role"),
            "wants_daily_briefing": _("Email me the daily press briefing"),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }


class DecisionReasonForm(forms.Form):
    """The admin's form for declining an application."""

    rejection_reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent to the applicant in the email that declines their application. Be kind and specific."),
    )


class SignInForm(AuthenticationForm):
    """Django's sign-in form without the autofocus on the email field.

    Focus put straight into the field skips the skip link and everything before the form, and a screen reader
    starts reading mid-page; the sign-in page's heading comes first, as on every other page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("autofocus", None)


class MemberPasswordResetForm(PasswordResetForm):
    """Django's form (which never says whether an address has an account), with two changes.

    Approved members who never set a password (their link expired) can ask for a new one; Django only
    offers resets to accounts with a usable password. And the email goes out as a background task.
    """

    def get_users(self, email):
        candidates = User._default_manager.filter(email__iexact=email, is_active=True)
        return (
            user
            for user in candidates
            if user.has_usable_password() or user.membership_status == User.MembershipStatus.APPROVED
        )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from .tasks import enqueue, send_rendered_email

        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        enqueue(send_rendered_email, subject, body, to_email)
