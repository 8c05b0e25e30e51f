"""No traceback reaches a user of the window: an error that escapes a slot or an event handler
is shown as a German message („Interner Fehler“, traceback in the log of the data folder)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from sa2030_desktop.failures import describe


def show_unexpected(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    text = describe(exc)
    print(f"sa2030: {text}", file=sys.stderr)
    if QApplication.instance() is None:
        return
    QMessageBox.critical(
        QApplication.activeWindow(), QApplication.translate("Application", "SA2030 Planner"), text
    )


def install() -> None:
    sys.excepthook = show_unexpected
