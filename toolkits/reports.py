"""The admin's "Toolkit downloads" report: per toolkit, the documents it links to and how often each was
downloaded, by organisation and day.

A toolkit's documents are those in its download blocks plus any its text links to (Wagtail's reference
index), so a document linked from a Q&A answer is counted too.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from .models import DocumentDownload, ToolkitPage

VIEW_PERMISSION = "toolkits.view_documentdownload"


def _document_ids_by_toolkit(toolkits):
    linked = defaultdict(set)
    for toolkit in toolkits:
        for block in toolkit.downloads.raw_data:
            document_id = (block.get("value") or {}).get("document")
            if document_id:
                linked[toolkit.pk].add(int(document_id))
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        object_id__in=[str(toolkit.pk) for toolkit in toolkits],
    ).values_list("object_id", "to_object_id")
    for page_id, document_id in references:
        linked[int(page_id)].add(int(document_id))
    return linked


def toolkit_download_rows():
    """[(toolkit, [(document, total, [(organisation name, day, count), ...]), ...]), ...] in a fixed number
    of queries."""
    toolkits = list(ToolkitPage.objects.select_related("content_type").order_by("title"))
    linked = _document_ids_by_toolkit(toolkits)
    document_ids = set().union(*linked.values()) if linked else set()
    documents = get_document_model().objects.in_bulk(document_ids)
    counts = (
        DocumentDownload.objects.filter(document_id__in=document_ids)
        .values("document_id", "organisation__name", "day")
        .annotate(total=Sum("count"))
        .order_by("-day", "organisation__name")
    )
    breakdown = defaultdict(list)
    for row in counts:
        breakdown[row["document_id"]].append(
            (row["organisation__name"] or _("No organisation"), row["day"], row["total"])
        )
    rows = []
    for toolkit in toolkits:
        toolkit_documents = []
        for document_id in sorted(linked.get(toolkit.pk, ())):
            if document_id in documents:
                by_day = breakdown.get(document_id, [])
                toolkit_documents.append((documents[document_id], sum(count for *_rest, count in by_day), by_day))
        rows.append((toolkit, toolkit_documents))
    return rows


def toolkit_downloads_report(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "toolkits/admin/toolkit_downloads.html",
        {"rows": toolkit_download_rows(), "page_title": _("Toolkit downloads")},
    )
