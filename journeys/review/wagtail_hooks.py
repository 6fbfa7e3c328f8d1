"""The review's part of the admin, imported by `journeys.wagtail_hooks` (Wagtail looks for hooks only there).

Importing the modules registers their hooks: story images change only through the Safeguarding team
(`image_locks`), a story's translation is published by the review (`translation_review`), and stories are
published only through the review (`page_admin`). The review also answers the stories' own hooks.
"""

from wagtail import hooks

from journeys.stories import hooks as story_hooks

from . import image_locks, page_admin, translation_review  # noqa: F401
from .guard import publication_problems
from .models import safeguarding_workflow
from .panels import story_review_status

hooks.register(story_hooks.STORY_STATUS, story_review_status)


@hooks.register(story_hooks.PUBLICATION_PROBLEMS)
def story_publication_problems(page):
    """The page form's check when "Publish" is sent: the draft being saved has no revision of its own yet."""
    return publication_problems(page, revision=None)


@hooks.register(story_hooks.STORY_WORKFLOW)
def story_workflow(page):
    return safeguarding_workflow()
