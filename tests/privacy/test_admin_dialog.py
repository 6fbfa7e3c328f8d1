"""The admin's Privacy dialog on a translation: privacy is set on the source page (privacy.sync),
so the dialog says so and changes nothing, instead of offering a form whose change would be undone."""

import pytest

from django.urls import reverse

from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from demo.factories.home import StandardPageFactory
from privacy.rules import describe_specs, restriction_specs

pytestmark = pytest.mark.django_db

BODY = "Minutes of the members' meeting."


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def members_page(home_page, restrict_to_group):
    page = StandardPageFactory(parent=home_page, slug="minutes", title="Minutes", body=[("paragraph", RichText(BODY))])
    restrict_to_group(page)
    return page


def translate(page, locale):
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def french_members_page(members_page, french):
    return translate(members_page, french)


def privacy_url(page):
    return reverse("wagtailadmin_pages:set_privacy", args=[page.pk])


def restrictions(page):
    return describe_specs(restriction_specs(page))


def dialog_html(response):
    return response.json()["html"]


def assert_members_only_in_french(client, page, user):
    client.logout()
    response = client.get(page.url)
    assert page.url.startswith("/fr/")
    assert response.status_code == 403
    assert BODY not in response.content.decode()
    client.force_login(user)
    response = client.get(page.url)
    assert response.status_code == 403
    assert BODY not in response.content.decode()


def test_dialog_on_a_translation__explains_and_links_to_the_source(admin_client, members_page, french_members_page):
    response = admin_client.get(privacy_url(french_members_page))

    assert response.status_code == 200
    html = dialog_html(response)
    assert "Privacy is set on the English page and applies to every translation" in html
    assert "This page is currently: members only (Members group)." in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[members_page.pk])}"' in html
    assert "<form" not in html
    assert 'name="restriction_type"' not in html
    assert "step" not in response.json()


def test_post_on_a_translation__changes_nothing_and_says_why(
    admin_client, client, user, members_page, french_members_page, django_capture_on_commit_callbacks
):
    before = list(PageViewRestriction.objects.filter(page=french_members_page).values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(privacy_url(french_members_page), {"restriction_type": "none"})

    assert response.status_code == 403
    html = dialog_html(response)
    assert "Nothing was changed." in html
    assert "Privacy is set on the English page" in html
    # The very same row: nothing was deleted and put back.
    assert list(PageViewRestriction.objects.filter(page=french_members_page).values_list("pk", flat=True)) == before
    assert restrictions(french_members_page) == "groups [Members]"
    assert_members_only_in_french(client, french_members_page, user)


def test_post_of_another_group_on_a_translation__changes_nothing(
    admin_client, members_page, french_members_page, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Editors")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            privacy_url(french_members_page), {"restriction_type": "groups", "groups": [editors.pk]}
        )

    assert response.status_code == 403
    assert restrictions(french_members_page) == "groups [Members]"


def test_dialog_on_the_source__is_wagtails_form_and_its_change_reaches_the_translation(
    admin_client, client, member, members_page, french_members_page, member_group, django_capture_on_commit_callbacks
):
    response = admin_client.get(privacy_url(members_page))
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy"
    assert 'name="restriction_type"' in dialog_html(response)
    assert "Privacy is set on the" not in dialog_html(response)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(privacy_url(members_page), {"restriction_type": "none"})
    assert response.json() == {"step": "set_privacy_done", "is_public": True}
    assert restrictions(members_page) == restrictions(french_members_page) == "public"
    client.logout()
    assert BODY in client.get(french_members_page.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            privacy_url(members_page), {"restriction_type": "groups", "groups": [member_group.pk]}
        )
    assert response.json() == {"step": "set_privacy_done", "is_public": False}
    assert restrictions(french_members_page) == "groups [Members]"
    assert client.get(french_members_page.url).status_code == 403
    client.force_login(member)
    assert BODY in client.get(french_members_page.url).content.decode()


def test_page_written_in_french_only__keeps_the_normal_dialog(
    admin_client, home_page, french, restrict_to_group, django_capture_on_commit_callbacks
):
    french_home = translate(home_page, french)
    page = StandardPageFactory(parent=french_home, slug="seulement-en-francais", locale=french)
    restrict_to_group(page)

    response = admin_client.get(privacy_url(page))
    assert response.json()["step"] == "set_privacy"
    assert 'name="restriction_type"' in dialog_html(response)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(privacy_url(page), {"restriction_type": "none"})
    assert response.json()["step"] == "set_privacy_done"
    assert restrictions(page) == "public"


def test_dialog_on_a_same_language_alias__explains_too(
    admin_client, home_page, members_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alias = members_page.create_alias(parent=home_page, update_slug="minutes-again")

    response = admin_client.get(privacy_url(alias))
    assert "Privacy is set on the English page" in dialog_html(response)

    response = admin_client.post(privacy_url(alias), {"restriction_type": "none"})
    assert response.status_code == 403
    assert restrictions(alias) == "groups [Members]"


def test_dialog_names_a_restriction_inherited_from_an_ancestor(admin_client, home_page, french, restrict_to_group):
    section = StandardPageFactory(parent=home_page, slug="section", title="Members' section")
    restrict_to_group(section)
    page = StandardPageFactory(parent=section, slug="inside")
    french_page = translate(page, french)

    html = dialog_html(admin_client.get(privacy_url(french_page)))

    assert "This page is currently: members only (Members group), set on" in html


def test_dialog_still_needs_the_permission_to_set_privacy(client, user, french_members_page):
    client.force_login(user)

    response = client.get(privacy_url(french_members_page))

    assert response.status_code in (302, 403)
    assert "Privacy is set on" not in response.content.decode()


def test_status_side_panel_on_a_translation__says_where_privacy_is_set(admin_client, members_page, french_members_page):
    translation_html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french_members_page.pk])).content
    source_html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[members_page.pk])).content

    assert "Set on the English page" in translation_html.decode()
    assert "Change privacy" not in translation_html.decode()
    assert "Change privacy" in source_html.decode()
    assert "Set on the English page" not in source_html.decode()


