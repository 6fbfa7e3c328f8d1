"""The storyteller's private link: their story's status, and a way to ask for it to come down, without an account.

Storytellers are not users of the site, and asking them to make an account would leave a trace (an email
address, a password reset in an inbox) that could put them at risk. So staff hand each storyteller a link
holding a signed token (`django.core.signing`, with its own salt) of the consent record's id and its
`storyteller_link_key`. The token expires after `JOURNEYS_STORYTELLER_LINK_DAYS`; rotating the key revokes
every link given out so far. Whatever is wrong with a token (tampered, expired, revoked, unknown record),
the answer is the same 404, so a guess learns nothing.

A request is saved before anything else happens; staff are told by a background email that holds only
the kind of request and an admin link, never the storyteller's message, the story or any name (email is
read on phones and forwarded; the admin is where the details stay).
"""

import logging
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from wagtail.log_actions import log

from journeys.stories.models import JourneyPage

from .models import ConsentRecord, StorytellerRequest

logger = logging.getLogger(__name__)

SALT = "journeys.storyteller-link"
# How many requests a link may have waiting for staff at once: enough for a change of mind, not a flood.
MAX_OPEN_REQUESTS = 5


def make_token(consent):
    return signing.dumps({"c": consent.pk, "k": consent.storyteller_link_key.hex}, salt=SALT, compress=True)


def consent_for_token(token):
    """The consent record a token was made for, or None if the token is not one we made and still honour."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.JOURNEYS_STORYTELLER_LINK_DAYS * 24 * 60 * 60)
        pk, key = int(payload["c"]), uuid.UUID(hex=payload["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return ConsentRecord.objects.select_related("journey").filter(pk=pk, storyteller_link_key=key).first()


def storyteller_url(consent, language=None):
    """The full private link for a storyteller, in their story's language unless told otherwise."""
    if language is None:
        language = consent.journey.locale.language_code if consent.journey_id else settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("journeys:storyteller", kwargs={"token": make_token(consent)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def rotate_link_key(consent, user=None):
    """Revoke every link handed out for this story; the next link made is the only one that works."""
    consent.storyteller_link_key = uuid.uuid4()
    consent.save(update_fields=["storyteller_link_key", "updated_at"])
    if consent.journey_id:
        log(instance=consent.journey, action="journeys.storyteller_link_revoked", user=user)


class StorytellerRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What would you like us to do?"),
        choices=StorytellerRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you would like us to do.")},
    )
    message = forms.CharField(
        label=_("Anything you want to tell us"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only our Safeguarding team reads this. You do not have to explain."),
    )


def story_in_language(consent):
    """The story in the language of the link if there is a translation, otherwise the original."""
    story = consent.journey
    if story is None:
        return None
    translated = (
        JourneyPage.objects.filter(
            translation_key=story.translation_key, locale__language_code=translation.get_language()
        )
        .select_related("locale")
        .first()
    )
    return translated or story


def live_story_url(consent, story):
    if consent.status != ConsentRecord.Status.ACTIVE or story is None:
        return ""
    if story.live:
        return story.get_full_url()
    if consent.journey and consent.journey.live:
        return consent.journey.get_full_url()
    return ""


def private(response):
    """Nobody may store, index or pass on this page: its address is the storyteller's key."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def not_found(request):
    # No language links: they would repeat the token, and every bad link must get the very same page.
    context = {"hide_language_switcher": True}
    return private(TemplateResponse(request, "journeys/storyteller/link_not_found.html", context, status=404))


def save_request(consent, kind, message):
    """Saved first and committed, so a mail server that is down never loses what the storyteller asked."""
    from .tasks import enqueue, notify_staff_of_request

    with transaction.atomic():
        storyteller_request = StorytellerRequest.objects.create(consent=consent, kind=kind, message=message)
        if consent.journey_id:
            log(instance=consent.journey, action="journeys.storyteller_request", data={"kind": kind})
    enqueue(notify_staff_of_request, storyteller_request.pk)
    return storyteller_request


@require_http_methods(["GET", "POST"])
@csrf_protect
def storyteller_view(request, token):
    consent = consent_for_token(token)
    if consent is None:
        return not_found(request)
    open_requests = consent.storyteller_requests.filter(handled_at__isnull=True)
    form = StorytellerRequestForm(request.POST or None)
    too_many = open_requests.count() >= MAX_OPEN_REQUESTS
    can_ask = consent.status != ConsentRecord.Status.WITHDRAWN
    if request.method == "POST" and can_ask and not too_many and form.is_valid():
        save_request(consent, form.cleaned_data["kind"], form.cleaned_data["message"].strip())
        return private(redirect(request.path + "?sent=1"))
    story = story_in_language(consent)
    response = TemplateResponse(
        request,
        "journeys/storyteller/link.html",
        {
            "consent": consent,
            "story": story,
            "story_url": live_story_url(consent, story),
            "is_taken_down": consent.status != ConsentRecord.Status.ACTIVE,
            # After an expiry a storyteller may still ask us never to put it back, or to anonymise it first.
            "can_ask": can_ask,
            "form": form,
            "sent": request.GET.get("sent") == "1",
            "too_many": too_many,
            "open_requests": list(open_requests.order_by("created_at")),
        },
    )
    return private(response)
