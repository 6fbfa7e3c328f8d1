"""A toolkit's document in other languages: the grid members see, the editor's checks, downloads that stay
members-only and are counted, and "Request a language" with the staff's view of the requests."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from demo.factories.home import DocumentFactory
from demo.factories.toolkits import MemberDocumentFactory
from members.models import Organisation
from toolkits.languages import get_language, language_choices, to_bcp47
from toolkits.models import DocumentDownload, LanguageRequest, ToolkitDocumentLanguage

pytestmark = pytest.mark.django_db

VERSIONS = [
    # (code, translator, date)
    ("uk", "Ukrainian Welcome Centre", datetime.date(2024, 5, 2)),
    ("ar", "Translators Without Borders", datetime.date(2025, 3, 3)),
    ("cy", "Cyfieithu Cymru", datetime.date(2023, 11, 20)),
    ("ti", "Eritrean Community in the UK", datetime.date(2024, 9, 9)),
    ("en-GB", "IMIX", datetime.date(2024, 1, 15)),
]


def add_versions(page, *, members_only=False, codes=None):
    factory = MemberDocumentFactory if members_only else DocumentFactory
    versions = {}
    for code, credit, date in VERSIONS:
        if codes and code not in codes:
            continue
        data = b"%PDF-1.4 " + b"x" * 2039
        document = factory(
            title=f"{page.title} ({code})", file=ContentFile(data, name=f"{code}.pdf"), file_size=len(data)
        )
        versions[code] = ToolkitDocumentLanguage.objects.create(
            page=page, document=document, language=code, translator_credit=credit, translated_on=date
        )
    return versions


def download(client, url):
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


# The list of languages


def test_languages__come_from_djangos_list_and_the_languages_partners_translate_into():
    assert to_bcp47("zh-hans") == "zh-Hans" and to_bcp47("pt-br") == "pt-BR" and to_bcp47("sr-latn") == "sr-Latn"
    arabic, tigrinya, dari = get_language("ar"), get_language("ti"), get_language("prs")
    assert (arabic.name, arabic.name_local, arabic.direction) == ("Arabic", "العربيّة", "rtl")
    assert (tigrinya.name, tigrinya.name_local, tigrinya.direction) == ("Tigrinya", "ትግርኛ", "ltr")
    assert dari.direction == "rtl" and get_language("ur").direction == "rtl" and get_language("he").bidi
    choices = dict(language_choices())
    assert choices["ti"] == "Tigrinya — ትግርኛ" and choices["zh-Hans"].startswith("Simplified Chinese")
    assert "zh-hans" not in choices, "codes are stored as BCP 47 tags"
    names = [get_language(code).name for code, _label in language_choices()]
    assert names == sorted(names, key=str.casefold)


def test_version__with_a_code_not_in_the_list_is_refused(make_guide):
    guide = make_guide()
    version = ToolkitDocumentLanguage(
        page=guide, document=DocumentFactory(), language="klingon", translator_credit="Someone"
    )
    with pytest.raises(ValidationError) as error:
        version.full_clean()
    assert "language" in error.value.message_dict


# The grid


def test_grid__lists_each_version_with_native_name_lang_dir_credit_date_file_and_download(client, make_guide):
    guide = make_guide(title="Talking about housing")
    versions = add_versions(guide)

    response = client.get(guide.url)

    assert response.status_code == 200
    html = main(response.content.decode())
    assert '<h2 id="languages-heading">This guide in other languages</h2>' in html
    assert '<ul class="toolkit-languages__list">' in html
    assert '<h3 class="toolkit-language__name" lang="ar" dir="rtl">العربيّة</h3>' in html
    assert '<h3 class="toolkit-language__name" lang="ti" dir="ltr">ትግርኛ</h3>' in html
    assert '<h3 class="toolkit-language__name" lang="uk" dir="ltr">Українська</h3>' in html
    assert '<h3 class="toolkit-language__name" lang="cy" dir="ltr">Cymraeg</h3>' in html
    assert "Translators Without Borders" in html and "Eritrean Community in the UK" in html
    assert '<time datetime="2025-03-03">3 March 2025</time>' in html
    assert f'href="{versions["ar"].document.url}"' in html and 'hreflang="ar"' in html
    assert "Download the Arabic version" in html and "(PDF, 2.0\xa0KB)" in html
    # Sorted by English name, with the page's own language (English) first.
    order = [
        html.index(f'<p class="toolkit-language__english">{name}</p>')
        for name in ("British English", "Arabic", "Tigrinya", "Ukrainian", "Welsh")
    ]
    assert order == sorted(order)


def test_grid__is_absent_when_a_toolkit_has_no_versions(client, make_guide):
    html = client.get(make_guide().url).content.decode()
    assert "in other languages" not in html


def test_grid__on_a_qa_toolkit_is_called_this_toolkit(client, make_qa):
    qa = make_qa()
    add_versions(qa, codes={"ar"})
    html = client.get(qa.url).content.decode()
    assert "This toolkit in other languages" in html and "العربيّة" in html


# Members-only toolkits


@pytest.fixture
def members_guide(make_guide):
    guide = make_guide(title="Talking about Channel crossings", members_only=True)
    return guide, add_versions(guide, members_only=True)


def test_members_only__versions_are_absent_from_the_teaser(client, user, members_guide):
    guide, versions = members_guide
    for visitor in (None, user):
        if visitor:
            client.force_login(visitor)
        response = client.get(guide.url)
        assert response.status_code == 403
        html = response.content.decode()
        assert guide.summary in html
        assert "in other languages" not in html and "ትግርኛ" not in html and "Translators Without Borders" not in html
        assert versions["ar"].document.url not in html
        assert "Request a language" not in html


def test_members_only__version_documents_are_refused_to_anonymous_visitors_and_non_members(client, user, members_guide):
    _guide, versions = members_guide
    url = versions["ti"].document.url

    anonymous = download(client, url)
    client.force_login(user)
    non_member = download(client, url)

    assert anonymous.status_code == 403 and non_member.status_code == 403
    assert "This document is for members of the network" in non_member.content.decode()
    assert not DocumentDownload.objects.exists()


def test_members_only__a_member_sees_the_grid_and_downloads_a_version_which_is_counted(client, member, members_guide):
    guide, versions = members_guide
    client.force_login(member)

    page = client.get(guide.url)
    html = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert '<h3 class="toolkit-language__name" lang="ar" dir="rtl">العربيّة</h3>' in html
    response = download(client, versions["ar"].document.url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    row = DocumentDownload.objects.get()
    assert (row.document, row.organisation, row.user, row.count) == (
        versions["ar"].document,
        member.organisation,
        member,
        1,
    )


# The page editor


def guide_form_data(guide, versions, **changes):
    fields = {
        "title": guide.title,
        "slug": guide.slug,
        "summary": guide.summary,
        "last_reviewed": "2020-10-01",
        "context": rich_text("<p>Context.</p>"),
        "key_messages": streamfield([]),
        "framing": streamfield([]),
        "recommended_terms": streamfield([]),
        "evidence": streamfield([]),
        "examples": streamfield([]),
        "downloads": streamfield([]),
        "related_toolkits": streamfield([]),
        "language_versions": inline_formset(versions),
        "action-publish": "publish",
        **changes,
    }
    if guide.members_only:
        fields["members_only"] = "on"
    return nested_form_data(fields)


def version_data(code, document, credit="A translator"):
    return {"language": code, "document": document.pk, "translator_credit": credit, "translated_on": "2024-05-02"}


def test_editor__adds_language_versions_in_the_page_editor(admin_client, client, make_guide):
    guide = make_guide(title="Talking about housing")
    arabic, welsh = DocumentFactory(), DocumentFactory()

    response = admin_client.post(
        f"/admin/pages/{guide.pk}/edit/",
        guide_form_data(guide, [version_data("ar", arabic), version_data("cy", welsh, "Cyfieithu Cymru")]),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(guide.language_versions.values_list("language", flat=True)) == ["ar", "cy"]
    assert "Cyfieithu Cymru" in client.get(guide.url).content.decode()


def test_editor__the_form_offers_every_language_by_english_and_native_name(admin_client, make_guide):
    guide = make_guide()
    html = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert "Language version" in html
    assert '<option value="ti">Tigrinya — ትግርኛ</option>' in html


def test_editor__a_second_version_in_the_same_language_is_refused(admin_client, make_guide):
    guide = make_guide()

    response = admin_client.post(
        f"/admin/pages/{guide.pk}/edit/",
        guide_form_data(guide, [version_data("ar", DocumentFactory()), version_data("ar", DocumentFactory())]),
    )

    assert response.status_code == 200
    assert "There is already a version in Arabic. Each language can be offered once." in response.content.decode()
    assert not guide.language_versions.exists()


def test_editor__a_members_only_toolkit_refuses_a_document_anyone_could_download(admin_client, make_guide):
    guide = make_guide(members_only=True)

    response = admin_client.post(
        f"/admin/pages/{guide.pk}/edit/", guide_form_data(guide, [version_data("uk", DocumentFactory())])
    )

    assert response.status_code == 200
    assert "this document is not: anyone could download it" in response.content.decode()
    assert not guide.language_versions.exists()


# Request a language


def request_language(client, page, language):
    return client.post(page.url, {"action": "request-language", "language": language})


def test_request__a_member_asks_for_a_language_and_is_thanked(client, member, make_guide):
    guide = make_guide(title="Talking about housing")
    client.force_login(member)

    page = client.get(guide.url)
    assert "no-store" in page["Cache-Control"]
    assert "Request a language" in page.content.decode() and "csrfmiddlewaretoken" in page.content.decode()
    response = request_language(client, guide, "  Tigrinya ")

    assert response.status_code == 302 and response["Location"].endswith("#request-language")
    assert "no-store" in response["Cache-Control"]
    saved = LanguageRequest.objects.get()
    assert (saved.toolkit_id, saved.language, saved.user, saved.organisation, saved.status) == (
        guide.pk,
        "Tigrinya",
        member,
        member.organisation,
        "open",
    )
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you: we have noted your request for a version in Tigrinya." in thanks
    assert "noted your request" not in client.get(guide.url).content.decode(), "thanked once"


def test_request__the_same_request_from_the_same_organisation_is_refused_politely(
    client, member, django_user_model, make_guide
):
    guide = make_guide()
    colleague = django_user_model.objects.create_user(
        email="colleague@example.org",
        password="a-long-password",
        organisation=member.organisation,
        membership_status=django_user_model.MembershipStatus.APPROVED,
    )
    client.force_login(member)
    request_language(client, guide, "Tigrinya")

    client.force_login(colleague)
    response = request_language(client, guide, "tigrinya")

    assert response.status_code == 400
    html = response.content.decode()
    assert "your organisation has already asked for this toolkit in tigrinya" in html
    assert 'value="tigrinya"' in html, "what was typed is kept"
    assert LanguageRequest.objects.count() == 1


def test_request__another_organisation_or_another_language_is_a_new_request(
    client, member, django_user_model, make_guide
):
    guide = make_guide()
    client.force_login(member)
    request_language(client, guide, "Tigrinya")
    request_language(client, guide, "Pashto")
    other = django_user_model.objects.create_user(
        email="other@example.org",
        password="a-long-password",
        organisation=Organisation.objects.create(name="Calais Aid"),
        membership_status=django_user_model.MembershipStatus.APPROVED,
    )
    client.force_login(other)
    request_language(client, guide, "Tigrinya")

    assert LanguageRequest.objects.count() == 3


def test_request__bad_input_is_refused_and_kept(client, member, make_guide):
    guide = make_guide()
    client.force_login(member)

    response = request_language(client, guide, "1234")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Type the name of a language, for example Tigrinya." in html and 'value="1234"' in html
    assert 'aria-invalid="true"' in html
    assert not LanguageRequest.objects.exists()


def test_request__anonymous_visitors_and_non_members_are_refused_and_told_how_to_join(client, user, make_guide):
    guide = make_guide()

    page = client.get(guide.url).content.decode()
    assert "Sign in to request a language" in page and "Apply to join" in page
    assert 'name="language"' not in page
    response = request_language(client, guide, "Tigrinya")
    assert response.status_code == 403
    assert "Only members of the network can request a language. Nothing was sent." in response.content.decode()

    client.force_login(user)
    assert request_language(client, guide, "Tigrinya").status_code == 403
    assert not LanguageRequest.objects.exists()


def test_request__on_a_members_only_toolkit_anonymous_visitors_get_the_teaser(client, make_guide):
    guide = make_guide(members_only=True)
    assert request_language(client, guide, "Tigrinya").status_code == 403
    assert not LanguageRequest.objects.exists()


def test_request__needs_the_csrf_token(member, make_guide):
    guide = make_guide()
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = request_language(client, guide, "Tigrinya")

    assert response.status_code == 403
    assert not LanguageRequest.objects.exists()


# What staff see


def test_staff__see_requests_counted_by_language_and_listed(client, member, editor, make_guide):
    guide = make_guide(title="Talking about housing")
    client.force_login(member)
    request_language(client, guide, "Tigrinya")
    request_language(client, guide, "Pashto")
    client.force_login(editor)

    report = client.get("/admin/reports/language-requests/")
    listing = client.get("/admin/toolkits/language-requests/")

    assert report.status_code == 200
    html = report.content.decode()
    assert '<th scope="row">Tigrinya</th><td>1</td><td>1</td><td>1</td>' in html
    assert "Talking about housing" in html and "Kent Refugee Action" in html
    assert listing.status_code == 200 and "Pashto" in listing.content.decode()


def test_staff__nobody_adds_a_request_in_the_admin_and_members_cannot_see_them(client, member, admin_client):
    assert admin_client.get("/admin/toolkits/language-requests/add/").status_code in (302, 403)
    client.force_login(member)
    assert client.get("/admin/reports/language-requests/").status_code in (302, 403)


def test_downloads_report__lists_a_toolkits_language_versions(admin_client, members_guide):
    guide, versions = members_guide
    guide.save_revision().publish()  # the reference index is updated when the page is saved

    html = admin_client.get("/admin/reports/toolkit-downloads/").content.decode()

    assert versions["ti"].document.title in html and versions["ar"].document.title in html
