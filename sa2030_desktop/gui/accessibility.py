"""Accessibility helpers (BITV 2.0): names for the controls Qt creates on its own, and the one
focus frame every custom-painted view draws around its keyboard item."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractScrollArea, QToolBar, QToolButton


def name_toolbar(toolbar: QToolBar) -> None:
    """A toolbar too wide for a laptop hides its last tools behind Qt's „»“ button, which has
    no name: a screen reader would announce „Schaltfläche“ only."""
    toolbar.setAccessibleName(toolbar.windowTitle())
    button = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    if button is not None:
        button.setAccessibleName(
            QCoreApplication.translate("Accessibility", "Weitere Werkzeuge von {0}").format(
                toolbar.windowTitle()
            )
        )
        button.setToolTip(button.accessibleName())


def name_view(view: QAbstractScrollArea, name: str, description: str = "") -> None:
    """A scroll area's viewport takes the focus in its place: it must carry the same name."""
    view.setAccessibleName(name)
    view.viewport().setAccessibleName(name)
    if description:
        view.setAccessibleDescription(description)
        view.viewport().setAccessibleDescription(description)


FOCUS_COLOUR = "#0B57D0"  # the keyboard focus frame of custom-painted views (≥ 3:1 on white)
ERROR_COLOUR = "#B71C1C"  # refusals and errors in message lines (7.0:1 on white)
