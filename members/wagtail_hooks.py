from wagtail import hooks

from .gating import is_gated_for, members_only_response


@hooks.register("on_serve_page", order=-1)
def serve_members_only_pages_as_teasers(serve_page):
    """Outermost in the serve chain, so it answers before Wagtail's own redirect to a sign-in page."""

    def inner(page, request, serve_args, serve_kwargs):
        if is_gated_for(page, request):
            return members_only_response(request, page)
        return serve_page(page, request, serve_args, serve_kwargs)

    return inner
