"""Panels for the member dashboard (see members/dashboard.py for the contract)."""

from django.db.models import Sum

from .models import DocumentDownload, ToolkitPage

LATEST_TOOLKITS = 5
LATEST_DOWNLOADS = 10


def new_toolkits_panel(request):
    """Toolkits newest by review or publication: members see members-only ones too."""
    toolkits = list(
        ToolkitPage.objects.live()
        .select_related("content_type")
        .order_by("-last_reviewed", "-last_published_at")[:LATEST_TOOLKITS]
    )
    if not toolkits:
        return None
    return {"template": "toolkits/dashboard/new_toolkits.html", "context": {"toolkits": toolkits}, "order": 200}


def your_downloads_panel(request):
    """What this person downloaded, newest first, one line per document and day."""
    if not request.user.is_authenticated:
        return None
    rows = list(
        DocumentDownload.objects.filter(user=request.user)
        .select_related("document")
        .order_by("-day", "-pk")[:LATEST_DOWNLOADS]
    )
    total = DocumentDownload.objects.filter(user=request.user).aggregate(total=Sum("count"))["total"] or 0
    return {
        "template": "toolkits/dashboard/your_downloads.html",
        "context": {"downloads": rows, "downloads_total": total},
        "order": 300,
    }
