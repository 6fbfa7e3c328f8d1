"""The Human Journeys demo: themes, the index and "Share your journey" pages, seven fictional stories, two
submissions and a Safeguarding reviewer.

Built by `seed(seeder)` and translated by `seed_translations(seeder)`, which `demo.build` calls. Stories are
published the only way the site allows: a consent record, then the Safeguarding review approved by a member of the group
(`demo.factories.journeys.publish_through_review`). So that editors can see what a take-down looks like, one
story's consent then expires and another's is withdrawn, through the same service the admin and the daily
expiry task use (`journeys.consent.withdrawal`). Like the rest of the demo, it creates what is missing and leaves what
exists alone.

The reviewer, safeguarding@imix.org.uk, signs every demo review, so it exists wherever the demo is seeded;
it gets a password (and so a login) only when DEBUG is on. With DEBUG off it has no usable password: nobody
can sign in as it, and a password reset is never sent for it.
"""

import datetime
import io
import os

from PIL import Image

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from journeys.consent.withdrawal import take_down_story, withdraw_consent
from journeys.models import ConsentRecord, JourneyPage, JourneyTheme, StorySubmission, StorySubmissionPhoto
from journeys.team import SAFEGUARDING_GROUP, is_safeguarder

from .artwork import render_illustration
from .factories.journeys import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    JourneyThemeFactory,
    ShareJourneyPageFactory,
    publish_through_review,
)
from .seeder import DemoContentError, PageSpec, validate_streams
from .stories import (
    CLOSING_NOTE,
    INDEX_FIELDS,
    INDEX_ILLUSTRATION,
    JOURNEYS,
    SHARE_FIELDS,
    SHARE_REASSURANCE,
    SUBMISSIONS,
    THEMES,
)
from .streams import Stream
from .translation import (
    TRANSLATED_LANGUAGES,
    TRANSLATIONS,
    copy_publication_dates,
    demo_locale,
    existing_translation,
    live_source,
    translate,
)

__all__ = ["login_lines", "seed", "seed_translations"]

# The story translated into every demo language (the newest, which the home page lists first).
TRANSLATED_STORY = "from-night-shifts-to-my-own-bakery"

SAFEGUARDING_EMAIL = "safeguarding@imix.org.uk"
# A documented, development-only default; override it with DEMO_SAFEGUARDING_PASSWORD.
DEFAULT_SAFEGUARDING_PASSWORD = "imix-demo-safeguarding"  # noqa: S105
PUBLISHED_AT = datetime.time(9, 30)


def safeguarding_password():
    return os.environ.get("DEMO_SAFEGUARDING_PASSWORD") or DEFAULT_SAFEGUARDING_PASSWORD


