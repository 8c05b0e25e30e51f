"""Build the one-folder bundle of SA2030 Planner with PyInstaller (packaging/sa2030.spec).

Run from the checkout with the project's environment (`pip install -e '.[test]'` brings
PyInstaller):  python tools/build_bundle.py [--dist DIR] [--work DIR]
Linux: dist/sa2030/sa2030; Windows: dist\\sa2030\\sa2030.exe and „SA2030 Planner.exe“. Prints
the build time and the bundle's size; exit status of PyInstaller.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "sa2030.spec"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def strip_python(bundle: Path) -> None:
    """Drop the debug symbols of libpython (23 MB → 6 MB with pyenv's build). PyInstaller's own
    strip option is off: it breaks the auditwheel-patched libraries of numpy and Pillow."""
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return
    for lib in (bundle / "_internal").glob("libpython3*.so*"):
        if lib.is_file() and not lib.is_symlink():
            subprocess.run([strip, "--strip-debug", str(lib)], check=True)


def build(dist: Path, work: Path, quiet: bool = True) -> tuple[Path, float, int]:
    """Run PyInstaller; returns (bundle folder, seconds, bytes)."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]  # fmt: skip
    if quiet:
        cmd[3:3] = ["--log-level", "WARN"]
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True)
    bundle = dist / "sa2030"
    strip_python(bundle)
    seconds = time.perf_counter() - start
    return bundle, seconds, folder_size(bundle)


def main() -> int:
    parser = argparse.ArgumentParser(description="Bündel (ein Ordner) mit PyInstaller bauen")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="Zielordner")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="Arbeitsordner")
    parser.add_argument("--verbose", action="store_true", help="PyInstallers Ausgabe zeigen")
    args = parser.parse_args()
    try:
        bundle, seconds, size = build(args.dist, args.work, quiet=not args.verbose)
    except subprocess.CalledProcessError as exc:
        print(f"PyInstaller ist mit Status {exc.returncode} gescheitert.", file=sys.stderr)
        return exc.returncode or 1
    print(f"Bündel gebaut: {bundle} ({size / 2**20:.0f} MB) in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
