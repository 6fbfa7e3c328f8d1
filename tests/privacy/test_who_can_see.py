"""`privacy.rules.who_can_see` says who may see a page and why; `privacy_changed` names every page whose
privacy a change touched, once it is committed, which is what a cache must purge."""

import weakref

import pytest

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch.dispatcher import NONE_ID
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.rich_text import RichText
from wagtail.signals import post_page_move

from demo.factories.briefings import BriefingIndexPageFactory
from demo.factories.home import StandardPageFactory
from demo.factories.toolkits import MessagingGuidePageFactory, ToolkitIndexPageFactory
from privacy import rules
from privacy.signals import privacy_changed

pytestmark = pytest.mark.django_db


def published(factory, **kwargs):
    now = timezone.now()
    return factory(first_published_at=now, last_published_at=now, **kwargs)


def translate(page, code):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def changes():
    """Every `privacy_changed` sent, as one set of page ids per signal."""
    sent = []

    def receiver(sender, pages, **kwargs):
        sent.append({page.pk for page in pages})

    privacy_changed.connect(receiver, dispatch_uid="test-privacy-changes")
    yield sent
    privacy_changed.disconnect(dispatch_uid="test-privacy-changes")


def changed_ids(sent):
    return set().union(*sent) if sent else set()


@pytest.fixture
def section(home_page):
    """A public section with a child page, both translated into French, and an alias of the child elsewhere."""
    section = published(StandardPageFactory, parent=home_page, slug="network", title="Network")
    child = published(
        StandardPageFactory, parent=section, slug="minutes", title="Minutes", body=[("paragraph", RichText("x"))]
    )
    french_section = translate(section, "fr")
    french_child = translate(child, "fr")
    alias = child.create_alias(parent=home_page, update_slug="minutes-alias")
    elsewhere = published(StandardPageFactory, parent=home_page, slug="elsewhere", title="Elsewhere")
    return {
        "section": section,
        "child": child,
        "french_section": french_section,
        "french_child": french_child,
        "alias": alias,
        "elsewhere": elsewhere,
    }


def restrict_as_the_admin_does(page, group):
    """The Privacy dialog saves the restriction, then its groups, in one transaction."""
    with transaction.atomic():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([group])
    return restriction


# Who can see this page, and why


def test_who_can_see__a_public_page_is_public(section):
    privacy = rules.who_can_see(section["child"])
    assert privacy.is_public and privacy.in_step
    assert privacy.reasons == []


def test_who_can_see__says_each_restriction_and_where_it_comes_from(section, member_group):
    restrict_as_the_admin_does(section["section"], member_group)
    members_only = (PageViewRestriction.GROUPS, "", frozenset({member_group.pk}))

    own = rules.who_can_see(section["section"])
    child = rules.who_can_see(section["child"])
    french_child = rules.who_can_see(section["french_child"])
    alias = rules.who_can_see(section["alias"])

    assert [(reason.spec, reason.kind) for reason in own.reasons] == [(members_only, rules.OWN)]
    assert [(reason.spec, reason.kind) for reason in child.reasons] == [(members_only, rules.INHERITED)]
    # The French child sits under the French section, which carries its source's row: it inherits it there.
    assert [(reason.spec, reason.kind) for reason in french_child.reasons] == [(members_only, rules.INHERITED)]
    assert french_child.source.pk == section["child"].pk
    # The alias sits outside the section: it must carry what its original inherits itself.
    assert [(reason.spec, reason.kind) for reason in alias.reasons] == [(members_only, rules.SOURCE_INHERITED)]
    assert alias.wanted_own == [members_only]
    for privacy in (own, child, french_child, alias):
        assert not privacy.is_public
        assert privacy.in_step
        assert privacy.group_ids == [frozenset({member_group.pk})]


def test_who_can_see__a_members_only_toolkit_is_so_by_its_page_type(home_page, member_group):
    index = published(ToolkitIndexPageFactory, parent=home_page, slug="toolkits")
    guide = published(MessagingGuidePageFactory, parent=index, members_only=True)
    french = translate(guide, "fr")

    assert [reason.kind for reason in rules.who_can_see(guide).reasons] == [rules.PAGE_TYPE]
    assert [reason.kind for reason in rules.who_can_see(french).reasons] == [rules.SOURCE]
    assert not rules.who_can_see(french).is_public


def test_who_can_see__notices_a_page_whose_rows_drifted(home_page, member_group):
    """Rows deleted with signals off: the page type still says members-only, and the check says so too."""
    archive = published(BriefingIndexPageFactory, parent=home_page, slug="briefings")
    restrictions = PageViewRestriction.objects.filter(page=archive)
    PageViewRestriction.groups.through.objects.filter(pageviewrestriction__in=restrictions)._raw_delete("default")
    restrictions._raw_delete("default")

    privacy = rules.who_can_see(archive)

    assert not privacy.in_step
    assert privacy.wanted_own == [(PageViewRestriction.GROUPS, "", frozenset({member_group.pk}))]


