"""Parts the dialogs share: the red error line, the German OK/Abbrechen buttons, a wrapped note
and a table of records."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QWidget,
)

# What a laptop's desktop takes beside the dialog: borders, a title bar (about 32 px) and a
# taskbar (about 40 px) that not every system subtracts from the free area it reports.
FRAME_ROOM = (24, 80)


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Resize to width×height, but never larger than the free area of the screen less the
    window frame: on a 1366×768 laptop and at 200 % scaling (1366×768 logical) a dialog stays
    whole on the screen; its lists and texts scroll instead."""
    room = _screen_of(dialog).availableGeometry()
    dialog.resize(min(width, room.width() - FRAME_ROOM[0]),
                  min(height, room.height() - FRAME_ROOM[1]))  # fmt: skip


def natural_size(dialog: QWidget) -> None:
    """Resize to what the layout asks for (wrapped texts at the dialog's width included), at
    most the free screen: Qt sizes a new window to at most 2/3 of the screen, so a dialog taller
    than that (the briefing dialog on a 1280×720 projector) was squeezed to its minimum and its
    rows lost height."""
    hint = dialog.sizeHint()
    layout = dialog.layout()
    height = hint.height()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(hint.width()))
    fit_to_screen(dialog, hint.width(), height)


def keep_on_screen(window: QWidget) -> None:
    """Move a top-level window back inside the free area of its screen (placed beside a
    larger window, it would otherwise hang over the edge)."""
    room = _screen_of(window).availableGeometry()
    frame = window.frameGeometry()
    x = max(room.left(), min(frame.left(), room.right() - frame.width() + 1))
    y = max(room.top(), min(frame.top(), room.bottom() - frame.height() + 1))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)


def _screen_of(widget: QWidget) -> QScreen:
    parent = widget.parentWidget()
    return (parent or widget).screen() or QGuiApplication.primaryScreen()


def narrow_combo(box: QComboBox, chars: int = 18) -> QComboBox:
    """A combo box as wide as `chars` letters, not as its longest entry (a 70-letter goal title
    made the briefing dialog wider than a 1280 px projector); its open list still shows each
    entry whole."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
    return box


def error_label(parent: QDialog) -> QLabel:
    """Where a dialog names what is wrong with the input (shown in the dialog, never a traceback)."""
    label = QLabel(parent)
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet("color: #B71C1C")
    return label


def buddy_label(parent: QWidget, text: str, field: QWidget) -> QLabel:
    """A form label whose „&“ letter (Alt+letter) puts the focus into `field`."""
    label = QLabel(text, parent)
    label.setBuddy(field)
    return label


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does, e.g. „Anlegen“) and „Abbrechen“, wired to accept/reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialog", "Abbrechen")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def note_label(parent: QWidget, name: str) -> QLabel:
    """A wrapped line of text a dialog fills in (summary, info, problems)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def record_table(
    parent: QWidget, model: QAbstractItemModel, name: str, accessible_name: str
) -> QTableView:
    """A table of records: whole rows are selected, no row numbers."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    return view


class CancelsItsJob:
    """Mixin for a dialog that runs a worker (`job`): „Abbrechen“ or Esc while it runs cancels
    the worker and the dialog stays open until the worker reports; the file stays as it was."""

    job = None

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()


def row_of(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets side by side in one box without margins (a label and its field wrap as one)."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return box
