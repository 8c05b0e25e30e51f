"""Pens, fonts and colours of the graph's items: the window's, the projector's (thick lines),
and the projector's dark high-contrast theme. Every text colour has at least 4.5:1 contrast
to its box and every line 3:1 to the background (tests/gui/test_contrast.py checks them, with the status colours on both boxes)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetricsF

from sa2030_desktop.domain import graph_layout as gl


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    box: str  # a goal's box
    text: str
    border: str
    context_box: str  # a neighbour from another lane in a presentation step
    context_text: str
    edge_hard: str
    edge_soft: str
    conflict: str
    highlight: str
    lane_a: str
    lane_b: str
    lane_line: str
    whatif: str  # goals a simulated slip reaches, and their „betroffen“ label
    focus: str  # the keyboard focus frame (never only the selection's colour)


LIGHT = Theme(
    "hell", "#FFFFFF", "#FFFFFF", "#000000", "#263238", "#E6EBEF", "#263238", "#37474F",
    "#546E7A", "#C62828", "#6A1B9A", "#EEF2F6", "#FFFFFF", "#B0BEC5", "#BF360C", "#0B57D0",
)  # fmt: skip
DARK = Theme(
    "dunkel", "#000000", "#141414", "#FFFFFF", "#E0E0E0", "#1A1A1A", "#E8E8E8", "#F5F5F5",
    "#B0BEC5", "#FF6E6E", "#E1A6F0", "#1A1A1A", "#0A0A0A", "#616161", "#FFAB40", "#FFD54F",
)  # fmt: skip
THEMES = {"hell": LIGHT, "dunkel": DARK}


class Style:
    """The presentation switches to thick lines and strong contrast; `steps` to the compact
    boxes of a presentation step (full titles, line pitch 12)."""

    def __init__(self, presentation: bool = False, theme: Theme = LIGHT) -> None:
        self.presentation = presentation
        self.theme = theme
        self.node_pen = 2.2 if presentation else 1.0
        self.edge_pen = 2.6 if presentation else 1.3
        self.line = gl.LINE_HEIGHT
        self.pad = gl.PAD
        self.route = gl.edge_route
        self.focus_room = 12.0  # scene units round a box for its focus ring: 7 px at zoom 0.6
        self.set_families(["DejaVu Sans"])

    def set_families(self, families: list[str]) -> None:
        self.font = QFont()
        self.font.setFamilies(families)
        self.font.setPixelSize(int(gl.FONT_SIZE))
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        self._bold_at: dict[int, QFont] = {}

    def bold_at(self, pixels: int) -> QFont:
        """The bold font at this pixel size: one for all conflict labels of that size
        (thousands at 10,000 goals, each with a QFont of its own before)."""
        if pixels not in self._bold_at:
            font = self._bold_at[pixels] = QFont(self.bold)
            font.setPixelSize(pixels)
        return self._bold_at[pixels]

    def colour(self, name: str) -> QColor:
        return QColor(getattr(self.theme, name))

    def measure(self, text: str, bold: bool) -> float:
        """Width in scene units with the real font (the presentation sizes its boxes by it)."""
        return (self.bold_metrics if bold else self.metrics).horizontalAdvance(text)
