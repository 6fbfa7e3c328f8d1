"""Staff's view of members' "Request a language": the requests themselves (a snippet listing where a request is
marked translated or not planned) and Reports › Language requests, which counts open requests per language."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import Lower
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_permissions import NoAddPermissionPolicy

from .models import LanguageRequest

VIEW_REQUESTS_PERMISSION = "toolkits.view_languagerequest"

# Only members create requests, through the form on a toolkit page.
register_permission_policy(LanguageRequest, NoAddPermissionPolicy(LanguageRequest))


class LanguageRequestViewSet(SnippetViewSet):
    model = LanguageRequest
    icon = "globe"
    menu_label = gettext_lazy("Language requests")
    url_prefix = "toolkits/language-requests"
    admin_url_namespace = "toolkits_language_requests"
    add_to_admin_menu = False
    list_display = [
        "language",
        Column("toolkit", label=gettext_lazy("Toolkit")),
        Column("organisation", label=gettext_lazy("Organisation")),
        Column("user", label=gettext_lazy("Requested by")),
        "status",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["language"]
    ordering = ["-created_at"]
    panels = [FieldPanel("status")]

    def get_queryset(self, request):
        return LanguageRequest.objects.select_related("toolkit", "organisation", "user")


def language_request_counts():
    """[{"language": "Tigrinya", "requests": 3, "organisations": 2, "toolkits": 1}, ...]: open requests by
    language as typed (ignoring letter case), most requested first."""
    rows = (
        LanguageRequest.objects.filter(status=LanguageRequest.Status.OPEN)
        .annotate(key=Lower("language"))
        .values("key")
        .annotate(
            requests=Count("pk"),
            organisations=Count("organisation", distinct=True),
            toolkits=Count("toolkit", distinct=True),
        )
        .order_by("-requests", "key")
    )
    names = {}
    for key, language in (
        LanguageRequest.objects.filter(status=LanguageRequest.Status.OPEN)
        .annotate(key=Lower("language"))
        .order_by("created_at")
        .values_list("key", "language")
    ):
        names.setdefault(key, language)
    return [{**row, "language": names.get(row["key"], row["key"])} for row in rows]


def language_requests_report(request):
    if not request.user.has_perm(VIEW_REQUESTS_PERMISSION):
        raise PermissionDenied
    open_requests = LanguageRequest.objects.filter(status=LanguageRequest.Status.OPEN).select_related(
        "toolkit", "organisation", "user"
    )
    return TemplateResponse(
        request,
        "toolkits/admin/language_requests.html",
        {
            "page_title": _("Language requests"),
            "counts": language_request_counts(),
            "requests": open_requests,
        },
    )
