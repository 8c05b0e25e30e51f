"""Accessibility helpers (BITV 2.0): names for the controls Qt creates on its own, and the one
focus frame every custom-painted view draws around its keyboard item."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QColor,
    QGuiApplication,
    QPalette,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolBar, QToolButton

from sa2030_desktop.domain.contrast import contrast_ratio


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


def readable_placeholders(app: QGuiApplication) -> None:
    """Placeholder text („z. B. 2026-Q4“) at ≥ 4.5:1 to its field (WCAG 1.4.3): Fusion draws it
    as the text colour at half opacity, 4.0:1 on white. It is the text colour 35 % of the way to
    the field's ground now – #595959 on white (7.0:1), #B5B5B5 on a dark #2D2D2D (6.7:1). Only
    this role is set, so the other colours still follow the system."""
    current = app.palette()
    palette = QPalette(current)  # its other colours stay as set (or as the system gives them)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = current.color(group, QPalette.ColorRole.Text)
        base = current.color(group, QPalette.ColorRole.Base)
        mixed = QColor(
            *(
                round(t + (b - t) * 0.35)
                for t, b in zip(text.getRgb()[:3], base.getRgb()[:3], strict=True)
            )
        )
        if contrast_ratio(mixed.name(), base.name()) < 4.5:  # a palette of little contrast
            mixed = QColor(text.name())
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, mixed)
    app.setPalette(palette)


def announce(view: QAbstractScrollArea, text: str) -> None:
    """What a custom-painted view's keyboard item is, or a refusal, told to a screen reader:
    the view's description (read with the focus) and an announcement (read at once)."""
    for widget in (view, view.viewport()):
        widget.setAccessibleDescription(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged)
        )
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(view, text))
