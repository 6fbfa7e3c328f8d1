"""Leak tests: member content reaches members, and nobody else, by any path.

A unique marker is planted in a members-only messaging guide's body, in a members-only Q&A answer and in a
member document (its file and its title). Each kind of visitor then tries every way in: the page, the
toolkits index with every filter and a search for the marker, site search (which lists the toolkits, never their
bodies, to members alone), the home page, sitemap.xml, the
news feeds, document URLs (the real one and guessed ids), admin previews and the Wagtail API. Only the member
may ever receive the marker.
"""

from html import escape

import pytest

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from demo.factories.news import BlogIndexPageFactory
from demo.factories.toolkits import MemberDocumentFactory
from members.models import Organisation

pytestmark = pytest.mark.django_db

MARKER = "Quetzalmarker7781"
# Search pages repeat the words searched for; there, what must never appear is the text around the marker.
PLANTED_PHRASES = [
    f"Everyone needs a home {MARKER}",
    f"The context {MARKER}",
    f"Family ties {MARKER}",
    f"Many have family here {MARKER}",
    f"Briefing pack {MARKER}",
]
VISITORS = ["anonymous", "non_member", "pending", "suspended", "member"]


@pytest.fixture
def visitors(django_user_model, user, member):
    organisation = Organisation.objects.create(name="Dover Welcome Group")
    status = django_user_model.MembershipStatus
    pending = django_user_model.objects.create_user(
        email="pending@example.org",
        password="a-long-password",
        organisation=organisation,
        membership_status=status.PENDING,
    )
    suspended = django_user_model.objects.create_user(
        email="suspended@example.org",
        password="a-long-password",
        organisation=organisation,
        membership_status=status.APPROVED,
    )
    suspended.is_suspended = True
    suspended.save()
    return {"anonymous": None, "non_member": user, "pending": pending, "suspended": suspended, "member": member}


@pytest.fixture
def planted(home_page, toolkit_index, topics, make_guide, make_qa):
    """A members-only guide, Q&A and document holding the marker, next to a public guide without it."""
    BlogIndexPageFactory(parent=home_page, first_published_at=timezone.now(), last_published_at=timezone.now())
    document = MemberDocumentFactory(
        title=f"Briefing pack {MARKER}",
        file=ContentFile(f"%PDF-1.4 members only {MARKER}".encode(), name="briefing-pack.pdf"),
    )
    guide = make_guide(
        title="Talking about housing",
        slug="housing",
        summary="How to talk about housing.",
        members_only=True,
        topics=[topics["housing"]],
        key_messages=[("message", f"Everyone needs a home {MARKER}.")],
        context=RichText(f"<p>The context {MARKER}.</p>"),
        downloads=[("document", {"document": document, "title": "", "description": ""})],
    )
    qa = make_qa(
        title="Channel crossings Q&A",
        slug="channel-crossings-qa",
        summary="Difficult questions about crossings.",
        members_only=True,
        topics=[topics["channel-crossings"]],
        sections=[
            (
                "section",
                {
                    "title": "Why people come",
                    "questions": [
                        {
                            "question": "Why not stay in France?",
                            "short_answer": f"Family ties {MARKER}.",
                            "full_answer": RichText(f"<p>Many have family here {MARKER}.</p>"),
                            "sources": [],
                        }
                    ],
                },
            )
        ],
    )
    public = make_guide(title="Talking about Covid-19", slug="covid-19", topics=[topics["covid-19"]])
    return {"guide": guide, "qa": qa, "public": public, "document": document}


def _sign_in(client, visitors, visitor):
    if visitors[visitor] is not None:
        client.force_login(visitors[visitor])


def _index_urls(index_url, topics):
    urls = [index_url, f"{index_url}?q={MARKER}", f"{index_url}?q={MARKER.lower()}", f"{index_url}?page=2"]
    for topic in topics.values():
        urls += [f"{index_url}?topic={topic.slug}", f"{index_url}?topic={topic.slug}&q={MARKER}"]
    for kind in ("messaging-guide", "qa-toolkit", "nonsense"):
        urls += [f"{index_url}?type={kind}", f"{index_url}?type={kind}&q={MARKER}"]
    return urls


def _public_urls(planted, toolkit_index, topics):
    return [
        *_index_urls(toolkit_index.url, topics),
        f"/en/search/?query={MARKER}",
        "/en/",
        "/sitemap.xml",
        "/en/news/feed/rss/",
        "/en/news/feed/atom/",
        planted["public"].url,
    ]


