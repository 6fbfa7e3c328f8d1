"""Consent records in the admin.

Consent records hold a storyteller's real name, so every view of them answers only to staff with
`journeys.view_consentrecord` (the Safeguarding group and superusers): anyone else gets a 403 page, not
Wagtail's redirect to the dashboard, so a refusal is plain to see and to test. Nothing here is used by the
public site.

A record's signed consent form is a file of the record itself (`ConsentRecord.signed_form`, stored under
`consent-forms/` with a random name), never a Wagtail document: it appears in no document listing or chooser,
and is downloaded only through `signed_form_view`, which checks the same permission on every request.

Publishing stories only through the Safeguarding review is the review's (`journeys.review.page_admin`).
"""

import datetime
import functools

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
)

from journeys.stories.models import JourneyPage

from .checks import consent_problems
from .models import ConsentRecord
from .panels import ConsentRecordStatusPanel

VIEW_PERMISSION = "journeys.view_consentrecord"
SIGNED_FORM_URL_NAME = "journeys_consent_signed_form"
CONSENT_FORM_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
EXPIRES_SOON_DAYS = 14
RENEWED_LOG_ACTION = "journeys.consent_renewed"


# --- Who may see consent records -------------------------------------------------------------------------


class ConsentPermissionPolicy(ModelPermissionPolicy):
    """Every action on a consent record needs the view permission too, and a live story keeps its record.

    Without the view permission, an "add" permission given by mistake would open a form that lists the
    stories and invites a real name. Deleting the record of a live story would leave it on the site with no
    consent on file; withdraw the consent first (which takes the story down).
    """

    def user_has_permission(self, user, action):
        return user.has_perm(VIEW_PERMISSION) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.journey_id and instance.journey.live:
            return False
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        with_action = super().users_with_any_permission(actions)
        with_view = super().users_with_any_permission(["view"])
        return with_action.filter(pk__in=with_view.values("pk"))


register_permission_policy(ConsentRecord, ConsentPermissionPolicy(ConsentRecord))


def forbidden(request):
    """A plain 403 page that says who may open consent records (Wagtail's own answer is a redirect to the
    dashboard, which reads like a glitch)."""
    return TemplateResponse(
        request,
        "journeys/admin/consent_forbidden.html",
        {"page_title": _("Consent records"), "header_title": _("Consent records")},
        status=403,
    )


def require_consent_access(view):
    """A 403 page for staff without the view permission, before the view runs at all."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            return forbidden(request)
        return view(request, *args, **kwargs)

    return wrapped


class ConsentChooserViewSet(SnippetChooserViewSet):
    """The record chooser searches real names too, so it is closed to the same staff as the records."""

    def construct_view(self, view_class, **kwargs):
        return require_consent_access(super().construct_view(view_class, **kwargs))


# --- The form --------------------------------------------------------------------------------------------


def journeys_needing_consent(current_id=None):
    """Stories in the site's default language with no consent record yet: one record per story, on the
    source page, shared by its translations."""
    without_record = Q(consent_record__isnull=True)
    if current_id:
        without_record |= Q(pk=current_id)
    return (
        JourneyPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        .filter(without_record)
        .order_by("title")
    )


class JourneyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page):
        state = _("live") if page.live else _("draft")
        return _("%(title)s (%(state)s)") % {"title": page.title, "state": state}


def signed_form_url(record):
    """Where a record's signed form is downloaded, or None when it has none."""
    if record is None or not record.pk or not record.signed_form:
        return None
    return reverse(SIGNED_FORM_URL_NAME, args=[record.pk])


