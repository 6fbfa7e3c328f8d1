from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Page privacy"

    def ready(self):
        from . import receivers

        receivers.connect()
