"""Production: refuses to start without its secrets, or without its public address."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False

if not SECRET_KEY or SECRET_KEY.startswith("django-insecure"):  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY in the environment: production will not start without it.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment: production will not start without it.")

LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}  # noqa: S104 (names refused, not bound)


def public_site_url(environ):
    """SITE_URL (or WAGTAILADMIN_BASE_URL) as production needs it: given, a bare http(s) origin, and not this
    machine, or canonical links and the sitemap would send search engines to localhost."""
    url = (environ.get("SITE_URL") or environ.get("WAGTAILADMIN_BASE_URL") or "").strip().rstrip("/")
    if not url:
        raise ImproperlyConfigured(
            "Set SITE_URL (the site's public address, e.g. https://imix.org.uk) in the environment: "
            "production will not start without it."
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"SITE_URL must be an address such as https://imix.org.uk, not {url!r}.")
    hostname = parts.hostname.lower()
    if hostname in LOCAL_HOSTNAMES or hostname.endswith(".localhost") or hostname.startswith("127."):
        raise ImproperlyConfigured(f"SITE_URL names this machine ({url}): give the site's public address.")
    return url


SITE_URL = public_site_url(os.environ)  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL  # noqa: F405

# Pages and listings are cached under a content generation that publishing, unpublishing and taking a story
# down move on. Every worker process, and the daily commands, must see the same generation, so production
# never uses the per-process memory cache: Redis when REDIS_URL is set, otherwise files on this server.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR") or str(BASE_DIR / "var" / "cache"),  # noqa: F405
        }
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
