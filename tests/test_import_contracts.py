"""The import contracts of pyproject.toml hold (`make lint` runs them too): the layers of journeys, and the apps
that `home` and `privacy` must not import."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts__are_kept():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.skip("import-linter is not installed (it is in requirements-dev.txt)")
    result = subprocess.run(  # noqa: S603
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
