"""Kept for migration 0001, which names these callables by this path; the models are in journeys.submissions."""

from journeys.submissions.models import new_reference, submission_photo_path

__all__ = ["new_reference", "submission_photo_path"]
