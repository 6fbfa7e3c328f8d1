"""What a consent record allows a story to show: the name check, and every consent problem that stops it.

`consent_problems` is asked by the review before approving and by the publication guard
(`journeys.review.guard`); `identity_problems` also by `every_language` when a record is narrowed.
"""

import re
import unicodedata

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.images import get_image_model

from journeys.stories.models import IdentityLevel

from .models import ConsentRecord

# Fields where a hidden name must not turn up, with the label staff see in the message. The name fields are
# checked too: a first-name field holding the whole name, or a pseudonym that is the real name, hides nothing.
TEXT_FIELDS = [
    ("title", gettext_lazy("title")),
    ("slug", gettext_lazy("slug")),
    ("seo_title", gettext_lazy("title for search engines")),
    ("search_description", gettext_lazy("search description")),
    ("listing_title", gettext_lazy("listing title")),
    ("listing_summary", gettext_lazy("listing summary")),
    ("social_text", gettext_lazy("social media text")),
    ("introduction", gettext_lazy("introduction")),
    ("storyteller_first_name", gettext_lazy("first name")),
    ("storyteller_family_name", gettext_lazy("family name")),
    ("storyteller_town", gettext_lazy("town")),
    ("storyteller_pseudonym", gettext_lazy("pseudonym")),
    ("as_told_to", gettext_lazy("“as told to”")),
    ("content_warning_note", gettext_lazy("content warning note")),
]
FIRST_NAME_LEVELS = (IdentityLevel.FIRST_NAME, IdentityLevel.FIRST_NAME_AND_TOWN)


def fold(text):
    """Text as the name check compares it: accents dropped (NFKD, without combining marks) and case folded,
    so "Zaïnab", "ZAINAB" and "zainab" are one word."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def name_words(text):
    """The words of a text, folded, split at anything that is not a letter: spaces, "-", "_", ".", "'",
    digits. "story_of_zainab-haidari2", "Zainab.Haidari.jpg" and "Zaïnab Haidari" all give the same names."""
    return re.findall(r"[^\W\d_]+", fold(text))


def shown_first_name(page, consent_words):
    """The one word of the real name a first-name level shows: the page's first-name field when it is a
    single word of the real name, otherwise the real name's first word."""
    page_words = name_words(page.storyteller_first_name)
    if len(page_words) == 1 and page_words[0] in consent_words:
        return page_words[0]
    return consent_words[0] if consent_words else None


def hidden_name_parts(page, consent):
    """Words of the real name that the page's identity level keeps off the site, folded (see `fold`).

    At a first-name level one word is shown and every other word of the real name is hidden, whatever the
    page's own name fields say; at the pseudonym and anonymous levels every word is hidden.
    """
    level = page.identity_level
    if level == IdentityLevel.FULL_NAME:
        return set()
    consent_words = name_words(consent.storyteller_name)
    parts = {word for word in consent_words if len(word) > 1}
    if level in FIRST_NAME_LEVELS:
        parts.discard(shown_first_name(page, consent_words))
    return parts


def reveals(text, parts):
    return bool(parts) and not parts.isdisjoint(name_words(text))


def image_fields_revealing(page, parts):
    """Labels for the images the story shows whose title, alt text or file name holds a hidden name part.

    Images are named by their number, never by their title, which may be the very thing that reveals.
    """
    image_ids = page.image_ids()
    if not image_ids:
        return []
    found = []
    for image in get_image_model().objects.filter(pk__in=image_ids).order_by("pk"):
        checks = [
            (image.title, _("the title of image %(id)s")),
            (getattr(image, "description", ""), _("the alt text of image %(id)s")),
            (image.file.name.rsplit("/", 1)[-1], _("the file name of image %(id)s")),
        ]
        found.extend(label % {"id": image.pk} for value, label in checks if reveals(value, parts))
    return found


def fields_revealing(page, parts):
    """Labels of the page's fields, and of its images, in which any of the hidden name parts is a word."""
    if not parts:
        return []
    found = [str(label) for field_name, label in TEXT_FIELDS if reveals(getattr(page, field_name, ""), parts)]
    if reveals(page.story_text(), parts):
        found.append(_("story (its text, quotes, captions, credits or image alt text)"))
    found.extend(image_fields_revealing(page, parts))
    return found


def consent_problems(page, today=None):
    """Why the consent record does not allow this version of the story to be on the website."""
    consent = ConsentRecord.objects.for_page(page)
    if consent is None:
        return [
            _(
                "This story has no consent record. Add one under Safeguarding › Consent records before it can be "
                "published."
            )
        ]
    if consent.status == ConsentRecord.Status.WITHDRAWN:
        return [_("The storyteller's consent was withdrawn: this story cannot be published again.")]
    problems = []
    if consent.status == ConsentRecord.Status.EXPIRED or consent.has_expired(today):
        problems.append(
            _("The consent expired on %(date)s. Renew it (a new expiry date) before publishing.")
            % {"date": formats.date_format(consent.valid_until)}
        )
    return problems + identity_problems(page, consent)


def identity_problems(page, consent):
    """Why the page shows more of the storyteller than their consent allows: not covered by the website,
    named at a level they did not agree to, or part of their real name in a field or image."""
    problems = []
    if not consent.covers_website:
        problems.append(_("The consent record does not cover the website."))
    if IdentityLevel.exposure(page.identity_level) > IdentityLevel.exposure(consent.identity_level):
        problems.append(
            _("The story names the storyteller by “%(page_level)s”, but they agreed only to “%(agreed)s”.")
            % {
                "page_level": IdentityLevel(page.identity_level).label,
                "agreed": IdentityLevel(consent.identity_level).label,
            }
        )
    revealing = fields_revealing(page, hidden_name_parts(page, consent))
    if revealing:
        problems.append(
            _(
                "Part of the storyteller's real name appears in the %(fields)s, although the identity level "
                "“%(level)s” hides it. Compare it with the name on the consent record and remove it."
            )
            % {
                "fields": ", ".join(str(field) for field in revealing),
                "level": IdentityLevel(page.identity_level).label,
            }
        )
        if page.identity_level in FIRST_NAME_LEVELS:
            problems.append(
                _(
                    "At this identity level the first name field holds one word: the first name the storyteller "
                    "agreed to show."
                )
            )
        elif page.identity_level == IdentityLevel.PSEUDONYM:
            problems.append(_("A pseudonym must not contain any part of the storyteller's real name."))
    return problems
