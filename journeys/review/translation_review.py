"""Translating a story in wagtail-localize's translation editor, and getting it onto the site.

The translation editor has one way on to the site, its "Publish" button, and no workflow actions. A translated
story is new text about a person at risk, so it is reviewed like any other change: for a story, "Publish" in
the translation editor saves the translation as a draft and sends that revision to the Safeguarding review.
It goes live when a member of the Safeguarding group approves it (the `pre_save` guard in guard.py
would refuse anything else, with a bare "permission denied").

Two more of wagtail-localize's paths are closed for stories, by views registered in front of its own URLs:
"Sync translated pages" with "Publish immediately" (the translations would bypass the review) syncs the text
without publishing, and machine translation is refused: a story is never sent to an outside service.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.coreutils import find_available_slug
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import machine_translate
from wagtail_localize.views.update_translations import UpdateTranslationsView

from journeys.stories.models import JourneyPage


def story_translation(page):
    """The enabled wagtail-localize translation whose target is this story page, if it is one."""
    if not isinstance(page, JourneyPage):
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("target_locale")
        .first()
    )


def save_draft(request, page, translation):
    """The translation as a new revision of the story. A live story's page row must keep its reviewed text
    (wagtail-localize's own save writes the translation into it), so the translated text goes only into the
    revision; a story not yet on the site is saved as wagtail-localize saves it."""
    page = JourneyPage.objects.get(pk=page.pk)
    if not page.live:
        translation.save_target(user=request.user, publish=False)
        return
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    draft.slug = find_available_slug(page.get_parent(), slugify(draft.slug) or page.slug, ignore_page_id=page.pk)
    draft.save_revision(user=request.user)


def send_translation_to_review(request, page, translation):
    if not page.permissions_for_user(request.user).can_submit_for_moderation():
        raise PermissionDenied
    language = translation.target_locale.get_display_name()
    try:
        save_draft(request, page, translation)
    except ValidationError:
        messages.error(
            request,
            _("The %(language)s version could not be saved: fix the translations marked below first.")
            % {"language": language},
        )
        return redirect(request.path)

    page = JourneyPage.objects.get(pk=page.pk)
    in_progress = page.current_workflow_state
    if in_progress is not None:
        # The review in progress is of older text: the translation as it is now is what gets reviewed.
        in_progress.cancel(user=request.user)
    page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _(
            "The %(language)s version was sent to the Safeguarding review. It goes on the site when a member of "
            "the Safeguarding group approves it."
        )
        % {"language": language},
    )
    return redirect(request.path)


@hooks.register("before_edit_page", order=-10)
def review_story_translations_before_publishing(request, page):
    """Runs before wagtail-localize's own hook, which would publish at once."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = story_translation(page)
    if translation is None:
        return None
    return send_translation_to_review(request, page, translation)


def is_story_source(source):
    return issubclass(source.specific_content_type.model_class() or object, JourneyPage)


def update_translations(request, translation_source_id):
    """wagtail-localize's "Sync translated pages", which for a story never publishes or machine-translates."""
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    if request.method == "POST" and is_story_source(source):
        request.POST = request.POST.copy()
        asked_to_publish = request.POST.pop("publish_translations", None)
        request.POST.pop("use_machine_translation", None)
        if asked_to_publish:
            messages.warning(
                request,
                _(
                    "Translations of a story are not published from here: open each translation and press "
                    "“Publish” to send it to the Safeguarding review."
                ),
            )
    return UpdateTranslationsView.as_view()(request, translation_source_id=translation_source_id)


def machine_translate_unless_story(request, translation_id):
    translation = get_object_or_404(Translation.objects.select_related("source"), pk=translation_id)
    if is_story_source(translation.source):
        messages.error(request, _("Stories are never sent to a machine translation service."))
        story = translation.get_target_instance()
        return redirect("wagtailadmin_pages:edit", story.pk)
    return machine_translate(request, translation_id)


# Override (tests/journeys/test_upstream_contracts.py): wagtail-localize offers no hook or setting to change what its
# "Sync translated pages" and machine-translation views do for one page type, so these URLs stand in front of its own.
@hooks.register("register_admin_urls", order=-1)
def register_story_translation_urls():
    """In front of wagtail-localize's own URLs for the same paths (admin URLs are matched in hook order)."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            update_translations,
            name="journeys_update_translations",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            machine_translate_unless_story,
            name="journeys_machine_translate",
        ),
    ]
