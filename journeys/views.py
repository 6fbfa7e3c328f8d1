"""The "Share your journey" form."""


def serve_share_journey_page(page, request):
    raise NotImplementedError