class SignedFormInput(forms.ClearableFileInput):
    """The file input for a signed form: the form on file is offered through the permission-checked download,
    never by its storage address, and its stored name is not shown."""

    template_name = "journeys/admin/widgets/signed_form_input.html"
    clear_checkbox_label = gettext_lazy("Remove the signed form")
    input_text = gettext_lazy("Replace it")
    download_url = None

    def __init__(self, attrs=None):
        super().__init__(attrs={"accept": CONSENT_FORM_ACCEPT, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["download_url"] = self.download_url if self.is_initial(value) else None
        return context


class ConsentRecordForm(WagtailAdminModelForm):
    """The consent record's form: only stories that still need a record, dates in order, and a signed form
    that is really a PDF, JPEG or PNG (checked by the model field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "signed_form" in self.fields:
            field = self.fields["signed_form"]
            field.widget = SignedFormInput()
            field.widget.is_required = field.required
            field.widget.download_url = signed_form_url(self.instance)
        if "journey" in self.fields:
            old = self.fields["journey"]
            self.fields["journey"] = JourneyChoiceField(
                queryset=journeys_needing_consent(self.instance.journey_id),
                label=old.label,
                help_text=_(
                    "Only stories in the site's main language without a consent record are listed: "
                    "translations share the record of the original story."
                ),
                empty_label=_("Choose a story"),
                initial=old.initial,
                widget=forms.Select,
            )
            if self.instance.pk and self.instance.journey_id:
                # A record is one person's consent to one story: it never moves to another story.
                self.fields["journey"].disabled = True
                self.fields["journey"].help_text = _("A consent record stays with the story it was made for.")

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.instance.status == ConsentRecord.Status.WITHDRAWN:
            raise ValidationError(
                _("This consent was withdrawn. The record is kept as it was; ask the storyteller for a new consent.")
            )
        consent_date = cleaned_data.get("consent_date")
        valid_until = cleaned_data.get("valid_until")
        if consent_date and valid_until and valid_until <= consent_date:
            self.add_error(
                "valid_until",
                _("The expiry or review date must be after the date of consent (%(date)s).")
                % {"date": formats.date_format(consent_date)},
            )
        return cleaned_data


# --- The signed form -------------------------------------------------------------------------------------


def signed_form_view(request, pk):
    """A record's signed form, as a download with a neutral name, to staff who can open consent records only.

    Its file lives under `consent-forms/`, which is never served by path; this view is the one way to it.
    """
    if not request.user.has_perm(VIEW_PERMISSION):
        return forbidden(request)
    record = get_object_or_404(ConsentRecord, pk=pk)
    if not record.signed_form:
        raise Http404
    try:
        file = record.signed_form.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        file,
        as_attachment=True,
        filename=record.signed_form_download_name,
        content_type=record.signed_form_content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@hooks.register("register_admin_urls")
def register_signed_form_url():
    return [path("journeys/consent/<int:pk>/signed-form/", signed_form_view, name=SIGNED_FORM_URL_NAME)]


# --- The views -------------------------------------------------------------------------------------------


def expires_soon(record, today=None):
    today = today or timezone.localdate()
    return record.status == ConsentRecord.Status.ACTIVE and today <= record.valid_until <= today + datetime.timedelta(
        days=EXPIRES_SOON_DAYS
    )


class ValidUntilColumn(Column):
    """The expiry date, marked when it is within two weeks (staff have that long to renew) or past."""

    cell_template_name = "journeys/admin/consent_valid_until_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["expires_soon"] = expires_soon(instance)
        context["past"] = instance.has_expired()
        return context


# The consent record's views below customise Wagtail's generic model views through their public methods
# (get_edit_url, get_initial_form_instance, save_instance, get_success_message, get_<field>_display_value), set on
# the viewset's documented view-class attributes. The two dispatch() overrides rely on setup() having loaded
# self.object (tests/journeys/test_upstream_contracts.py::test_consent_views__setup_loads_the_record_first).


class ConsentIndexView(IndexView):
    def get_edit_url(self, instance):
        # A withdrawn record is read, never edited: its title links to the inspect view.
        if instance.status == ConsentRecord.Status.WITHDRAWN:
            return None
        return super().get_edit_url(instance)


class ConsentCreateView(CreateView):
    def get_initial_form_instance(self):
        """The status panel's "Add a consent record" link names the story: start from it."""
        instance = super().get_initial_form_instance() or self.model()
        journey_id = self.request.GET.get("journey", "")
        if journey_id.isdigit() and journeys_needing_consent().filter(pk=journey_id).exists():
            instance.journey_id = int(journey_id)
        return instance


class ConsentEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        if self.object.status == ConsentRecord.Status.WITHDRAWN:
            messages.warning(
                request,
                _(
                    "This consent was withdrawn, so its record cannot be edited back into use. Ask the "
                    "storyteller for a new consent if they want the story published again."
                ),
            )
            return redirect(self.get_inspect_url())
        return super().dispatch(request, *args, **kwargs)

    def get_inspect_url(self):
        return reverse(ConsentRecord.snippet_viewset.get_url_name("inspect"), args=[self.object.pk])

    def save_instance(self):
        """Renewal: an expired record given a future date is active again, and the renewal is logged."""
        instance = self.form.instance
        self.renewed = instance.status == ConsentRecord.Status.EXPIRED and not instance.has_expired()
        if self.renewed:
            instance.status = ConsentRecord.Status.ACTIVE
        instance = super().save_instance()
        if self.renewed:
            log(
                instance,
                RENEWED_LOG_ACTION,
                user=self.request.user,
                data={"valid_until": instance.valid_until.isoformat()},
            )
        return instance

    def get_success_message(self):
        if getattr(self, "renewed", False):
            return _(
                "The consent is renewed until %(date)s. The story was taken down when it expired: submit it to "
                "the Safeguarding review to publish it again."
            ) % {"date": formats.date_format(self.object.valid_until)}
        return super().get_success_message()


class ConsentDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "delete", self.object):
            messages.error(
                request,
                _(
                    "This story is on the site, so its consent record cannot be deleted. Withdraw the consent "
                    "first: that takes the story down."
                ),
            )
            return redirect(reverse(ConsentRecord.snippet_viewset.get_url_name("inspect"), args=[self.object.pk]))
        return super().dispatch(request, *args, **kwargs)


class ConsentInspectView(InspectView):
    template_name = "journeys/admin/consent_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.object
        context["is_withdrawn"] = self.object.status == ConsentRecord.Status.WITHDRAWN
        context["problems"] = consent_problems(self.object.journey) if self.object.journey_id else []
        return context

    def get_signed_form_display_value(self):
        download_url = signed_form_url(self.object)
        if download_url is None:
            return _("None uploaded")
        return format_html('<a href="{}" download>{}</a>', download_url, _("Download the signed form"))


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "form"
    menu_label = gettext_lazy("Consent records")
    index_view_class = ConsentIndexView
    add_view_class = ConsentCreateView
    edit_view_class = ConsentEditView
    inspect_view_class = ConsentInspectView
    chooser_viewset_class = ConsentChooserViewSet
    delete_view_class = ConsentDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "journey__title",
        StatusTagColumn(
            "get_status_display",
            label=gettext_lazy("Status"),
            sort_key="status",
            primary=lambda record: record.status == ConsentRecord.Status.ACTIVE,
        ),
        ValidUntilColumn("valid_until", label=gettext_lazy("Valid until"), sort_key="valid_until"),
        Column(
            "channels",
            label=gettext_lazy("Channels"),
            accessor=lambda record: ", ".join(str(channel) for channel in record.channels),
        ),
        "identity_level",
    ]
    list_filter = ["status"]
    search_fields = ["journey__title", "storyteller_name"]
    search_backend_name = None
    ordering = ["valid_until"]
    list_per_page = 50
    inspect_view_fields = [
        "journey",
        "storyteller_name",
        "guardian_name",
        "identity_level",
        "consent_date",
        "valid_until",
        "collected_by",
        "signed_form",
        "covers_website",
        "covers_social_media",
        "covers_press",
        "covers_funder_reports",
        "notes",
        "status",
        "taken_down_at",
        "taken_down_by",
        "take_down_source",
        "take_down_reason",
    ]
    edit_handler = ObjectList(
        [ConsentRecordStatusPanel(), *ConsentRecord.panels],
        base_form_class=ConsentRecordForm,
    )

    def get_queryset(self, request):
        return ConsentRecord.objects.select_related("journey")

    def construct_view(self, view_class, **kwargs):
        return require_consent_access(super().construct_view(view_class, **kwargs))


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(RENEWED_LOG_ACTION, gettext_lazy("Renew consent"), gettext_lazy("Consent renewed"))
