"""The Safeguarding review: the workflow task and its checklist, the publication guard (`guard`), publishing
only through the review in the admin, translations of stories, and the lock on stories' images.

Imports `journeys.consent`, `journeys.stories` and `journeys.team`, never the submissions.
"""
