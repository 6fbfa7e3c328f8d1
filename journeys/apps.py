from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    name = "journeys"
    verbose_name = _("Human Journeys")

    def ready(self):
        from . import signals  # noqa: F401
