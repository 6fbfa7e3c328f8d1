"""The member dashboard's overview: what is new since the last visit, the organisation's downloads and the next
actions, in the reader's language only, never for anyone but a member, in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Locale, Page

from demo.factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory
from demo.factories.members import ApplicationFactory, MemberFactory, OrganisationFactory
from demo.factories.toolkits import MemberDocumentFactory, MessagingGuidePageFactory, ToolkitIndexPageFactory
from members.dashboard import MAX_UPDATES, VISIT_GAP
from members.models import User
from toolkits.models import DocumentDownload

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/en/members/"
MAX_DASHBOARD_QUERIES = 20


def published(moment):
    return {"first_published_at": moment, "last_published_at": moment}


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


@pytest.fixture
def toolkit_index(home_page):
    return ToolkitIndexPageFactory(parent=home_page, **published(ago(days=30)))


@pytest.fixture
def briefing_index(home_page):
    return BriefingIndexPageFactory(parent=home_page, **published(ago(days=30)))


@pytest.fixture
def member_of_trust():
    return MemberFactory(first_name="Amina", last_name="Yusuf", organisation__name="Luton Roma Trust")


def section(html, heading_id):
    """The text of the dashboard section labelled by `heading_id` ("" when there is none)."""
    soup = BeautifulSoup(html, "html.parser")
    found = soup.find("section", attrs={"aria-labelledby": heading_id})
    return found.get_text(" ", strip=True) if found else ""


def move_last_view_back(member, **delta):
    """As if the member's last dashboard view was this long ago: the next view starts a new visit."""
    User.objects.filter(pk=member.pk).update(dashboard_seen_at=ago(**delta))


def test_new_since_last_visit__lists_only_what_was_published_after_the_previous_visit(
    client, toolkit_index, member_of_trust
):
    old = MessagingGuidePageFactory(parent=toolkit_index, title="Talking about housing", **published(ago(days=3)))
    client.force_login(member_of_trust)

    first = client.get(DASHBOARD_URL).content.decode()
    assert "Recently published" in first and "Talking about housing" in section(first, "new-heading")

    move_last_view_back(member_of_trust, hours=2)
    new = MessagingGuidePageFactory(parent=toolkit_index, title="Talking about crossings", members_only=True)
    new.save_revision().publish()  # published now: after the previous visit

    second = client.get(DASHBOARD_URL).content.decode()
    listed = section(second, "new-heading")
    assert "New since your last visit" in listed
    assert "Talking about crossings" in listed and "Messaging guide" in listed
    assert old.title not in listed

    # Reloading within the same visit keeps the list; the next visit starts from this one.
    assert "Talking about crossings" in section(client.get(DASHBOARD_URL).content.decode(), "new-heading")
    Page.objects.filter(pk=new.pk).update(last_published_at=ago(hours=3))
    move_last_view_back(member_of_trust, hours=2)  # the guide was seen during that visit
    third = section(client.get(DASHBOARD_URL).content.decode(), "new-heading")
    assert "Nothing new since your last visit." in third and "Talking about crossings" not in third


def test_new_since_last_visit__includes_briefings_and_republished_toolkits(
    client, toolkit_index, briefing_index, member_of_trust
):
    guide = MessagingGuidePageFactory(parent=toolkit_index, title="Talking about housing", **published(ago(days=3)))
    PressBriefingPageFactory(parent=briefing_index, date=datetime.date(2026, 11, 2), **published(ago(days=3)))
    client.force_login(member_of_trust)
    client.get(DASHBOARD_URL)
    move_last_view_back(member_of_trust, hours=5)

    guide.summary = "Updated after the housing statistics."
    guide.save_revision().publish()
    briefing = PressBriefingPageFactory(parent=briefing_index, date=datetime.date(2026, 11, 3), live=False)
    briefing.save_revision().publish()

    listed = section(client.get(DASHBOARD_URL).content.decode(), "new-heading")
    assert "Talking about housing" in listed and "Press briefing, 3 November 2026" in listed
    assert "Press briefing, 2 November 2026" not in listed


def test_visit__is_recorded_only_for_members(client, user):
    client.force_login(user)
    client.get(DASHBOARD_URL)

    user.refresh_from_db()
    assert user.dashboard_seen_at is None


