from django.apps import AppConfig


class ToolkitsConfig(AppConfig):
    name = "toolkits"
    verbose_name = "Toolkits"

    def ready(self):
        from . import signals

        signals.connect()
