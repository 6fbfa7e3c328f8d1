"""Admin template tags for privacy that follows a page's default-locale source (privacy.admin_views)."""

from django import template

from ..admin_views import other_privacy_source

register = template.Library()


@register.simple_tag
def privacy_source(page):
    """The default-locale page whose privacy `page` carries, when that is another page; otherwise None."""
    if page is None or not getattr(page, "pk", None):
        return None
    # The side panel asks several times while rendering one page.
    if "_privacy_source" not in page.__dict__:
        page.__dict__["_privacy_source"] = other_privacy_source(page)
    return page.__dict__["_privacy_source"]
