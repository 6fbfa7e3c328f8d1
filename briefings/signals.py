"""Publishing a briefing emails it (once); briefing archives stay members-only; leavers' addresses go.

Connected in `BriefingsConfig.ready()`.

Briefings are for members only, whatever happens in the admin.

A BriefingIndexPage always carries a page view restriction to the Members group. It is created with the page
(in the admin, by a factory or by a copy: privacy is not copied with a page) and re-checked every time the
page is saved or published. The admin's privacy setting is switched off for briefing pages
(`private_page_options = []`), and if a restriction is deleted anyway (a hand-made request, the shell) it is
put back as soon as that change is committed.
"""

import contextlib
import contextvars
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from members.gating import restrict_to_members

from .models import BriefingDelivery, BriefingIndexPage, BriefingMailing, PressBriefingPage
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


def keep_index_members_only(sender, instance, raw=False, **kwargs):
    if not raw:
        restrict_to_members(instance)


def restore_deleted_restriction(sender, instance, **kwargs):
    """A restriction deleted from a briefing archive comes back once the change is committed, unless the
    archive itself was deleted with it."""
    page_id = instance.page_id

    def restore():
        page = BriefingIndexPage.objects.filter(pk=page_id).first()
        if page is not None:
            restrict_to_members(page)

    transaction.on_commit(restore)


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
    post_save.connect(keep_index_members_only, sender=BriefingIndexPage, dispatch_uid="briefings-members-only")
    post_delete.connect(
        restore_deleted_restriction, sender=PageViewRestriction, dispatch_uid="briefings-restore-restriction"
    )
    pre_delete.connect(forget_leavers_addresses, sender=get_user_model(), dispatch_uid="briefings-forget-leavers")
