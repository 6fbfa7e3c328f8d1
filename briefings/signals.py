"""Publishing a briefing emails it (once); leavers' addresses go. Connected in `BriefingsConfig.ready()`.

(Briefing archives stay members-only through `BriefingIndexPage.members_only_setting`: see privacy.rules.)
"""

import contextlib
import contextvars
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.db.models.signals import pre_delete

from wagtail.signals import page_published

from .models import BriefingDelivery, BriefingMailing, PressBriefingPage
from .tasks import enqueue_briefing_email

_emails_suppressed = contextvars.ContextVar("briefing_emails_suppressed", default=False)


@contextlib.contextmanager
def briefing_emails_suppressed():
    """Briefings published inside this block are never emailed, now or on a later publish (demo content)."""
    token = _emails_suppressed.set(True)
    try:
        yield
    finally:
        _emails_suppressed.reset(token)


def email_on_first_publication(sender, instance, **kwargs):
    """The first publication of a briefing emails it, once the publication is committed; later publications
    (corrections) do not. `manage.py send_briefing` re-sends on purpose."""
    suppressed = _emails_suppressed.get()
    _mailing, created = BriefingMailing.objects.get_or_create(
        briefing_id=instance.pk, defaults={"suppressed": suppressed}
    )
    if created and not suppressed:
        transaction.on_commit(partial(enqueue_briefing_email, instance.pk))


def forget_leavers_addresses(sender, instance, **kwargs):
    """Someone who leaves (their account is deleted) keeps no address in the delivery records; the counts
    stay, anonymous."""
    BriefingDelivery.objects.filter(user_id=instance.pk).update(
        email=Concat(Value("removed-"), Cast("pk", CharField()), Value("@invalid")), user=None
    )


def connect():
    page_published.connect(
        email_on_first_publication, sender=PressBriefingPage, dispatch_uid="briefings-email-on-publish"
    )
    pre_delete.connect(forget_leavers_addresses, sender=get_user_model(), dispatch_uid="briefings-forget-leavers")