def ensure_reviewer(seeder):
    """The demo's Safeguarding reviewer, in the group; it can sign in only when DEBUG is on."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=SAFEGUARDING_EMAIL).first()
    if user is None:
        user = user_model.objects.create_user(
            email=SAFEGUARDING_EMAIL, password=None, first_name="Demo", last_name="Safeguarding lead"
        )
        group = Group.objects.filter(name=SAFEGUARDING_GROUP).first()
        if group is None:
            raise DemoContentError(f"The {SAFEGUARDING_GROUP} group is missing: run manage.py migrate.")
        user.groups.add(group)
        seeder.record(user)
        if settings.DEBUG:
            seeder.notes.append(f"Created the demo Safeguarding reviewer {SAFEGUARDING_EMAIL}.")
        else:
            seeder.notes.append(
                f"Created the demo Safeguarding reviewer {SAFEGUARDING_EMAIL} without a password: it can only "
                "sign in when DEBUG is on."
            )
    if settings.DEBUG and not user.has_usable_password():
        # Made earlier without DEBUG: development is where it may have a login.
        user.set_password(safeguarding_password())
        user.is_staff = True
        user.save(update_fields=["password", "is_staff"])
    return user


def ensure_themes(seeder):
    themes = {theme.slug: theme for theme in JourneyTheme.objects.filter(locale=seeder.locale)}
    for fields in THEMES:
        if fields["slug"] not in themes:
            themes[fields["slug"]] = seeder.create_snippet(JourneyThemeFactory, locale=seeder.locale, **fields)
    return themes


def share_page_content(seeder):
    reassurance = Stream("journeys/share-your-journey/reassurance")
    for html in SHARE_REASSURANCE:
        reassurance.add("text", html)
    return {"reassurance": reassurance.build()}


def ensure_index_pages(seeder):
    seeder.ensure_pages(
        [
            PageSpec(
                key="journeys",
                factory=JourneyIndexPageFactory,
                title="Human Journeys",
                slug="human-journeys",
                illustration=INDEX_ILLUSTRATION,
                fields=INDEX_FIELDS,
            )
        ]
    )
    seeder.ensure_pages(
        [
            PageSpec(
                key="journeys/share",
                factory=ShareJourneyPageFactory,
                title="Share your journey",
                slug="share-your-journey",
                parent="journeys",
                fields=SHARE_FIELDS,
                content=share_page_content,
            )
        ]
    )
    return seeder.pages["journeys"]


def point_home_page_at(seeder, index):
    """List the stories on the home page, unless an editor already chose an index for that section.

    A home page made by this run is published by the frame once every app has added its pages; an existing
    one is published here, but only when it has no unpublished draft, which publishing would push live.
    """
    home = seeder.pages["home"]
    if home.journeys_index_id:
        return
    if seeder.home_created:
        home.journeys_index = index
        return
    if home.has_unpublished_changes:
        seeder.notes.append(
            "The home page has unpublished changes, so its Human Journeys section was not pointed at the "
            f"{index.title} page: choose it there."
        )
        return
    home.journeys_index = index
    seeder.publish(home)


def story_content(journey, seeder):
    story = Stream(f"journeys/{journey.slug}/story")
    story.add("text", "".join(f"<p>{paragraph}</p>" for paragraph in journey.paragraphs))
    text, attribution = journey.quote
    story.quote(text, attribution)
    story.image(
        seeder.image(journey.body_illustration),
        journey.body_alt_text,
        caption="An illustration made for this story; no one is pictured.",
    )
    story.add("text", "".join(f"<p>{paragraph}</p>" for paragraph in journey.more_paragraphs) + CLOSING_NOTE)
    return story.build()


def ensure_journey(seeder, index, journey, themes, reviewer, today):
    """Create, review and publish one story, then take it down if that is its part in the demo."""
    page = JourneyPage.objects.child_of(index).filter(slug=journey.slug).first()
    if page is not None:
        seeder.pages[f"journeys/{journey.slug}"] = page
        return page
    if not is_safeguarder(reviewer):
        raise DemoContentError(
            f"{reviewer.email} must be an active member of the {SAFEGUARDING_GROUP} group to review the demo "
            f"story {journey.slug!r}."
        )
    page = JourneyPageFactory(
        parent=index,
        title=journey.title,
        slug=journey.slug,
        locale=seeder.locale,
        live=False,
        introduction=journey.introduction,
        listing_summary=journey.listing_summary,
        listing_image=seeder.image(journey.listing_illustration),
        as_told_to=journey.as_told_to,
        pull_quote=journey.pull_quote,
        content_warnings=[str(warning) for warning in journey.content_warnings],
        content_warning_note=journey.content_warning_note,
        story=story_content(journey, seeder),
        **journey.storyteller.page_fields(),
    )
    page.themes.set([themes[slug] for slug in journey.themes])
    validate_streams(page)
    page.full_clean()
    page.save()
    page.save_revision(user=reviewer)
    seeder.record(page)

    publish_through_review(page, reviewer, **journey.consent_fields(today))
    if not page.live:
        raise DemoContentError(f"The Safeguarding review did not publish the demo story {journey.slug!r}.")
    seeder.record(ConsentRecord)
    published_at = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=journey.days_ago), PUBLISHED_AT)
    )
    JourneyPage.objects.filter(pk=page.pk).update(first_published_at=published_at, last_published_at=published_at)

    consent = ConsentRecord.objects.get(journey=page)
    if journey.fate == "expired":
        # Its review date passed without renewal: what the daily expiry task does with such a story.
        consent.valid_until = today - datetime.timedelta(days=3)
        consent.save(update_fields=["valid_until"])
        take_down_story(
            consent,
            status=ConsentRecord.Status.EXPIRED,
            source=ConsentRecord.Source.EXPIRY,
            reason=journey.take_down_reason,
        )
    elif journey.fate == "withdrawn":
        withdraw_consent(
            consent, user=reviewer, reason=journey.take_down_reason, source=ConsentRecord.Source.STORYTELLER
        )
    page.refresh_from_db()
    seeder.pages[f"journeys/{journey.slug}"] = page
    return page


def generated_photo(illustration):
    """A submitted photo stand-in: the illustration, small, as a JPEG with no metadata at all."""
    with Image.open(io.BytesIO(render_illustration(illustration))) as image:
        small = image.resize((800, 450))
    buffer = io.BytesIO()
    small.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue(), small.size


def ensure_submissions(seeder):
    now = timezone.now()
    for submission in SUBMISSIONS:
        if StorySubmission.objects.filter(title=submission.title).exists():
            continue
        record = StorySubmission.objects.create(
            title=submission.title,
            status=StorySubmission.Status(submission.status),
            created_at=now - datetime.timedelta(days=submission.days_ago),
            **submission.fields,
        )
        seeder.record(record)
        if submission.photo:
            data, (width, height) = generated_photo(submission.photo)
            photo = StorySubmissionPhoto.objects.create(
                submission=record,
                file=ContentFile(data, name="photo.jpg"),
                description=submission.photo_description,
                width=width,
                height=height,
                file_size=len(data),
            )
            seeder.record(photo)


def seed(seeder):
    reviewer = ensure_reviewer(seeder)
    themes = ensure_themes(seeder)
    index = ensure_index_pages(seeder)
    point_home_page_at(seeder, index)
    today = timezone.localdate()
    # Oldest first, so the admin's page explorer lists stories in the order they were published.
    for journey in sorted(JOURNEYS, key=lambda journey: -journey.days_ago):
        ensure_journey(seeder, index, journey, themes, reviewer, today)
    ensure_submissions(seeder)


def translate_story(seeder, story, language, reviewer):
    """The story's version in `language`: saved from its PO file as a draft, then published the only way a
    story is, through an approved Safeguarding review of that very revision (its consent record is the
    original's)."""
    found = existing_translation(story, demo_locale(language))
    if found is not None:
        return found
    page = translate(
        seeder, story, language, TRANSLATIONS / f"{TRANSLATED_STORY}-{language}.po", publish=False, user=reviewer
    )
    publish_through_review(page, reviewer)
    if not page.live:
        raise DemoContentError(f"The Safeguarding review did not publish the {language} version of {story.slug!r}.")
    copy_publication_dates(story, page)
    return page


def seed_translations(seeder):
    """Versions in every demo language of the index, one story and the themes the demo files it under.

    PO files are named after the demo's slugs, which stay the same when an editor changes the page's."""
    index = live_source(seeder, "journeys")
    story = live_source(seeder, f"journeys/{TRANSLATED_STORY}")
    if index is None or story is None:
        return
    reviewer = ensure_reviewer(seeder)
    (journey,) = [journey for journey in JOURNEYS if journey.slug == TRANSLATED_STORY]
    themes = JourneyTheme.objects.filter(locale=seeder.locale, slug__in=journey.themes)
    for language in TRANSLATED_LANGUAGES:
        translate(seeder, index, language, TRANSLATIONS / f"human-journeys-{language}.po")
        for theme in themes:
            translate(seeder, theme, language, TRANSLATIONS / f"theme-{theme.slug}-{language}.po")
        translate_story(seeder, story, language, reviewer)


def login_lines():
    """Lines for `seed_demo --print-logins`: the Safeguarding reviewer's, only when DEBUG is on."""
    if not settings.DEBUG:
        return []
    user = get_user_model().objects.filter(email__iexact=SAFEGUARDING_EMAIL).first()
    if user is None or not user.has_usable_password():
        return []
    password = safeguarding_password()
    if user.check_password(password):
        return [f"  Safeguarding login: {SAFEGUARDING_EMAIL} / {password}"]
    return [f"  Safeguarding login: {SAFEGUARDING_EMAIL} (its password has been changed from the demo default)"]
