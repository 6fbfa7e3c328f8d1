"""Consent: consent records, what they allow a story to show (the name check), storyteller links and requests,
withdrawal and expiry, and keeping every language of a story in step with its record.

Imports `journeys.stories` and `journeys.team`, never the review or submissions.
"""
