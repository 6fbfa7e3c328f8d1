"""Every model of the journeys app, for Django to find: each lives in the subpackage of its capability.

Code inside journeys imports a model from its own subpackage (`journeys.consent.models`), never from here:
this module imports all four, so a lower layer importing it would depend on the higher ones.
"""

from journeys.consent.models import ConsentRecord, StorytellerRequest
from journeys.review.models import SafeguardingReviewTask, SafeguardingReviewTaskState
from journeys.stories.models import ContentWarning, IdentityLevel, JourneyIndexPage, JourneyPage, JourneyTheme
from journeys.submissions.models import ShareJourneyPage, StorySubmission, StorySubmissionPhoto

__all__ = [
    "ConsentRecord",
    "ContentWarning",
    "IdentityLevel",
    "JourneyIndexPage",
    "JourneyPage",
    "JourneyTheme",
    "SafeguardingReviewTask",
    "SafeguardingReviewTaskState",
    "ShareJourneyPage",
    "StorySubmission",
    "StorySubmissionPhoto",
    "StorytellerRequest",
]
