"""The hooks through which the higher layers of journeys add to a story without the story knowing them.

Each is an ordinary Wagtail hook (`wagtail.hooks.register`), registered in the `wagtail_hooks` module of the
layer that answers it, as `register_member_dashboard_panel` is for the member dashboard.
"""

from wagtail import hooks

# fn(page, request) -> dict: context for the status panel at the top of a story's edit screen
# (`journeys.stories.panels.StoryStatusPanel`). Consent adds the record and its problems, the review its state.
STORY_STATUS = "journeys_story_status"
# fn(page) -> list of problems: why the story, as the page form holds it, must not be published. Asked by the
# page form when "Publish" is sent; the review answers with `journeys.review.guard.publication_problems`.
PUBLICATION_PROBLEMS = "journeys_story_publication_problems"
# fn(page) -> Workflow or None: the workflow every story goes through, wherever it sits in the page tree.
STORY_WORKFLOW = "journeys_story_workflow"
# fn(page) -> bool: whether the story's own image may be the picture of a link to it on social media. A card
# there is a social-media use of the storyteller's story, so consent answers; with no answer, the answer is no.
SHARE_IMAGE_ALLOWED = "journeys_story_share_image_allowed"


def story_status(page, request):
    context = {}
    for fn in hooks.get_hooks(STORY_STATUS):
        context.update(fn(page, request))
    return context


def publication_problems(page):
    return [problem for fn in hooks.get_hooks(PUBLICATION_PROBLEMS) for problem in fn(page)]


def story_workflow(page):
    for fn in hooks.get_hooks(STORY_WORKFLOW):
        workflow = fn(page)
        if workflow is not None:
            return workflow
    return None


def share_image_allowed(page):
    answers = [fn(page) for fn in hooks.get_hooks(SHARE_IMAGE_ALLOWED)]
    return bool(answers) and all(answers)
