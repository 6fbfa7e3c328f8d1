"""An editor translates any page or snippet in the admin with wagtail-localize, as translators work here:
"Translate" to French, download the PO file, translate it offline, upload it, and publish; the French reader
then reads the French text. Every page type and every translatable snippet goes through the same steps."""

import html

import polib
import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory
from demo.factories.home import NavigationMenuFactory, StandardPageFactory
from demo.factories.journeys import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    JourneyThemeFactory,
    SafeguarderFactory,
    ShareJourneyPageFactory,
    approve_review,
    publish_through_review,
)
from demo.factories.news import AuthorFactory, BlogCategoryFactory, BlogIndexPageFactory, BlogPageFactory
from demo.factories.toolkits import (
    MessagingGuidePageFactory,
    QAToolkitPageFactory,
    ToolkitIndexPageFactory,
    TopicFactory,
)
from home.models import NavigationMenu
from journeys.models import JourneyPage
from journeys.review.guard import PublicationRefused

pytestmark = pytest.mark.django_db

EDITOR_TEMPLATE = "wagtail_localize/admin/edit_translation.html"


def in_french(text):
    """What the translator writes: recognisably the French version of the English string."""
    return f"FR· {text}"


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def translator(django_user_model):
    """A member of staff in Wagtail's Moderators group, who may translate and publish; not a superuser."""
    moderator = django_user_model.objects.create_user(email="moderator@example.org", password="a-long-password")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    assert moderator.has_perm("wagtail_localize.submit_translation")
    return moderator


@pytest.fixture
def translator_client(client, translator):
    client.force_login(translator)
    return client


@pytest.fixture
def pages(home_page):
    """One live page of every type, in English, as editors leave them."""
    now = {"first_published_at": timezone.now(), "last_published_at": timezone.now()}
    news = BlogIndexPageFactory(parent=home_page, **now)
    toolkits = ToolkitIndexPageFactory(parent=home_page, slug="toolkits", **now)
    briefings = BriefingIndexPageFactory(parent=home_page, **now)
    journeys = JourneyIndexPageFactory(parent=home_page, **now)
    story = publish_through_review(JourneyPageFactory(parent=journeys, slug="a-story"))
    return {
        "home": home_page,
        "standard": StandardPageFactory(parent=home_page, slug="about", **now),
        "blog_index": news,
        "blog_post": BlogPageFactory(parent=news, **now),
        "toolkit_index": toolkits,
        "messaging_guide": MessagingGuidePageFactory(parent=toolkits, members_only=False, **now),
        "qa_toolkit": QAToolkitPageFactory(parent=toolkits, members_only=True, **now),
        "briefing_index": briefings,
        "briefing": PressBriefingPageFactory(parent=briefings),
        "journey_index": journeys,
        "journey": story,
        "share_journey": ShareJourneyPageFactory(parent=journeys, **now),
    }


def page_types():
    from django.apps import apps

    return sorted(
        f"{model._meta.app_label}.{model.__name__}"
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model.is_creatable
    )


def test_every_page_type_is_covered(pages):
    """A new page type must be added to `pages` above, so that it is translated in these tests too."""
    covered = sorted({f"{page._meta.app_label}.{type(page).__name__}" for page in pages.values()})
    assert covered == page_types()


def submit_for_translation(client, url, locale):
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def download_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return polib.pofile(response.content.decode())


def translate_po(po):
    """The translator's work: every string translated (slugs stay slugs)."""
    for entry in po:
        entry.msgstr = f"{entry.msgid}-fr" if entry.msgctxt == "slug" else in_french(entry.msgid)
    return po


