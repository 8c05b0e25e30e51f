"""Takes the handbook's pictures from the real application (offscreen Qt, demo portfolio, a
1366×768 laptop window) and writes them to resources/handbuch/bilder/. Run it whenever the user
interface changes, then rebuild the PDF:

    python tools/handbook_screenshots.py          # → resources/handbuch/bilder/*.png
    python tools/build_handbook.py                # → resources/handbuch/SA2030-Benutzerhandbuch.pdf

The user's own settings and data are never touched (a temporary folder holds both). The
pictures are stored with a palette of 256 colours: a tenth of the size, no visible loss for
screens of text and flat colours.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
AS_OF = date(2026, 12, 3)  # the demo portfolio's story is told around this day


def spin(app, seconds: float = 0.3, until=None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            app.processEvents()
            return
        time.sleep(0.02)


def save(image, folder: Path, name: str) -> Path:
    """A palette of the picture's own 256 colours (median cut, no dithering): the status
    colours stay exact, the file is a fraction of the full-colour one."""
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    target = folder / name
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    (image.toImage() if hasattr(image, "toImage") else image).save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    small = picture.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(target, optimize=True)
    print(f"  {target.relative_to(ROOT)}  {small.width}×{small.height}")
    return target


def over(base, dialog, offset=None):
    """A dialog drawn over the window behind it, as the user sees both (offscreen, each
    top-level window is grabbed on its own)."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QPainter

    picture = base.grab()
    front = dialog.grab()
    bar = 24  # a title bar as a window manager draws one (offscreen windows have none)
    painter = QPainter(picture)
    if offset is None:
        offset = QPoint(
            (picture.width() - front.width()) // 2,
            max(bar, (picture.height() - front.height() + bar) // 2),
        )
    painter.fillRect(offset.x() + 4, offset.y() - bar + 4, front.width(), front.height() + bar,
                     "#888888")  # fmt: skip
    title = QRect(offset.x(), offset.y() - bar, front.width(), bar)
    painter.fillRect(title, "#37474F")
    painter.setPen(Qt.GlobalColor.white)
    painter.drawText(
        title.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle()
    )
    painter.drawPixmap(offset, front)
    painter.end()
    return picture


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bildschirmfotos für das Benutzerhandbuch")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "handbuch" / "bilder")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="sa2030-bilder-"))
    os.environ["SA2030_DATA_DIR"] = str(work / "daten")

    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "ini"))
    from sa2030_desktop.gui.application import make_application

    app = make_application([sys.argv[0]])
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services.portfolio import create_portfolio

    store = create_portfolio(work / "Demoportfolio.sa2030", demo=True)
    bridge = StoreBridge(store)
    bridge.set_as_of(AS_OF)
    window = MainWindow(bridge)
    window.resize(*SIZE)
    window.show()
    spin(app, 0.2)
    from PySide6.QtCore import Qt

    for spec in window.assembly.dock_specs():  # the docks as at a first start on a laptop
        if spec.first_start_width is not None:
            dock = window.dock(spec.id)
            window.resizeDocks([dock], [spec.first_start_width(SIZE[0])], Qt.Orientation.Horizontal)
    spin(app, 0.5)
    print(f"Bilder nach {args.out}:")
    try:
        shoot(app, window, args.out, work)
    finally:
        window.close()
        bridge.close()
    return 0


