"""Withdrawing consent from the admin, the storyteller's private link, and the requests storytellers send.

Withdrawing is final and touches more than the story (its images disappear from every page that uses
them), so it has its own confirmation page showing exactly what will happen before anyone commits to it.
Storyteller requests hold the storyteller's own words: only the Safeguarding group sees them, nobody adds
them by hand, and staff mark each one handled when they have acted on it.
"""

import functools

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_permissions import NoAddPermissionPolicy
from journeys.team import SAFEGUARDING_GROUP, is_safeguarder

from .models import ConsentRecord, StorytellerRequest
from .storyteller import rotate_link_key, storyteller_url
from .withdrawal import (
    EXPIRED_ACTION,
    LOG_ACTIONS,
    REQUEST_ACTION,
    REQUEST_HANDLED_ACTION,
    WITHDRAWN_ACTION,
    story_images,
    story_pages,
    withdraw_consent,
)

WITHDRAW_PERMISSION = "journeys.withdraw_consent"
LINK_PERMISSION = "journeys.change_consentrecord"


class SafeguardingOnlyPolicy(NoAddPermissionPolicy):
    """Storyteller requests: the Safeguarding group's model permissions, never `add`, and membership of the
    group itself (being a superuser is not enough to read a storyteller's message)."""

    def user_has_permission(self, user, action):
        return is_safeguarder(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions, **kwargs):
        users = super().users_with_any_permission(actions, **kwargs)
        return users.filter(groups__name=SAFEGUARDING_GROUP, is_active=True).distinct()


register_permission_policy(StorytellerRequest, SafeguardingOnlyPolicy(StorytellerRequest))


class StorytellerRequestChooserViewSet(SnippetChooserViewSet):
    """The chooser lists storyteller requests too, so it answers only to those who may read them; anyone
    else is refused before the view runs (Wagtail's refusal: back to the dashboard, or a 403 in a modal)."""

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)

        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not SafeguardingOnlyPolicy(StorytellerRequest).user_has_permission(request.user, "view"):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped


class StorytellerRequestViewSet(SnippetViewSet):
    model = StorytellerRequest
    icon = "warning"
    menu_label = gettext_lazy("Storyteller requests")
    list_display = [
        "__str__",
        Column("consent", label=gettext_lazy("Story")),
        DateColumn("created_at", label=gettext_lazy("Sent")),
        DateColumn("staff_notified_at", label=gettext_lazy("Staff emailed")),
        DateColumn("handled_at", label=gettext_lazy("Handled")),
    ]
    list_filter = ["kind"]
    ordering = ["handled_at", "-created_at"]
    inspect_view_enabled = True
    chooser_viewset_class = StorytellerRequestChooserViewSet
    inspect_view_fields = ["consent", "kind", "message", "created_at", "staff_notified_at", "handled_at", "handled_by"]
    # Nothing of a storyteller's request may be rewritten: the edit view shows it read-only.
    panels = [
        FieldPanel("consent", read_only=True),
        FieldPanel("kind", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("handled_at", read_only=True),
    ]

    def get_queryset(self, request):
        return StorytellerRequest.objects.select_related("consent__journey", "handled_by")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("handled/<int:pk>/", lambda request, pk: mark_handled_view(request, pk, self), name="handled"),
        ]