def upload_po(client, translation, po, next_url):
    upload = SimpleUploadedFile("translated.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == next_url
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def editor_opens(client, edit_url, *expected_strings):
    """The edit view of a translation is wagtail-localize's translation editor, showing the source strings."""
    response = client.get(edit_url)
    assert response.status_code == 200
    assert EDITOR_TEMPLATE in [template.name for template in response.templates]
    props = html.unescape(response.content.decode()).replace("\\u0026", "&")
    for text in expected_strings:
        assert text in props, text
    return response


def translation_of(instance, locale):
    source = TranslationSource.objects.get_for_instance(instance)
    return Translation.objects.get(source=source, target_locale=locale)


def round_trip(client, source_instance, edit_url_of, submit_url, locale, expected=None):
    """Translate `source_instance` into `locale` in the admin, by PO file; return its translation record.

    `expected` is a text the translator must be offered (the title or name, unless given)."""
    expected = expected or str(source_instance)
    submit_for_translation(client, submit_url, locale)
    target = source_instance.get_translation(locale)
    edit_url = edit_url_of(target)
    translation = translation_of(source_instance, locale)
    editor_opens(client, edit_url, expected)

    po = download_po(client, translation)
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert expected in [html.unescape(entry.msgid) for entry in po]
    feedback = upload_po(client, translation, translate_po(po), edit_url)
    assert "Successfully imported translations from PO File." in feedback
    strings = translation.source.stringsegment_set.count()
    assert (
        strings
        and StringTranslation.objects.filter(locale=locale, translation_of__segments__source=translation.source)
        .distinct()
        .count()
        == strings
    )
    return translation, edit_url


def publish(client, edit_url, capture_on_commit):
    """The translation editor's "Publish" button; wagtail-localize publishes once the transaction commits."""
    with capture_on_commit(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def translate_page(client, source, locale):
    """Translate a page by PO file, its parents first put in the language as aliases (as "Translate" does)."""
    for ancestor in source.get_ancestors().filter(depth__gt=1):
        if not ancestor.has_translation(locale):
            ancestor.specific.copy_for_translation(locale, copy_parents=True, alias=True)
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    return round_trip(client, source, page_edit_url, submit_url, locale)


def page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "standard",
        "blog_index",
        "blog_post",
        "toolkit_index",
        "messaging_guide",
        "briefing_index",
        "briefing",
        "journey_index",
        "share_journey",
    ],
)
def test_translate_page__by_po_file_and_publish_shows_the_french_text_to_readers(
    kind, pages, translator_client, french, client, member, django_capture_on_commit_callbacks
):
    source = pages[kind]
    translation, edit_url = translate_page(translator_client, source, french)
    target = source.get_translation(french).specific
    assert not target.live, "a new translation is a draft until the translator publishes it"

    feedback = publish(translator_client, edit_url, django_capture_on_commit_callbacks)
    assert f"Published '{in_french(source.title)}' in French." in [html.unescape(text) for text in feedback]
    target.refresh_from_db()
    assert target.live
    assert target.title == in_french(source.title)
    assert target.url.startswith("/fr/")

    translator_client.logout()
    if source.get_view_restrictions().exists():
        client.force_login(member)  # the press briefings are for members, in every language
    page = client.get(target.url)
    assert page.status_code == 200
    text = html.unescape(page.content.decode())
    assert in_french(source.title) in text
    assert '<html lang="fr"' in text


def test_translate_members_only_page__published_french_is_members_only(
    pages, translator_client, french, client, member, django_capture_on_commit_callbacks
):
    source = pages["qa_toolkit"]
    translation, edit_url = translate_page(translator_client, source, french)
    publish(translator_client, edit_url, django_capture_on_commit_callbacks)
    target = source.get_translation(french).specific
    assert target.live and target.members_only
    translator_client.logout()

    secret = in_french("Because there are almost no safe routes.")  # an answer, which only members read
    anonymous = client.get(target.url)
    assert secret not in html.unescape(anonymous.content.decode())
    client.force_login(member)
    assert secret in html.unescape(client.get(target.url).content.decode())


def test_translate_journey__publish_in_the_editor_sends_it_to_the_safeguarding_review(
    pages, translator_client, french, client, django_capture_on_commit_callbacks
):
    source = pages["journey"]
    translation, edit_url = translate_page(translator_client, source, french)
    target = JourneyPage.objects.get(translation_key=source.translation_key, locale=french)

    # The names the original shows are not the translator's to change: not even offered in the PO file.
    offered = {entry.msgid for entry in download_po(translator_client, translation)}
    for field in ("storyteller_first_name", "storyteller_family_name", "storyteller_pseudonym", "storyteller_town"):
        value = getattr(source, field)
        if value:
            assert value not in offered, field
    assert target.identity_level == source.identity_level
    assert target.storyteller_first_name == source.storyteller_first_name

    feedback = publish(translator_client, edit_url, django_capture_on_commit_callbacks)
    assert any("sent to the Safeguarding review" in text for text in feedback), feedback
    target.refresh_from_db()
    assert not target.live
    state = target.current_workflow_state
    assert state is not None and state.current_task_state.revision_id == target.latest_revision_id
    assert target.get_latest_revision_as_object().title == in_french(source.title)

    translator_client.logout()
    assert target.url.startswith("/fr/")
    assert client.get(target.url).status_code == 404, "the French story waits for the review"

    # A member of the Safeguarding group approves the French text, and it is on the site.
    approve_review(target, SafeguarderFactory())
    target.refresh_from_db()
    assert target.live
    assert in_french(source.title) in html.unescape(client.get(target.url).content.decode())


