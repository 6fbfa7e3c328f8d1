"""The admin's Privacy control on a translation says where privacy is set instead of offering a form that
would not hold.

privacy.rules makes every translation and alias carry its source page's restrictions, so a
change made in the Privacy dialog of, say, the French version of a toolkit used to be undone on commit without
a word. On a page whose source is another page in the default locale the dialog now explains that privacy is
set on that page, says what this page currently is, and links to the source's edit view; a POST (a stale
dialog, a hand-made request) changes nothing and answers 403 with the same explanation. Source pages, and
pages with no version in the default locale (written directly in French), keep Wagtail's dialog; where that
dialog says privacy is switched off (a page type with no `private_page_options`), a POST is refused too.

Why a view class on a page viewset: since Wagtail 7 every page admin URL, "<id>/privacy/" included, is
routed through the page viewset registry, and PageViewSet.set_privacy_view_class is the documented way to
replace that one view. Registering a viewset for the base Page model (Wagtail registers its own first, with
order=-1) covers every page type that has no viewset of its own, keeps the URL name
(wagtailadmin_pages:set_privacy) and Wagtail's permission checks, and needs no URL shadowing or template-only
trick (a template alone would still let a POST through). A page type with its own viewset (for example
journeys' JourneyPageViewSet) takes this dialog by setting `set_privacy_view_class = SetPrivacyView` from
here. The status side panel's privacy item says the same (home/templates/wagtailadmin/shared/side_panels/
includes/status/privacy.html, with the `privacy_source` tag from privacy.templatetags.privacy_admin).
"""

from django.contrib.auth.models import Group
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.page_privacy import SetPrivacyView as WagtailSetPrivacyView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PageViewRestriction

from members.access import MEMBERS_GROUP_NAME

from .rules import source_of

SET_BY_SOURCE_TEMPLATE = "wagtailadmin/page_privacy/set_by_source.html"


def other_privacy_source(page):
    """The default-locale page whose privacy `page` carries, when that is another page; otherwise None."""
    source = source_of(page)
    if source is None or source.pk == page.pk:
        return None
    return source


def describe_restriction(restriction):
    """One restriction, as an editor reads it: "members only (Members group)", "signed-in users only"."""
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        names = sorted(Group.objects.filter(pageviewrestriction=restriction).values_list("name", flat=True))
        if names == [MEMBERS_GROUP_NAME]:
            return _("members only (%(group)s group)") % {"group": MEMBERS_GROUP_NAME}
        text = ngettext("only the %(groups)s group", "only the groups %(groups)s", len(names) or 1)
        return text % {"groups": ", ".join(names) or "-"}
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return _("signed-in users only")
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        return _("protected by a password")
    return _("public")


def describe_privacy(page):
    """What `page` is now, restrictions inherited from an ancestor included: "public" or each restriction."""
    restrictions = list(page.get_view_restrictions().select_related("page").order_by("page__depth", "pk"))
    if not restrictions:
        return _("public")
    parts = []
    for restriction in restrictions:
        text = describe_restriction(restriction)
        if restriction.page_id != page.pk:
            text = _("%(restriction)s, set on %(page)s") % {
                "restriction": text,
                "page": restriction.page.specific_deferred.get_admin_display_title(),
            }
        parts.append(text)
    return "; ".join(parts)


class SetPrivacyView(WagtailSetPrivacyView):
    """Wagtail's privacy dialog, read-only on a page whose privacy is its default-locale source's."""

    # Overrides dispatch/get/post of Wagtail's view: no documented hook lets a page refuse or replace the dialog
    # per page (tests/privacy/test_admin_dialog.py::test_upstream_privacy_view_* fail if Wagtail's changes).
    def dispatch(self, request, page_id, *args, **kwargs):
        self.privacy_source = other_privacy_source(get_object_or_404(Page, id=page_id))
        # Wagtail's dispatch checks the editor may set privacy here at all, then calls get() or post().
        return super().dispatch(request, page_id, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.privacy_source is not None:
            return self.render_set_by_source()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.privacy_source is not None:
            response = self.render_set_by_source(refused=True)
            response.status_code = 403
            return response
        if not self.page.private_page_options:
            # Wagtail shows "disabled" for such a page (toolkits, briefings: their own rule sets privacy) but
            # would still apply a hand-made POST of "public".
            response = render_modal_workflow(request, "wagtailadmin/page_privacy/no_privacy.html", None)
            response.status_code = 403
            return response
        return super().post(request, *args, **kwargs)

    def render_set_by_source(self, refused=False):
        source = self.privacy_source
        return render_modal_workflow(
            self.request,
            SET_BY_SOURCE_TEMPLATE,
            None,
            {
                "page": self.page,
                "source": source,
                "source_language": source.locale.get_display_name(),
                "source_edit_url": reverse("wagtailadmin_pages:edit", args=[source.pk]),
                "source_title": source.specific_deferred.get_admin_display_title(),
                "current_privacy": describe_privacy(self.page),
                "refused": refused,
            },
        )


class PrivacyFromSourcePageViewSet(PageViewSet):
    """Wagtail's views for every page type without a viewset of its own, the privacy dialog excepted."""

    model = Page
    name = "pages_with_privacy_from_source"
    set_privacy_view_class = SetPrivacyView