def mark_handled_view(request, pk, viewset):
    if not SafeguardingOnlyPolicy(StorytellerRequest).user_has_permission(request.user, "change"):
        raise PermissionDenied
    storyteller_request = get_object_or_404(StorytellerRequest.objects.select_related("consent"), pk=pk)
    index_url = reverse(viewset.get_url_name("list"))
    if request.method == "POST":
        updated = StorytellerRequest.objects.filter(pk=pk, handled_at__isnull=True).update(
            handled_at=timezone.now(), handled_by=request.user
        )
        if updated:
            journey = storyteller_request.consent.journey
            if journey is not None:
                log(instance=journey, action=REQUEST_HANDLED_ACTION, user=request.user)
            messages.success(request, _("The request is marked as handled."))
        else:
            messages.warning(request, _("This request had already been marked as handled."))
        return redirect(index_url)
    return TemplateResponse(
        request,
        "journeys/admin/storyteller_request_handled.html",
        {
            "storyteller_request": storyteller_request,
            "index_url": index_url,
            "inspect_url": reverse(viewset.get_url_name("inspect"), args=[pk]),
            "withdraw_url": reverse("journeys_withdraw_consent", args=[storyteller_request.consent_id])
            + "?source=storyteller",
        },
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is consent being withdrawn?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Kept on the consent record, which only the Safeguarding group sees; never in the page history."
        ),
    )
    source = forms.ChoiceField(
        label=gettext_lazy("Who asked for it?"),
        choices=[
            (ConsentRecord.Source.STAFF, ConsentRecord.Source.STAFF.label),
            (ConsentRecord.Source.STORYTELLER, ConsentRecord.Source.STORYTELLER.label),
        ],
        initial=ConsentRecord.Source.STAFF,
        widget=forms.RadioSelect,
    )


