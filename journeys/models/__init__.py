from .consent import ConsentRecord, StorytellerRequest
from .pages import (
    ContentWarning,
    IdentityLevel,
    JourneyIndexPage,
    JourneyPage,
    JourneyTheme,
    ShareJourneyPage,
)
from .review import SafeguardingReviewTask, SafeguardingReviewTaskState
from .submissions import StorySubmission, StorySubmissionPhoto

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
