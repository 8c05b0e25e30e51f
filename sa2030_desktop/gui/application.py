"""Start of the desktop app: QApplication, German Qt texts, the file to open, the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.gui import focus_return, settings
from sa2030_desktop.gui.accessibility import readable_placeholders
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import server

log = logging.getLogger(__name__)
DEMO_NAME = "Demoportfolio.sa2030"


def data_folder() -> Path:
    """The user's data folder (platformdirs); SA2030_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get("SA2030_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(settings.APPLICATION, appauthor=False))


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Qt 6 is high-DPI aware by default; keep fractional scale factors (125 %, 150 %) exact.
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName(settings.APPLICATION)
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    install_translations(app)
    readable_placeholders(app)  # ≥ 4.5:1, WCAG 1.4.3
    focus_return.install(app)  # a closed dialog hands the keyboard back (no window manager)
    return app


def install_translations(app: QApplication) -> None:
    """Qt's own German texts for standard dialogs and buttons (Abbrechen, Öffnen, …)."""
    if getattr(app, "_sa2030_translators", None):
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translators = []
    for name in ("qtbase_de", "qt_de"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
            break
    app._sa2030_translators = translators


def first_start_portfolio() -> Path:
    """The demo portfolio in the user's data folder (created the first time)."""
    from sa2030_desktop.services.portfolio import create_portfolio

    folder = data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_NAME
    if not path.exists():
        create_portfolio(path, demo=True).close()
    return path


def open_store(path: str | Path, readonly: bool = False):
    # network/sync-folder question and backup offer for damaged files: gui/safety/opening.py
    from sa2030_desktop.gui.safety.opening import open_for_window

    return open_for_window(None, path, readonly=readonly)


def is_locked(exc: BaseException) -> bool:
    """Another instance writes to the file: it can still be opened read-only."""
    return getattr(exc, "code", "") == "file_locked"


def _reachable(candidate) -> bool:
    return server.looks_like_server(candidate) or Path(candidate).exists()


def choose_store(path: str | None, parent=None):
    """The store to start with: the given file, else the last one, else the demo portfolio.

    A file that cannot be opened gives a German message and the choice to open another file,
    create a new one, or quit (None).
    """
    candidate = path or settings.last_file()
    if candidate is None or (path is None and not _reachable(candidate)):
        try:
            candidate = str(first_start_portfolio())
        except DomainError as exc:
            QMessageBox.critical(parent, settings.APPLICATION, format_error(exc))
            return None
    readonly = False
    while True:
        locked = False
        try:
            return open_store(candidate, readonly=readonly)
        except DomainError as exc:
            message = format_error(exc)
            locked = is_locked(exc)
        except OSError as exc:
            message = format_error(DomainError("file_unreadable", path=f"{candidate} ({exc})"))
        choice = ask_other_file(parent, message, offer_readonly=locked)
        if choice is None:
            return None
        if isinstance(choice, tuple):  # the same file, read-only
            readonly = True
        else:
            candidate, readonly = choice, False


def ask_other_file(parent, message: str, offer_readonly: bool = False):
    """What to open instead: a path, ("", True) for read-only, or None to quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, settings.APPLICATION, message,
                      QMessageBox.StandardButton.NoButton, parent)  # fmt: skip
    box.setInformativeText(QApplication.translate("Application", "Was möchten Sie tun?"))
    readonly = None
    if offer_readonly:
        readonly = box.addButton(
            QApplication.translate("Application", "Schreibgeschützt öffnen"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    other = box.addButton(
        QApplication.translate("Application", "Andere Datei öffnen…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    demo = box.addButton(
        QApplication.translate("Application", "Demoportfolio öffnen"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(
        QApplication.translate("Application", "Beenden"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    clicked = box.clickedButton()
    if readonly is not None and clicked is readonly:
        return ("", True)
    if clicked is other:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QApplication.translate("Application", "Portfolio öffnen"),
            str(data_folder()),
            QApplication.translate("Application", "SA2030-Portfolio (*.sa2030);;Alle Dateien (*)"),
        )
        return chosen or None
    if clicked is demo:
        try:
            return str(first_start_portfolio())
        except DomainError:
            return None
    return None


def main(path: str | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    app = make_application()
    from sa2030_desktop.gui import excepthook

    excepthook.install()
    store = choose_store(path)
    if store is None:
        return 1
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    bridge = StoreBridge(store)
    if not server.where(store):  # the recent files are files
        settings.remember_file(store.path)
    window = MainWindow(bridge, strict=False)  # a broken feature: a German message, not no window
    window.show_on_screen()
    # the goals are on screen before SQLAlchemy is imported: the engine follows in a worker
    bridge.finish_opening_after_paint(window.table.view.viewport())
    if "help" in window.assembly.features:  # „Erste Schritte“ once, at the very first start
        window.feature("help").first_start()
    try:
        return app.exec()
    finally:
        bridge.close()
