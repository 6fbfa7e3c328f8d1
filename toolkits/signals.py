"""Count every document download (the signal Wagtail sends once its permission checks have passed); a
translation's "members only" box says what its source page's says (it shows the lock on cards)."""

from django.db.models.signals import post_save

from wagtail.documents.models import document_served
from wagtail.models import Locale


def _count_download(sender, instance, request, **kwargs):
    from .models import DocumentDownload

    DocumentDownload.record(instance, getattr(request, "user", None))


def _copy_members_only_box(sender, instance, raw=False, update_fields=None, **kwargs):
    """The box is read on the source page (privacy.rules): its translations and aliases show the same."""
    from .models import ToolkitPage

    if raw or instance.alias_of_id or instance.locale_id != Locale.get_default().pk:
        return
    if update_fields is not None and "members_only" not in update_fields:
        return
    copies = ToolkitPage.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    aliases = ToolkitPage.objects.filter(alias_of__translation_key=instance.translation_key)
    (copies | aliases).exclude(members_only=instance.members_only).update(members_only=instance.members_only)


def connect():
    from .models import MessagingGuidePage, QAToolkitPage

    document_served.connect(_count_download, dispatch_uid="toolkits-count-download")
    for model in (MessagingGuidePage, QAToolkitPage):
        post_save.connect(_copy_members_only_box, sender=model, dispatch_uid=f"toolkits-box-{model.__name__}")
