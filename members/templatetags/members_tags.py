from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_panel(context, panel):
    """Render one panel registered with the "register_member_dashboard_panel" hook (see members.dashboard)."""
    return render_to_string(panel["template"], {**context.flatten(), **panel["context"]}, request=context.request)
