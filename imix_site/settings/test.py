"""Tests: fast hashing, immediate tasks, in-memory cache, plain static files, and the demo app."""

from .base import *  # noqa: F403

DEBUG = False
# The tests build with the demo's factories and check `manage.py seed_demo`; production never installs it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = "http://testserver"
# django-axes needs a request in authenticate(), which Client.login() does not pass; the sign-in tests switch
# it on (settings.AXES_ENABLED = True) to check throttling and that both sign-in forms still work with it.
AXES_ENABLED = False
# On PostgreSQL, test databases are thrown away, so a commit need not wait for its write-ahead log to reach the
# disk: the suite (above all each worker's migrations) runs quicker, and nothing a test checks changes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    _options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _options["options"] = f"{_options.get('options', '')} -c synchronous_commit=off".strip()
