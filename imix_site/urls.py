import posixpath

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import Http404
from django.urls import include, path, re_path
from django.views.static import serve as serve_media

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import LocalisedSitemap
from toolkits.documents import serve_document

UPLOADED_IMAGE_FOLDERS = ("original_images/", "images/")


def serve_uploaded_image(request, path):
    """Development only: an uploaded image by its path, never anything else in MEDIA_ROOT.

    The path is normalised first: `original_images/../documents/<file>` would otherwise match the image
    folders and hand out a member document without the permission check.
    """
    normalised = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    if not normalised.startswith(UPLOADED_IMAGE_FOLDERS):
        raise Http404
    return serve_media(request, normalised, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, adding `Cache-Control: private, no-store` to member documents.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalisedSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]


def development_urlpatterns():
    """What DEBUG adds: static files, and uploaded files by path, but only uploaded images.

    Documents, consent forms and submitted photos go through their permission-checked views, never by their file
    path (production's web server must likewise never expose anything in MEDIA_ROOT but the image folders).
    """
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    return [
        *staticfiles_urlpatterns(),
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>(?:original_images|images)/.*)$", serve_uploaded_image),
    ]


if settings.DEBUG:
    urlpatterns += development_urlpatterns()

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("members/", include("members.urls")),
    path("storyteller/", include("journeys.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
