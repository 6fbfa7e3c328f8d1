"""Page privacy in every language: a translation gets at least its source page's privacy, its own restrictions
and those it inherits, whenever those change and wherever the source moves, so a members-only toolkit or
briefing, or a page moved into a members-only section, is never public in French or Arabic."""

import contextlib

import pytest

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from demo.factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory
from demo.factories.toolkits import MessagingGuidePageFactory, ToolkitIndexPageFactory
from privacy.rules import describe_specs, restriction_specs
from toolkits.models import ToolkitPage

pytestmark = pytest.mark.django_db

BODY = "Say people, not migrants."


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in ("fr", "el", "ar", "fa")}


@pytest.fixture
def toolkit_index(home_page):
    return ToolkitIndexPageFactory(
        parent=home_page, slug="toolkits", first_published_at=timezone.now(), last_published_at=timezone.now()
    )


@pytest.fixture
def make_guide(toolkit_index):
    def make(**kwargs):
        kwargs.setdefault("parent", toolkit_index)
        kwargs.setdefault("first_published_at", timezone.now())
        kwargs.setdefault("last_published_at", timezone.now())
        kwargs.setdefault("key_messages", [("message", BODY)])
        return MessagingGuidePageFactory(**kwargs)

    return make


def translate(page, locale):
    """As an editor does: copy into the locale (with any missing parents) and publish the copy."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def restrictions(page):
    return describe_specs(restriction_specs(page))


def rows(page):
    return PageViewRestriction.objects.filter(page=page).count()


def assert_gated(client, page):
    """Anonymous visitors get the 403 teaser, never the member content."""
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 403, page.url
    assert BODY not in response.content.decode()


def test_translating_a_members_only_toolkit__gives_one_members_restriction(make_guide, locales, client):
    """The box and Wagtail's copy used to give the French version two equivalent rows."""
    guide = make_guide(members_only=True)

    french = translate(guide, locales["fr"])

    assert french.url.startswith("/fr/")
    assert rows(french) == 1
    assert restrictions(french) == restrictions(guide) == "groups [Members]"
    assert ToolkitPage.objects.get(pk=french.pk).members_only
    assert_gated(client, french)


def test_restricting_the_source_after_translating__restricts_every_language(make_guide, locales, client, user, member):
    guide = make_guide(members_only=False)
    french = translate(guide, locales["fr"])
    arabic = translate(guide, locales["ar"])
    assert client.get(french.url).status_code == 200

    guide.members_only = True
    guide.save_revision().publish()

    for translation in (french, arabic):
        assert rows(translation) == 1
        assert restrictions(translation) == "groups [Members]"
        assert ToolkitPage.objects.get(pk=translation.pk).members_only
        assert_gated(client, translation)
        client.force_login(user)
        response = client.get(translation.url)
        assert response.status_code == 403
        assert BODY not in response.content.decode()
        client.force_login(member)
        response = client.get(translation.url)
        assert response.status_code == 200
        assert BODY in response.content.decode()


def test_removing_the_source_restriction__makes_every_translation_public(make_guide, locales, client):
    guide = make_guide(members_only=True)
    french = translate(guide, locales["fr"])
    arabic = translate(guide, locales["ar"])

    guide.members_only = False
    guide.save_revision().publish()

    for translation in (french, arabic):
        assert rows(translation) == 0
        assert not ToolkitPage.objects.get(pk=translation.pk).members_only
        response = client.get(translation.url)
        assert response.status_code == 200
        assert BODY in response.content.decode()


def test_changing_the_source_groups__changes_them_in_every_language(
    home_page, locales, restrict_to_group, member_group
):
    """An editor's privacy dialog on an ordinary page: the groups are saved after the restriction."""
    from demo.factories.home import StandardPageFactory

    page = StandardPageFactory(parent=home_page, slug="for-partners")
    french = translate(page, locales["fr"])
    greek = translate(page, locales["el"])
    restriction = restrict_to_group(page)
    editors = Group.objects.get(name="Editors")

    restriction.groups.add(editors)
    assert restrictions(french) == restrictions(greek) == "groups [Editors, Members]"

    restriction.groups.remove(member_group)
    assert restrictions(french) == restrictions(greek) == "groups [Editors]"

    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    restriction.groups.clear()
    assert restrictions(french) == restrictions(greek) == "login"

    restriction.delete()
    assert rows(french) == rows(greek) == 0


