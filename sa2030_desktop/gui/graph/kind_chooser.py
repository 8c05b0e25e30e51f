"""The small inline popup after a drag-to-link: which kind of dependency (or cancel)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sa2030_desktop.domain.model import DependencyKind


class KindChooser(QFrame):
    """A child panel of the view (not a separate window), so it never steals the screen."""

    chosen = Signal(object)  # DependencyKind
    closed = Signal()  # chosen or cancelled: the keyboard goes back to the graph

    def __init__(self, parent: QWidget, dependent: str, prerequisite: str) -> None:
        super().__init__(parent)
        self.setObjectName("kindChooser")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#kindChooser { background: white; border: 2px solid #6A1B9A; }")
        self.setAccessibleName(self.tr("Art der Abhängigkeit wählen"))
        layout = QHBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{0} benötigt {1}:").format(dependent, prerequisite), self))
        self.buttons: dict[DependencyKind, QPushButton] = {}
        for text, kind in (
            (self.tr("&hart"), DependencyKind.HARD),
            (self.tr("&weich"), DependencyKind.SOFT),
        ):
            button = QPushButton(text, self)
            button.setAutoDefault(True)  # Eingabe chooses the focused kind (not only Space)
            button.clicked.connect(lambda _c=False, k=kind: self._choose(k))
            layout.addWidget(button)
            self.buttons[kind] = button
        self.cancel_button = QPushButton(self.tr("Abbrechen"), self)
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.clicked.connect(self.close)
        layout.addWidget(self.cancel_button)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def show_at(self, point: QPoint) -> None:
        self.adjustSize()
        parent = self.parentWidget()
        x = max(0, min(point.x(), parent.width() - self.width()))
        y = max(0, min(point.y() + 12, parent.height() - self.height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self.buttons[DependencyKind.HARD].setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() in (Qt.Key.Key_H, Qt.Key.Key_W):
            self._choose(
                DependencyKind.HARD if event.key() == Qt.Key.Key_H else DependencyKind.SOFT
            )
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        super().closeEvent(event)
        self.closed.emit()

    def _choose(self, kind: DependencyKind) -> None:
        self.close()
        self.chosen.emit(kind)
