"""The "Share your journey" form.

Everything a storyteller sends is checked here before anything is stored: a photo must really be an image
(opened and verified with Pillow, whatever its name says), and it is rewritten without its metadata, so a
GPS position in a phone photo never reaches our storage. Name fields the chosen identity level does not use
are dropped, so a name is not kept where the storyteller did not mean it to be shown.

Every field that could identify the storyteller has `autocomplete="off"`, names included: many stories are
sent from a shared or family device, and a browser that remembers a name and offers it to the next person
would reveal who sent a story. Here that safety outweighs the convenience of autofill.

Django 5.2 adds `aria-invalid` and `aria-describedby` to each widget; the shared template
`members/includes/field.html` renders the ids they point at.
"""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from home.image_safety import strip_metadata
from journeys.stories.models import IdentityLevel

from .models import StorySubmission

OTHER_LANGUAGE = "other"

# Pillow's name for each accepted format, and the extension the stored file gets (never the visitor's own).
# Many phones save photos as MPO (a JPEG with previews attached): stored as the plain JPEG of the photo itself.
ACCEPTED_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp", "HEIF": "heic"}
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif"

# The submission's own name fields, for each identity level (the levels are shared with story pages).
SUBMISSION_NAME_FIELDS = ("first_name", "family_name", "town", "pseudonym")
NAME_FIELDS_FOR_LEVEL = {
    IdentityLevel.FULL_NAME: ("first_name", "family_name"),
    IdentityLevel.FIRST_NAME_AND_TOWN: ("first_name", "town"),
    IdentityLevel.FIRST_NAME: ("first_name",),
    IdentityLevel.PSEUDONYM: ("pseudonym",),
    IdentityLevel.ANONYMOUS: (),
}


@dataclass
class CleanPhoto:
    """A photo that passed every check, as the bytes we store (metadata already gone)."""

    content: bytes
    extension: str
    width: int
    height: int


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several files in one input; each is checked by the form, which knows the limits."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultiplePhotoField, self).clean(file, initial) for file in files if file]


def language_choices():
    return [*settings.LANGUAGES, (OTHER_LANGUAGE, _("Another language"))]