def test_restriction_added_on_a_translation_only__is_replaced_by_the_source(
    home_page, locales, restrict_to_group, django_capture_on_commit_callbacks
):
    """Editors change privacy on the source: what a translation gets on its own does not last."""
    from demo.factories.home import StandardPageFactory

    page = StandardPageFactory(parent=home_page, slug="about")
    restrict_to_group(page)
    french = translate(page, locales["fr"])
    editors = Group.objects.get(name="Editors")

    with django_capture_on_commit_callbacks(execute=True):
        extra = PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.GROUPS)
        extra.groups.add(editors)
    assert rows(french) == 1
    assert restrictions(french) == "groups [Members]"

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=french).delete()
    assert restrictions(french) == "groups [Members]"

    public = StandardPageFactory(parent=home_page, slug="public")
    public_french = translate(public, locales["fr"])
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=public_french, restriction_type=PageViewRestriction.LOGIN)
    assert rows(public_french) == 0


def test_restricting_an_ancestor_after_translating__gates_the_translated_subtree(make_guide, locales, client):
    guide = make_guide(members_only=False)
    arabic = translate(guide, locales["ar"])
    index = guide.get_parent()
    arabic_index = arabic.get_parent()

    restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)

    assert restrictions(arabic_index) == "login"
    assert rows(arabic) == 0
    client.logout()
    assert client.get(arabic.url).status_code == 403

    restriction.delete()
    assert rows(arabic_index) == 0
    assert client.get(arabic.url).status_code == 200


def test_deleting_the_source__leaves_translations_restricted(make_guide, locales):
    guide = make_guide(members_only=True)
    french = translate(guide, locales["fr"])

    guide.delete()

    assert restrictions(french) == "groups [Members]"


def test_briefing_translation__is_members_only(home_page, locales, client, member):
    index = BriefingIndexPageFactory(parent=home_page)
    briefing = PressBriefingPageFactory(parent=index)

    french = translate(briefing, locales["fr"])
    french_index = french.get_parent()

    assert rows(french_index) == 1
    assert restrictions(french_index) == "groups [Members]"
    assert french.url.startswith("/fr/")
    client.logout()
    assert client.get(french.url).status_code == 403
    client.force_login(member)
    assert client.get(french.url).status_code == 200


def test_check_command__reports_drift_and_fixes_it(make_guide, locales, capsys):
    """What the signals could not see (a bulk update, rows written with signals off) is caught by cron."""
    guide = make_guide(members_only=True)
    french = translate(guide, locales["fr"])
    call_command("check_translation_privacy")

    PageViewRestriction.objects.filter(page=french).update(restriction_type=PageViewRestriction.LOGIN)

    with pytest.raises(CommandError):
        call_command("check_translation_privacy")
    assert f"Privacy: fr {french.url}" in capsys.readouterr().out

    call_command("check_translation_privacy", "--fix")
    assert restrictions(french) == "groups [Members]"
    call_command("check_translation_privacy")


def test_check_command__a_story_keeps_one_consent_on_its_source_and_is_down_in_every_language(home_page, locales):
    """A story's consent is shared by its translations: attached to a translation, or withdrawn while a
    translation stays live, the storyteller's choice would not hold in that language."""
    from demo.factories.journeys import JourneyIndexPageFactory, JourneyPageFactory, publish_through_review
    from journeys.models import ConsentRecord, JourneyPage

    index = JourneyIndexPageFactory(parent=home_page, first_published_at=timezone.now())
    story = publish_through_review(JourneyPageFactory(parent=index, slug="story"))
    french = publish_through_review(story.copy_for_translation(locales["fr"], copy_parents=True))
    assert french.live
    record = ConsentRecord.objects.for_page(french)
    call_command("check_translation_privacy")

    ConsentRecord.objects.filter(pk=record.pk).update(journey=french)
    with pytest.raises(CommandError):
        call_command("check_translation_privacy")
    call_command("check_translation_privacy", "--fix")
    record.refresh_from_db()
    assert record.journey_id == story.pk

    # Withdrawn behind the take-down's back (a bulk update): the command takes the story down everywhere.
    ConsentRecord.objects.filter(pk=record.pk).update(status=ConsentRecord.Status.WITHDRAWN)
    with pytest.raises(CommandError):
        call_command("check_translation_privacy")
    call_command("check_translation_privacy", "--fix")
    assert not JourneyPage.objects.filter(translation_key=story.translation_key, live=True).exists()
    call_command("check_translation_privacy")


