"""A dialog that shows a headline and a list of lines (import results, every error)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.gui.dialog_parts import fit_to_screen


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, head: str, lines: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.head = QLabel(head, self)
        self.head.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText("\n".join(lines))
        self.text.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 420)


def show_report(
    parent, title: str, head: str, lines: list[str], error: bool = False
) -> ReportDialog:
    """Window-modal but non-blocking, so the caller (and a test) keeps running."""
    dialog = ReportDialog(parent, title, head, lines)
    dialog.setObjectName("errorReport" if error else "report")
    dialog.open()
    return dialog
