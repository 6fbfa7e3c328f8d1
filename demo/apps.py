from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and factories: installed by the development and test settings only. It has no models."""

    name = "demo"
    verbose_name = "Demo content"
