"""The package stays `ruff format` and `ruff check` clean with the project's configuration
(ARCHITECTURE.md „Style“): `ruff format --check` failed on 30 modules before they were formatted
in one commit, without anyone noticing – each engineer checked only the files they touched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        pytest.skip("ruff ist nicht installiert (pip install -e '.[test]')")
    return [found]


@pytest.mark.parametrize("check", [["format", "--check"], ["check"]], ids=["format", "lint"])
def test_the_package_is_ruff_clean(check):
    run = subprocess.run([*_ruff(), *check, "sa2030_desktop"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
