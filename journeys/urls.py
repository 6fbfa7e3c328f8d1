"""Public URLs of Human Journeys outside the page tree: the storyteller's private link."""

from django.urls import path

from .consent.storyteller import storyteller_view

app_name = "journeys"
urlpatterns = [
    path("<str:token>/", storyteller_view, name="storyteller"),
]
