"""A read-only record in the admin of who was emailed each briefing, and why a send failed."""

from django.utils.translation import gettext_lazy

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import BriefingDelivery


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Deliveries are written by the sending code only; `manage.py send_briefing` re-sends."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(BriefingDelivery, ReadOnlyPermissionPolicy(BriefingDelivery), exact_class=True)


class BriefingDeliveryViewSet(ModelViewSet):
    model = BriefingDelivery
    icon = "mail"
    menu_label = gettext_lazy("Briefing deliveries")
    url_prefix = "briefings/deliveries"
    name = "briefing_deliveries"
    add_to_settings_menu = True
    list_display = ["email", "briefing", "status", "attempts", "sent_at", "next_attempt_at"]
    list_filter = ["status"]
    search_fields = ["email", "last_error"]
    search_backend_name = None
    form_fields = ["status"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "briefing",
        "email",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "created_at",
    ]

    def get_queryset(self, request):
        return BriefingDelivery.objects.select_related("briefing")