def approved_story_translation(client, source, locale, capture_on_commit):
    """A story translated by PO file, sent to the review from the editor and approved: live."""
    translation, edit_url = translate_page(client, source, locale)
    publish(client, edit_url, capture_on_commit)
    target = JourneyPage.objects.get(translation_key=source.translation_key, locale=locale)
    approve_review(target, SafeguarderFactory())
    target.refresh_from_db()
    return translation, edit_url, target


def test_translate_journey__an_approved_translation_changed_again_is_reviewed_again(
    pages, translator_client, french, client, django_capture_on_commit_callbacks
):
    source = pages["journey"]
    translation, edit_url, target = approved_story_translation(
        translator_client, source, french, django_capture_on_commit_callbacks
    )

    po = download_po(translator_client, translation)
    for entry in po:
        if entry.msgid == source.title:
            entry.msgstr = "Un titre qui a changé"
    upload_po(translator_client, translation, po, edit_url)
    publish(translator_client, edit_url, django_capture_on_commit_callbacks)
    target.refresh_from_db()
    assert target.live and target.title == in_french(source.title), "the approved text stays until reviewed"
    assert target.current_workflow_state is not None


def test_live_story__text_written_straight_into_the_page_is_refused(pages):
    """What "sync translations" without publishing would do to a live story: its reviewed text must stay."""
    story = JourneyPage.objects.get(pk=pages["journey"].pk)
    story.title = "Unreviewed words"
    with pytest.raises(PublicationRefused):
        story.save()
    story.refresh_from_db()
    assert story.title != "Unreviewed words"

    # A draft of the change is fine: it waits for the Safeguarding review.
    story.title = "Unreviewed words"
    story.save_revision()
    story.refresh_from_db()
    assert story.live and story.title != "Unreviewed words" and story.has_unpublished_changes


def snippet_edit_url(instance):
    return reverse(f"wagtailsnippets_{instance._meta.app_label}_{instance._meta.model_name}:edit", args=[instance.pk])


def snippet_submit_url(instance):
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[instance._meta.app_label, instance._meta.model_name, instance.pk],
    )


SNIPPETS = {
    "topic": lambda: TopicFactory(name="Asylum"),
    "blog_category": lambda: BlogCategoryFactory(name="Positive stories"),
    "author": lambda: AuthorFactory(name="Sam Jones", role="Communications officer"),
    "journey_theme": lambda: JourneyThemeFactory(name="Finding work"),
    "primary_menu": lambda: NavigationMenuFactory(
        location=NavigationMenu.Location.PRIMARY,
        items=[("link", {"label": "Our work", "page": None, "url": "https://imix.org.uk/work/"})],
    ),
    "footer_menu": lambda: NavigationMenuFactory(
        location=NavigationMenu.Location.FOOTER,
        items=[("link", {"label": "Privacy notice", "page": None, "url": "https://imix.org.uk/privacy/"})],
    ),
}


@pytest.mark.parametrize("kind", list(SNIPPETS))
def test_translate_snippet__by_po_file_and_publish(
    kind, home_page, translator_client, french, django_capture_on_commit_callbacks
):
    source = SNIPPETS[kind]()
    offered = source.items[0].value["label"] if isinstance(source, NavigationMenu) else str(source)
    translation, edit_url = round_trip(
        translator_client, source, snippet_edit_url, snippet_submit_url(source), french, expected=offered
    )
    publish(translator_client, edit_url, django_capture_on_commit_callbacks)
    target = type(source).objects.get(translation_key=source.translation_key, locale=french)
    for field in ("name", "role"):
        if getattr(source, field, ""):
            assert getattr(target, field) == in_french(getattr(source, field))


def test_translated_menu__french_readers_see_french_labels(
    home_page, translator_client, french, client, django_capture_on_commit_callbacks
):
    labels = ["What we do", "Get involved"]
    menu = NavigationMenuFactory(
        location=NavigationMenu.Location.PRIMARY,
        items=[
            ("link", {"label": label, "page": None, "url": f"https://imix.org.uk/{n}/"})
            for n, label in enumerate(labels)
        ],
    )
    french_home = home_page.copy_for_translation(french)
    french_home.save_revision().publish()
    translation, edit_url = round_trip(
        translator_client, menu, snippet_edit_url, snippet_submit_url(menu), french, expected=labels[0]
    )
    publish(translator_client, edit_url, django_capture_on_commit_callbacks)
    translator_client.logout()

    text = html.unescape(client.get("/fr/").content.decode())
    for label in labels:
        assert in_french(label) in text


