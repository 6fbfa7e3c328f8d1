"""Story submissions in the admin, seen only by the Safeguarding group (and superusers).

Submissions come from the public form, so nobody adds one here. Staff read a submission, set its status and
notes, and may turn it into a draft story. Photos are shown through a view that checks permission on every
request and forbids caching: their files live in a folder that is never served by path.
"""

import functools
import io
import mimetypes

import django_filters
from PIL import Image, ImageOps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

import home.image_safety  # noqa: F401  (registers the HEIC opener with Pillow)
from home.admin_permissions import NoAddPermissionPolicy

from .handling import LOG_ACTIONS, NOTIFY_ACTION, NoJourneyIndex, make_draft_story, queue_notification
from .models import StorySubmission, StorySubmissionPhoto

VIEW_PERMISSION = "journeys.view_storysubmission"
CHANGE_PERMISSION = "journeys.change_storysubmission"
THUMBNAIL_SIZE = 320
LARGE_SIZE = 1600


register_permission_policy(StorySubmission, NoAddPermissionPolicy(StorySubmission))


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=StorySubmission.Status.choices)
    notified = django_filters.BooleanFilter(
        label=gettext_lazy("Safeguarding emailed"),
        field_name="staff_notified_at",
        lookup_expr="isnull",
        exclude=True,
    )
    created_at = django_filters.DateFromToRangeFilter(label=gettext_lazy("Received"), widget=DateRangePickerWidget)

    class Meta:
        model = StorySubmission
        fields = ["status"]


class SubmissionPhotosPanel(Panel):
    """The photos as small images from the permission-checked view, never by their file's address."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/submission_photos_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            viewset = StorySubmission.snippet_viewset
            context["photos"] = [
                {
                    "photo": photo,
                    "thumbnail_url": reverse(viewset.get_url_name("photo"), args=[photo.pk]),
                    "large_url": reverse(viewset.get_url_name("photo"), args=[photo.pk]) + "?size=large",
                }
                for photo in self.instance.photos.all()
            ]
            return context


class SubmissionStoryPanel(Panel):
    """The story as the storyteller wrote it, and where it went: its draft, or the button to make one."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/submission_story_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            submission = self.instance
            viewset = StorySubmission.snippet_viewset
            context["submission"] = submission
            context["make_draft_url"] = reverse(viewset.get_url_name("make_draft"), args=[submission.pk])
            context["notify_url"] = reverse(viewset.get_url_name("notify"), args=[submission.pk])
            context["can_make_draft"] = self.request.user.has_perm(CHANGE_PERMISSION)
            journey = submission.journey
            if journey is not None:
                context["draft_title"] = journey.get_admin_display_title()
                if journey.permissions_for_user(self.request.user).can_edit():
                    context["draft_url"] = reverse("wagtailadmin_pages:edit", args=[journey.pk])
            return context


def photo_view(request, pk):
    """A submitted photo, resized and re-encoded for the browser (HEIC shows nowhere else), never cached."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    photo = get_object_or_404(StorySubmissionPhoto, pk=pk)
    size = LARGE_SIZE if request.GET.get("size") == "large" else THUMBNAIL_SIZE
    try:
        with photo.file.open("rb") as source, Image.open(source) as image:
            image.load()
            picture = ImageOps.exif_transpose(image)
            picture.thumbnail((size, size))
            has_alpha = picture.mode in ("RGBA", "LA", "P") and (picture.mode != "P" or "transparency" in picture.info)
            output = io.BytesIO()
            if has_alpha:
                picture.convert("RGBA").save(output, format="PNG")
                content_type = "image/png"
            else:
                picture.convert("RGB").save(output, format="JPEG", quality=85)
                content_type = "image/jpeg"
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = HttpResponse(output.getvalue(), content_type=content_type)
    extension = mimetypes.guess_extension(content_type) or ""
    response["Content-Disposition"] = f'inline; filename="photo-{photo.pk}{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


def make_draft_view(request, pk):
    """GET asks for confirmation; POST makes the draft (or finds the one already made) and opens it."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    submission = get_object_or_404(StorySubmission, pk=pk)
    viewset = StorySubmission.snippet_viewset
    edit_url = reverse(viewset.get_url_name("edit"), args=[submission.pk])
    if request.method == "POST":
        try:
            page, created = make_draft_story(submission, request.user)
        except NoJourneyIndex:
            messages.error(
                request, _("There is no Human Journeys index page to put the story under: create one first.")
            )
            return redirect(edit_url)
        can_edit = page.permissions_for_user(request.user).can_edit()
        if created:
            messages.success(
                request,
                _(
                    "Draft story made from %(reference)s. Check the names, write alt text for every photo and "
                    "add a consent record before sending it for the Safeguarding review."
                )
                % {"reference": submission.reference},
            )
        elif can_edit:
            messages.info(request, _("This submission already became a story: here is its draft."))
        if not can_edit:
            # Sending someone to an editor they may not open would only bounce them to the dashboard.
            messages.warning(
                request,
                _("You cannot edit pages yourself: ask an editor to open the draft “%(title)s”.")
                % {"title": page.get_admin_display_title()},
            )
            return redirect(edit_url)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "journeys/admin/submission_make_draft.html",
        {"submission": submission, "edit_url": edit_url, "photo_count": submission.photos.count()},
    )


