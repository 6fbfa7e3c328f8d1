"""Kept for migration 0001, which names these callables by this path; the models are in journeys.consent."""

from journeys.consent.models import consent_form_path, validate_consent_form

__all__ = ["consent_form_path", "validate_consent_form"]
