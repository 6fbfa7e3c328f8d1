from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks

from home.locales import active_locale_id
from members.access import is_member
from members.dashboard import page_update, recent_pages

from .admin_views import BriefingDeliveryViewSet
from .models import BriefingIndexPage, PressBriefingPage

DASHBOARD_BRIEFINGS = 5


@hooks.register("register_member_dashboard_panel")
def latest_briefings_panel(request):
    """The member dashboard's "Latest press briefings" in the reader's language, the briefings published since
    the last visit, and today's briefing as the first thing to do when it is new to the member."""
    if not is_member(request.user):
        return None
    locale_id = active_locale_id()
    briefings = PressBriefingPage.objects.live().filter(locale_id=locale_id).defer_streamfields()
    briefings = list(briefings.order_by("-date", "-pk")[:DASHBOARD_BRIEFINGS])
    index = BriefingIndexPage.objects.live().filter(locale_id=locale_id).order_by("path").first()
    new = recent_pages(PressBriefingPage.objects.defer_streamfields(), request)
    actions = []
    today = next((briefing for briefing in new if briefing.date == timezone.localdate()), None)
    if today is not None:
        actions.append({"text": _("Read today's press briefing"), "url": today.get_url(request), "order": 10})
    return {
        "template": "briefings/includes/dashboard_panel.html",
        "context": {"briefings": briefings, "archive_url": index.get_url(request) if index else ""},
        "order": 10,
        "updates": [page_update(briefing, request, _("Press briefing")) for briefing in new],
        "actions": actions,
    }


@hooks.register("register_admin_viewset")
def register_briefing_deliveries():
    return BriefingDeliveryViewSet()