def test_visit__views_within_the_gap_are_one_visit(member_of_trust):
    from members.dashboard import record_dashboard_visit

    start = timezone.now()
    assert record_dashboard_visit(member_of_trust, now=start) is None
    assert record_dashboard_visit(member_of_trust, now=start + VISIT_GAP / 2) is None, "still the first visit"
    later = start + VISIT_GAP / 2 + VISIT_GAP
    assert record_dashboard_visit(member_of_trust, now=later) == start + VISIT_GAP / 2
    assert record_dashboard_visit(member_of_trust, now=later + VISIT_GAP / 2) == start + VISIT_GAP / 2
    member_of_trust.refresh_from_db()
    assert member_of_trust.dashboard_new_since == start + VISIT_GAP / 2


def test_organisation_downloads__shows_colleagues_downloads_but_not_another_organisations(client, member_of_trust):
    colleague = MemberFactory(first_name="Bilal", last_name="Khan", organisation=member_of_trust.organisation)
    stranger = MemberFactory(organisation=OrganisationFactory(name="Dover Welcome Group"))
    pack = MemberDocumentFactory(title="Crossings pack", file=ContentFile(b"%PDF-1.4 pack", name="pack.pdf"))
    own = MemberDocumentFactory(title="Housing leaflet", file=ContentFile(b"%PDF-1.4 leaflet", name="leaflet.pdf"))
    secret = MemberDocumentFactory(title="Dover plan", file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf"))
    DocumentDownload.record(pack, colleague)
    DocumentDownload.record(pack, colleague)
    DocumentDownload.record(own, member_of_trust)
    DocumentDownload.record(secret, stranger)
    client.force_login(member_of_trust)

    html = client.get(DASHBOARD_URL).content.decode()

    downloads = section(html, "organisation-downloads-heading")
    assert "Your organisation's recent downloads" in downloads
    assert "Crossings pack" in downloads and "Bilal Khan" in downloads and "2 times" in downloads
    assert "Housing leaflet" in downloads and "You" in downloads
    assert "Dover plan" not in html and "3 downloads by your organisation in all." in downloads


# --- Languages ------------------------------------------------------------------------------------------


@pytest.fixture
def french_site(home_page, toolkit_index):
    locale_fr = Locale.objects.get(language_code="fr")
    home_fr = home_page.copy_for_translation(locale_fr)
    home_fr.save_revision().publish()
    index_fr = toolkit_index.copy_for_translation(locale_fr)
    index_fr.save_revision().publish()
    return {"locale": locale_fr, "toolkit_index": index_fr.specific}


def test_languages__each_dashboard_lists_only_toolkits_in_its_own_language(
    client, toolkit_index, french_site, member_of_trust
):
    MessagingGuidePageFactory(parent=toolkit_index, title="Talking about housing", **published(ago(days=1)))
    MessagingGuidePageFactory(
        parent=french_site["toolkit_index"],
        locale=french_site["locale"],
        title="Parler du logement",
        slug="parler-du-logement",
        **published(ago(days=1)),
    )
    client.force_login(member_of_trust)

    english = section(client.get(DASHBOARD_URL).content.decode(), "new-heading")
    french = section(client.get("/fr/members/").content.decode(), "new-heading")

    assert "Talking about housing" in english and "Parler du logement" not in english
    assert "Parler du logement" in french and "Talking about housing" not in french


def test_languages__an_untranslated_toolkit_standing_in_for_its_translation_is_marked_as_english(
    client, toolkit_index, french_site, member_of_trust
):
    guide = MessagingGuidePageFactory(parent=toolkit_index, title="Talking about housing", **published(ago(days=1)))
    guide.create_alias(parent=french_site["toolkit_index"], update_locale=french_site["locale"])
    client.force_login(member_of_trust)

    soup = BeautifulSoup(client.get("/fr/members/").content.decode(), "html.parser")

    link = soup.find("section", attrs={"aria-labelledby": "new-heading"}).find("a", string="Talking about housing")
    assert link is not None and link["lang"] == "en" and link["href"].startswith("/fr/")


# --- Next actions ----------------------------------------------------------------------------------------


def test_next_actions__are_the_ones_still_to_do_each_linking_to_where_it_is_done(client, briefing_index):
    member = MemberFactory(first_name="Amina", last_name="", job_title="", organisation__name="Luton Roma Trust")
    today = PressBriefingPageFactory(parent=briefing_index, date=timezone.localdate(), live=False)
    today.save_revision().publish()
    client.force_login(member)

    soup = BeautifulSoup(client.get(DASHBOARD_URL).content.decode(), "html.parser")
    actions = {
        link.get_text(strip=True): link["href"]
        for link in soup.find("section", attrs={"aria-labelledby": "actions-heading"}).find_all("a")
    }

    assert actions["Read today's press briefing"] == today.url
    assert actions["Add your name and role to your profile"] == "/en/members/#profile"
    assert actions["Choose whether to get the daily press briefing by email"] == "/en/members/#email-preferences"
    assert actions["Colleagues at Luton Roma Trust can apply to join with your organisation"] == "/en/members/apply/"
    assert soup.find(id="profile") and soup.find(id="email-preferences")


def test_next_actions__done_ones_disappear(client, briefing_index, member_of_trust):
    MemberFactory(organisation=member_of_trust.organisation)
    today = PressBriefingPageFactory(parent=briefing_index, date=timezone.localdate(), **published(ago(hours=3)))
    client.force_login(member_of_trust)
    client.get(DASHBOARD_URL)
    move_last_view_back(member_of_trust, hours=2)  # the briefing came out before the previous visit

    actions = section(client.get(DASHBOARD_URL).content.decode(), "actions-heading")

    assert "You are up to date." in actions and today.title not in actions


# --- Access and caching ------------------------------------------------------------------------------------


@pytest.mark.parametrize("visitor", ["anonymous", "non_member", "pending", "suspended"])
def test_dashboard__shows_no_member_content_to_anyone_but_a_member(client, toolkit_index, user, visitor):
    MessagingGuidePageFactory(parent=toolkit_index, title="Quokka guide", members_only=True, **published(ago(days=1)))
    suspended = MemberFactory()
    suspended.is_suspended = True
    suspended.save()
    people = {"non_member": user, "pending": ApplicationFactory().user, "suspended": suspended}
    if visitor != "anonymous":
        client.force_login(people[visitor])

    response = client.get(DASHBOARD_URL)

    assert "Quokka guide" not in response.content.decode()
    if visitor == "anonymous":
        assert response.status_code == 302
    else:
        assert "New since your last visit" not in response.content.decode()


def test_dashboard__is_never_kept_by_a_shared_cache(client, member_of_trust):
    client.force_login(member_of_trust)

    response = client.get(DASHBOARD_URL)

    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


# --- Queries -------------------------------------------------------------------------------------------------


def _fill(toolkit_index, briefing_index, member, count):
    colleague = MemberFactory(organisation=member.organisation)
    for number in range(count):
        MessagingGuidePageFactory(parent=toolkit_index, title=f"Guide {number}", **published(ago(hours=number + 1)))
        PressBriefingPageFactory(
            parent=briefing_index, date=datetime.date(2026, 10, 1) + datetime.timedelta(days=number), **published(ago())
        )
        document = MemberDocumentFactory(file=ContentFile(b"%PDF-1.4", name=f"doc-{number}.pdf"))
        DocumentDownload.record(document, colleague if number % 2 else member)


@pytest.mark.parametrize("count", [1, 12])
def test_dashboard__costs_the_same_few_queries_with_few_or_many_items(
    client, toolkit_index, briefing_index, member_of_trust, count, django_assert_max_num_queries
):
    _fill(toolkit_index, briefing_index, member_of_trust, count)
    client.force_login(member_of_trust)
    client.get(DASHBOARD_URL)
    move_last_view_back(member_of_trust, days=2)

    # The session, the member and their organisation, the one membership question, the visit, each app's few
    # queries, and the site's header and footer: none of it grows with the number of toolkits or downloads.
    with django_assert_max_num_queries(MAX_DASHBOARD_QUERIES):
        response = client.get(DASHBOARD_URL)

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    listed = soup.find("section", attrs={"aria-labelledby": "new-heading"}).find_all("li")
    assert response.status_code == 200 and len(listed) == min(2 * count, MAX_UPDATES)
