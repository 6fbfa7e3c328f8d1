from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    """One app, four capabilities in their own subpackages (docs/architecture.md): `stories`, `consent`,
    `review` and `submissions`. Each connects its own signal handlers here, the guard first."""

    name = "journeys"
    verbose_name = _("Human Journeys")

    def ready(self):
        from .consent import receivers as consent_receivers
        from .review import receivers as review_receivers
        from .stories import receivers as story_receivers
        from .submissions import receivers as submission_receivers

        review_receivers.connect()
        consent_receivers.connect()
        submission_receivers.connect()
        story_receivers.connect()