# What changed, for a cache to purge


def test_restricting_a_section__names_it_its_subtree_and_every_language_once_committed(
    section, member_group, changes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        restrict_as_the_admin_does(section["section"], member_group)
    assert changes == [], "nothing may be purged before the change is committed"
    for callback in callbacks:
        callback()

    expected = {section[name].pk for name in ("section", "child", "french_section", "french_child", "alias")}
    assert changed_ids(changes) >= expected
    assert section["elsewhere"].pk not in changed_ids(changes)
    assert section["elsewhere"].get_parent().pk not in changed_ids(changes)


def test_lifting_a_restriction__names_every_page_that_became_public(
    section, member_group, changes, django_capture_on_commit_callbacks
):
    restriction = restrict_as_the_admin_does(section["section"], member_group)
    changes.clear()

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    assert changed_ids(changes) >= {section[name].pk for name in ("section", "child", "french_child", "alias")}
    assert rules.who_can_see(section["alias"]).is_public


def test_ticking_a_toolkits_box__names_it_and_its_translation(
    home_page, member_group, changes, django_capture_on_commit_callbacks
):
    index = published(ToolkitIndexPageFactory, parent=home_page, slug="toolkits")
    guide = published(MessagingGuidePageFactory, parent=index, members_only=False)
    french = translate(guide, "fr")

    with django_capture_on_commit_callbacks(execute=True):
        guide.members_only = True
        guide.save_revision().publish()

    assert {guide.pk, french.pk} <= changed_ids(changes)
    assert index.pk not in changed_ids(changes)


def test_moving_a_page_into_a_members_section__names_it_in_every_language(
    section, member_group, home_page, changes, django_capture_on_commit_callbacks
):
    restrict_as_the_admin_does(section["section"], member_group)
    page = published(StandardPageFactory, parent=home_page, slug="report", title="Report")
    french = translate(page, "fr")
    changes.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.move(section["section"], pos="last-child")

    assert {page.pk, french.pk} <= changed_ids(changes)
    assert not rules.who_can_see(Page.objects.get(pk=french.pk)).is_public


def test_a_briefing_archives_restriction_deleted__comes_back_and_is_named(
    home_page, changes, django_capture_on_commit_callbacks
):
    archive = published(BriefingIndexPageFactory, parent=home_page, slug="briefings")
    changes.clear()

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=archive).delete()

    assert rules.who_can_see(archive).in_step
    assert not rules.who_can_see(archive).is_public
    assert archive.pk in changed_ids(changes)


def test_changes_that_leave_privacy_alone__name_nothing(section, changes, django_capture_on_commit_callbacks):
    """A purge for every publish would empty the cache at each edit: only privacy changes are named here."""
    with django_capture_on_commit_callbacks(execute=True):
        section["child"].save_revision().publish()
        section["french_child"].save_revision().publish()
        section["alias"].refresh_from_db()
        section["alias"].title = "Minutes (alias)"
        section["alias"].save()
        section["section"].save_revision()

    assert changes == []


# Registered in one place, each with a sender

PROJECT_APPS = ("home", "members", "news", "toolkits", "briefings", "journeys", "privacy")


@pytest.mark.parametrize("signal", [pre_save, post_save, pre_delete, post_delete, m2m_changed])
def test_no_model_signal_receiver_of_the_site_runs_for_every_model(signal):
    """A receiver connected without a sender ran for every model saved anywhere (users, images, sessions):
    each of the site's receivers names the model it is for."""
    without_sender = []
    for (_receiver_key, sender_key), receiver, _is_async in signal.receivers:
        function = receiver() if isinstance(receiver, weakref.ReferenceType) else receiver
        module = getattr(function, "__module__", "") or ""
        if sender_key == NONE_ID and module.split(".")[0] in PROJECT_APPS:
            without_sender.append(f"{module}.{function.__qualname__}")
    assert without_sender == []


def test_every_page_type_is_kept_in_step():
    """Receivers are connected per page type: a page type added later gets them too (they are connected
    from the list of page models when the site starts)."""
    for model in get_page_models():
        functions = {receiver.__qualname__ for receiver in post_save._live_receivers(model)[0]}
        assert "page_saved" in functions, model._meta.label
        functions = {receiver.__qualname__ for receiver in post_page_move._live_receivers(model)[0]}
        assert "page_moved" in functions, model._meta.label


def test_saving_an_ordinary_page__reads_no_privacy(section):
    """Only aliases and pages that decide their own privacy are looked at when saved: an editor's save of
    any other page costs no privacy query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = section["child"]
    page.title = "Minutes of March"
    with CaptureQueriesContext(connection) as queries:
        page.save()

    assert not [query for query in queries if "pageviewrestriction" in query["sql"]]
