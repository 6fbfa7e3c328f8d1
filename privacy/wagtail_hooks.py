from wagtail import hooks

from .admin_views import PrivacyFromSourcePageViewSet


@hooks.register("register_admin_viewset")
def register_page_viewset_with_privacy_from_source():
    """Replaces Wagtail's base page viewset (registered with order=-1) for its privacy dialog; see
    privacy.admin_views."""
    return PrivacyFromSourcePageViewSet()
