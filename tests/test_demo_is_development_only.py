"""The demo app and its packages (factory_boy, Faker, wagtail-factories) are for development and tests only.

Production installs requirements.txt alone and does not install the demo app, so nothing the site runs may import
them. The checks start Django in a fresh Python process with a scrubbed environment, as a server would start, with
those packages made unimportable: if any module of the site imported one of them, importing it would fail there.
A check of the source catches the imports inside functions that starting the site does not run.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEMO_PACKAGES = ["factory", "faker", "wagtail_factories"]
# Directories that are not the site's own code: the demo and the tests may import the demo's packages.
NOT_THE_SITE = {"demo", "tests", "node_modules", "staticfiles", "media", "var"}

# The start of every child process: the packages named in its first argument cannot be imported, as on a machine
# where they are not installed.
UNIMPORTABLE = """
import importlib.abc
import sys

BLOCKED = set(sys.argv[1].split(","))


class Unimportable(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, Unimportable())
"""

# Start Django, then import every module of the project's apps and of imix_site (urls, wagtail_hooks, models,
# signals, management commands, migrations...) and load every management command.
IMPORT_EVERYTHING = """
import importlib
import json
from pathlib import Path

import django

django.setup()

from django.apps import apps
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.urls import get_resolver

project = Path.cwd()
packages = [(config.name, Path(config.path)) for config in apps.get_app_configs()]
packages = [(name, path) for name, path in packages if path.parent == project]  # the project's own apps
packages.append(("imix_site", project / "imix_site"))
imported = []
for package, root in packages:
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join((package, *parts))
        if name.startswith("imix_site.settings."):
            continue  # the other environments' settings are not code production runs
        importlib.import_module(name)
        imported.append(name)
get_resolver().url_patterns  # every include() of the root URLconf
commands = get_commands()
for command, app in commands.items():
    load_command_class(app, command)
print(json.dumps({
    "installed_apps": settings.INSTALLED_APPS,
    "imported": imported,
    "commands": commands,
    "loaded_blocked": sorted(name for name in sys.modules if name.partition(".")[0] in BLOCKED),
}))
"""

# Start Django under the development settings, load every command, and try `seed_demo`.
START_DEVELOPMENT = """
import django

django.setup()

from django.core.management import CommandError, call_command, get_commands, load_command_class

for command, app in get_commands().items():
    load_command_class(app, command)
print("SEED_DEMO_APP", get_commands()["seed_demo"])
try:
    call_command("seed_demo", "--print-logins")
except CommandError as error:
    print("SEED_DEMO_ERROR", error)
"""


def run_without(blocked, script, **environment):
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", UNIMPORTABLE + script, ",".join(blocked)],
        cwd=PROJECT_DIR,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **environment},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_production__starts_and_imports_every_module_without_the_demo_or_its_packages(tmp_path):
    output = run_without(
        [*DEMO_PACKAGES, "demo"],
        IMPORT_EVERYTHING,
        DJANGO_SETTINGS_MODULE="imix_site.settings.production",
        SECRET_KEY="a-real-secret-from-the-environment-0123456789",
        ALLOWED_HOSTS="imix.org.uk",
        SITE_URL="https://imix.org.uk",
        # Importing should not touch a database; if something did, it would not be the project's.
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CACHE_DIR=str(tmp_path / "cache"),
    )
    report = json.loads(output.splitlines()[-1])

    assert "demo" not in report["installed_apps"]
    assert "seed_demo" not in report["commands"]
    assert report["loaded_blocked"] == []
    # The walk really covered the site: every app's URLs, hooks, models and commands.
    imported = set(report["imported"])
    for module in (
        "imix_site.urls",
        "home.wagtail_hooks",
        "home.management.commands.compile_translations",
        "members.urls",
        "news.models",
        "toolkits.wagtail_hooks",
        "briefings.management.commands.send_briefing",
        "journeys.review.models",
        "journeys.management.commands.check_consent_expiry",
    ):
        assert module in imported, module


def test_development__starts_without_the_demo_packages_and_seed_demo_says_what_to_install(tmp_path):
    """`make messages`, `make translations` and `make worker` may run under the development settings with only
    the runtime requirements installed: the demo app loads without factory_boy; only `seed_demo` needs it."""
    output = run_without(
        DEMO_PACKAGES,
        START_DEVELOPMENT,
        DJANGO_SETTINGS_MODULE="imix_site.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert "SEED_DEMO_APP demo" in output
    assert (
        "SEED_DEMO_ERROR The demo content needs the development requirements (factory is not installed): "
        "run `make run`, or `pip install -r requirements-dev.txt`."
    ) in output


def test_production_requirements_leave_out_the_demo_packages_which_development_pins():
    def requirement_names(filename):
        lines = (PROJECT_DIR / filename).read_text().splitlines()
        return {line.split("==")[0].lower() for line in lines if "==" in line and not line.startswith("#")}

    demo_requirements = {"factory-boy", "faker", "wagtail-factories"}
    assert not demo_requirements & requirement_names("requirements.txt")
    assert demo_requirements <= requirement_names("requirements-dev.txt")


def site_modules():
    """Every Python file of the site: the project's directories but the demo and the tests (and hidden ones,
    such as .venv)."""
    for top in sorted(PROJECT_DIR.iterdir()):
        if top.name in NOT_THE_SITE or top.name.startswith("."):
            continue
        yield from sorted(top.rglob("*.py")) if top.is_dir() else [top] if top.suffix == ".py" else []


@pytest.mark.parametrize("package", [*DEMO_PACKAGES, "demo"])
def test_no_module_outside_demo_and_tests_imports_the_demo_or_its_packages(package):
    """Also catches imports inside functions, which starting the site would not run."""
    offenders = []
    for path in site_modules():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            if any(name.partition(".")[0] == package for name in names):
                offenders.append(f"{path.relative_to(PROJECT_DIR)}:{node.lineno}")

    assert offenders == []