# Aliases in the source's own language: Page.create_alias, the admin's "Copy" with "alias" ticked.


@pytest.fixture
def editors_section(home_page):
    """A section only the Editors group may read: Wagtail copies no restriction onto an alias placed under a
    restricted parent, so an alias here used to have none of its own."""
    from demo.factories.home import StandardPageFactory

    section = StandardPageFactory(parent=home_page, slug="editors-corner")
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Editors"))
    return section


def assert_no_body(client, page, viewer=None):
    client.logout()
    if viewer is not None:
        client.force_login(viewer)
    response = client.get(page.url)
    assert response.status_code in (302, 403), (page.url, response.status_code)
    assert BODY not in response.content.decode()


def test_same_language_alias__gets_the_source_restrictions_at_creation(
    make_guide, editors_section, client, user, editor, django_capture_on_commit_callbacks
):
    guide = make_guide(members_only=True)

    with django_capture_on_commit_callbacks(execute=True):
        alias = guide.create_alias(parent=editors_section, update_slug="guide-alias")

    assert alias.locale_id == guide.locale_id
    assert alias.url.startswith("/en/editors-corner/")
    assert rows(alias) == 1
    assert restrictions(alias) == "groups [Members]"
    assert_no_body(client, alias)
    assert_no_body(client, alias, user)
    # An editor may read the section, not the members' guide it now holds.
    assert_no_body(client, alias, editor)

    # Lifting the section's restriction does not make the members' guide public under its new address.
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=editors_section).delete()
    assert_no_body(client, alias)
    assert_no_body(client, alias, user)


def test_same_language_alias__under_a_public_parent_has_one_restriction(
    home_page, restrict_to_group, client, user, django_capture_on_commit_callbacks
):
    from demo.factories.home import StandardPageFactory

    page = StandardPageFactory(parent=home_page, slug="members-notes", body=[("paragraph", RichText(BODY))])
    restrict_to_group(page)

    with django_capture_on_commit_callbacks(execute=True):
        alias = page.create_alias(parent=home_page, update_slug="members-notes-again")

    assert rows(alias) == 1
    assert restrictions(alias) == "groups [Members]"
    assert_no_body(client, alias)
    assert_no_body(client, alias, user)


