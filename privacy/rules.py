"""Who may see a page, and why: the one place that answers it (`who_can_see`).

Wagtail's page privacy, PageViewRestriction rows, is the single source of truth: serving, listings and search
(`.public()`), feeds, the sitemap, the API and the admin all read those rows. Which rows a page must carry
follows from four rules:

1. Page type. Some pages decide their own privacy: a toolkit is members-only when its "members only" box is
   ticked, a press briefing archive always is (`BasePage.members_only_setting`). Such a page carries a group
   restriction that includes the Members group when its setting says so, and no restriction naming the
   Members group alone when it says not. Every other page's own rows are set by editors in the Privacy dialog
   (restricted to groups only: `BasePage.private_page_options`).
2. Ancestors. A page gets every restriction on its ancestors (Wagtail checks them all when serving, and
   `.public()` leaves out a page under any of them). An ancestor that is an alias counts as the page it shows.
3. Languages. The version of a page in the default language (`settings.LANGUAGE_CODE`), its source, is the
   authority: a translation carries the source's own restrictions, plus each one the source inherits that the
   translation does not inherit itself. So a translation is never more public than its source, wherever it
   sits. A change made on a translation itself is undone; a translation that inherits more than its source
   (it sits under a stricter section) keeps that. A page with no version in the default language answers to
   rules 1 and 2 only.
4. Aliases. An alias is served with everything its original gets (`BasePage.get_view_restrictions`) and
   carries the same rows as a translation of its original does, so listings and search leave it out too.

`privacy.sync` is the only code that writes rows, and only what `who_can_see` says; the receivers that call it
are all in `privacy.receivers`. `manage.py check_translation_privacy` reports every page whose rows are not
what `who_can_see` says. After any change, `privacy.signals.privacy_changed` names every page whose privacy
changed, which is what a cache purges.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db.models import Q

from wagtail.models import Locale, Page, PageViewRestriction

from members.access import members_group

# Where a restriction a page gets comes from.
OWN = "own"  # set on this page in the Privacy dialog
PAGE_TYPE = "page type"  # the page decides its own privacy (rule 1)
INHERITED = "inherited"  # on an ancestor (rule 2)
SOURCE = "source"  # the source page's own (rules 3 and 4)
SOURCE_INHERITED = "source inherited"  # inherited by the source, not by this page (rules 3 and 4)


def restriction_spec(restriction):
    """What makes two restrictions equivalent: their type, password and groups (never the row id)."""
    return (
        restriction.restriction_type,
        restriction.password or "",
        frozenset(group.pk for group in restriction.groups.all()),
    )


def page_restrictions(page):
    page_id = page.pk if isinstance(page, Page) else page
    return list(PageViewRestriction.objects.filter(page_id=page_id).prefetch_related("groups").order_by("pk"))


def restriction_specs(page):
    """The page's own restrictions as a multiset of specs: two equal rows count twice."""
    return Counter(restriction_spec(restriction) for restriction in page_restrictions(page))


def _resolve_alias(pk, alias_of_id):
    """The page an alias (of an alias...) shows; `pk` itself for a page that is no alias."""
    seen = {pk}
    while alias_of_id and alias_of_id not in seen:
        seen.add(alias_of_id)
        pk = alias_of_id
        alias_of_id = Page.objects.filter(pk=pk).values_list("alias_of_id", flat=True).first()
    return pk


def _ancestor_ids(page):
    """The pages whose restrictions `page` inherits, as Wagtail resolves them when serving."""
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path), steplen)]
    return {
        _resolve_alias(pk, alias_of_id)
        for pk, alias_of_id in Page.objects.filter(path__in=paths).values_list("pk", "alias_of_id")
    }


def inherited_specs(page):
    """The restrictions `page` gets from its ancestors, as a set of specs (two equal ones restrict as one)."""
    restrictions = PageViewRestriction.objects.filter(page_id__in=_ancestor_ids(page)).prefetch_related("groups")
    return {restriction_spec(restriction) for restriction in restrictions}


def _spec_key(spec):
    restriction_type, password, groups = spec
    return (restriction_type, password, sorted(groups))


def source_of(page):
    """The page in the default locale that `page` is a translation (or an alias) of; the page itself when it is
    the source; None when there is no version in the default locale."""
    key = page.translation_key
    if page.alias_of_id:
        key = Page.objects.filter(pk=page.alias_of_id).values_list("translation_key", flat=True).first() or key
    return (
        Page.objects.filter(translation_key=key, locale_id=Locale.get_default().pk, alias_of__isnull=True)
        .order_by("pk")
        .first()
    )