def other_pages_using(images, story_page_ids):
    """Pages outside the story that show any of the images: they will lose them too."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = set()
    for image in images:
        page_ids |= set(
            ReferenceIndex.get_references_to(image)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
        )
    page_ids = {int(pk) for pk in page_ids} - set(story_page_ids)
    return Page.objects.filter(pk__in=page_ids).select_related("locale").order_by("title")


def withdraw_view(request, pk):
    if not request.user.has_perm(WITHDRAW_PERMISSION):
        raise PermissionDenied
    consent = get_object_or_404(ConsentRecord.objects.select_related("journey"), pk=pk)
    edit_url = reverse(ConsentRecord.snippet_viewset.get_url_name("edit"), args=[pk])
    # Coming from a storyteller's request, the source is already known.
    initial_source = request.GET.get("source", ConsentRecord.Source.STAFF)
    form = WithdrawForm(request.POST or None, initial={"source": initial_source})
    if request.method == "POST" and consent.status != ConsentRecord.Status.WITHDRAWN and form.is_valid():
        pages = withdraw_consent(
            consent, user=request.user, reason=form.cleaned_data["reason"], source=form.cleaned_data["source"]
        )
        messages.success(
            request,
            _("Consent withdrawn. The story is off the website in every language (%(count)d pages unpublished).")
            % {"count": len(pages)},
        )
        return redirect(edit_url)
    pages = list(story_pages(consent).select_related("locale"))
    images = list(story_images(pages))
    return TemplateResponse(
        request,
        "journeys/admin/withdraw_consent.html",
        {
            "consent": consent,
            "form": form,
            "pages": pages,
            "images": images,
            "other_pages": other_pages_using(images, [page.pk for page in pages]),
            "edit_url": edit_url,
            "already_withdrawn": consent.status == ConsentRecord.Status.WITHDRAWN,
        },
    )


def storyteller_link_view(request, pk):
    if not request.user.has_perm(LINK_PERMISSION):
        raise PermissionDenied
    consent = get_object_or_404(ConsentRecord.objects.select_related("journey__locale"), pk=pk)
    if request.method == "POST":
        rotate_link_key(consent, user=request.user)
        messages.success(request, _("Every earlier link has stopped working. Give the storyteller the new link below."))
        return redirect("journeys_storyteller_link", pk=pk)
    response = TemplateResponse(
        request,
        "journeys/admin/storyteller_link.html",
        {
            "consent": consent,
            "link": storyteller_url(consent),
            "link_days": settings.JOURNEYS_STORYTELLER_LINK_DAYS,
            "edit_url": reverse(ConsentRecord.snippet_viewset.get_url_name("edit"), args=[pk]),
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@hooks.register("register_admin_urls")
def register_withdrawal_urls():
    return [
        path("journeys/consent/<int:pk>/withdraw/", withdraw_view, name="journeys_withdraw_consent"),
        path("journeys/consent/<int:pk>/storyteller-link/", storyteller_link_view, name="journeys_storyteller_link"),
    ]


@hooks.register("register_snippet_listing_buttons")
def consent_record_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, ConsentRecord):
        return []
    buttons = []
    if user.has_perm(LINK_PERMISSION):
        buttons.append(
            ListingButton(
                _("Storyteller link"),
                reverse("journeys_storyteller_link", args=[snippet.pk]),
                icon_name="link",
                priority=30,
            )
        )
    if user.has_perm(WITHDRAW_PERMISSION) and snippet.status != ConsentRecord.Status.WITHDRAWN:
        buttons.append(
            ListingButton(
                _("Withdraw consent"),
                reverse("journeys_withdraw_consent", args=[snippet.pk]),
                icon_name="cross",
                priority=40,
            )
        )
    return buttons


@hooks.register("register_snippet_listing_buttons")
def storyteller_request_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, StorytellerRequest) or snippet.handled_at is not None:
        return []
    if not SafeguardingOnlyPolicy(StorytellerRequest).user_has_permission(user, "change"):
        return []
    viewset = StorytellerRequest.snippet_viewset
    return [
        ListingButton(
            _("Mark handled"),
            reverse(viewset.get_url_name("handled"), args=[snippet.pk]),
            icon_name="tick",
            priority=10,
        )
    ]


class WithdrawConsentMenuItem(ActionMenuItem):
    name = "action-withdraw-consent"
    label = gettext_lazy("Withdraw consent…")
    icon_name = "cross"

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context.get("view") == "edit"
            and instance is not None
            and instance.status != ConsentRecord.Status.WITHDRAWN
            and context["request"].user.has_perm(WITHDRAW_PERMISSION)
        )

    def get_url(self, parent_context):
        return reverse("journeys_withdraw_consent", args=[parent_context["instance"].pk])


class StorytellerLinkMenuItem(ActionMenuItem):
    name = "action-storyteller-link"
    label = gettext_lazy("Storyteller link")
    icon_name = "link"

    def is_shown(self, context):
        return (
            context.get("view") == "edit"
            and context.get("instance") is not None
            and context["request"].user.has_perm(LINK_PERMISSION)
        )

    def get_url(self, parent_context):
        return reverse("journeys_storyteller_link", args=[parent_context["instance"].pk])


@hooks.register("register_snippet_action_menu_item")
def withdraw_consent_menu_item(model):
    return WithdrawConsentMenuItem(order=200) if model is ConsentRecord else None


@hooks.register("register_snippet_action_menu_item")
def storyteller_link_menu_item(model):
    return StorytellerLinkMenuItem(order=210) if model is ConsentRecord else None


class TakeDownFormatter(LogFormatter):
    """Who and when are the log entry's own; the message adds the source, never the reason."""

    def format_message(self, log_entry):
        source = (log_entry.data or {}).get("source")
        label = dict(ConsentRecord.Source.choices).get(source)
        return f"{self.message} ({label})" if label else self.message


@hooks.register("register_log_actions")
def register_withdrawal_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        if action in (WITHDRAWN_ACTION, EXPIRED_ACTION):
            actions.register_action(action)(
                type("TakeDownFormatter", (TakeDownFormatter,), {"label": label, "message": message})
            )
        elif action == REQUEST_ACTION:
            actions.register_action(action)(
                type("RequestFormatter", (RequestFormatter,), {"label": label, "message": message})
            )
        else:
            actions.register_action(action, label, message)


class RequestFormatter(LogFormatter):
    def format_message(self, log_entry):
        kind = dict(StorytellerRequest.Kind.choices).get((log_entry.data or {}).get("kind"))
        return f"{self.message}: {kind}" if kind else self.message
