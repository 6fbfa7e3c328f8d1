"""Read-only panels that put the consent where staff are working.

On a story's edit screen (`journeys.stories.panels.SafeguardingStatusPanel`, filled through the
`journeys_story_status` hook), editors see at once whether its consent allows it on the site and, if not, every
reason, in the same words the site uses when it refuses. The storyteller's real name is never shown there:
editors may not be allowed to know it, and the consent record itself is one link away for those who are.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel
from wagtail.models import Locale

from journeys.stories.models import JourneyPage

from .checks import consent_problems
from .models import ConsentRecord

VIEW_PERMISSION = "journeys.view_consentrecord"


def consent_record_url(user, consent, action):
    """The admin address of a consent record view, for a user allowed to open it (else None)."""
    if not user.has_perm(VIEW_PERMISSION):
        return None
    if action == "edit" and (
        consent.status == ConsentRecord.Status.WITHDRAWN or not user.has_perm("journeys.change_consentrecord")
    ):
        action = "inspect"
    try:
        return reverse(ConsentRecord.snippet_viewset.get_url_name(action), args=[consent.pk])
    except (AttributeError, NoReverseMatch):
        return None


def add_consent_url(user, page):
    """Where to add the record for this story: always against the story in the site's main language."""
    if not (user.has_perm(VIEW_PERMISSION) and user.has_perm("journeys.add_consentrecord")):
        return None
    source = page
    default_locale = Locale.get_default()
    if page.locale_id != default_locale.pk:
        source = JourneyPage.objects.filter(translation_key=page.translation_key, locale=default_locale).first()
    if source is None or source.pk is None:
        return None
    try:
        url = reverse(ConsentRecord.snippet_viewset.get_url_name("add"))
    except (AttributeError, NoReverseMatch):
        return None
    return f"{url}?journey={source.pk}"


def story_consent_status(page, request):
    """The consent part of a story's status panel (`journeys_story_status` hook): its record, every reason
    the record does not allow this version on the site, and links to the record for those who may open it."""
    user = request.user
    consent = ConsentRecord.objects.for_page(page) if page.pk else None
    return {
        "consent": consent,
        "problems": consent_problems(page),
        "consent_url": consent_record_url(user, consent, "edit") if consent else None,
        "add_consent_url": None if consent else add_consent_url(user, page),
    }


class ConsentRecordStatusPanel(Panel):
    """On a consent record's form: its status and any take-down, which nobody types in."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Status"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/panels_consent_record_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["record"] = self.instance if self.instance.pk else None
            return context
