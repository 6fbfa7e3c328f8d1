"""What toolkits add to the member dashboard (see members/dashboard.py for the contract)."""

from django.db.models import Sum

from members.dashboard import page_update, recent_pages

from .models import DocumentDownload, ToolkitPage

LATEST_DOWNLOADS = 6


def toolkit_updates(request):
    """Toolkits published or updated since the member's last visit: members see members-only ones too."""
    toolkits = recent_pages(ToolkitPage.objects.select_related("content_type"), request)
    return {"updates": [page_update(toolkit, request, toolkit.toolkit_type) for toolkit in toolkits]}


def organisation_downloads_panel(request):
    """What the member's organisation downloaded lately, newest first, so colleagues need not hunt twice.

    Colleagues are named: they share one organisation's account of the network. A row whose person has left
    the network keeps only the organisation, and says so.
    """
    user = request.user
    if user.organisation_id:
        downloads = DocumentDownload.objects.filter(organisation_id=user.organisation_id)
    else:
        downloads = DocumentDownload.objects.filter(user=user)
    rows = list(downloads.select_related("document", "user").order_by("-day", "-pk")[:LATEST_DOWNLOADS])
    total = downloads.aggregate(total=Sum("count"))["total"] or 0
    return {
        "template": "toolkits/dashboard/organisation_downloads.html",
        "context": {"downloads": rows, "downloads_total": total},
        "order": 300,
    }
