"""Member documents: served only through Django, to members only, never cached, and every download counted.

Documents in a collection restricted to a group (the "Member documents" collection) are refused to everyone
else with a 403 page explaining how to sign in or apply: Wagtail's own check would redirect a signed-in
non-member to the sign-in page again (a login loop). The check runs on every download because documents are
always served by Django (`WAGTAILDOCS_SERVE_METHOD = "serve_view"`).
"""

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from wagtail.documents.views.serve import serve as wagtail_serve
from wagtail.models import Collection, CollectionViewRestriction

from members.gating import visitor_state

MEMBER_DOCUMENTS_COLLECTION = "Member documents"


def member_documents_collection():
    """The collection created by migration 0002 (looked up by name, so editors may move it)."""
    return Collection.objects.filter(name=MEMBER_DOCUMENTS_COLLECTION).first()


def is_restricted(document):
    return any(
        restriction.restriction_type != CollectionViewRestriction.NONE
        for restriction in document.collection.get_view_restrictions()
    )


def refused(document, request):
    """A 403 "for members" page when a restriction on the document's collection refuses this request."""
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            response = TemplateResponse(
                request,
                "toolkits/document_members_only.html",
                {"visitor_state": visitor_state(request.user)},
                status=403,
            )
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
            return response
    return None


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, with `Cache-Control: private, no-store` on restricted documents."""
    response = wagtail_serve(request, document_id, document_filename)
    document = getattr(request, "_served_document", None)
    if document is not None and is_restricted(document):
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    return response
