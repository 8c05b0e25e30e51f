"""The filter bar above the goal table: edits one `Selection`, shows „N von M Zielen“."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from sa2030_desktop.domain.dates import number_de
from sa2030_desktop.domain.ministries import ministries_valid_at
from sa2030_desktop.domain.model import STATUS_ORDER, Portfolio
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui import settings
from sa2030_desktop.gui.forms.ui_filter_bar import Ui_FilterBar
from sa2030_desktop.gui.status_icons import status_icon
from sa2030_desktop.gui.wrap_layout import WrapLayout

TEXT_DELAY_MS = 200


class FilterBar(QWidget):
    """Emits `selection_changed(Selection)` whenever the user changes a filter."""

    selection_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FilterBar()
        self.ui.setupUi(self)
        self._portfolio: Portfolio | None = None
        ui = self.ui
        # The groups wrap into further rows on a narrow (laptop) window instead of pushing the
        # goal detail off the screen.
        self.wrap = WrapLayout(self)
        self.wrap.setContentsMargins(6, 6, 6, 2)
        for group in (ui.searchGroup, ui.categoryGroup, ui.themeGroup, ui.statusGroup,
                      ui.ministryGroup, ui.optionsGroup, ui.viewGroup):  # fmt: skip
            self.wrap.addWidget(group)
        # Room for the largest count („100.000 von 100.000 Zielen“): never cut, no re-wrapping.
        widest = ui.countLabel.fontMetrics().horizontalAdvance(
            self.tr("{0} von {1} Zielen").format(number_de(100000), number_de(100000))
        )
        ui.countLabel.setMinimumWidth(widest + 8)
        ui.involvedCombo.addItem(self.tr("nur federführend"), False)
        ui.involvedCombo.addItem(self.tr("federführend oder beteiligt"), True)
        ui.statusCombo.addItem(self.tr("alle"), None)
        for status in STATUS_ORDER:
            ui.statusCombo.addItem(status_icon(status), status.label, status)
        # Typing filters once the user pauses, not on every key (10,000 goals, several views).
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self._emit)
        ui.searchEdit.textChanged.connect(lambda _text: self._text_timer.start())
        ui.searchEdit.returnPressed.connect(self._emit)
        for combo in (ui.themeCombo, ui.ministryCombo, ui.involvedCombo, ui.statusCombo):
            combo.currentIndexChanged.connect(self._emit)
        ui.categoryCombo.currentIndexChanged.connect(self._category_changed)
        ui.slippedCheck.toggled.connect(self._emit)
        ui.resetButton.clicked.connect(self.reset)
        ui.viewCombo.activated.connect(self._view_chosen)
        ui.saveViewButton.clicked.connect(self._save_view)
        ui.deleteViewButton.clicked.connect(self._delete_view)
        self._fill_views()

    # -- choices from the snapshot -------------------------------------------------------------
    def set_portfolio(self, portfolio: Portfolio, as_of) -> None:
        """Refill the choices (categories, themes, ministries at the Stichtag), keep the filter."""
        current = self.selection()
        self._portfolio = portfolio
        ui = self.ui
        with QSignalBlocker(ui.categoryCombo), QSignalBlocker(ui.ministryCombo):
            ui.categoryCombo.clear()
            ui.categoryCombo.addItem(self.tr("alle"), None)
            for cat in sorted(portfolio.categories.values(), key=lambda c: (c.sort, c.code)):
                ui.categoryCombo.addItem(cat.name, cat.code)
            ui.ministryCombo.clear()
            ui.ministryCombo.addItem(self.tr("alle"), None)
            codes = set(ministries_valid_at(portfolio, as_of))
            if current.ministry:
                codes.add(current.ministry)
            for code in sorted(codes):
                m = portfolio.ministries.get(code)
                ui.ministryCombo.addItem(code, code)
                if m:
                    ui.ministryCombo.setItemData(ui.ministryCombo.count() - 1, m.name, 3)
        self._fill_themes(current.category)
        self.set_selection(current, emit=False)

    def _fill_themes(self, category: str | None) -> None:
        combo = self.ui.themeCombo
        keep = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(self.tr("alle"), None)
            if self._portfolio is not None:
                themes = sorted(self._portfolio.themes.values(), key=lambda t: (t.sort, t.code))
                for theme in themes:
                    if category is None or theme.category == category:
                        combo.addItem(f"{theme.code} {theme.name}", theme.code)
                        combo.setItemData(combo.count() - 1, theme.name, 3)  # tooltip
            idx = combo.findData(keep)
            combo.setCurrentIndex(max(idx, 0))

    def _category_changed(self) -> None:
        self._fill_themes(self.ui.categoryCombo.currentData())
        self._emit()

    # -- the selection -------------------------------------------------------------------------
    def selection(self) -> Selection:
        ui = self.ui
        return Selection(
            category=ui.categoryCombo.currentData(),
            theme=ui.themeCombo.currentData(),
            ministry=ui.ministryCombo.currentData(),
            involved=bool(ui.involvedCombo.currentData()),
            status=ui.statusCombo.currentData(),
            only_slipped=ui.slippedCheck.isChecked(),
            text=ui.searchEdit.text().strip(),
        )

    def set_selection(self, sel: Selection, emit: bool = True) -> None:
        ui = self.ui
        widgets = (ui.categoryCombo, ui.themeCombo, ui.ministryCombo, ui.involvedCombo,
                   ui.statusCombo, ui.slippedCheck, ui.searchEdit)  # fmt: skip
        blockers = [QSignalBlocker(w) for w in widgets]
        ui.categoryCombo.setCurrentIndex(max(ui.categoryCombo.findData(sel.category), 0))
        self._fill_themes(sel.category)
        ui.themeCombo.setCurrentIndex(max(ui.themeCombo.findData(sel.theme), 0))
        ui.ministryCombo.setCurrentIndex(max(ui.ministryCombo.findData(sel.ministry), 0))
        ui.involvedCombo.setCurrentIndex(1 if sel.involved else 0)
        ui.statusCombo.setCurrentIndex(max(ui.statusCombo.findData(sel.status), 0))
        ui.slippedCheck.setChecked(sel.only_slipped)
        if ui.searchEdit.text() != sel.text:
            ui.searchEdit.setText(sel.text)
        del blockers
        if emit:
            self._emit()

    def reset(self) -> None:
        self.set_selection(Selection())

    def _emit(self) -> None:
        self._text_timer.stop()
        self.selection_changed.emit(self.selection())

    def show_counts(self, visible: int, total: int) -> None:
        text = self.tr("{0} von {1} Zielen") if total != 1 else self.tr("{0} von {1} Ziel")
        self.ui.countLabel.setText(text.format(number_de(visible), number_de(total)))

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    # -- saved views ---------------------------------------------------------------------------
    def _fill_views(self, current: str | None = None) -> None:
        combo = self.ui.viewCombo
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(self.tr("(keine)"), None)
            for name in settings.saved_views():
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        self.ui.deleteViewButton.setEnabled(current is not None)

    def _view_chosen(self, index: int) -> None:
        name = self.ui.viewCombo.itemData(index)
        self.ui.deleteViewButton.setEnabled(name is not None)
        if name is None:
            return
        sel = settings.saved_views().get(name)
        if sel is not None:
            self.set_selection(sel)

    def save_view_as(self, name: str) -> None:
        settings.save_view(name, self.selection())
        self._fill_views(name)

    def _save_view(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Ansicht speichern"), self.tr("Name der Ansicht:"),
            text=self.ui.viewCombo.currentData() or "",
        )  # fmt: skip
        name = name.strip()
        if ok and name:
            self.save_view_as(name)

    def _delete_view(self) -> None:
        name = self.ui.viewCombo.currentData()
        if name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ansicht löschen"), self.tr("Ansicht „{0}“ löschen?").format(name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            settings.delete_view(name)
            self._fill_views()
