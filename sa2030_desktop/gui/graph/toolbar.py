"""The graph's toolbar: filters (neighbours, cross-ministry, lanes) and the analysis toggles.

It holds the filter state the page builds its view from; `options_changed(fit)` says that the
view must be rebuilt (fit: the visible goals may have changed).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QLabel, QSpinBox, QToolButton, QWidget

from sa2030_desktop.gui.wrap_layout import WrapLayout


class GraphToolbar(QWidget):
    """A tool row that wraps into a second row on a laptop instead of hiding tools behind
    „»“ (a QToolBar cuts what does not fit)."""

    options_changed = Signal(bool)  # fit
    lanes_changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("graphToolbar")
        self.setAccessibleName(self.tr("Werkzeuge des Graphen"))
        self.row = WrapLayout(self, spacing=6, row_spacing=2)
        self.row.setContentsMargins(4, 2, 4, 2)
        self.addWidget(QLabel(self.tr(" Nachbarn: "), self))
        self.hops = QSpinBox(self)
        self.hops.setRange(0, 9)
        self.hops.setAccessibleName(self.tr("Nachbarn der Auswahl (Schritte)"))
        self.hops.setToolTip(self.tr("Zeigt auch Ziele, die bis zu N Abhängigkeiten entfernt sind"))
        self.addWidget(self.hops)
        self.neighbour_edges = QCheckBox(self.tr("Kanten zwischen Nachbarn"), self)
        self.addWidget(self.neighbour_edges)
        self.cross = QCheckBox(self.tr("nur ressortübergreifend"), self)
        self.addWidget(self.cross)
        self.addWidget(QLabel(self.tr(" Bahnen: "), self))
        self.lanes = QComboBox(self)
        self.lanes.setAccessibleName(self.tr("Bahnen"))
        for text, value in (
            (self.tr("keine"), None),
            (self.tr("Federführung"), "lead"),
            (self.tr("Themenfeld"), "theme"),
        ):
            self.lanes.addItem(text, value)
        self.addWidget(self.lanes)
        self.addSeparator()
        self.hops.valueChanged.connect(lambda _v: self.options_changed.emit(True))
        for box in (self.neighbour_edges, self.cross):
            box.toggled.connect(lambda _on: self.options_changed.emit(True))
        self.lanes.currentIndexChanged.connect(lambda _i: self.lanes_changed.emit())

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 (QToolBar's name)
        self.row.addWidget(widget)

    def addSeparator(self) -> None:  # noqa: N802 (QToolBar's name)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.row.addWidget(line)

    def add_action(self, text, slot, checkable=False, checked=False, tip="") -> QAction:
        action = QAction(text, self)
        action.setCheckable(checkable)
        action.setChecked(checked)
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setAccessibleName(text.replace("&", ""))
        self.row.addWidget(button)
        return action

    def filters(self) -> dict:
        """The toolbar's part of GraphOptions."""
        return {
            "hops": self.hops.value(),
            "neighbour_edges": self.neighbour_edges.isChecked(),
            "cross_ministry": self.cross.isChecked(),
            "swimlanes": self.lanes.currentData(),
        }

    def set_filters(self, values: dict) -> None:
        """Set filters without announcing each one (the caller rebuilds once)."""
        widgets = {"hops": self.hops, "neighbour_edges": self.neighbour_edges,
                   "cross_ministry": self.cross, "swimlanes": self.lanes}  # fmt: skip
        for name, value in values.items():
            widget = widgets[name]
            with QSignalBlocker(widget):
                if widget is self.lanes:
                    widget.setCurrentIndex(widget.findData(value))
                elif widget is self.hops:
                    widget.setValue(value)
                else:
                    widget.setChecked(value)
