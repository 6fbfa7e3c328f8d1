"""What the remaining overrides of Wagtail's and wagtail-localize's views rely on, checked against the installed
versions. Each override is marked "Override" in the code with what no documented extension point offers; when an
upgrade changes the behaviour it relies on, a test here fails and names it, before a story's safety does.

The behaviour the overrides give editors and reviewers is tested where it is used (test_admin_publish.py,
test_admin_review.py, test_image_locks.py, tests/test_translation_editor.py).
"""

import inspect

import pytest

from django.urls import resolve, reverse

from wagtail import hooks
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.views.generic.workflow import BaseWorkflowFormView, CollectWorkflowActionData, WorkflowAction
from wagtail.admin.views.pages.copy import CopyView
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.images import admin_urls as wagtailimages_urls
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsForm

from journeys.review import image_locks, page_admin, translation_review


def parameters(function):
    return list(inspect.signature(function).parameters)


# --- URLs that stand in front of other packages' own ------------------------------------------------------

STORY_TRANSLATION_URLS = [
    ("wagtail_localize:update_translations", "journeys_update_translations", translation_review.update_translations),
    (
        "wagtail_localize:machine_translate",
        "journeys_machine_translate",
        translation_review.machine_translate_unless_story,
    ),
]


@pytest.mark.parametrize(("upstream_name", "our_name", "view"), STORY_TRANSLATION_URLS)
def test_story_translation_urls__wagtail_localize_path_is_answered_by_ours(upstream_name, our_name, view):
    """wagtail-localize's own links (its name for the URL) must reach our view, and nothing else."""
    path = reverse(upstream_name, args=[1])
    assert path == reverse(our_name, args=[1])
    match = resolve(path)
    assert match.url_name == our_name
    assert (match.func.__module__, match.func.__name__) == (view.__module__, view.__name__)


def test_story_translation_sync__form_fields_we_strip_still_exist():
    """`update_translations` takes these out of the POST for a story: a renamed field would publish again."""
    assert "publish_translations" in UpdateTranslationsForm.base_fields
    assert "use_machine_translation" in inspect.getsource(UpdateTranslationsForm)


LOCKED_IMAGE_URLS = [
    ("wagtailimages:edit", "journeys_locked_image_edit"),
    ("wagtailimages:delete", "journeys_locked_image_delete"),
    ("wagtailimages:image_usage", "journeys_locked_image_usage"),
    ("wagtailimages:edit_multiple", "journeys_locked_image_edit_multiple"),
    ("wagtailimages:delete_multiple", "journeys_locked_image_delete_multiple"),
]


@pytest.mark.parametrize(("upstream_name", "our_name"), LOCKED_IMAGE_URLS)
def test_locked_image_urls__wagtail_images_path_is_answered_by_ours(upstream_name, our_name):
    path = reverse(upstream_name, args=[1])
    assert path == reverse(our_name, args=[1])
    assert resolve(path).url_name == our_name


def test_locked_image_urls__images_admin_has_no_other_address_that_changes_an_image():
    """Every address of the images admin that takes an image id is one we answer first, or one that only reads."""
    with_image_id = {
        pattern.name for pattern in wagtailimages_urls.urlpatterns if "<int:image_id>" in str(pattern.pattern)
    }
    ours = {upstream.split(":")[1] for upstream, _ours in LOCKED_IMAGE_URLS}
    assert with_image_id - ours == {"preview", "url_generator", "url_generator_output"}
    assert {"change", "delete"} == image_locks.LOCKED_ACTIONS


# --- The page views ---------------------------------------------------------------------------------------


def test_page_viewset__view_class_attributes_we_set_still_exist():
    for attribute in (
        "copy_view_class",
        "edit_view_class",
        "workflow_action_view_class",
        "collect_workflow_action_data_view_class",
        "set_privacy_view_class",
    ):
        assert hasattr(PageViewSet, attribute), attribute
        assert getattr(page_admin.JourneyPageViewSet, attribute) is not getattr(PageViewSet, attribute)


def test_create_view__publish_is_chosen_by_the_button_that_before_create_page_removes():
    """`create_new_stories_as_drafts` takes "action-publish" out of the request in `before_create_page`; the view
    must read it afterwards (in `post`), and the menu item must still be called that."""
    assert PublishMenuItem.name == page_admin.PUBLISH_ACTION
    source = inspect.getsource(CreateView)
    assert f'self.request.POST.get("{page_admin.PUBLISH_ACTION}")' in source
    dispatch = inspect.getsource(CreateView.dispatch)
    assert '"before_create_page"' in dispatch
    assert dispatch.index('"before_create_page"') < dispatch.index("super().dispatch(")
    assert '"after_create_page"' in inspect.getsource(CreateView.save_action)
    assert page_admin.create_new_stories_as_drafts in hooks.get_hooks("before_create_page")
    assert page_admin.explain_why_the_new_story_is_a_draft in hooks.get_hooks("after_create_page")


def test_edit_view__perform_workflow_action_is_still_the_step_we_override():
    assert parameters(EditView.perform_workflow_action) == ["self"]
    assert "self.perform_workflow_action" in inspect.getsource(EditView)
    source = inspect.getsource(EditView)
    for attribute in ("self.workflow_action =", "self.has_content_changes =", "self.has_unsaved_changes"):
        assert attribute in source, attribute


def test_workflow_action_views__post_and_modal_form_are_still_the_steps_we_override():
    assert parameters(WorkflowAction.post) == ["self", "request", "args", "kwargs"]
    assert parameters(CollectWorkflowActionData.post) == ["self", "request", "args", "kwargs"]
    assert parameters(BaseWorkflowFormView.render_modal_form) == ["self", "request", "form"]
    setup = inspect.getsource(BaseWorkflowFormView.setup)
    for attribute in ("self.action_name", "self.redirect_url", "self.task_state", "self.task", "self.form_class"):
        assert f"{attribute} =" in setup, attribute
    # The view's context is what our subclasses add the consent to.
    assert "def get_context_data" in inspect.getsource(BaseWorkflowFormView)


@pytest.mark.django_db
def test_copy_view__copy_form_still_offers_the_fields_we_take_out(published_journey, django_user_model):
    superuser = django_user_model.objects.create_superuser(email="copy@example.org", password="x")  # noqa: S106
    form = CopyForm(user=superuser, page=Page.objects.get(pk=published_journey.pk))
    assert {"publish_copies", "alias"} <= set(form.fields)
    assert "get_form" not in vars(CopyView)  # Django's FormView.get_form, which our copy view extends
    assert parameters(CopyView.form_valid) == ["self", "form"]


def test_consent_views__setup_loads_the_record_first():
    """ConsentEditView and ConsentDeleteView refuse a withdrawn or live story's record in dispatch(), which needs
    Wagtail's generic views to have loaded `self.object` in setup(), before dispatch()."""
    from wagtail.snippets.views.snippets import DeleteView, EditView

    for view in (EditView, DeleteView):
        setups = [inspect.getsource(cls.setup) for cls in view.__mro__ if "setup" in vars(cls)]
        assert any("self.object = self.get_object()" in source for source in setups), view.__name__
        assert "dispatch" not in vars(view) or "self.object" not in inspect.getsource(view.dispatch).split("super()")[0]