def test_alias_made_in_the_admin_copy_view__gets_the_source_restrictions(
    home_page, editors_section, restrict_to_group, client, admin_user, user
):
    """The admin's Copy with "alias" ticked, as an editor makes it."""
    from demo.factories.home import StandardPageFactory

    guide = StandardPageFactory(parent=home_page, slug="members-notes", body=[("paragraph", RichText(BODY))])
    restrict_to_group(guide)
    client.force_login(admin_user)

    response = client.post(
        f"/admin/pages/{guide.pk}/copy/",
        {"new_title": guide.title, "new_slug": "guide-copy", "new_parent_page": editors_section.pk, "alias": "on"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    alias = guide.aliases.get()
    assert alias.url == "/en/editors-corner/guide-copy/"
    assert rows(alias) == 1
    assert restrictions(alias) == "groups [Members]"
    assert_no_body(client, alias)
    assert_no_body(client, alias, user)


def test_restricting_the_source_later__reaches_its_same_language_alias(
    make_guide, home_page, client, user, django_capture_on_commit_callbacks
):
    guide = make_guide(members_only=False)
    with django_capture_on_commit_callbacks(execute=True):
        alias = guide.create_alias(parent=home_page, update_slug="guide-alias")
    assert rows(alias) == 0

    guide.members_only = True
    guide.save_revision().publish()

    assert restrictions(alias) == "groups [Members]"
    assert_no_body(client, alias)
    assert_no_body(client, alias, user)


def test_converting_a_translation_to_an_alias__keeps_the_source_restrictions(
    make_guide, locales, client, django_capture_on_commit_callbacks
):
    """wagtail-localize's "convert to alias" saves only alias_of_id: the page must still follow its source."""
    guide = make_guide(members_only=True)
    french = translate(guide, locales["fr"])
    # A translation that drifted (written with signals off): converting it is a moment to repair it.
    PageViewRestriction.objects.filter(page=french).delete()
    assert rows(french) == 0

    with django_capture_on_commit_callbacks(execute=True):
        french.alias_of_id = guide.pk
        french.save(update_fields=["alias_of_id"], clean=False)

    assert restrictions(french) == "groups [Members]"
    assert_gated(client, french)


# Moving a source page: wagtail-localize moves no translation, so they follow it here (privacy.sync),
# and what a page inherits from its ancestors counts as much as its own restrictions.


@pytest.fixture
def members_section(home_page, restrict_to_group):
    from demo.factories.home import StandardPageFactory

    section = StandardPageFactory(
        parent=home_page, slug="members-area", first_published_at=timezone.now(), last_published_at=timezone.now()
    )
    restrict_to_group(section)
    return section


@pytest.fixture
def about(home_page, locales):
    """A public page with its French and Arabic translations, published."""
    from demo.factories.home import StandardPageFactory

    page = StandardPageFactory(
        parent=home_page,
        slug="about",
        body=[("paragraph", RichText(BODY))],
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
    )
    return page, translate(page, locales["fr"]), translate(page, locales["ar"])


def fresh(page):
    from wagtail.models import Page

    return Page.objects.get(pk=page.pk)


def assert_members_only_everywhere(client, user, member, pages):
    """Anonymous visitors and signed-in non-members get the teaser without the body, members read the page,
    the sitemap lists none of them and the check finds nothing to repair."""
    pages = [fresh(page) for page in pages]
    for page in pages:
        assert_no_body(client, page)
        assert_no_body(client, page, user)
        client.force_login(member)
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert BODY in response.content.decode()
    client.logout()
    sitemap = client.get("/sitemap.xml").content.decode()
    for page in pages:
        assert page.url not in sitemap
    call_command("check_translation_privacy")


def test_moving_the_source_under_a_members_section__moves_and_gates_its_translations(
    about, members_section, locales, client, user, member
):
    page, french, arabic = about
    french_section = translate(members_section, locales["fr"])  # no Arabic version of the section yet
    sitemap = client.get("/sitemap.xml").content.decode()
    assert fresh(french).url in sitemap and fresh(arabic).url in sitemap

    page.move(members_section, pos="last-child")

    french, arabic = fresh(french), fresh(arabic)
    assert french.get_parent().pk == french_section.pk
    assert french.url == "/fr/members-area/about/"
    # The section had no Arabic version: an alias of it was made there, with the section's restriction.
    arabic_section = arabic.get_parent()
    assert arabic_section.alias_of_id == members_section.pk
    assert arabic_section.locale_id == locales["ar"].pk
    assert restrictions(arabic_section) == "groups [Members]"
    assert arabic.url == "/ar/members-area/about/"
    # What they inherit gates them: no row of their own is needed.
    assert rows(french) == rows(arabic) == 0
    assert_members_only_everywhere(client, user, member, [page, french, arabic])


def test_moving_the_source_in_the_admin__moves_and_gates_its_translations(
    about, members_section, locales, admin_client, client, user, member
):
    from django.urls import reverse

    page, french, arabic = about
    french_section = translate(members_section, locales["fr"])
    arabic_section = translate(members_section, locales["ar"])

    response = admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, members_section.pk]))

    assert response.status_code == 302
    assert fresh(french).get_parent().pk == french_section.pk
    assert fresh(arabic).get_parent().pk == arabic_section.pk
    assert_members_only_everywhere(client, user, member, [page, french, arabic])


def test_moving_the_source__keeps_translation_slugs_unique(about, members_section, locales, home_page):
    from demo.factories.home import StandardPageFactory

    page, french, _arabic = about
    french_section = translate(members_section, locales["fr"])
    taken = StandardPageFactory(parent=french_section, slug="about", locale=locales["fr"])

    page.move(members_section, pos="last-child")

    french = fresh(french)
    assert french.get_parent().pk == french_section.pk
    assert french.slug == "about-1"
    assert french.url == "/fr/members-area/about-1/"
    assert fresh(taken).slug == "about"
    assert french.specific.get_latest_revision_as_object().slug == "about-1"


def test_moving_the_source_within_its_parent__moves_nothing(about, home_page):
    page, french, _arabic = about
    path = fresh(french).url_path

    page.move(home_page, pos="first-child")

    assert fresh(french).url_path == path


def test_a_translation_moved_out_of_the_members_section__keeps_the_restriction_its_source_inherits(
    about, members_section, locales, client, user
):
    page, french, _arabic = about
    translate(members_section, locales["fr"])
    page.move(members_section, pos="last-child")
    french_home = fresh(french).get_parent().get_parent()

    fresh(french).move(french_home, pos="last-child")

    french = fresh(french)
    assert french.url == "/fr/about/"
    assert restrictions(french) == "groups [Members]"
    assert_no_body(client, french)
    assert_no_body(client, french, user)

    # Back where it belongs, it inherits the restriction again and the extra row goes.
    french.move(fresh(page).get_parent().get_translation(locales["fr"]), pos="last-child")
    assert rows(french) == 0
    assert_no_body(client, fresh(french))


