"""What happens to a story someone sends: it is saved, Safeguarding is told, and staff may turn it into a draft.

The submission and its photos are committed before the notification is queued, so a mail server that is down
never loses a story. The notification says only that a submission arrived, with its reference and the admin
link: never the story, a name, contact details or a photo, because email is copied to phones, forwarded
and kept in places we do not control.

Neither django-tasks backend retries a failed task, so the task retries itself, as briefings do: where the
backend can run a task later (the database backend in production) it re-enqueues itself with a growing
delay. Where it cannot (the immediate backend), the next notification that gets through also names every
earlier submission still unannounced, and the admin listing shows which ones Safeguarding was not told of.
"""

import contextlib
import html
import logging
import re
import secrets
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from wagtail.log_actions import log
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from home.mail import SERVER_DOWN_ERRORS
from journeys.stories.models import NAME_FIELDS_BY_LEVEL, JourneyIndexPage, JourneyPage
from journeys.team import SAFEGUARDING_GROUP

from .models import StorySubmission, StorySubmissionPhoto

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# The wait after the 1st, 2nd, 3rd... failed attempt.
RETRY_DELAYS = [
    timedelta(minutes=5),
    timedelta(minutes=20),
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(hours=8),
]
PHOTO_COLLECTION = "Human Journeys"
MAKE_DRAFT_ACTION = "journeys.submission.make_draft"
NOTIFY_ACTION = "journeys.submission.notify"
LOG_ACTIONS = [
    (MAKE_DRAFT_ACTION, gettext_lazy("Make a draft story"), gettext_lazy("Draft story made from the submission")),
    (NOTIFY_ACTION, gettext_lazy("Email Safeguarding"), gettext_lazy("Safeguarding emailed again by hand")),
]
INTRODUCTION_LENGTH = 300


# --- Saving -----------------------------------------------------------------------------------------------


def save_submission(fields, photos):
    """Save a submission and its (already cleaned) photos together, then queue the notification.

    If saving fails part-way, the photo files already written are removed: a story that was not saved must
    not leave pictures behind in storage.
    """
    written = []
    try:
        with transaction.atomic():
            submission = StorySubmission.objects.create(**fields)
            for photo in photos:
                record = StorySubmissionPhoto(
                    submission=submission,
                    width=photo.width,
                    height=photo.height,
                    file_size=len(photo.content),
                )
                record.file.save(f"photo.{photo.extension}", ContentFile(photo.content), save=False)
                written.append((record.file.storage, record.file.name))
                record.save()
    except Exception:
        for storage, name in written:
            with contextlib.suppress(Exception):
                storage.delete(name)
        raise
    queue_notification(submission.pk)
    return submission


def queue_notification(submission_id):
    """Queue the notification; if even queueing fails, log it and carry on: the story is already saved."""
    try:
        notify_safeguarding.enqueue(submission_id)
    except Exception:
        logger.exception("Could not queue the notification of story submission %s", submission_id)
        return False
    return True


# --- Removing photo files ---------------------------------------------------------------------------------


def remove_photo_file(sender, instance, **kwargs):
    """However a photo row goes (a submission deleted in the admin, one by one or in bulk, takes its photos
    with it by cascade, which never calls `StorySubmissionPhoto.delete()`), its file goes too, once the
    deletion is committed: a rolled-back delete must not leave a submission without its pictures."""
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# --- Notifying Safeguarding -------------------------------------------------------------------------------


def safeguarding_recipients():
    """Active members of the Safeguarding group, and the extra addresses in settings, each once."""
    users = get_user_model().objects.filter(is_active=True, groups__name=SAFEGUARDING_GROUP).exclude(email="")
    addresses = [*users.values_list("email", flat=True), *settings.JOURNEYS_SAFEGUARDING_EMAILS]
    seen, recipients = set(), []
    for address in addresses:
        address = address.strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            recipients.append(address)
    return recipients


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def submission_admin_url(submission):
    return admin_url(reverse(StorySubmission.snippet_viewset.get_url_name("edit"), args=[submission.pk]))


