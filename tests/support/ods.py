"""OpenDocument sample files for the .ods tests: the sample tables of `helpers` written with our
writer, a way to rewrite one part of the zip, and LibreOffice conversion (private profile)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from sa2030_desktop.services.book import Sheet
from sa2030_desktop.services.ods_write import write_book
from tests.support.exchange import TABLES

SHEETS = {"ziele": "Ziele", "meilensteine": "Meilensteine", "abhaengigkeiten": "Abhaengigkeiten"}


def write_sample_ods(path: Path, tables: dict | None = None) -> Path:
    sheets = [
        Sheet(SHEETS[name], rows[0], [list(r) for r in rows[1:]])
        for name, rows in (tables or TABLES).items()
    ]
    write_book(sheets, path)
    return path


def rewrite(src: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of the zip `src` with some members replaced (bytes) or removed (None)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in changes:
                if changes[item.filename] is not None:
                    zout.writestr(item.filename, changes.pop(item.filename))
                continue
            zout.writestr(item, zin.read(item.filename))
        for name, data in changes.items():
            if data is not None:
                zout.writestr(name, data)
    return target


def soffice_convert(source: Path, fmt: str, outdir: Path) -> Path:
    """Convert with LibreOffice Calc as a user would (`soffice --convert-to`)."""
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) fehlt – CI installiert es")
    outdir.mkdir(exist_ok=True)
    profile = (outdir / "profile").resolve().as_uri()
    subprocess.run(
        [soffice, "--headless", "--norestore", "--nolockcheck",
         f"-env:UserInstallation={profile}", "--convert-to", fmt, "--outdir", str(outdir),
         str(source)],
        check=True, capture_output=True, timeout=240, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    result = outdir / f"{source.stem}.{fmt}"
    assert result.is_file() and result.stat().st_size > 0
    return result