@contextlib.contextmanager
def moves_unnoticed():
    """Moves made as if with signals off (a script, an old release): the privacy sync does not hear of them."""
    from wagtail.models import get_page_models
    from wagtail.signals import post_page_move

    from privacy.receivers import page_moved

    uids = {model: f"privacy-moved-{model._meta.label_lower}" for model in get_page_models()}
    for model, uid in uids.items():
        assert post_page_move.disconnect(sender=model, dispatch_uid=uid)
    try:
        yield
    finally:
        for model, uid in uids.items():
            post_page_move.connect(page_moved, sender=model, dispatch_uid=uid)


def test_check_command__reports_a_translation_under_a_public_parent_and_fixes_it(
    about, members_section, locales, client, user, member, capsys
):
    page, french, arabic = about
    translate(members_section, locales["fr"])
    translate(members_section, locales["ar"])
    page.move(members_section, pos="last-child")
    call_command("check_translation_privacy")

    with moves_unnoticed():
        fresh(french).move(fresh(french).get_parent().get_parent(), pos="last-child")
    french = fresh(french)
    assert french.url == "/fr/about/"
    assert rows(french) == 0
    assert client.get(french.url).status_code == 200  # the leak the check is for

    with pytest.raises(CommandError):
        call_command("check_translation_privacy")
    out = capsys.readouterr().out
    assert f"Privacy: fr {french.url}" in out
    assert "inherits groups [Members]" in out

    call_command("check_translation_privacy", "--fix")
    assert restrictions(french) == "groups [Members]"
    assert_members_only_everywhere(client, user, member, [page, french, arabic])


def test_alias_moved_out_of_the_section_unnoticed__is_still_members_only(
    home_page, members_section, locales, client, user, member
):
    """An alias is served with everything the page it is an alias of gets, wherever the alias sits."""
    from demo.factories.home import StandardPageFactory

    page = StandardPageFactory(parent=members_section, slug="notes", body=[("paragraph", RichText(BODY))])
    greek = page.copy_for_translation(locales["el"], copy_parents=True, alias=True)
    greek_home = home_page.get_translation(locales["el"])
    with moves_unnoticed():
        fresh(greek).move(greek_home, pos="last-child")
    greek = fresh(greek)
    assert greek.get_parent().pk == greek_home.pk

    assert_no_body(client, greek)
    assert_no_body(client, greek, user)
    client.force_login(member)
    assert BODY in client.get(greek.url).content.decode()
    # Its own row, which keeps it out of listings, search and the sitemap, is what the check adds.
    with pytest.raises(CommandError):
        call_command("check_translation_privacy")
    call_command("check_translation_privacy", "--fix")
    call_command("check_translation_privacy")


def test_same_language_alias_outside_the_section__is_still_members_only(
    home_page, members_section, client, user, django_capture_on_commit_callbacks
):
    """An alias of a page that is members-only because its section is, placed outside the section: it is
    served with everything its original gets, so it stays members-only, and the check finds nothing."""
    from demo.factories.home import StandardPageFactory

    page = StandardPageFactory(parent=members_section, slug="notes", body=[("paragraph", RichText(BODY))])
    with django_capture_on_commit_callbacks(execute=True):
        alias = page.create_alias(parent=home_page, update_slug="notes-again")
    assert restrictions(alias) == "groups [Members]"  # keeps it out of listings, search and the sitemap

    assert_no_body(client, alias)
    assert_no_body(client, alias, user)
    call_command("check_translation_privacy")


def test_alias_of_an_alias_outside_the_section__is_still_members_only(home_page, members_section, client, user):
    from demo.factories.home import StandardPageFactory

    page = StandardPageFactory(parent=members_section, slug="inner", body=[("paragraph", RichText(BODY))])
    alias = page.create_alias(parent=home_page, update_slug="inner-alias")
    about = StandardPageFactory(parent=home_page, slug="about-us")
    alias_of_alias = alias.specific.create_alias(parent=about, update_slug="inner-alias-again")

    assert_no_body(client, alias)
    assert_no_body(client, alias_of_alias)
    assert_no_body(client, alias_of_alias, user)
