"""Signal handlers that keep stories safe whichever path changes them."""

from django.db.models.signals import pre_save

from .models import JourneyPage
from .safeguarding import refuse_unsafe_publication

pre_save.connect(refuse_unsafe_publication, sender=JourneyPage, dispatch_uid="journeys-refuse-unsafe-publication")
