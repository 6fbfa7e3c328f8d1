"""Images used by a Human Journeys story change only through the Safeguarding team.

A story is reviewed with its pictures, and it points at them by id: anyone who could change an image's file,
title or alt text, or delete it, could change a reviewed story without a review. So while an image is used
by a story that is live, in review or scheduled to go live (in any language, or an alias of one), only
members of the Safeguarding group may edit, replace or delete it; others are told why and nothing changes.
Drafts that were never sent for review do not lock their images. The image chooser still offers locked
images: using one in a page changes nothing about the image.

The lock is a permission policy for the image model, so every admin path that asks Wagtail whether a user
may change or delete an image (the edit view, replacing the file, delete, the bulk actions, the multiple
upload's edit and delete) refuses. The admin's own image addresses are also answered here first, so that
an editor who opens a locked image is told why instead of seeing a general "no permission" page.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.images import get_image_model
from wagtail.images.views import images as image_views
from wagtail.images.views import multiple as multiple_views
from wagtail.models import Page, ReferenceIndex, Revision, WorkflowState
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from journeys.stories.models import JourneyPage
from journeys.team import is_safeguarder

LOCK_MESSAGE = _("This image is used in a Human Journeys story; only the Safeguarding team can change it.")

# What the lock refuses. "choose" (using the image in a page) and "add" stay as they are.
LOCKED_ACTIONS = frozenset({"change", "delete"})


def _page_type_ids():
    return ContentType.objects.get_for_model(JourneyPage).pk, ContentType.objects.get_for_model(Page).pk


def _active_workflow_states():
    _journey_type, page_type = _page_type_ids()
    return WorkflowState.objects.active().filter(base_content_type_id=page_type)


def _pages_in_review():
    """Stories with a Safeguarding review (or any workflow) in progress or sent back for changes."""
    ids = _active_workflow_states().values_list("object_id", flat=True)
    return JourneyPage.objects.filter(pk__in=[int(pk) for pk in ids])


def _pending_revisions():
    """The story revisions that may yet go live without another review: each story's revision under review
    and its latest one, and every revision scheduled to be published."""
    journey_type, _page_type = _page_type_ids()
    in_review = dict(_pages_in_review().values_list("pk", "latest_revision_id"))
    revision_ids = {revision_id for revision_id in in_review.values() if revision_id}
    for state in _active_workflow_states().filter(object_id__in=[str(pk) for pk in in_review]):
        task_state = state.current_task_state
        if task_state is not None and task_state.revision_id:
            revision_ids.add(task_state.revision_id)
    return Revision.objects.filter(content_type_id=journey_type).filter(
        Q(pk__in=revision_ids) | Q(approved_go_live_at__isnull=False)
    )


def story_pages_using(image):
    """The live, in-review or scheduled stories whose current content uses `image`, found through Wagtail's
    reference index (and, in case the index is behind, the story's own image fields)."""
    journey_type, _page_type = _page_type_ids()
    referencing = ReferenceIndex.get_references_to(image).filter(content_type_id=journey_type)
    page_ids = {int(pk) for pk in referencing.values_list("object_id", flat=True)}
    uses = Q(pk__in=page_ids) | Q(listing_image_id=image.pk) | Q(social_image_id=image.pk)
    scheduled = Revision.objects.filter(content_type_id=journey_type, approved_go_live_at__isnull=False)
    protected = (
        Q(live=True)
        | Q(pk__in=_pages_in_review().values("pk"))
        | Q(pk__in=[int(pk) for pk in scheduled.values_list("object_id", flat=True)])
    )
    return JourneyPage.objects.filter(uses).filter(protected)


def is_story_image(image):
    """Whether `image` is used by a story that is live, in review or scheduled, in any of those versions.

    Remembered on the instance: one admin request asks the permission policy about the same image several
    times (the view, its buttons, its header), and the answer needs a handful of queries.
    """
    if image.pk is None:
        return False
    if not hasattr(image, "_is_story_image"):
        image._is_story_image = story_pages_using(image).exists() or any(
            image.pk in revision.as_object().image_ids() for revision in _pending_revisions()
        )
    return image._is_story_image


def may_change_image(user, image):
    """Whether the lock lets `user` change or delete `image` (their image permissions still apply)."""
    return is_safeguarder(user) or not is_story_image(image)


class StoryImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image permissions, with the story lock on changing and deleting a single image.

    Listings are left as they are, so editors still find (and can choose) a story's images; each image
    they try to change or delete is checked here.
    """

    def user_has_permission_for_instance(self, user, action, instance):
        if action in LOCKED_ACTIONS and not may_change_image(user, instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if LOCKED_ACTIONS.intersection(actions) and not may_change_image(user, instance):
            actions = [action for action in actions if action not in LOCKED_ACTIONS]
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


# For the exact image model, so it wins whichever registers first: the hooks that import this module may
# load before the images app registers Wagtail's own policy (which is not for the exact class).
register_permission_policy(
    get_image_model(),
    StoryImagePermissionPolicy(
        get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
    ),
    exact_class=True,
)


def _explained_when_locked(view, *, json=False):
    """Answer a locked image's admin address with LOCK_MESSAGE before Wagtail's view refuses it."""

    @functools.wraps(view)
    def guarded(request, image_id, *args, **kwargs):
        image = get_object_or_404(get_image_model(), pk=image_id)
        if may_change_image(request.user, image):
            return view(request, image_id, *args, **kwargs)
        if json:
            return JsonResponse(
                {"success": False, "image_id": image.pk, "error_message": str(LOCK_MESSAGE)}, status=403
            )
        messages.error(request, LOCK_MESSAGE)
        return redirect("wagtailimages:index")

    return guarded


# Override (tests/journeys/test_upstream_contracts.py): the permission policy refuses, but Wagtail's image views offer
# no viewset or hook to say why, so these URLs stand in front of the images app's own.
@hooks.register("register_admin_urls", order=-100)
def register_locked_image_urls():
    """Registered before Wagtail's images app, so these addresses are answered here first."""

    def locked(route, view, name, **options):
        return path(f"images/{route}", _explained_when_locked(view, **options), name=f"journeys_locked_image_{name}")

    return [
        locked("<int:image_id>/", image_views.EditView.as_view(), "edit"),
        locked("<int:image_id>/delete/", image_views.DeleteView.as_view(), "delete"),
        locked("usage/<int:image_id>/", image_views.UsageView.as_view(), "usage"),
        locked("multiple/<int:image_id>/", multiple_views.EditView.as_view(), "edit_multiple", json=True),
        locked("multiple/<int:image_id>/delete/", multiple_views.DeleteView.as_view(), "delete_multiple", json=True),
    ]
