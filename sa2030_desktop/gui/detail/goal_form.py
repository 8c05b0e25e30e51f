"""The editable fields of one goal: „Übernehmen“ pushes one undoable UpdateGoal operation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.ministries import ministries_valid_at
from sa2030_desktop.domain.model import Goal, Portfolio, Status
from sa2030_desktop.domain.rules import contradiction, suggested_status
from sa2030_desktop.gui.commands import push_operation
from sa2030_desktop.gui.detail.dialogs import StatusReasonDialog
from sa2030_desktop.gui.status_icons import status_icon
from sa2030_desktop.messages import FIELD, contradiction_text, format_error
from sa2030_desktop.services import operations as ops

ERROR_STYLE = "color: #B71C1C"


class GoalForm(QWidget):
    dirty_changed = Signal(bool)

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.goal: Goal | None = None
        self._loading = False
        self._dirty = False

        self.key_edit = QLineEdit(self)
        self.key_edit.setReadOnly(True)
        self.title_edit = QLineEdit(self)
        self.title_error = self._error_label()
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(90)
        self.theme_combo = QComboBox(self)
        self.category_label = QLabel(self)
        self.lead_combo = QComboBox(self)
        self.partner_model = QStandardItemModel(self)
        self.partner_view = QListView(self)
        self.partner_view.setModel(self.partner_model)
        self.partner_view.setFixedHeight(188)
        self.partner_view.setWordWrap(True)
        self.partner_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status_combo = QComboBox(self)
        for status in Status:
            self.status_combo.addItem(status_icon(status), status.label, status.value)
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setWordWrap(True)
        self.contradiction_label = self._error_label()
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(60)
        self.priority_spin = QSpinBox(self)
        self.priority_spin.setRange(1, 3)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("durch Komma getrennt"))
        self.stamp_label = QLabel(self)
        self.stamp_label.setWordWrap(True)
        for widget, name in (
            (self.key_edit, "Schlüssel"),
            (self.title_edit, "Titel"),
            (self.description_edit, "Beschreibung"),
            (self.theme_combo, "Themenfeld"),
            (self.lead_combo, "Federführung"),
            (self.partner_view, "Beteiligte Ressorts"),
            (self.status_combo, "Status"),
            (self.reason_edit, "Statusbegründung"),
            (self.priority_spin, "Priorität"),
            (self.tags_edit, "Schlagworte"),
        ):
            widget.setAccessibleName(self.tr(name))

        self.apply_button = QPushButton(self.tr("Üb&ernehmen"), self)
        self.apply_button.setToolTip(self.tr("Änderungen speichern (Strg+Eingabe)"))
        self.revert_button = QPushButton(self.tr("&Verwerfen"), self)
        self.apply_button.clicked.connect(self.apply)
        self.revert_button.clicked.connect(self.reload)
        QShortcut(
            QKeySequence("Ctrl+Return"),
            self,
            self.apply,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Schlüssel:"), self.key_edit)
        form.addRow(self.tr("Tite&l:"), self.title_edit)
        form.addRow("", self.title_error)
        form.addRow(self.tr("Beschreib&ung:"), self.description_edit)
        form.addRow(self.tr("The&menfeld:"), self.theme_combo)
        form.addRow("", self.category_label)
        form.addRow(self.tr("&Federführung:"), self.lead_combo)
        form.addRow(self.tr("Beteil&igung:"), self.partner_view)
        form.addRow(self.tr("&Status:"), self.status_combo)
        form.addRow("", self.suggestion_label)
        form.addRow("", self.contradiction_label)
        form.addRow(self.tr("Statusbe&gründung:"), self.reason_edit)
        form.addRow(self.tr("&Priorität:"), self.priority_spin)
        form.addRow(self.tr("Schlag&worte:"), self.tags_edit)
        form.addRow("", self.stamp_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for signal in (
            self.title_edit.textChanged,
            self.description_edit.textChanged,
            self.reason_edit.textChanged,
            self.tags_edit.textChanged,
            self.theme_combo.currentIndexChanged,
            self.status_combo.currentIndexChanged,
            self.priority_spin.valueChanged,
            self.partner_model.itemChanged,
        ):
            signal.connect(self._mark_dirty)
        self.lead_combo.currentIndexChanged.connect(self._lead_changed)
        self.theme_combo.currentIndexChanged.connect(self._show_category)
        self._set_dirty(False)

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    # -- loading ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.dirty_changed.emit(dirty)

    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def show_goal(self, goal: Goal | None) -> None:
        self.goal = goal
        self.reload()

    def reload(self) -> None:
        self._loading = True
        try:
            portfolio = self.window_.bridge.snapshot()
            goal = portfolio.goals.get(self.goal.key) if self.goal else None
            self.goal = goal
            self.setEnabled(goal is not None)
            self._fill_choices(portfolio, goal)
            if goal is None:
                for edit in (self.key_edit, self.title_edit, self.tags_edit):
                    edit.clear()
                self.description_edit.clear()
                self.reason_edit.clear()
                self.suggestion_label.clear()
                self.contradiction_label.hide()
                return
            self.key_edit.setText(goal.key)
            self.title_edit.setText(goal.title)
            self.title_edit.setCursorPosition(0)  # show the beginning of long titles
            self.description_edit.setPlainText(goal.description)
            self.theme_combo.setCurrentIndex(self.theme_combo.findData(goal.theme))
            self.lead_combo.setCurrentIndex(self.lead_combo.findData(goal.lead))
            self._fill_partners(portfolio, goal.lead, goal.partners)
            self.status_combo.setCurrentIndex(self.status_combo.findData(goal.status.value))
            self.reason_edit.setPlainText(goal.status_reason)
            self.priority_spin.setValue(goal.priority)
            self.tags_edit.setText(", ".join(goal.tags))
            self.stamp_label.setText(
                self.tr("Angelegt {0} · zuletzt geändert {1}").format(
                    _stamp(goal.created), _stamp(goal.updated)
                )
            )
            self._show_category()
            self._show_hints(portfolio, goal)
            self.title_error.hide()
        finally:
            self._loading = False
            self._set_dirty(False)

    def _fill_choices(self, portfolio: Portfolio, goal: Goal | None) -> None:
        self.theme_combo.clear()
        for theme in portfolio.themes.values():
            self.theme_combo.addItem(f"{theme.code} – {theme.name}", theme.code)
        self.lead_combo.clear()
        valid = set(ministries_valid_at(portfolio, self.window_.bridge.as_of))
        for code, ministry in portfolio.ministries.items():
            if code in valid or (goal and code in (goal.lead, *goal.partners)):
                self.lead_combo.addItem(f"{code} – {ministry.name}", code)

    def _fill_partners(self, portfolio: Portfolio, lead: str, checked: list[str]) -> None:
        """Co-ministries: every ministry of the lead list except the lead itself."""
        self.partner_model.clear()
        for i in range(self.lead_combo.count()):
            code = self.lead_combo.itemData(i)
            if code == lead:
                continue
            item = QStandardItem(self.lead_combo.itemText(i))
            item.setData(code, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked
            )
            self.partner_model.appendRow(item)

    def _lead_changed(self) -> None:
        if self._loading:
            return
        lead = self.lead_combo.currentData()
        self._fill_partners(
            self.window_.bridge.snapshot(), lead, [p for p in self.partners() if p != lead]
        )
        self._mark_dirty()

    def _show_category(self) -> None:
        portfolio = self.window_.bridge.snapshot()
        theme = portfolio.themes.get(self.theme_combo.currentData() or "")
        category = portfolio.categories.get(theme.category) if theme else None
        self.category_label.setText(
            self.tr("Zielkategorie: {0}").format(category.name) if category else ""
        )

    def _show_hints(self, portfolio: Portfolio, goal: Goal) -> None:
        as_of = self.window_.bridge.as_of
        suggestion = suggested_status(portfolio, goal, as_of)
        text = self.tr("Vorschlag: {0}").format(suggestion.label)
        if suggestion is goal.status:
            text += self.tr(" (wie gespeichert)")
        self.suggestion_label.setText(text)
        found = contradiction(portfolio, goal, as_of)
        if found:
            self.contradiction_label.setText(
                "⚠ " + contradiction_text(found.reason, found.status.label)
            )
            self.contradiction_label.show()
        else:
            self.contradiction_label.hide()

    # -- reading the fields ----------------------------------------------------------------
    def partners(self) -> list[str]:
        result = []
        for row in range(self.partner_model.rowCount()):
            item = self.partner_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                result.append(item.data(Qt.ItemDataRole.UserRole))
        return result

    def changes(self) -> dict:
        goal = self.goal
        assert goal is not None
        values = {
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "theme": self.theme_combo.currentData(),
            "lead": self.lead_combo.currentData(),
            # Keep the stored order; newly checked ministries follow.
            "partners": [p for p in goal.partners if p in self.partners()]
            + [p for p in self.partners() if p not in goal.partners],
            "status": Status(self.status_combo.currentData()),
            "status_reason": self.reason_edit.toPlainText().strip(),
            "priority": self.priority_spin.value(),
            "tags": [t.strip() for t in self.tags_edit.text().split(",") if t.strip()],
        }
        return {k: v for k, v in values.items() if v != getattr(goal, k)}

    # -- saving ----------------------------------------------------------------------------
    def apply(self) -> bool:
        if self.goal is None or not self._dirty:
            return False
        changes = self.changes()
        if not changes:
            self._set_dirty(False)
            return False
        fields = {k: v for k, v in changes.items() if k != "status"}
        try:  # the other fields are refused before the status question (e.g. an empty title)
            ops.UpdateGoal(self.goal.key, fields).check(self.window_.bridge.store)
        except DomainError as exc:
            self._field_error(exc)
            return False
        comment = ""
        if "status" in changes:
            dialog = StatusReasonDialog(
                self,
                self.goal.key,
                self.goal.status.label,
                changes["status"].label,
                self.goal.status_reason,
            )
            if not dialog.exec():
                return False
            comment = dialog.text()
            changes["status_reason"] = comment
        operation = ops.UpdateGoal(self.goal.key, changes, comment)
        try:
            operation.check(self.window_.bridge.store)
        except DomainError as exc:
            self._field_error(exc)
            return False
        self._set_dirty(False)  # before the write: its change signal reloads a clean form
        if push_operation(self, self.window_.undo_stack, operation, self.window_.bridge):
            return True
        self._set_dirty(True)  # refused (e.g. the file is read-only): the edits stay to retry
        return False

    def _field_error(self, exc: DomainError) -> None:
        """Show the German message under the title (the field users most often leave empty)."""
        field = exc.data.get("field") or ("title" if exc.code == "empty_title" else "")
        prefix = f"{FIELD.get(str(field), field)}: " if field else ""
        self.title_error.setText(prefix + format_error(exc))
        self.title_error.show()
        if exc.code == "empty_title":
            self.title_edit.setFocus()


def _stamp(text: str) -> str:
    if not text:
        return "–"
    day = text[:10].split("-")
    return ".".join(reversed(day)) if len(day) == 3 else text
