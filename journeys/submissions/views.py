"""The "Share your journey" form, served by ShareJourneyPage.

The page is never cached, by the browser or anything between: a story half-typed on a shared computer must
not be found again with the Back button, and neither must the thank-you page with its reference. After a
successful send the visitor is redirected (POST/redirect/GET), so reloading never sends the story twice; the
reference travels in the session, and is shown once.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language

from home.rate_limits import HourlyLimit

from .forms import ShareJourneyForm
from .handling import save_submission

SENT_PARAMETER = "sent"
SESSION_REFERENCE_KEY = "journeys:submission-reference"


SUBMISSIONS_PER_ADDRESS = HourlyLimit("journeys:submissions", "JOURNEYS_SUBMISSIONS_PER_HOUR")


def thanks_url(page, request):
    return f"{page.get_url(request)}?{SENT_PARAMETER}=1"


def _never_cached(response):
    add_never_cache_headers(response)
    return response


def serve_share_journey_page(page, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return _never_cached(HttpResponseNotAllowed(["GET", "POST"]))
    if request.method != "POST" and request.GET.get(SENT_PARAMETER):
        context = page.get_context(request)
        context["reference"] = request.session.pop(SESSION_REFERENCE_KEY, None)
        return _never_cached(TemplateResponse(request, page.landing_template, context))

    rate_limited = False
    if request.method == "POST":
        form = ShareJourneyForm(request.POST, request.FILES)
        if form.is_spam:
            # Robots get the same answer as people, and nothing is saved or sent.
            return _never_cached(HttpResponseRedirect(thanks_url(page, request)))
        if SUBMISSIONS_PER_ADDRESS.exceeded(request):
            rate_limited = True
        elif form.is_valid():
            SUBMISSIONS_PER_ADDRESS.count(request)
            submission = save_submission(form.submission_fields(), form.clean_photos_list)
            request.session[SESSION_REFERENCE_KEY] = submission.reference
            return _never_cached(HttpResponseRedirect(thanks_url(page, request)))
    else:
        # Someone reading the site in Arabic most likely writes in Arabic: start from the page's language.
        form = ShareJourneyForm(initial={"language": get_language()})
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "rate_limited": rate_limited,
            "photos_lost": form.photos_chosen if (form.is_bound and (rate_limited or form.errors)) else 0,
            "max_photos": settings.JOURNEYS_SUBMISSION_MAX_PHOTOS,
        }
    )
    status = 429 if rate_limited else (400 if form.is_bound else 200)
    return _never_cached(TemplateResponse(request, page.get_template(request), context, status=status))
