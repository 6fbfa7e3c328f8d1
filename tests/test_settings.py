"""Production settings refuse to start without their secrets, and start when they are given.

Each case imports the settings in a fresh Python process with a scrubbed environment, as a server would
start: nothing from the developer's shell (or from the test settings) can make it pass by accident.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
START_DJANGO = (
    "import django; django.setup(); from django.conf import settings; "
    "print('DEBUG', settings.DEBUG); print('HOSTS', ','.join(settings.ALLOWED_HOSTS))"
)


def _start_production(**environment):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "imix_site.settings.production",
        "SITE_URL": "https://imix.org.uk",
        **environment,
    }
    env = {name: value for name, value in env.items() if value is not None}
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", START_DJANGO],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production__refuses_to_start_without_a_secret_key():
    result = _start_production(ALLOWED_HOSTS="imix.org.uk")

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set SECRET_KEY in the environment" in result.stderr


@pytest.mark.parametrize("key", ["", "django-insecure-dev-only-never-use-in-production"])
def test_production__refuses_an_empty_or_development_secret_key(key):
    result = _start_production(SECRET_KEY=key, ALLOWED_HOSTS="imix.org.uk")

    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr


@pytest.mark.parametrize("hosts", [None, "", " , "])
def test_production__refuses_to_start_without_allowed_hosts(hosts):
    environment = {"SECRET_KEY": "a-real-secret-from-the-environment-0123456789"}
    if hosts is not None:
        environment["ALLOWED_HOSTS"] = hosts

    result = _start_production(**environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set ALLOWED_HOSTS in the environment" in result.stderr


def test_production__starts_with_a_secret_key_and_allowed_hosts():
    result = _start_production(
        SECRET_KEY="a-real-secret-from-the-environment-0123456789", ALLOWED_HOSTS="imix.org.uk, www.imix.org.uk"
    )

    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout
    assert "HOSTS imix.org.uk,www.imix.org.uk" in result.stdout


PRODUCTION_SECRETS = {"SECRET_KEY": "a-real-secret-from-the-environment-0123456789", "ALLOWED_HOSTS": "imix.org.uk"}
START_AND_PRINT_ADDRESSES = (
    "import django; django.setup(); from django.conf import settings; "
    "print('SITE_URL', settings.SITE_URL); print('ADMIN', settings.WAGTAILADMIN_BASE_URL)"
)


def _start_production_printing_addresses(**environment):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DJANGO_SETTINGS_MODULE": "imix_site.settings.production"}
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", START_AND_PRINT_ADDRESSES],
        cwd=PROJECT_DIR,
        env={**env, **PRODUCTION_SECRETS, **environment},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production__refuses_to_start_without_the_sites_public_address():
    result = _start_production(SITE_URL=None, **PRODUCTION_SECRETS)

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set SITE_URL (the site's public address" in result.stderr


@pytest.mark.parametrize(
    "address",
    ["http://localhost", "http://127.0.0.1:8000", "http://[::1]:8000", "https://imix.localhost", "http://testserver"],
)
def test_production__refuses_a_public_address_on_this_machine(address):
    result = _start_production(SITE_URL=address, **PRODUCTION_SECRETS)

    assert result.returncode != 0
    assert "SITE_URL names this machine" in result.stderr


@pytest.mark.parametrize("address", ["imix.org.uk", "ftp://imix.org.uk", "https://imix.org.uk/en/"])
def test_production__refuses_a_public_address_that_is_not_an_origin(address):
    result = _start_production(SITE_URL=address, **PRODUCTION_SECRETS)

    assert result.returncode != 0
    assert "SITE_URL must be an address such as https://imix.org.uk" in result.stderr


def test_production__takes_the_public_address_from_site_url_for_the_admin_too():
    result = _start_production_printing_addresses(SITE_URL="https://imix.org.uk/")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["SITE_URL", "https://imix.org.uk", "ADMIN", "https://imix.org.uk"]


def test_production__takes_the_public_address_from_wagtailadmin_base_url_when_site_url_is_not_set():
    result = _start_production_printing_addresses(WAGTAILADMIN_BASE_URL="https://www.imix.org.uk")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["SITE_URL", "https://www.imix.org.uk", "ADMIN", "https://www.imix.org.uk"]


BUMP_GENERATION = (
    "import django; django.setup(); from home.content_cache import clear_content_cache, content_generation; "
    "before = content_generation(); clear_content_cache(); print('BUMPED', before, content_generation())"
)
READ_GENERATION = (
    "import django; django.setup(); from home.content_cache import content_generation; "
    "print('SEEN', content_generation())"
)


def test_production__a_take_down_in_one_process_clears_the_page_caches_of_every_other(tmp_path):
    """The daily expiry command runs in its own process: the web workers must see its new content generation,
    or a story taken down would stay in their cached listings."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "imix_site.settings.production",
        "SECRET_KEY": "a-real-secret-from-the-environment-0123456789",
        "ALLOWED_HOSTS": "imix.org.uk",
        "SITE_URL": "https://imix.org.uk",
        "CACHE_DIR": str(tmp_path / "cache"),
    }

    def run(script):
        result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
            [sys.executable, "-c", script],
            cwd=PROJECT_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    _label, before, after = run(BUMP_GENERATION)
    assert int(after) == int(before) + 1
    assert run(READ_GENERATION) == ["SEEN", after]


MACHINE_TRANSLATOR = (
    "import django; django.setup(); from wagtail_localize.machine_translators import get_machine_translator; "
    "translator = get_machine_translator(); print('TRANSLATOR', translator.display_name if translator else None)"
)


@pytest.mark.parametrize(("key", "expected"), [(None, "None"), ("a-deepl-key:fx", "DeepL")])
def test_machine_translation__is_off_unless_a_deepl_key_is_given(key, expected):
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "imix_site.settings.production",
        "SECRET_KEY": "a-real-secret-from-the-environment-0123456789",
        "ALLOWED_HOSTS": "imix.org.uk",
        "SITE_URL": "https://imix.org.uk",
    }
    if key:
        environment["DEEPL_API_KEY"] = key
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", MACHINE_TRANSLATOR],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"TRANSLATOR {expected}" in result.stdout


@pytest.mark.django_db
def test_tests_on_postgresql__commit_without_waiting_for_the_disk():
    """The test databases are thrown away; waiting for each commit's write-ahead log only slows the suite."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("synchronous_commit is a PostgreSQL setting; SQLite has no such wait to skip")
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "off"
