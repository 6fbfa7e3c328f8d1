from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet

from home.views import SEARCH_READS_RESTRICTED_PAGES_HOOK

from .access import is_member
from .admin_views import ApproveApplicationsBulkAction, MembershipViewSetGroup
from .dashboard import dashboard_since
from .decisions import LOG_ACTIONS
from .gating import is_gated_for, members_only_response
from .models import MembershipApplication, User


@hooks.register("on_serve_page", order=-1)
def serve_members_only_pages_as_teasers(serve_page):
    """Outermost in the serve chain, so it answers before Wagtail's own redirect to a sign-in page."""

    def inner(page, request, serve_args, serve_kwargs):
        if is_gated_for(page, request):
            return members_only_response(request, page)
        return serve_page(page, request, serve_args, serve_kwargs)

    return inner


register_snippet(MembershipViewSetGroup)
hooks.register("register_bulk_action", ApproveApplicationsBulkAction)


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("register_snippet_listing_buttons")
def application_decision_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, MembershipApplication) or not snippet.is_pending:
        return []
    if not user.has_perm("members.change_membershipapplication"):
        return []
    viewset = MembershipApplication.snippet_viewset
    return [
        ListingButton(
            _("Approve"), reverse(viewset.get_url_name("approve"), args=[snippet.pk]), icon_name="check", priority=10
        ),
        ListingButton(
            _("Decline"), reverse(viewset.get_url_name("reject"), args=[snippet.pk]), icon_name="cross", priority=20
        ),
    ]


@hooks.register(SEARCH_READS_RESTRICTED_PAGES_HOOK)
def members_search_what_they_may_read(user):
    """Site search looks past public pages for members alone; their groups then decide which pages it finds."""
    return is_member(user)


@hooks.register("register_member_dashboard_panel")
def membership_next_actions(request):
    """The dashboard's next actions that are the member's own: their profile, the briefing email, colleagues."""
    user = request.user
    dashboard = reverse("members:dashboard")
    actions = []
    if not (user.first_name and user.last_name and user.job_title):
        actions.append(
            {"text": _("Add your name and role to your profile"), "url": f"{dashboard}#profile", "order": 100}
        )
    if dashboard_since(request) is None:
        # Everyone starts with the email on; a first visit is the moment to say that it can be turned off.
        actions.append(
            {
                "text": _("Choose whether to get the daily press briefing by email"),
                "url": f"{dashboard}#email-preferences",
                "order": 150,
            }
        )
    colleagues = User.objects.filter(
        organisation_id=user.organisation_id,
        membership_status__in=[User.MembershipStatus.APPROVED, User.MembershipStatus.PENDING],
        is_active=True,
    ).exclude(pk=user.pk)
    if user.organisation_id and not colleagues.exists():
        actions.append(
            {
                "text": _("Colleagues at %(organisation)s can apply to join with your organisation")
                % {"organisation": user.organisation.name},
                "url": reverse("members:apply"),
                "order": 200,
            }
        )
    return {"actions": actions}
