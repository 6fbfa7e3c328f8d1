"""Count every document download (the signal Wagtail sends once its permission checks have passed)."""

from wagtail.documents.models import document_served


def _count_download(sender, instance, request, **kwargs):
    from .models import DocumentDownload

    DocumentDownload.record(instance, getattr(request, "user", None))


document_served.connect(_count_download, dispatch_uid="toolkits-count-download")
