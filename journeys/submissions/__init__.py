"""Submissions: "Share your journey" (the page, its form and view), the queue Safeguarding reads in the admin,
turning a submission into a draft story, and how long submissions are kept.

Imports `journeys.stories` and `journeys.team` only: a submission is not yet a story, has no consent record
and is never reviewed.
"""
