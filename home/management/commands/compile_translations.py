"""Compile the interface translations (locale/<lang>/LC_MESSAGES/*.po) into the .mo files Django reads.

`make run` and `make test` call this before use. GNU gettext's msgfmt compiles when it is installed (it also
checks that each translation keeps its msgid's placeholders); otherwise polib, a pure-Python library, does the
same job, so a fresh machine with only Python needs nothing else. A catalogue whose .mo is newer than its .po is
left alone, so running it again costs next to nothing. Compiled files are never committed (*.mo is ignored).
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogues():
    """Every .po file under the project's LOCALE_PATHS."""
    for locale_path in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po"))


def is_up_to_date(po_path, mo_path):
    return mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime


def compile_catalogue(po_path, mo_path, use_msgfmt=True):
    """Write mo_path from po_path, atomically: parallel test workers may compile at the same moment."""
    msgfmt = shutil.which("msgfmt") if use_msgfmt else None
    handle, temporary = tempfile.mkstemp(dir=mo_path.parent, prefix=".", suffix=".mo")
    os.close(handle)
    try:
        if msgfmt:
            result = subprocess.run(  # noqa: S603  (a fixed program on the project's own files)
                [msgfmt, "--check-format", "-o", temporary, str(po_path)], capture_output=True, text=True
            )
            if result.returncode:
                raise CommandError(f"msgfmt could not compile {po_path}:\n{result.stderr}")
        else:
            try:
                polib.pofile(str(po_path)).save_as_mofile(temporary)
            except (OSError, ValueError) as error:
                raise CommandError(f"Could not compile {po_path}: {error}") from error
        os.replace(temporary, mo_path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


class Command(BaseCommand):
    help = "Compile the project's .po translation catalogues to .mo, with msgfmt if installed, else pure Python."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Recompile even the catalogues that are up to date.")
        parser.add_argument(
            "--pure-python", action="store_true", help="Compile with polib even when GNU gettext's msgfmt is installed."
        )

    def handle(self, *args, force=False, pure_python=False, **options):
        compiled = 0
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if not force and is_up_to_date(po_path, mo_path):
                continue
            compile_catalogue(po_path, mo_path, use_msgfmt=not pure_python)
            compiled += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"Compiled {mo_path}")
        if options["verbosity"] > 0 and compiled:
            self.stdout.write(f"Compiled {compiled} translation catalogue(s).")
