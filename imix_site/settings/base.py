"""Settings shared by every environment.

Everything that differs between machines is read from the environment; see the README for the list.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "members",
    "news",
    "toolkits",
    "briefings",
    "journeys",
    "privacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "imix_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.chrome.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "imix_site.wsgi.application"

# Database: SQLite in the project by default, anything dj-database-url understands otherwise.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
# django-axes first: it refuses sign-in attempts (site and Wagtail admin alike) once an address is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "members:sign_in"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
# Restricted pages answer with their teaser (members.gating); this is only Wagtail's fallback.
WAGTAIL_FRONTEND_LOGIN_URL = "/members/sign-in/"
# Throttled sign-in: five failures for one email address from one IP address lock that pair out for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "members/locked_out.html"
# Applications to join accepted from one IP address per hour; more are turned away with a message.
MEMBERS_APPLICATIONS_PER_HOUR = int(os.environ.get("MEMBERS_APPLICATIONS_PER_HOUR", "5"))
# The group whose active members are emailed about each new application to join (members migration 0007 makes
# "Membership approvers", with the permission to approve and decline).
MEMBERSHIP_APPROVERS_GROUP = os.environ.get("MEMBERSHIP_APPROVERS_GROUP", "Membership approvers")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language; every page lives under a language prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("el", _("Greek")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files and media
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Media goes to S3-compatible storage when a bucket is named, to the local disk otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "signature_version": "s3v4",
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Email
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "IMIX <noreply@imix.org.uk>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: django-tasks. The database queue is worked by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Security defaults that hold everywhere; production tightens the transport ones.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# SAMEORIGIN, not DENY: the Wagtail editor shows live previews of pages in a frame.
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# A new translation starts as a draft, even of a live page: the French version goes live when a translator
# publishes it, not at once with the English text still in it (wagtail-localize's default).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation in wagtail-localize's editor: off unless a DeepL key is given. Text is only sent to
# DeepL when an editor presses "Translate with DeepL"; stories of people at risk should not be.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# Wagtail
WAGTAIL_SITE_NAME = "IMIX"
# The site's public address: every absolute link (canonical, hreflang, og:url, sitemap, feeds) starts with it
# (home.public_address). Each of the two defaults to the other, so setting either is enough.
SITE_URL = (os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000").rstrip(
    "/"
)
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL
# Staff avatars are uploaded in the admin or Wagtail's own default: no request to Gravatar, which would hand a
# third party a hash of every staff address and show a broken image wherever Gravatar is blocked.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Upgrades are chosen in requirements.txt, not from the dashboard: no call from editors' browsers to wagtail.org,
# whose notice showed an empty version number wherever that call was blocked.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "heic", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# A new revision of a page in a workflow is reviewed afresh: an approval never carries over to edited content.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# A story publishes exactly the revision its Safeguarding reviewer approved; other pages as Wagtail does.
WAGTAIL_FINISH_WORKFLOW_ACTION = "journeys.review.workflow.publish_approved_workflow"

# Human Journeys
# Submissions that did not become a story are deleted after this many days (`manage.py delete_old_submissions`).
JOURNEYS_SUBMISSION_RETENTION_DAYS = int(os.environ.get("JOURNEYS_SUBMISSION_RETENTION_DAYS", "180"))
JOURNEYS_SUBMISSION_MAX_PHOTOS = int(os.environ.get("JOURNEYS_SUBMISSION_MAX_PHOTOS", "5"))
JOURNEYS_SUBMISSION_MAX_PHOTO_MB = int(os.environ.get("JOURNEYS_SUBMISSION_MAX_PHOTO_MB", "10"))
JOURNEYS_SUBMISSIONS_PER_HOUR = int(os.environ.get("JOURNEYS_SUBMISSIONS_PER_HOUR", "5"))
# The largest signed consent form (PDF, JPEG or PNG) staff may upload to a consent record, in megabytes.
JOURNEYS_CONSENT_FORM_MAX_MB = int(os.environ.get("JOURNEYS_CONSENT_FORM_MAX_MB", "20"))
# Extra addresses told about new submissions, storyteller requests and expiring consent, besides the
# Safeguarding group's members.
JOURNEYS_SAFEGUARDING_EMAILS = env_list("JOURNEYS_SAFEGUARDING_EMAILS")
# How long a storyteller's private link works before staff must send a new one.
JOURNEYS_STORYTELLER_LINK_DAYS = int(os.environ.get("JOURNEYS_STORYTELLER_LINK_DAYS", "365"))
# Page privacy: only group restrictions. "Any logged-in user" would admit pending applicants,
# and shared passwords get passed around.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
    },
}
