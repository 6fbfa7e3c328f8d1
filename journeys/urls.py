"""Public URLs of Human Journeys outside the page tree: the storyteller's private link."""

app_name = "journeys"
urlpatterns = []