def shoot(app, window, out: Path, work: Path) -> None:
    help_feature = window.feature("help")
    guide = help_feature.show_first_steps()
    guide.go(1)
    spin(app, 0.3)
    save(over(window, guide, guide.pos() - window.pos()), out, "erste-schritte.png")
    guide.close()

    window.action("view.table").trigger()
    window.select_goal("Z04")
    spin(app, 0.3)
    save(window.grab(), out, "hauptfenster.png")

    window.action("view.overview").trigger()
    spin(app, 0.4)
    save(window.grab(), out, "uebersicht.png")

    page = window.feature("graph").page
    window.action("view.graph").trigger()
    spin(app, 8, until=lambda: bool(page.scene.nodes))
    spin(app, 0.5)
    page.view.fit_all()
    spin(app, 0.3)
    save(window.grab(), out, "graph.png")

    timeline = window.feature("timeline").view
    window.action("view.timeline").trigger()
    spin(app, 1.0)
    save(window.grab(), out, "zeitplan.png")

    snapshot = window.bridge.snapshot()
    milestone = next(
        m for m in snapshot.milestones_of("Z04") if m.is_open and (m.forecast or m.baseline)
    )
    from datetime import timedelta

    timeline.set_whatif(True)
    timeline.simulate({milestone.key: (milestone.forecast or milestone.baseline) + timedelta(120)})
    spin(app, 0.8)
    save(window.grab(), out, "was-waere-wenn.png")
    timeline.panel.discard_button.click()
    timeline.set_whatif(False)

    window.action("view.table").trigger()
    window.select_goal("Z04")
    panel = window.feature("detail").panel
    panel.tabs.setCurrentIndex(1)  # Meilensteine
    spin(app, 0.3)
    save(window.dock("goal_detail").grab(), out, "zieldetails.png")
    panel.tabs.setCurrentIndex(0)

    from sa2030_desktop.gui.graph import actions

    window.action("view.graph").trigger()
    shown = actions.start_presentation(page)
    shown.showNormal()
    shown.resize(*SIZE)
    spin(app, 1.5)
    save(shown.grab(), out, "praesentation.png")
    shown.close()

    dialog = window.feature("briefing").open_dialog()
    spin(app, 0.5)
    save(over(window, dialog), out, "briefing.png")
    dialog.reject()

    from PySide6.QtWidgets import QWizard

    from sa2030_desktop.gui.exchange.import_wizard import ImportWizard

    wizard = ImportWizard(window.bridge, window.undo_stack, window)
    wizard.setWindowModality(wizard.windowModality())
    wizard.show()
    spin(app, 0.4)
    save(over(window, wizard), out, "import.png")
    wizard.button(QWizard.WizardButton.CancelButton).click()

    reporting_round(window)
    window.action("view.rounds").trigger()
    rounds = window.feature("rounds").page
    rounds.select_round("2026-Q3")
    spin(app, 0.6)
    save(window.grab(), out, "berichtsrunden.png")

    window.action("view.table").trigger()
    safety = window.feature("safety").safety
    safety.backup_now("manuell")
    spin(app, 5, until=lambda: not safety.backing_up)
    backups = safety.show_backups()
    spin(app, 0.4)
    save(over(window, backups), out, "sicherungen.png")
    backups.close()


def reporting_round(window) -> None:
    """A round after its deadline with a few answers: the completeness shows every state."""
    from sa2030_desktop.domain.reporting import ReportContent, ReportingRound
    from sa2030_desktop.gui.commands import push_operation
    from sa2030_desktop.services.operations import reporting as ops

    def run(operation) -> None:
        if not push_operation(window, window.undo_stack, operation, window.bridge):
            raise SystemExit(f"{operation} wurde abgelehnt")

    run(ops.OpenRound(ReportingRound("2026-Q3", "Quartalsbericht III/2026", date(2026, 9, 30),
                                     date(2026, 10, 31))))  # fmt: skip
    snapshot = window.bridge.snapshot()
    answered = [k for k in sorted(snapshot.goals) if snapshot.goals[k].lead in ("MID", "MI", "MF")]
    for key in answered[:14]:
        goal = snapshot.goals[key]
        run(
            ops.SubmitReport(
                "2026-Q3",
                key,
                ReportContent(
                    goal.status, goal.status_reason or "unverändert", "Umsetzung läuft nach Plan."
                ),
            )
        )
    for key in answered[:6]:
        run(ops.ReviewReport("2026-Q3", key, True))
    run(ops.ReviewReport("2026-Q3", answered[6], False, "Bitte den Sachstand ergänzen."))


if __name__ == "__main__":
    raise SystemExit(main())
