from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import organisation_downloads_panel, toolkit_updates
from .documents import refused
from .language_requests import VIEW_REQUESTS_PERMISSION, LanguageRequestViewSet, language_requests_report
from .models import Topic
from .reports import VIEW_PERMISSION, toolkit_downloads_report


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Toolkit topics")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)
register_snippet(LanguageRequestViewSet)


@hooks.register("before_serve_document", order=-1)
def refuse_member_documents_to_everyone_else(document, request):
    """Before Wagtail's own check, which would send a signed-in non-member to sign in again."""
    request._served_document = document
    return refused(document, request)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/toolkit-downloads/", toolkit_downloads_report, name="toolkit_downloads_report"),
        path("reports/language-requests/", language_requests_report, name="toolkit_language_requests_report"),
    ]


class ToolkitDownloadsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_toolkit_downloads_menu_item():
    return ToolkitDownloadsMenuItem(
        _("Toolkit downloads"), reverse("toolkit_downloads_report"), icon_name="download", order=700
    )


class LanguageRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_REQUESTS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_language_requests_menu_item():
    return LanguageRequestsMenuItem(
        _("Language requests"), reverse("toolkit_language_requests_report"), icon_name="globe", order=710
    )


hooks.register("register_member_dashboard_panel", toolkit_updates)
hooks.register("register_member_dashboard_panel", organisation_downloads_panel)