def copies_of(source):
    """Every translation of the source page in every locale, and every alias of any of them."""
    key = source.translation_key
    return (
        Page.objects.filter(Q(translation_key=key) | Q(alias_of__translation_key=key))
        .exclude(pk=source.pk)
        .order_by("path")
    )


def members_only_setting(page):
    """Rule 1: True or False when the page decides whether it is members-only, None when editors do."""
    specific = page.specific_deferred if type(page) is Page else page
    setting = getattr(specific, "members_only_setting", None)
    return setting() if callable(setting) else None


def apply_page_type(specs, setting):
    """The own restrictions `specs` (a list) after rule 1: with the Members group in a group restriction when
    `setting` is True (added to the first group restriction, or a new one), without restrictions naming the
    Members group alone when it is False; unchanged when it is None."""
    if setting is None:
        return list(specs)
    group_id = members_group().pk
    only_members = (PageViewRestriction.GROUPS, "", frozenset({group_id}))
    if setting is False:
        return [spec for spec in specs if not (spec[0] == PageViewRestriction.GROUPS and spec[2] == only_members[2])]
    if any(spec[0] == PageViewRestriction.GROUPS and group_id in spec[2] for spec in specs):
        return list(specs)
    for index, (restriction_type, password, groups) in enumerate(specs):
        if restriction_type == PageViewRestriction.GROUPS:
            return [*specs[:index], (restriction_type, password, groups | {group_id}), *specs[index + 1 :]]
    return [*specs, only_members]


@dataclass(frozen=True)
class Reason:
    """One restriction a page gets, and why: `kind` is OWN, PAGE_TYPE, INHERITED, SOURCE or SOURCE_INHERITED."""

    spec: tuple
    kind: str


@dataclass
class PagePrivacy:
    """What `who_can_see` says of one page."""

    page: Page
    source: Page | None  # the default-locale page it follows; None when it follows none (or is the source)
    own: Counter  # the restrictions the page carries now (a multiset of specs)
    inherited: set  # the restrictions it gets from its ancestors now
    wanted_own: list  # the restrictions the page itself must carry
    reasons: list = field(default_factory=list)  # every restriction it must get, each with its Reason

    @property
    def in_step(self):
        """The page's own rows are what the rules say."""
        return self.own == Counter(self.wanted_own)

    @property
    def is_public(self):
        """Nobody needs to sign in or belong to a group to see it (once its rows are in step)."""
        return not self.wanted_own and not self.inherited

    @property
    def group_ids(self):
        """The groups a visitor must be in: one of each group restriction's groups (Wagtail's rule)."""
        return [spec[2] for spec in {reason.spec for reason in self.reasons} if spec[0] == PageViewRestriction.GROUPS]


def who_can_see(page, source_privacy=None):
    """Who may see `page` and why: the restrictions it must carry itself and those it gets, by the four rules
    above. Reads the database; `page` may be a plain Page or a specific one. `source_privacy`, its source's
    answer when already known, saves asking again for each copy of one source."""
    own = restriction_specs(page)
    inherited = inherited_specs(page)
    if source_privacy is None:
        source = source_of(page)
        if source is not None and source.pk != page.pk:
            source_privacy = who_can_see(source)
    if source_privacy is not None:
        source_own = source_privacy.wanted_own
        missing = sorted(set(source_privacy.inherited) - inherited - set(source_own), key=_spec_key)
        wanted = [*source_own, *missing]
        reasons = [Reason(spec, SOURCE) for spec in source_own] + [Reason(spec, SOURCE_INHERITED) for spec in missing]
    else:
        setting = members_only_setting(page)
        wanted = apply_page_type(sorted(own.elements(), key=_spec_key), setting)
        reasons = [Reason(spec, OWN if setting is None else PAGE_TYPE) for spec in wanted]
    reasons += [Reason(spec, INHERITED) for spec in sorted(inherited, key=_spec_key)]
    return PagePrivacy(
        page=page,
        source=source_privacy.page if source_privacy is not None else None,
        own=own,
        inherited=inherited,
        wanted_own=wanted,
        reasons=reasons,
    )


def page_label(page):
    """How a page is named in reports: its language, URL and id."""
    return f"{page.locale.language_code} {page.get_url() or page.url_path} (page {page.pk})"


def describe_specs(specs):
    """A short human description of restrictions, for reports: "public", or "groups [Members]; login"."""
    if not specs:
        return "public"
    names = dict(Group.objects.values_list("pk", "name"))
    parts = []
    for (restriction_type, _password, groups), count in sorted(Counter(specs).items(), key=str):
        text = restriction_type
        if groups:
            text += " [" + ", ".join(sorted(names.get(pk, str(pk)) for pk in groups)) + "]"
        parts.extend([text] * count)
    return "; ".join(parts)