def read_photo(upload, max_bytes):
    """Return a CleanPhoto, or raise ValidationError saying what is wrong with this one file."""
    name = upload.name or ""
    if upload.size > max_bytes:
        raise forms.ValidationError(
            _("“%(name)s” is larger than %(size)s MB. Choose a smaller photo."),
            params={"name": name, "size": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    not_an_image = forms.ValidationError(
        _("“%(name)s” is not a photo we can accept. Choose a JPEG, PNG, WebP or HEIC image."),
        params={"name": name},
        code="not_an_image",
    )
    try:
        with warnings.catch_warnings():
            # A picture of billions of pixels is a way to exhaust the server's memory, not a photo.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as image:
                image_format = image.format
                image.verify()
            if image_format not in ACCEPTED_FORMATS:
                raise not_an_image
            clean = strip_metadata(upload)
            with Image.open(io.BytesIO(clean)) as image:
                image.load()
                width, height = image.size
    except forms.ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise not_an_image from error
    except (OSError, SyntaxError, ValueError, TypeError, EOFError) as error:  # broken or truncated files
        raise not_an_image from error
    return CleanPhoto(content=clean, extension=ACCEPTED_FORMATS[image_format], width=width, height=height)


class ShareJourneyForm(forms.Form):
    story = forms.CharField(
        label=_("Your story"),
        max_length=20_000,
        help_text=_(
            "Write in your own words, as much or as little as you like. Leave out anything that could put you "
            "or your family at risk."
        ),
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": _("Write your story: it is the one thing we need.")},
    )
    title = forms.CharField(
        label=_("A title for your story"),
        max_length=200,
        required=False,
        help_text=_("If you have one in mind. We can choose one with you."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        required=False,
        help_text=_(
            "Up to %(count)s photos, each up to %(size)s MB (JPEG, PNG, WebP or HEIC). We remove the hidden "
            "details photos carry, such as where they were taken. Think about faces, street signs and "
            "landmarks before you send one."
        ),
    )
    identity_level = forms.ChoiceField(
        label=_("How would you like to be named if your story is published?"),
        choices=IdentityLevel.choices,
        widget=forms.RadioSelect,
        help_text=_("Only what you choose here is ever shown. You can change your mind before publication."),
        error_messages={"required": _("Choose how you would like to be named.")},
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=60,
        required=False,
        help_text=_("Needed if you chose your full name, first name and town, or first name only."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    family_name = forms.CharField(
        label=_("Family name"),
        max_length=80,
        required=False,
        help_text=_("Needed only if you chose your full name."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    town = forms.CharField(
        label=_("Town or city"),
        max_length=80,
        required=False,
        help_text=_(
            "Needed only if you chose first name and town. A town or city, never an address or a small village."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=60,
        required=False,
        help_text=_("Needed only if you chose a pseudonym: a name you choose, which we show as a pseudonym."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    contact = forms.CharField(
        label=_("How can we contact you?"),
        max_length=200,
        required=False,
        help_text=_(
            "An email address or phone number, if you would like us to talk to you about your story. Only our "
            "Safeguarding team sees it. Leave it empty to stay out of touch: we cannot then publish your story "
            "without speaking to you first, but we read every one."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    language = forms.ChoiceField(
        label=_("Language of your story"),
        choices=language_choices,
        error_messages={"required": _("Choose the language your story is written in.")},
    )
    other_language = forms.CharField(
        label=_("Which language?"),
        max_length=60,
        required=False,
        help_text=_("Only if you chose “Another language”."),
    )
    consents_to_website = forms.BooleanField(
        label=_("I agree that IMIX may publish my story on its website, named as I chose above."),
        error_messages={
            "required": _("Tick this box to let us publish your story on the website, or we cannot use it.")
        },
    )
    consents_to_social_media = forms.BooleanField(
        label=_("IMIX may also share my story on social media."),
        required=False,
    )
    consents_to_press = forms.BooleanField(
        label=_("IMIX may also offer my story to journalists, who would contact me through IMIX first."),
        required=False,
    )
    understands_withdrawal = forms.BooleanField(
        label=_("I understand I can ask for my story to be withdrawn at any time."),
        error_messages={"required": _("Tick this box to show you know you can ask us to withdraw your story.")},
    )
    age_confirmation = forms.ChoiceField(
        label=_("Your age"),
        choices=StorySubmission.AgeConfirmation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us whether you are 18 or over.")},
    )
    guardian_name = forms.CharField(
        label=_("Name of your parent or guardian"),
        max_length=200,
        required=False,
        help_text=_("Only if you are under 18."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    # A honeypot: hidden from people and from assistive technology, so only form-filling robots complete it.
    homepage = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["homepage"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["photos"].help_text = self.fields["photos"].help_text % {
            "count": settings.JOURNEYS_SUBMISSION_MAX_PHOTOS,
            "size": settings.JOURNEYS_SUBMISSION_MAX_PHOTO_MB,
        }
        self.clean_photos_list = []

    @property
    def is_spam(self):
        return bool(self.data.get("homepage", "").strip())

    @property
    def photos_chosen(self):
        """How many files the visitor chose: after an error they are gone, and the page says so."""
        if not self.is_bound:
            return 0
        return len([file for file in self.files.getlist("photos") if file])

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "homepage"]

    def name_fields(self):
        return [self[name] for name in SUBMISSION_NAME_FIELDS]

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        limit = settings.JOURNEYS_SUBMISSION_MAX_PHOTOS
        again = _("Choose your photos again.")
        if len(photos) > limit:
            message = ngettext(
                "You can send at most %(limit)d photo; you chose %(count)d.",
                "You can send at most %(limit)d photos; you chose %(count)d.",
                limit,
            ) % {"limit": limit, "count": len(photos)}
            raise forms.ValidationError(f"{message} {again}", code="too_many")
        errors, clean = [], []
        max_bytes = settings.JOURNEYS_SUBMISSION_MAX_PHOTO_MB * 1024 * 1024
        for upload in photos:
            try:
                clean.append(read_photo(upload, max_bytes))
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError([*errors, again])
        self.clean_photos_list = clean
        return photos

    def clean(self):
        cleaned = super().clean()
        level = cleaned.get("identity_level")
        if level:
            needed = NAME_FIELDS_FOR_LEVEL[IdentityLevel(level)]
            labels = {"first_name": _("first name"), "family_name": _("family name"), "town": _("town or city")}
            for name in SUBMISSION_NAME_FIELDS:
                value = (cleaned.get(name) or "").strip()
                if name not in needed:
                    cleaned[name] = ""  # typed, then another level chosen: not kept
                elif not value and name not in self.errors:
                    if name == "pseudonym":
                        message = _("Enter the pseudonym you would like to be known by.")
                    else:
                        message = _("Enter your %(field)s, or choose another way to be named.") % {
                            "field": labels[name]
                        }
                    self.add_error(name, message)
                else:
                    cleaned[name] = value
        if cleaned.get("language") == OTHER_LANGUAGE and not (cleaned.get("other_language") or "").strip():
            self.add_error("other_language", _("Tell us which language your story is written in."))
        needs_guardian = cleaned.get("age_confirmation") == StorySubmission.AgeConfirmation.GUARDIAN
        if needs_guardian and not (cleaned.get("guardian_name") or "").strip() and "guardian_name" not in self.errors:
            self.add_error("guardian_name", _("Enter the name of the parent or guardian who agrees."))
        return cleaned

    def submission_fields(self):
        data = self.cleaned_data
        language = data["language"]
        if language == OTHER_LANGUAGE:
            language = data["other_language"].strip()
        guardian = data["age_confirmation"] == StorySubmission.AgeConfirmation.GUARDIAN
        return {
            "title": data["title"].strip(),
            "story": data["story"].strip(),
            "identity_level": data["identity_level"],
            **{name: data[name] for name in SUBMISSION_NAME_FIELDS},
            "contact": data["contact"].strip(),
            "language": language,
            "consents_to_website": data["consents_to_website"],
            "consents_to_social_media": data["consents_to_social_media"],
            "consents_to_press": data["consents_to_press"],
            "understands_withdrawal": data["understands_withdrawal"],
            "age_confirmation": data["age_confirmation"],
            "guardian_name": data["guardian_name"].strip() if guardian else "",
        }