def forbidden_when_denied(view):
    """Answer a refusal with a plain 403 page.

    Wagtail turns a refusal into a redirect to the dashboard, which reads, in logs and to scripts, like
    the request worked. Whoever is refused here is refused clearly, and nothing about the submission shows.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(request, "journeys/admin/submission_forbidden.html", status=403)

    return wrapped


def language_name(submission):
    """A site language by its name; another language as the storyteller typed it."""
    return dict(settings.LANGUAGES).get(submission.language, submission.language)


def notify_view(request, pk):
    """Email Safeguarding about a submission the mail server has not taken yet: GET asks, POST sends."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    submission = get_object_or_404(StorySubmission, pk=pk)
    edit_url = reverse(StorySubmission.snippet_viewset.get_url_name("edit"), args=[submission.pk])
    if request.method == "POST":
        if submission.staff_notified_at is not None:
            messages.info(request, _("Safeguarding was already emailed about this submission."))
        elif queue_notification(submission.pk):
            log(instance=submission, action=NOTIFY_ACTION, user=request.user)
            submission.refresh_from_db()
            if submission.staff_notified_at is not None:
                messages.success(
                    request,
                    _("Safeguarding has been emailed about %(reference)s.") % {"reference": submission.reference},
                )
            else:
                messages.warning(
                    request,
                    _("The email is queued; if the mail server is still down it will be tried again later."),
                )
        else:
            messages.error(request, _("The email could not be queued. Try again in a few minutes."))
        return redirect(edit_url)
    return TemplateResponse(
        request, "journeys/admin/submission_notify.html", {"submission": submission, "edit_url": edit_url}
    )


class SubmissionChooserViewSet(SnippetChooserViewSet):
    """The chooser lists submissions too (any snippet chooser URL answers for its model), so it is closed
    to the same staff as the submissions themselves."""

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)

        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(VIEW_PERMISSION):
                return TemplateResponse(request, "journeys/admin/submission_forbidden.html", status=403)
            return view(request, *args, **kwargs)

        return wrapped


class NotifiedColumn(BooleanColumn):
    """Yes or no: was Safeguarding emailed about it? A "no" means the mail server has not taken it yet."""


class StorySubmissionViewSet(SnippetViewSet):
    model = StorySubmission
    icon = "mail"
    menu_label = gettext_lazy("Story submissions")
    url_prefix = "journeys/submissions"
    admin_url_namespace = "journeys_submissions"
    list_display = [
        "reference",
        StatusTagColumn("status", label=gettext_lazy("Status"), primary=lambda obj: obj.status == "new"),
        Column("created_at", label=gettext_lazy("Received")),
        NotifiedColumn(
            "is_notified",
            label=gettext_lazy("Safeguarding emailed"),
            accessor=lambda obj: obj.staff_notified_at is not None,
        ),
        Column("language", label=gettext_lazy("Language"), accessor=language_name),
    ]
    filterset_class = SubmissionFilterSet
    search_fields = ["reference"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    chooser_viewset_class = SubmissionChooserViewSet
    panels = [
        SubmissionStoryPanel(heading=gettext_lazy("The story")),
        SubmissionPhotosPanel(heading=gettext_lazy("Photos")),
        MultiFieldPanel(
            [
                FieldPanel("identity_level", read_only=True),
                FieldPanel("first_name", read_only=True),
                FieldPanel("family_name", read_only=True),
                FieldPanel("town", read_only=True),
                FieldPanel("pseudonym", read_only=True),
            ],
            heading=gettext_lazy("How they wish to be named"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("consents_to_website", read_only=True),
                FieldPanel("consents_to_social_media", read_only=True),
                FieldPanel("consents_to_press", read_only=True),
                FieldPanel("understands_withdrawal", read_only=True),
                FieldPanel("age_confirmation", read_only=True),
                FieldPanel("guardian_name", read_only=True),
            ],
            heading=gettext_lazy("Consent and age"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact", read_only=True), FieldPanel("language", read_only=True)],
            heading=gettext_lazy("Contact and language"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("staff_notes")],
            heading=gettext_lazy("Safeguarding review"),
        ),
    ]

    def get_queryset(self, request):
        return StorySubmission.objects.all()

    def get_urlpatterns(self):
        patterns = [
            *super().get_urlpatterns(),
            path("photo/<int:pk>/", photo_view, name="photo"),
            path("make-draft/<int:pk>/", make_draft_view, name="make_draft"),
            path("notify/<int:pk>/", notify_view, name="notify"),
        ]
        for pattern in patterns:
            pattern.callback = forbidden_when_denied(pattern.callback)
        return patterns


@hooks.register("register_snippet_listing_buttons")
def submission_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, StorySubmission) or not user.has_perm(CHANGE_PERMISSION):
        return []
    if snippet.journey_id:
        journey = snippet.journey
        if journey is None or not journey.permissions_for_user(user).can_edit():
            return []
        return [
            ListingButton(
                _("Open the draft story"),
                reverse("wagtailadmin_pages:edit", args=[snippet.journey_id]),
                icon_name="doc-empty-inverse",
                priority=10,
            )
        ]
    viewset = StorySubmission.snippet_viewset
    return [
        ListingButton(
            _("Make a draft story"),
            reverse(viewset.get_url_name("make_draft"), args=[snippet.pk]),
            icon_name="doc-empty-inverse",
            priority=10,
        )
    ]


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