def render_notification(submission, earlier):
    """Subject and body: references and admin links only, whatever the submission holds."""
    with override(settings.LANGUAGE_CODE):
        context = {
            "reference": submission.reference,
            "submission_url": submission_admin_url(submission),
            "earlier": [{"reference": other.reference, "url": submission_admin_url(other)} for other in earlier],
            "listing_url": admin_url(reverse(StorySubmission.snippet_viewset.get_url_name("list"))),
        }
        subject = " ".join(render_to_string("journeys/emails/submission_received_subject.txt", context).split())
        body = render_to_string("journeys/emails/submission_received.txt", context)
    return subject, body


def send_notification(submission):
    """Email each recipient on its own (nobody sees the others' addresses); True if anyone was told.

    Raises the last error when nobody could be told, so the caller can retry.
    """
    recipients = safeguarding_recipients()
    if not recipients:
        logger.error("Story submission %s arrived but nobody is in the Safeguarding group.", submission.reference)
        return False
    earlier = list(
        StorySubmission.objects.filter(staff_notified_at__isnull=True, created_at__lt=submission.created_at)
        .exclude(pk=submission.pk)
        .order_by("created_at")
    )
    subject, body = render_notification(submission, earlier)
    connection = get_connection()
    sent, last_error = 0, None
    try:
        for address in recipients:
            try:
                EmailMultiAlternatives(
                    subject, body, settings.DEFAULT_FROM_EMAIL, [address], connection=connection
                ).send()
            except Exception as error:  # one refused address must not stop the others
                last_error = error
                logger.warning("Notification of submission %s to one recipient failed: %s", submission.pk, error)
                with contextlib.suppress(Exception):
                    connection.close()
                if isinstance(error, SERVER_DOWN_ERRORS):
                    break  # no use knocking on a closed door once per recipient
            else:
                sent += 1
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    if not sent:
        raise last_error
    now = timezone.now()
    StorySubmission.objects.filter(pk__in=[submission.pk, *[other.pk for other in earlier]]).update(
        staff_notified_at=now
    )
    return True


def retry_delay(attempt):
    return RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]


@task()
def notify_safeguarding(submission_id, attempt=1):
    """Tell Safeguarding a submission arrived. Safe to run twice: once told, it sends nothing more."""
    submission = StorySubmission.objects.filter(pk=submission_id).first()
    if submission is None or submission.staff_notified_at is not None:
        return "nothing to do"
    try:
        if send_notification(submission):
            return "sent"
        return "no recipients"
    except Exception as error:
        logger.warning(
            "Could not tell Safeguarding about submission %s (attempt %s): %s", submission_id, attempt, error
        )
        schedule_retry(submission_id, attempt)
        return "failed"


def schedule_retry(submission_id, attempt):
    """Run the task again later, if the backend can; otherwise the next notification that works covers it."""
    if attempt >= MAX_ATTEMPTS:
        logger.error("Gave up telling Safeguarding about submission %s after %s attempts.", submission_id, attempt)
        return None
    if not notify_safeguarding.get_backend().supports_defer:
        logger.warning(
            "Submission %s: Safeguarding not told yet; the next notification sent will include it.", submission_id
        )
        return None
    when = timezone.now() + retry_delay(attempt)
    try:
        return notify_safeguarding.using(run_after=when).enqueue(submission_id, attempt + 1)
    except Exception:
        logger.exception("Could not queue a retry of the notification of submission %s", submission_id)
        return None


# --- Turning a submission into a draft story --------------------------------------------------------------


class NoJourneyIndex(Exception):
    """There is no Human Journeys index page to put the story under."""


