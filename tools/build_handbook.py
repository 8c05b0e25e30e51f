"""Builds the printable handbook (PDF, A4) from resources/handbuch/handbuch.md – the same source
and the same rendering as the help window, with the shortcut overview generated from the
application's declared actions:

    python tools/build_handbook.py      # → resources/handbuch/SA2030-Benutzerhandbuch.pdf

Take new pictures first when the user interface changed (tools/handbook_screenshots.py).
Check the result page by page, e.g. `pdftoppm -png -r 60 …pdf /tmp/seite`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    from sa2030_desktop import assets

    parser = argparse.ArgumentParser(description="Benutzerhandbuch als PDF erzeugen")
    parser.add_argument("--out", type=Path, default=assets.handbook_pdf())
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="sa2030-handbuch-"))
    os.environ["SA2030_DATA_DIR"] = str(work / "daten")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "ini"))
    from sa2030_desktop.gui.application import make_application

    make_application([sys.argv[0]])
    from sa2030_desktop.gui.help import handbook, printing
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services.portfolio import create_portfolio

    store = create_portfolio(work / "Demoportfolio.sa2030", demo=True)
    bridge = StoreBridge(store)
    window = MainWindow(bridge)  # the declared actions feed the shortcut overview
    try:
        generated = window.feature("help").generated()
        pages = printing.write_pdf(handbook.read_source(), generated, args.out)
    finally:
        window.close()
        bridge.close()
    print(f"{args.out}: {pages} Seiten, {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
