from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site frame"

    def ready(self):
        from . import signals
        from .locales import ensure_locales

        signals.connect()

        post_migrate.connect(ensure_locales, sender=self, dispatch_uid="home-ensure-locales")