def _page_models():
    from wagtail.models import get_page_models

    return sorted(get_page_models(), key=lambda model: model._meta.label)


@pytest.mark.parametrize(
    "model",
    _page_models(),
    ids=lambda model: model._meta.label,
)
def test_every_page_type_gets_this_dialog(model):
    from django.urls import get_resolver

    from wagtail.admin.viewsets.pages import page_viewset_registry

    from privacy.admin_views import SetPrivacyView

    assert get_resolver().url_patterns  # viewsets register themselves when the admin URLs are first loaded
    assert issubclass(page_viewset_registry.get_by_type(model).set_privacy_view_class, SetPrivacyView)


def test_post_where_the_dialog_is_switched_off__changes_nothing(admin_client, home_page, client):
    """Toolkits set privacy with their "members only" box: Wagtail's dialog says "disabled" but took a POST."""
    from demo.factories.toolkits import MessagingGuidePageFactory, ToolkitIndexPageFactory

    index = ToolkitIndexPageFactory(parent=home_page, slug="toolkits")
    guide = MessagingGuidePageFactory(parent=index, members_only=True)
    assert restrictions(guide) == "groups [Members]"

    response = admin_client.post(privacy_url(guide), {"restriction_type": "none"})

    assert response.status_code == 403
    assert "disabled" in dialog_html(response)
    assert restrictions(guide) == "groups [Members]"


# What the dialog's override relies on in Wagtail: if an upgrade changes it, these fail first.


def test_upstream_privacy_view__dispatch_takes_page_id_and_hands_on_to_get_and_post():
    import inspect

    from django.views.generic.edit import ProcessFormView

    from wagtail.admin.views.page_privacy import SetPrivacyView as WagtailSetPrivacyView

    assert list(inspect.signature(WagtailSetPrivacyView.dispatch).parameters)[:3] == ["self", "request", "page_id"]
    assert issubclass(WagtailSetPrivacyView, ProcessFormView)  # whose dispatch calls get() or post()
    assert "self.page = " in inspect.getsource(WagtailSetPrivacyView.dispatch)


def test_upstream_privacy_templates__are_the_ones_overridden_here():
    import inspect

    from django.template.loader import get_template

    from wagtail.admin.ui import side_panels

    assert "wagtailadmin/shared/side_panels/includes/status/privacy.html" in inspect.getsource(side_panels)
    assert get_template("wagtailadmin/page_privacy/no_privacy.html")
    overridden = get_template("wagtailadmin/shared/side_panels/includes/status/privacy.html")
    assert "/privacy/templates/" in overridden.origin.name  # ours, found before Wagtail's
