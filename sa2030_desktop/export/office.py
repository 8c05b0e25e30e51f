"""LibreOffice turns a finished Word document into PDF/A-2b or OpenDocument text (Qt-free).

The document is saved into a private temporary folder, converted there by `soffice --headless`
with a private user profile (parallel conversions and a LibreOffice the user has open never
share one), under a timeout (a hanging LibreOffice is killed with its children), and only the
finished file is moved onto the target in one step. Nothing is ever half written.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.export.atomic import atomic_target

# PDF/A-2b ("SelectPdfVersion" 2 = PDF/A-2b); LibreOffice embeds every font in PDF/A mode.
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
FILTERS = {".pdf": PDFA_FILTER, ".odt": "odt:writer8"}
FORMAT_NAMES = {".pdf": "PDF/A", ".odt": "OpenDocument-Text"}
TIMEOUT_ENV = "SA2030_SOFFICE_TIMEOUT"  # seconds; a site with slow machines may raise it
DEFAULT_TIMEOUT = 180.0
POLL_SECONDS = 0.2

# Where the installers put LibreOffice when it is not on PATH (Windows, macOS).
_KNOWN_PLACES = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)

Tick = Callable[[], None]  # called while LibreOffice works; raising cancels (the process dies)


def find_soffice() -> str | None:
    """The LibreOffice program (`soffice`) on PATH or where its installer puts it, or None."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if sys.platform.startswith(("win", "darwin")):
        for place in _KNOWN_PLACES:
            if place.is_file():
                return str(place)
    return None


def require_soffice() -> str:
    soffice = find_soffice()
    if soffice is None:
        raise DomainError("office_missing")
    return soffice


def timeout_seconds() -> float:
    raw = os.environ.get(TIMEOUT_ENV, "")
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


@contextlib.contextmanager
def private_folder() -> Iterator[Path]:
    """A temporary folder only this user can read (mkdtemp: mode 0700), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="sa2030-office-", ignore_cleanup_errors=True) as tmp:
        yield Path(tmp)


def convert(source: Path, suffix: str, tick: Tick | None = None,
            timeout: float | None = None) -> Path:  # fmt: skip
    """Convert `source` (.docx) with LibreOffice into `suffix` (.pdf → PDF/A-2b, .odt) in the
    same (private) folder; returns the converted file. Raises DomainError when LibreOffice is
    missing, exceeds the timeout or writes nothing."""
    soffice = require_soffice()
    limit = timeout or timeout_seconds()
    work = source.parent
    outdir = work / "out"
    outdir.mkdir(exist_ok=True)
    profile = (work / "profile").resolve().as_uri()
    cmd = [soffice, "--headless", "--invisible", "--norestore", "--nolockcheck",
           "--nodefault", "--nofirststartwizard", f"-env:UserInstallation={profile}",
           "--convert-to", FILTERS[suffix], "--outdir", str(outdir), str(source)]  # fmt: skip
    log = work / "soffice.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                **_own_group())  # fmt: skip
        try:
            _wait(proc, limit, tick)
        except BaseException:
            _kill_tree(proc)
            raise
    result = outdir / (source.stem + suffix)
    if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
        raise DomainError("office_failed", format=FORMAT_NAMES[suffix], detail=_last_line(log))
    return result


def write_converted(target: Path, save_docx: Callable[[Path], None], tick: Tick | None = None,
                    timeout: float | None = None) -> Path:  # fmt: skip
    """Save the document with `save_docx` into a private folder, convert it to the target's
    format and move the result onto `target` atomically."""
    suffix = target.suffix.lower()
    require_soffice()  # refuse before any work when LibreOffice is missing
    with private_folder() as work:
        source = work / "briefing.docx"
        save_docx(source)
        converted = convert(source, suffix, tick, timeout)
        with atomic_target(target) as tmp:
            shutil.copyfile(converted, tmp)
    return target


def _wait(proc: subprocess.Popen, limit: float, tick: Tick | None) -> None:
    deadline = time.monotonic() + limit
    while True:
        try:
            proc.wait(timeout=POLL_SECONDS)
            return
        except subprocess.TimeoutExpired:
            pass
        if tick is not None:
            tick()
        if time.monotonic() > deadline:
            raise DomainError("office_timeout", seconds=int(limit))


def _own_group() -> dict:
    """Start soffice as leader of its own process group, so a kill reaches soffice.bin too."""
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW}
    return {"start_new_session": True}


def _kill_tree(proc: subprocess.Popen) -> None:
    if os.name == "nt":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)],
                       capture_output=True, check=False)  # fmt: skip
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def _last_line(log: Path) -> str:
    try:
        lines = [x.strip() for x in log.read_text("utf-8", "replace").splitlines() if x.strip()]
    except OSError:
        return "keine Ausgabe"
    useful = [x for x in lines if "javaldx" not in x and not x.startswith("convert ")]
    return (useful or lines or ["keine Ausgabe"])[-1][:200]
