"""Working the timeline without a mouse (BITV 2.0, WCAG 2.1.1): the keyboard milestone.

→ / ←          next / previous milestone (row by row, left to right)
↑ / ↓          the nearest milestone in the row above / below
Pos1 / Ende    first / last milestone
+ / −          the milestone's forecast one day later / earlier — the same path as a drag
               (an undoable operation; in the what-if mode a simulated date); with Umschalt a
               week. An open milestone without a forecast gets one, counted from its baseline
Strg++ / Strg+− zoom (plain +/− zoom while no milestone is chosen)
Eingabe, Menütaste, Umschalt+F10   the milestone's menu (Ist-Datum, neuer Basistermin)

The keyboard milestone carries a focus ring while the canvas has the focus.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.timeline_layout import ACTUAL, BASELINE, FORECAST, Marker
from sa2030_desktop.gui.accessibility import FOCUS_COLOUR, announce

K = Qt.Key
# For the shortcut overview of the help (gui/help/shortcuts.py): key, what it does.
KEYS = [
    ("→ / ←", "nächster / voriger Meilenstein"),
    ("↑ / ↓", "nächster Meilenstein in der Zeile darüber / darunter"),
    ("Pos1 / Ende", "erster / letzter Meilenstein"),
    ("+ / −", "Prognose einen Tag später / früher (rückgängig mit Strg+Z)"),
    ("Umschalt++ / Umschalt+−", "Prognose eine Woche später / früher"),
    ("Strg++ / Strg+−", "Zoom"),
    ("Eingabe, Menütaste", "Menü des Meilensteins (Ist-Datum, neuer Basistermin)"),
]
# German keyboards give Umschalt++ as „*“ and Umschalt+− as „_“; the keypad keeps +/−
_LATER, _EARLIER = (K.Key_Plus, K.Key_Equal, K.Key_Asterisk), (K.Key_Minus, K.Key_Underscore)
_WEEK = (K.Key_Asterisk, K.Key_Underscore)
_PREFERENCE = {FORECAST: 0, ACTUAL: 1, BASELINE: 2}  # the marker that stands for a milestone
# translated where shown: tr(_KIND[kind])
_KIND = {FORECAST: "Prognose", ACTUAL: "Ist", BASELINE: "Basistermin"}


def tr(text: str) -> str:
    return QCoreApplication.translate("TimelineKeyboard", text)


class TimelineKeys:
    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.current: str | None = None  # milestone key
        self.order: list[Marker] = []  # one marker per milestone, row by row, left to right
        self._forecasts: dict[str, Marker] = {}
        self._markers: dict[str, list[Marker]] = {}

    def reset(self, layout) -> None:
        """A new layout (after every edit): the keyboard milestone stays where it was."""
        best: dict[str, Marker] = {}
        self._forecasts, self._markers = {}, {}
        for m in layout.markers if layout else ():
            self._markers.setdefault(m.milestone, []).append(m)
            if m.kind == FORECAST:
                self._forecasts[m.milestone] = m
            old = best.get(m.milestone)
            if old is None or _PREFERENCE[m.kind] < _PREFERENCE[old.kind]:
                best[m.milestone] = m
        self.order = sorted(best.values(), key=lambda m: (m.row, m.x, m.milestone))
        if self.current not in best:
            self.current = None
        elif self.canvas.hasFocus():
            self.announce(changed_only=True)  # a moved forecast: the new date is read out

    def marker(self) -> Marker | None:
        if self.current is None:
            return None
        return next((m for m in self.order if m.milestone == self.current), None)

    # -- keys ------------------------------------------------------------------------------------
    def handle(self, event) -> bool:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (K.Key_Right, K.Key_Left) and not ctrl:
            return self.step(1 if key == K.Key_Right else -1)
        if key in (K.Key_Up, K.Key_Down) and not ctrl:
            return self.vertical(key == K.Key_Down)
        if key in (K.Key_Home, K.Key_End) and self.order:
            self.choose(self.order[0 if key == K.Key_Home else -1])
            return True
        if key in _LATER + _EARLIER and not ctrl and self.current:
            week = bool(mods & Qt.KeyboardModifier.ShiftModifier) or key in _WEEK
            return self.shift_forecast((-1 if key in _EARLIER else 1) * (7 if week else 1))
        if key in (K.Key_Return, K.Key_Enter, K.Key_Menu) and self.current:
            self.open_menu()
            return True
        return False

    def step(self, direction: int) -> bool:
        if not self.order:  # goals without milestones (or all filtered): say so, not silence
            self._say(tr("Keine Meilensteine im Zeitplan."))
            return False
        current = self.marker()
        if current is None:
            self.choose(self.order[0 if direction > 0 else -1])
            return True
        index = self.order.index(current) + direction
        if 0 <= index < len(self.order):
            self.choose(self.order[index])
        return True

    def vertical(self, down: bool) -> bool:
        current = self.marker()
        if current is None:
            return self.step(1)
        rows = [m.row for m in self.order if (m.row > current.row if down else m.row < current.row)]
        if not rows:
            return True
        row = min(rows) if down else max(rows)
        self.choose(
            min((m for m in self.order if m.row == row), key=lambda m: abs(m.x - current.x))
        )
        return True

    def choose(self, marker: Marker) -> None:
        self.current = marker.milestone
        self.canvas.ensure_visible(marker)
        self.canvas.viewport().update()
        self.announce()

    def shift_forecast(self, days: int) -> bool:
        key = self.current or ""
        kinds = {m.kind: m for m in self._markers.get(key, ())}
        start = kinds.get(FORECAST) or (kinds.get(BASELINE) if ACTUAL not in kinds else None)
        if start is None:  # achieved: its date is the actual one (Eingabe: the menu)
            self._say(tr("{0} hat keine offene Prognose zum Verschieben.").format(key))
            return True
        self.canvas.forecast_dropped.emit(key, date.fromordinal(start.x) + timedelta(days=days))
        return True

    def say(self, text: str) -> None:
        """A message for the keyboard user (a refused move): read out at once."""
        self._say(text)

    def open_menu(self) -> None:
        marker = self.marker()
        if marker is not None:
            pos = self.canvas.viewport().mapToGlobal(self.canvas.marker_pos(marker).toPoint())
            self.canvas.milestone_menu.emit(marker.milestone, pos)

    # -- what the user sees and hears ------------------------------------------------------------
    def announce(self, changed_only: bool = False) -> None:
        marker = self.marker()
        if marker is None:
            return
        row = self.canvas.layout_.rows[marker.row]
        parts = [
            f"{tr(_KIND[m.kind])} {de_short(date.fromordinal(m.x))}"
            for m in sorted(self._markers[marker.milestone], key=lambda m: _PREFERENCE[m.kind])
        ]
        text = tr("Meilenstein {0} von {1}: {2}").format(
            marker.milestone, row.label, "; ".join(parts)
        )
        if marker.overdue:
            text += tr("; überfällig")
        if not (changed_only and text == self.canvas.accessibleDescription()):
            self._say(text)

    def _say(self, text: str) -> None:
        announce(self.canvas, text)
        self.canvas.announced.emit(text)

    def paint(self, p: QPainter) -> None:
        """The focus ring round the keyboard milestone and its row; without one, round the
        plot (dashed: it differs from a selection also without colour)."""
        c = self.canvas
        if not c.hasFocus():
            return
        p.save()
        p.setClipping(False)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(FOCUS_COLOUR), 2.5, Qt.PenStyle.DashLine))
        marker = self.marker()
        if marker is None:
            p.drawRect(QRectF(c.viewport().rect()).adjusted(2, 2, -3, -3))
        else:
            centre = c.marker_pos(marker)
            p.drawEllipse(centre, 11, 11)
            p.setPen(QPen(QColor(FOCUS_COLOUR), 1.5))
            width = c.viewport().width()
            p.drawRect(QRectF(1.5, centre.y() - c.row_h / 2, width - 3, c.row_h))
        p.restore()
