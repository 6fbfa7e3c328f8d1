"""What a visitor without access sees instead of a members-only page: never Wagtail's login redirect.

A signed-in person without access would otherwise be sent to a sign-in page again (a login loop). Here
everyone else gets the page's teaser (if its type has one) with the way in that fits them: sign in, apply
to join, or "your application is being reviewed".
"""

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from wagtail.models import PageViewRestriction

from .access import is_member

GATED_RESTRICTION_TYPES = (PageViewRestriction.GROUPS, PageViewRestriction.LOGIN)


def is_gated_for(page, request):
    """True when a group or login restriction on the page or an ancestor refuses this request."""
    return any(
        restriction.restriction_type in GATED_RESTRICTION_TYPES and not restriction.accept_request(request)
        for restriction in page.get_view_restrictions()
    )


def visitor_state(user):
    if not user.is_authenticated:
        return "anonymous"
    if is_member(user):
        return "member"
    if user.is_suspended or (user.organisation_id and user.organisation.is_suspended):
        return "suspended"
    if user.membership_status == user.MembershipStatus.PENDING:
        return "pending"
    return "non_member"


def members_only_response(request, page):
    template = getattr(page, "teaser_template", None) or "members/members_only_page.html"
    context = {"page": page, "self": page, "request": request, "visitor_state": visitor_state(request.user)}
    response = TemplateResponse(request, template, context, status=403)
    add_never_cache_headers(response)
    patch_vary_headers(response, ["Cookie"])
    return response