@pytest.mark.parametrize("visitor", VISITORS)
def test_marker__reaches_only_members_by_any_path(client, visitors, visitor, planted, toolkit_index, topics):
    _sign_in(client, visitors, visitor)
    is_member = visitor == "member"
    document = planted["document"]

    # The toolkit pages themselves.
    for page in (planted["guide"], planted["qa"]):
        response = client.get(page.url)
        html = response.content.decode()
        if is_member:
            assert response.status_code == 200, page
            assert MARKER in html, page
            assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
        else:
            assert response.status_code == 403, (visitor, page)
            assert MARKER not in html, (visitor, page)
            assert escape(page.title) in html and escape(page.summary) in html, "the teaser is shown"
            assert document.url not in html, "download links never reach the HTML"
            assert response["Cache-Control"] and "no-store" in response["Cache-Control"]

    # Listings, search, home page, sitemap and feeds: never a body, whoever asks.
    for url in _public_urls(planted, toolkit_index, topics):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        if MARKER in url:
            assert not [phrase for phrase in PLANTED_PHRASES if phrase in html], (visitor, url)
        else:
            assert MARKER not in html, (visitor, url)

    # The index lists members-only toolkits' teasers to everyone...
    index_html = client.get(toolkit_index.url).content.decode()
    assert planted["guide"].title in index_html and "Members only" in index_html
    # ...but searching for a word only in their bodies finds them for members alone.
    search_html = client.get(f"{toolkit_index.url}?q={MARKER}").content.decode()
    assert (planted["guide"].url in search_html) is is_member, visitor
    assert (planted["qa"].url in search_html) is is_member, visitor
    # The header search finds them by a word in their bodies for members too (marked members only), for no one else.
    site_search_html = client.get(f"/en/search/?query={MARKER}").content.decode()
    assert (planted["guide"].url in site_search_html) is is_member, visitor
    assert (planted["qa"].url in site_search_html) is is_member, visitor
    assert ('class="members-only-mark"' in site_search_html) is is_member, visitor

    # The document, by its real address and by guessed ones.
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if is_member:
        assert response.status_code == 200
        assert MARKER.encode() in body
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control
    else:
        assert response.status_code == 403, visitor
        assert MARKER.encode() not in body
        assert "no-store" in response["Cache-Control"]
    last_id = get_document_model().objects.order_by("-pk").values_list("pk", flat=True).first()
    for document_id in range(1, last_id + 3):
        for name in ("briefing-pack.pdf", "anything.pdf", ""):
            if document_id == document.pk and name == document.filename and is_member:
                continue
            # A 404 under /documents/ is redirected to the same path under /en/ (LocaleMiddleware): follow it.
            response = client.get(f"/documents/{document_id}/{name}", follow=True)
            content = b"".join(response.streaming_content) if response.streaming else response.content
            assert MARKER.encode() not in content, (visitor, document_id, name)
            assert response.status_code in (403, 404), (visitor, document_id, name)

    # Previews in the admin are for editors, and the API is not switched on.
    for page in (planted["guide"], planted["qa"]):
        revision = page.save_revision()
        for url in (
            f"/admin/pages/{page.pk}/edit/preview/",
            f"/admin/pages/{page.pk}/view_draft/",
            f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        ):
            response = client.get(url)
            assert response.status_code in (302, 403), (visitor, url)
            assert MARKER not in response.content.decode(), (visitor, url)
    for url in ("/api/v2/pages/", f"/api/v2/pages/{planted['guide'].pk}/", "/en/api/v2/pages/"):
        response = client.get(url, follow=True)
        assert response.status_code == 404, url
        assert MARKER not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "original_images/../documents/{name}",
        "images/../documents/{name}",
        "images/..//documents/{name}",
        "original_images/./../documents/{name}",
        "images/../../media/documents/{name}",
    ],
)
def test_development_media_route_never_serves_a_member_document(rf, path):
    """Development serves images by path; `..` must not lead from the image folders to a member document."""
    from django.http import Http404

    from imix_site.urls import serve_uploaded_image

    document = MemberDocumentFactory(file=ContentFile(f"%PDF-1.4 {MARKER}".encode(), name="briefing-pack.pdf"))
    url_path = path.format(name=document.file.name.split("/", 1)[1])
    with pytest.raises(Http404):
        serve_uploaded_image(rf.get(f"/media/{url_path}"), url_path)


def test_development_media_route_still_serves_images(rf, media_root):
    from imix_site.urls import serve_uploaded_image

    (media_root / "original_images").mkdir(parents=True)
    (media_root / "original_images" / "photo.jpg").write_bytes(b"jpeg")
    response = serve_uploaded_image(rf.get("/media/original_images/photo.jpg"), "original_images/photo.jpg")
    assert response.status_code == 200


def test_toolkit_index__a_signed_in_search_is_never_publicly_cacheable(client, member, toolkit_index):
    client.force_login(member)

    response = client.get(f"{toolkit_index.url}?q=anything")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
