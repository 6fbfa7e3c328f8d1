"""Every language a toolkit's document may be translated into, by BCP 47 code, with its English and native names.

Django's `LANG_INFO` supplies most of them (and which are written right to left). Partners translate into
languages Django does not know, spoken by many people the network works with, so those are added here.
Codes are stored as BCP 47 tags: "zh-Hans", "sr-Latn", "pt-BR", "ti".
"""

from dataclasses import dataclass
from functools import cache

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# (code, English name, native name, written right to left)
EXTRA_LANGUAGES = [
    ("am", "Amharic", "አማርኛ", False),
    ("ff", "Fula", "Fulfulde", False),
    ("gu", "Gujarati", "ગુજરાતી", False),
    ("ha", "Hausa", "Hausa", False),
    ("kmr", "Kurdish (Kurmanji)", "Kurmancî", False),
    ("ln", "Lingala", "Lingála", False),
    ("om", "Oromo", "Afaan Oromoo", False),
    ("prs", "Dari", "دری", True),
    ("ps", "Pashto", "پښتو", True),
    ("rn", "Kirundi", "Ikirundi", False),
    ("rom", "Romani", "Romani čhib", False),
    ("rw", "Kinyarwanda", "Ikinyarwanda", False),
    ("sd", "Sindhi", "سنڌي", True),
    ("si", "Sinhala", "සිංහල", False),
    ("so", "Somali", "Soomaali", False),
    ("ti", "Tigrinya", "ትግርኛ", False),
    ("tig", "Tigre", "ትግረ", False),
    ("yi", "Yiddish", "ייִדיש", True),
    ("yo", "Yoruba", "Yorùbá", False),
]


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    name_local: str
    bidi: bool

    @property
    def direction(self):
        return "rtl" if self.bidi else "ltr"


def to_bcp47(code):
    """Django's lower-case codes as BCP 47 tags: "zh-hans" → "zh-Hans", "pt-br" → "pt-BR"."""
    language, *subtags = code.replace("_", "-").split("-")
    parts = [language.lower()]
    for subtag in subtags:
        if len(subtag) == 4 and subtag.isalpha():
            parts.append(subtag.title())
        elif len(subtag) == 2 and subtag.isalpha():
            parts.append(subtag.upper())
        else:
            parts.append(subtag.lower())
    return "-".join(parts)


@cache
def languages():
    """{BCP 47 code: Language}, every language a version may be in."""
    found = {}
    for code, info in LANG_INFO.items():
        if "name" not in info:  # a fallback entry ("zh-cn" → "zh-hans")
            continue
        tag = to_bcp47(info.get("code", code))
        found[tag] = Language(tag, info["name"], info["name_local"], info.get("bidi", False))
    for code, name, name_local, bidi in EXTRA_LANGUAGES:
        found.setdefault(code, Language(code, name, name_local, bidi))
    return found


def get_language(code):
    """The Language for a stored code (any letter case), or None."""
    if not code:
        return None
    return languages().get(to_bcp47(code))


def language_choices():
    """("ar", "Arabic — العربيّة"), ... sorted by English name, for the editor's select."""
    ordered = sorted(languages().values(), key=lambda language: language.name.casefold())
    return [
        (
            language.code,
            f"{language.name} — {language.name_local}" if language.name_local != language.name else language.name,
        )
        for language in ordered
    ]


def validate_language_code(value):
    if value not in languages():
        raise ValidationError(
            _("“%(value)s” is not a language code in the list. Choose the language from the list."),
            code="unknown_language",
            params={"value": value},
        )
