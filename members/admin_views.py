"""The Wagtail admin for membership: applications (approve, decline, bulk approve), members, organisations.

Decisions go through `members.decisions`, which logs them with Wagtail's `log()`; they show in each
application's history and in the site history report.
"""

import django_filters

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_permissions import NoAddPermissionPolicy

from .access import has_admin_access
from .decisions import approve_application, reject_application
from .forms import DecisionReasonForm
from .models import MembershipApplication, NetworkDepartureCount, Organisation, User

register_permission_policy(MembershipApplication, NoAddPermissionPolicy(MembershipApplication))
register_permission_policy(NetworkDepartureCount, NoAddPermissionPolicy(NetworkDepartureCount))


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=MembershipApplication.Status.choices)
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Applicant's country"), choices=Organisation.Country.choices
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind of group"), choices=Organisation.Kind.choices, method="filter_kind"
    )

    class Meta:
        model = MembershipApplication
        fields = ["status", "country"]

    def filter_kind(self, queryset, name, value):
        return queryset.filter(Q(organisation__kind=value) | Q(organisation__isnull=True, new_organisation_kind=value))


def _can_decide(request):
    if not request.user.has_perm("members.change_membershipapplication"):
        raise PermissionDenied


def approve_view(request, pk, viewset):
    _can_decide(request)
    application = get_object_or_404(MembershipApplication.objects.select_related("organisation"), pk=pk)
    index_url = reverse(viewset.get_url_name("list"))
    if request.method == "POST":
        if approve_application(application, by=request.user):
            message = _("Approved %(name)s; they have been emailed a link to set their password.")
            messages.success(request, message % {"name": application.full_name})
        else:
            messages.warning(request, _("This application had already been decided."))
        return redirect(index_url)
    return TemplateResponse(
        request,
        "members/admin/decide.html",
        {
            "application": application,
            "title": _("Approve application"),
            "decision": "approve",
            "index_url": index_url,
            # Member accounts never hold admin access, so such an account would not become a member.
            "admin_account": application.user is not None and has_admin_access(application.user),
        },
    )


def reject_view(request, pk, viewset):
    _can_decide(request)
    application = get_object_or_404(MembershipApplication.objects.select_related("organisation"), pk=pk)
    index_url = reverse(viewset.get_url_name("list"))
    form = DecisionReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if reject_application(application, by=request.user, reason=form.cleaned_data["rejection_reason"]):
            message = _("Declined %(name)s; they have been emailed the reason.")
            messages.success(request, message % {"name": application.full_name})
        else:
            messages.warning(request, _("This application had already been decided."))
        return redirect(index_url)
    return TemplateResponse(
        request,
        "members/admin/decide.html",
        {
            "application": application,
            "title": _("Decline application"),
            "decision": "reject",
            "form": form,
            "index_url": index_url,
        },
    )


class ApplicationViewSet(SnippetViewSet):
    model = MembershipApplication
    icon = "form"
    menu_label = gettext_lazy("Applications")
    url_prefix = "members/applications"
    admin_url_namespace = "members_applications"
    list_display = [
        "full_name",
        "email",
        Column("organisation_name", label=gettext_lazy("Organisation")),
        Column("organisation_kind", label=gettext_lazy("Kind of group")),
        "country",
        StatusTagColumn("status", primary=lambda application: application.is_pending),
        "created_at",
    ]
    filterset_class = ApplicationFilterSet
    search_fields = ["full_name", "email", "organisation__name", "new_organisation_name"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_enabled = True
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("email"), FieldPanel("role"), FieldPanel("country")],
            heading=gettext_lazy("Applicant"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("new_organisation_name"),
                FieldPanel("new_organisation_kind"),
                FieldPanel("new_organisation_country"),
                FieldPanel("new_organisation_region"),
                FieldPanel("new_organisation_website"),
            ],
            heading=gettext_lazy("Organisation"),
        ),
        FieldPanel("intended_use"),
        FieldPanel("status", read_only=True),
        FieldPanel("rejection_reason", read_only=True),
    ]

    def get_queryset(self, request):
        return MembershipApplication.objects.select_related("organisation")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("approve/<int:pk>/", lambda request, pk: approve_view(request, pk, self), name="approve"),
            path("decline/<int:pk>/", lambda request, pk: reject_view(request, pk, self), name="reject"),
        ]


class ApproveApplicationsBulkAction(SnippetBulkAction):
    display_name = gettext_lazy("Approve")
    action_type = "approve"
    aria_label = gettext_lazy("Approve the selected applications")
    template_name = "members/admin/confirm_bulk_approve.html"
    action_priority = 10
    models = [MembershipApplication]

    def check_perm(self, application):
        return self.request.user.has_perm("members.change_membershipapplication") and application.is_pending

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        approved = sum(1 for application in objects if approve_application(application, by=user))
        return approved, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Approved %(count)d application; the applicant has been emailed.",
            "Approved %(count)d applications; the applicants have been emailed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = gettext_lazy("Organisations")
    url_prefix = "members/organisations"
    name = "organisations"
    list_display = [
        "name",
        "kind",
        "country",
        "region",
        Column("people_count", label=gettext_lazy("People")),
        "is_suspended",
    ]
    list_filter = ["country", "kind", "is_suspended"]
    search_fields = ["name", "region"]
    search_backend_name = None
    form_fields = ["name", "kind", "country", "region", "website", "is_suspended"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Organisation.objects.annotate(people_count=Count("people"))


class MemberViewSet(ModelViewSet):
    """People who applied or belong to the network (staff and editors are under Settings › Users)."""

    model = User
    icon = "user"
    menu_label = gettext_lazy("Members")
    url_prefix = "members/people"
    name = "member_accounts"
    list_display = ["email", "first_name", "last_name", "organisation", "membership_status", "is_suspended"]
    list_filter = ["membership_status", "is_suspended", "organisation__country"]
    search_fields = ["email", "first_name", "last_name", "organisation__name"]
    search_backend_name = None
    form_fields = ["first_name", "last_name", "job_title", "organisation", "is_suspended", "wants_daily_briefing"]
    inspect_view_enabled = True

    @property
    def permission_policy(self):
        return NoAddPermissionPolicy(self.model)

    def get_queryset(self, request):
        return User.objects.exclude(membership_status=User.MembershipStatus.NONE).select_related("organisation")


class DepartureViewSet(ModelViewSet):
    model = NetworkDepartureCount
    icon = "list-ul"
    menu_label = gettext_lazy("Departures")
    url_prefix = "members/departures"
    name = "departures"
    list_display = ["month", "count"]
    form_fields = ["month", "count"]


class MembershipViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Membership")
    menu_icon = "group"
    menu_order = 250
    items = (ApplicationViewSet, MemberViewSet, OrganisationViewSet, DepartureViewSet)
