"""The one-folder bundle (PyInstaller, packaging/sa2030.spec): built, copied away from the
project, run without the virtualenv – `sa2030 new/stats` and the window under Xvfb.

Building takes about a minute and 260 MB: only when asked (SA2030_BUILD_BUNDLE=1; .ci/run sets
it), marked `bundle`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        os.environ.get("SA2030_BUILD_BUNDLE") != "1",
        reason="Bündel nur auf Wunsch bauen (SA2030_BUILD_BUNDLE=1)",
    ),  # fmt: skip
    pytest.mark.timeout(1800),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The built bundle, copied to a folder outside the project."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from build_bundle import build
    finally:
        sys.path.remove(str(ROOT / "tools"))
    work = tmp_path_factory.mktemp("pyinstaller")
    built, seconds, size = build(work / "dist", work / "build")
    print(f"Bündel: {size / 2**20:.0f} MB, gebaut in {seconds:.0f} s")
    elsewhere = tmp_path_factory.mktemp("anderswo") / "sa2030"
    shutil.copytree(built, elsewhere, symlinks=True)
    shutil.rmtree(work)
    return elsewhere


def plain_env(home: Path) -> dict[str, str]:
    """A user's environment: system PATH only – no virtualenv, no PYTHONPATH, no project."""
    home.mkdir(exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "SA2030_DATA_DIR": str(home / "daten")}  # fmt: skip


def program(bundle: Path) -> Path:
    return bundle / ("sa2030.exe" if sys.platform == "win32" else "sa2030")


def test_bundle_holds_what_the_application_reads(bundle):
    inside = bundle / "_internal"
    resources = inside / "sa2030_desktop" / "_resources"
    assert (resources / "demo" / "demo_portfolio.json").is_file()
    assert (resources / "templates" / "briefing.docx").is_file()
    # the handbook of the Hilfe menu, its pictures and the printable PDF
    assert (resources / "handbuch" / "handbuch.md").is_file()
    assert (resources / "handbuch" / "bilder" / "graph.png").is_file()
    assert (resources / "handbuch" / "SA2030-Benutzerhandbuch.pdf").is_file()
    assert (
        inside / "sa2030_desktop/persistence/migrations/versions/0001_initial_schema.py"
    ).is_file()
    plugins = inside / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms").is_dir() and not (plugins / "platforms" / "libqvnc.so").exists()
    assert not list(inside.rglob("*QtNetwork*")) and not (inside / "scipy").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux-Prüfung")
def test_bundle_runs_stats_without_the_virtualenv(bundle, tmp_path):
    env, demo = plain_env(tmp_path / "home"), tmp_path / "demo.sa2030"
    made = subprocess.run([str(program(bundle)), "new", str(demo), "--demo"], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert made.returncode == 0, made.stderr
    stats = subprocess.run([str(program(bundle)), "stats", str(demo), "--json"], env=env,
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert stats.returncode == 0, stats.stderr
    data = json.loads(stats.stdout)
    assert data["goals"] == 50 and data["dependencies_by_kind"]["hard"] > 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux-Prüfung")
@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_bundle_exports_graph_and_timeline_in_every_format(bundle, tmp_path, suffix):
    """EXCHANGE.md: `graph`/`timeline FILE OUT.{png,svg,pdf}` – each format has its own
    matplotlib backend, imported by name only when the format is asked for."""
    env, demo = plain_env(tmp_path / "home"), tmp_path / "demo.sa2030"
    subprocess.run([str(program(bundle)), "new", str(demo), "--demo"], env=env, check=True,
                   cwd=tmp_path, capture_output=True, timeout=120)  # fmt: skip
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}[suffix]
    for command in ("graph", "timeline"):
        out = tmp_path / f"{command}.{suffix}"
        done = subprocess.run([str(program(bundle)), command, str(demo), str(out)], env=env,
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert out.read_bytes().startswith(magic), (command, out.read_bytes()[:20])


SHOW_WINDOW = """
"$SA2030" "$PORTFOLIO" > "$OUT/app.log" 2>&1 &
app=$!
for i in $(seq 1 60); do
  if xwininfo -root -tree | grep -q "SA2030 Planner\\": (\\"sa2030\\""; then break; fi
  sleep 0.5
done
sleep 2
xwininfo -root -tree > "$OUT/windows.txt"
"$PYTHON" -c "
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
app.primaryScreen().grabWindow(0).save(sys.argv[1])
" "$OUT/bildschirm.png"
kill $app
wait $app  # ended by the signal on purpose
exit 0
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb unter Linux")
def test_bundle_shows_the_window_under_xvfb(bundle, tmp_path):
    if not (shutil.which("xvfb-run") and shutil.which("xwininfo")):
        pytest.skip("xvfb-run/xwininfo fehlen – .ci/run installiert sie")
    demo = tmp_path / "demo.sa2030"
    env = plain_env(tmp_path / "home")
    subprocess.run([str(program(bundle)), "new", str(demo), "--demo"], env=env, check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    script = tmp_path / "fenster.sh"
    script.write_text(SHOW_WINDOW)
    env.update(SA2030=str(program(bundle)), PORTFOLIO=str(demo), OUT=str(tmp_path),
               PYTHON=sys.executable)  # fmt: skip
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", str(script)],
                   env=env, check=True, timeout=180)  # fmt: skip
    windows = (tmp_path / "windows.txt").read_text()
    assert '"demo.sa2030 – Demodaten – illustrativ – SA2030 Planner": ("sa2030"' in windows, (
        windows + (tmp_path / "app.log").read_text()
    )
    from PySide6.QtGui import QImage

    shot = QImage(str(tmp_path / "bildschirm.png"))
    colours = {
        shot.pixel(x, y) for x in range(0, shot.width(), 7) for y in range(0, shot.height(), 7)
    }
    assert shot.width() == 1280 and len(colours) > 20  # a drawn window, not an empty screen
