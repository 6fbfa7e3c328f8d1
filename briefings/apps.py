from django.apps import AppConfig


class BriefingsConfig(AppConfig):
    name = "briefings"
    verbose_name = "Press briefings"

    def ready(self):
        from . import signals

        signals.connect()
