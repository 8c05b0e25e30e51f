"""The bar under the graph's toolbar while a large graph's layout runs in the worker: which
step, how far, and „Abbrechen“ (10,000 goals take 10-20 s on a laptop).

Cancelling keeps the picture shown before: the layout's result never reaches the scene, and
nothing is written (positions are kept only from a finished layout, gui/graph/positions.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from sa2030_desktop.gui.tasks import SCALE, Task, TaskOutcome


class LayoutProgress(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("layoutProgress")
        self.task: Task | None = None
        self.text = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, SCALE)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(240)
        self.bar.setAccessibleName(self.tr("Fortschritt des Layouts"))
        self.cancel_button = QPushButton(self.tr("Abbrechen"), self)
        self.cancel_button.setToolTip(
            self.tr("Layout abbrechen; der Graph zeigt weiter das vorige Bild")
        )
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.text, 1)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self.hide()

    def follow(self, task: Task) -> None:
        """Show the progress of `task` until it ends (a newer layout takes over the bar)."""
        self.task = task
        self.bar.setValue(0)
        self.text.setText(self.tr("Layout wird berechnet …"))
        self.cancel_button.setEnabled(True)
        task.progressed.connect(lambda fraction, text: self._progress(task, fraction, text))
        task.finished.connect(lambda outcome: self._finished(task, outcome))
        self.show()

    def cancel(self) -> None:
        """„Abbrechen“: the worker stops at its next step (seconds at most)."""
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.text.setText(self.tr("Layout wird abgebrochen …"))

    def _progress(self, task: Task, fraction: float, text: str) -> None:
        if task is not self.task or task.token.cancelled:
            return
        self.bar.setValue(round(fraction * SCALE))
        if text:
            self.text.setText(self.tr("Layout wird berechnet: {0} …").format(text))

    def _finished(self, task: Task, _outcome: TaskOutcome) -> None:
        if task is self.task:
            self.task = None
            self.hide()
