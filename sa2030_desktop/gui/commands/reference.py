"""Undo commands for indicators and reference data (categories, themes, ministries)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.gui.commands.base import (
    UNDO_PREFIX,
    ServiceCommand,
    _editable,
    _no_reference_change,
)
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import reference as reference_service


class SaveIndicatorCommand(ServiceCommand):
    """Create or change an indicator (with its values); undo restores or removes it."""

    def __init__(self, bridge: StoreBridge, indicator, comment: str = "") -> None:
        super().__init__(bridge, QWidget.tr("Indikator {0} speichern").format(indicator.name))
        self.after = indicator
        self.comment = comment
        self.before = next(
            (
                i
                for i in bridge.snapshot().indicators
                if (i.goal, i.name) == (indicator.goal, indicator.name)
            ),
            None,
        )

    def validate(self) -> None:
        if self.after.goal not in self.store.snapshot().goals:
            raise DomainError("unknown_goal", key=self.after.name, value=self.after.goal)
        _editable(self.store, self.after.goal)
        if not self.after.name.strip():
            raise DomainError("empty_title", entity="indicator", key=self.after.goal)
        goal_service._check_text(
            "indicator", self.after.name, name=self.after.name, unit=self.after.unit
        )

    def redo(self) -> None:
        goal_service.save_indicator(self.store, self.after, self.comment)

    def undo(self) -> None:
        if self.before is None:
            goal_service.delete_indicator(
                self.store, self.after.goal, self.after.name, UNDO_PREFIX + self.text()
            )
        else:
            goal_service.save_indicator(self.store, self.before, UNDO_PREFIX + self.text())


class DeleteIndicatorCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, goal: str, name: str) -> None:
        super().__init__(bridge, QWidget.tr("Indikator {0} löschen").format(name))
        self.indicator = next(
            i for i in bridge.snapshot().indicators if (i.goal, i.name) == (goal, name)
        )

    def validate(self) -> None:
        _editable(self.store, self.indicator.goal)

    def redo(self) -> None:
        goal_service.delete_indicator(self.store, self.indicator.goal, self.indicator.name)

    def undo(self) -> None:
        goal_service.save_indicator(self.store, self.indicator, UNDO_PREFIX + self.text())


class SaveReferenceCommand(ServiceCommand):
    """Create or change a category, theme field or ministry; undo restores or removes it."""

    _SAVE = {
        "Category": reference_service.save_category,
        "Theme": reference_service.save_theme,
        "Ministry": reference_service.save_ministry,
    }
    _ENTITY = {
        "Category": ("category", "categories"),
        "Theme": ("theme", "themes"),
        "Ministry": ("ministry", "ministries"),
    }

    def __init__(self, bridge: StoreBridge, obj, comment: str = "") -> None:
        super().__init__(bridge, QWidget.tr("Stammdaten {0} speichern").format(obj.code))
        self.after = obj
        self.comment = comment
        self.entity, section = self._ENTITY[type(obj).__name__]
        self.before = getattr(bridge.snapshot(), section).get(obj.code)

    def _save(self, obj, comment: str) -> None:
        self._SAVE[type(obj).__name__](self.store, obj, comment)

    def validate(self) -> None:
        _no_reference_change(self.store, self.entity, self.after.code)
        if not self.after.code.strip() or not self.after.name.strip():
            raise DomainError("empty_title", entity=self.entity, key=self.after.code)
        snap = self.store.snapshot()
        if self.entity == "theme" and self.after.category not in snap.categories:
            raise DomainError("unknown_category", key=self.after.code, value=self.after.category)
        successor = getattr(self.after, "successor", None)
        if successor and successor not in snap.ministries:
            raise DomainError("unknown_ministry", key=self.after.code, value=successor)
        goal_service._check_text(self.entity, self.after.code, name=self.after.name)

    def redo(self) -> None:
        self._save(self.after, self.comment)

    def undo(self) -> None:
        if self.before is None:
            reference_service.delete_reference(
                self.store, self.entity, self.after.code, UNDO_PREFIX + self.text()
            )
        else:
            self._save(self.before, UNDO_PREFIX + self.text())


class RenameMinistryCommand(ServiceCommand):
    """Rename or merge ministries from an effective date; undo reopens the old ones."""

    def __init__(
        self,
        bridge: StoreBridge,
        old_codes: list[str],
        new_code: str,
        name: str,
        effective: date,
        comment: str = "",
    ) -> None:
        super().__init__(
            bridge, QWidget.tr("Ressort {0} → {1}").format(", ".join(old_codes), new_code)
        )
        snap = bridge.snapshot()
        self.old_codes = list(old_codes)
        self.new_code = new_code
        self.name = name
        self.effective = effective
        self.comment = comment
        self.before = [snap.ministries[c] for c in old_codes if c in snap.ministries]
        self.created = new_code not in snap.ministries

    def validate(self) -> None:
        _no_reference_change(self.store, "ministry", ", ".join(self.old_codes))
        snap = self.store.snapshot()
        if not self.old_codes:
            raise DomainError("usage", detail="old")
        for code in self.old_codes:
            ministry = snap.ministries.get(code)
            if ministry is None:
                raise DomainError("not_found", entity="ministry", key=code)
            if ministry.valid_until is not None and ministry.valid_until < self.effective:
                raise DomainError(
                    "ministry_closed", key=code, value=ministry.valid_until.isoformat()
                )
            if ministry.valid_from and ministry.valid_from >= self.effective:
                raise DomainError(
                    "effective_before_start", key=code, value=ministry.valid_from.isoformat()
                )
        if not self.new_code.strip():
            raise DomainError("empty_key", entity="ministry")
        if self.new_code in self.old_codes:
            raise DomainError("rename_same_code", key=self.new_code)
        if not self.name.strip():
            raise DomainError("empty_title", entity="ministry", key=self.new_code)

    def redo(self) -> None:
        reference_service.rename_ministry(
            self.store, self.old_codes, self.new_code, self.name, self.effective, self.comment
        )

    def undo(self) -> None:
        for ministry in self.before:
            reference_service.save_ministry(self.store, ministry, UNDO_PREFIX + self.text())
        if self.created:
            reference_service.delete_reference(
                self.store, "ministry", self.new_code, UNDO_PREFIX + self.text()
            )