def journey_index_for(language):
    """The index in the submission's language, when the site has one; otherwise the default locale's first."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None:
        index = JourneyIndexPage.objects.filter(locale=locale).order_by("path").first()
        if index is not None:
            return index
    index = JourneyIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if index is None:
        raise NoJourneyIndex
    return index


def paragraphs(text):
    return [part.strip() for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if part.strip()]


def paragraph_html(paragraph):
    """A paragraph as rich text: the storyteller's words escaped, never read as HTML."""
    lines = [html.escape(line.strip()) for line in paragraph.split("\n") if line.strip()]
    return "<p>" + "<br/>".join(lines) + "</p>"


def photo_collection():
    collection = Collection.objects.filter(name=PHOTO_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PHOTO_COLLECTION)
    return collection


def photo_to_image(photo, number, submission, user):
    from wagtail.images import get_image_model

    image_model = get_image_model()
    extension = photo.file.name.rsplit(".", 1)[-1]
    with photo.file.open("rb") as source:
        content = source.read()
    image = image_model(
        title=_("Photo %(number)s from submission %(reference)s")
        % {"number": number, "reference": submission.reference},
        collection=photo_collection(),
        uploaded_by_user=user,
    )
    # A random file name: image files are served by their address, and a draft's photo must not be found by
    # guessing one made from the submission's reference before Safeguarding has approved the story.
    image.file = ContentFile(content, name=f"{secrets.token_hex(16)}.{extension}")
    image.save()
    return image


def draft_title(submission):
    return submission.title or _("Story from submission %(reference)s") % {"reference": submission.reference}


def make_draft_story(submission, user):
    """Create a draft JourneyPage from a submission; returns (page, created).

    Done twice, it returns the draft already made. Alt text is left empty on purpose: Wagtail 8 lets a
    draft be saved without it but refuses to publish an image without alt text (or marked decorative), so
    staff must describe each photo before the story can go live.
    """
    with transaction.atomic():
        submission = StorySubmission.objects.select_for_update().get(pk=submission.pk)
        if submission.journey_id:
            existing = JourneyPage.objects.filter(pk=submission.journey_id).first()
            if existing is not None:
                return existing, False
        index = journey_index_for(submission.language)
        with override(index.locale.language_code):
            title = draft_title(submission)
        story_paragraphs = paragraphs(submission.story)
        blocks = [("text", RichText(paragraph_html(paragraph))) for paragraph in story_paragraphs]
        for number, photo in enumerate(submission.photos.all(), start=1):
            image = photo_to_image(photo, number, submission, user)
            blocks.append(
                (
                    "image",
                    {
                        "image": {"image": image.pk, "alt_text": "", "decorative": False},
                        "caption": photo.description,
                        "credit": "",
                    },
                )
            )
        stream_block = JourneyPage.story.field.stream_block
        raw = [
            {"type": name, "value": stream_block.child_blocks[name].get_prep_value(value)}
            if name == "text"
            else {"type": name, "value": value}
            for name, value in blocks
        ]
        opening = story_paragraphs[0] if story_paragraphs else submission.story
        level = submission.identity_level
        shown = NAME_FIELDS_BY_LEVEL[level]
        names = {
            f"storyteller_{name}": getattr(submission, name)
            for name in ("first_name", "family_name", "town", "pseudonym")
            if f"storyteller_{name}" in shown
        }
        slug = slugify(f"{title[:40]}-{submission.reference}", allow_unicode=True)
        page = JourneyPage(
            title=title[:255],
            slug=slug,
            live=False,
            introduction=Truncator(opening).chars(INTRODUCTION_LENGTH),
            identity_level=level,
            story=stream_block.to_python(raw),
            owner=user,
            **names,
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        submission.journey = page
        submission.status = StorySubmission.Status.BECAME_STORY
        submission.save(update_fields=["journey", "status", "updated_at"])
        # The submission's history says who made the story and which page it became.
        log(instance=submission, action=MAKE_DRAFT_ACTION, user=user, data={"page_id": page.pk})
    return page, True
