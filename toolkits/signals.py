"""Count every document download (the signal Wagtail sends once its permission checks have passed); a
translation's "members only" box follows its source page's."""

from wagtail.documents.models import document_served

from home.translation_privacy import translation_privacy_synced

from .privacy import follow_source_members_only


def _count_download(sender, instance, request, **kwargs):
    from .models import DocumentDownload

    DocumentDownload.record(instance, getattr(request, "user", None))


document_served.connect(_count_download, dispatch_uid="toolkits-count-download")
translation_privacy_synced.connect(follow_source_members_only, dispatch_uid="toolkits-follow-source-members-only")
