"""The briefing dialog's „Berichtsrunde“ field: the current state, or a closed round whose
frozen state every kind then reads (the Umsetzungsbericht needs one). The frozen state and the
comparison with the previous round are loaded once per round, on the GUI thread (one JSON text
per round), and handed to the worker as plain data."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.services import reporting
from sa2030_desktop.services.umsetzungsbericht import round_source


class RoundChoice(QComboBox):
    """A combo box of „aktueller Stand“ and the closed rounds (newest first)."""

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingRound")
        self.store = store
        self._sources: dict = {}
        self.addItem(self.tr("aktueller Stand (keine Berichtsrunde)"), None)
        closed = [s.round for s in reporting.list_rounds(store) if not s.round.is_open]
        for rnd in sorted(closed, key=lambda r: r.as_of, reverse=True):
            self.addItem(self.tr("{0} – {1} (Stichtag {2})").format(
                rnd.key, rnd.title, de_short(rnd.as_of)), rnd.key)  # fmt: skip
        self.setAccessibleName(self.tr("Berichtsrunde"))
        self.setToolTip(self.tr("Ein Briefing aus einer abgeschlossenen Berichtsrunde liest deren "
                                "eingefrorenen Stand zum Stichtag der Runde – dieselbe Runde "
                                "ergibt immer denselben Text."))  # fmt: skip

    @property
    def key(self) -> str | None:
        return self.currentData()

    def source(self):
        """The RoundSource of the chosen round (frozen state, previous round, comparison)."""
        key = self.key
        if key is None:
            return None
        if key not in self._sources:
            self._sources[key] = round_source(self.store, key)
        return self._sources[key]

    def portfolio(self, live: Portfolio) -> Portfolio:
        """What the briefing reads: the chosen round's frozen state, else the live snapshot."""
        source = self.source()
        return source.frozen.portfolio if source is not None else live
