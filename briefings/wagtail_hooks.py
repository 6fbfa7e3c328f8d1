from wagtail import hooks

from members.access import is_member

from .admin_views import BriefingDeliveryViewSet
from .models import BriefingIndexPage, PressBriefingPage

DASHBOARD_BRIEFINGS = 5


@hooks.register("register_member_dashboard_panel")
def latest_briefings_panel(request):
    """The member dashboard's "Latest press briefings": the five newest live briefings, for members only."""
    if not is_member(request.user):
        return None
    briefings = PressBriefingPage.objects.live().defer_streamfields().order_by("-date", "-pk")
    briefings = list(briefings[:DASHBOARD_BRIEFINGS])
    index = BriefingIndexPage.objects.live().order_by("path").first()
    return {
        "template": "briefings/includes/dashboard_panel.html",
        "context": {"briefings": briefings, "archive_url": index.url if index else ""},
        "order": 10,
    }


@hooks.register("register_admin_viewset")
def register_briefing_deliveries():
    return BriefingDeliveryViewSet()