def test_po_upload__a_file_for_another_translation_or_not_a_po_file_changes_nothing(pages, translator_client, french):
    source = pages["standard"]
    home = pages["home"]
    submit_for_translation(
        translator_client, reverse("wagtail_localize:submit_page_translation", args=[home.pk]), french
    )
    submit_for_translation(
        translator_client, reverse("wagtail_localize:submit_page_translation", args=[source.pk]), french
    )
    about = translation_of(source, french)
    other = translation_of(home, french)
    edit_url = page_edit_url(source.get_translation(french))

    wrong = translate_po(download_po(translator_client, other))
    feedback = upload_po(translator_client, about, wrong, edit_url)
    assert "Cannot import PO file that was created for a different translation." in feedback

    garbage = SimpleUploadedFile("notes.po", b"\x00\xff not a po file", content_type="text/plain")
    response = translator_client.post(
        reverse("wagtail_localize:upload_pofile", args=[about.pk]), {"file": garbage, "next": edit_url}
    )
    assert response.status_code == 302
    assert not StringTranslation.objects.filter(locale=french).exists()


def test_po_download__refused_to_a_signed_in_non_editor(pages, translator_client, french, client, user):
    source = pages["standard"]
    submit_for_translation(
        translator_client, reverse("wagtail_localize:submit_page_translation", args=[source.pk]), french
    )
    translation = translation_of(source, french)
    client.force_login(user)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code in (302, 403)
    assert b"msgid" not in response.content


def test_machine_translation_is_off_without_a_key(pages, translator_client, french, settings):
    assert not getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
    source = pages["standard"]
    submit_for_translation(
        translator_client, reverse("wagtail_localize:submit_page_translation", args=[source.pk]), french
    )
    translation = translation_of(source, french)
    editor = translator_client.get(page_edit_url(source.get_translation(french)))
    assert "&quot;machineTranslator&quot;: null" in editor.content.decode()

    response = translator_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": page_edit_url(source.get_translation(french))},
        follow=True,
    )
    assert response.status_code == 404
    assert not StringTranslation.objects.filter(locale=french).exists()


def test_an_editor_translates_but_publishing_is_for_moderators(
    pages, client, editor, french, django_capture_on_commit_callbacks
):
    """Wagtail's Editors group may translate (submit, upload a PO file, save) but not publish, in any language."""
    assert editor.has_perm("wagtail_localize.submit_translation")
    client.force_login(editor)
    source = pages["standard"]
    translation, edit_url = translate_page(client, source, french)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})
    target = source.get_translation(french)
    assert not target.live


LOCAL_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def test_machine_translation__when_configured_never_sends_a_story(
    pages, translator_client, french, settings, django_capture_on_commit_callbacks
):
    """With a machine translator configured (here wagtail-localize's local dummy, never an outside service),
    ordinary pages may use it; a story about a person at risk is never sent."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = LOCAL_TRANSLATOR
    for kind in ("standard", "journey"):
        source = pages[kind]
        if not source.get_parent().has_translation(french):
            source.get_parent().specific.copy_for_translation(french, copy_parents=True, alias=True)
        submit_for_translation(
            translator_client, reverse("wagtail_localize:submit_page_translation", args=[source.pk]), french
        )
    about, story = translation_of(pages["standard"], french), translation_of(pages["journey"], french)

    translator_client.post(reverse("wagtail_localize:machine_translate", args=[about.pk]), {"next": "/admin/"})
    assert StringTranslation.objects.filter(locale=french, translation_of__segments__source=about.source).exists()

    response = translator_client.post(reverse("wagtail_localize:machine_translate", args=[story.pk]))
    assert response.status_code == 302
    assert "Stories are never sent to a machine translation service." in [
        str(message) for message in get_messages(response.wsgi_request)
    ]
    assert not StringTranslation.objects.filter(locale=french, translation_of__segments__source=story.source).exists()


def test_sync_translations__never_publishes_a_story_translation(
    pages, translator_client, french, client, django_capture_on_commit_callbacks
):
    source = pages["journey"]
    translation, edit_url, target = approved_story_translation(
        translator_client, source, french, django_capture_on_commit_callbacks
    )
    target.refresh_from_db()
    reviewed_title = target.title

    # The English story changes (reviewed and published), and an editor syncs with "Publish immediately".
    source.title = "A new English title"
    source.save_revision()
    publish_through_review(JourneyPage.objects.get(pk=source.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"publish_translations": "on"},
            follow=True,
        )
    assert response.status_code == 200
    assert any("Safeguarding review" in str(message) for message in response.context["messages"])
    translation.source.refresh_from_db()
    assert translation.source.stringsegment_set.filter(string__data="A new English title").exists()
    target.refresh_from_db()
    assert target.live and target.title == reviewed_title
