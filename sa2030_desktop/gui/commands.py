"""Undo commands (Orange `document/commands.py` style): redo()/undo() call inverse services.

Every command is validated before it is pushed, so a refused action never enters the stack
(`push_checked`). Each step is committed when it runs: closing the window never loses work.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Dependency, Goal, Milestone
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import dependencies as dep_service
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import layout as layout_service
from sa2030_desktop.services import package as package_service
from sa2030_desktop.services import reference as reference_service

UNDO_PREFIX = "Rückgängig: "


class ServiceCommand(QUndoCommand):
    """Base: `validate()` raises DomainError before anything is pushed."""

    def __init__(self, bridge: StoreBridge, text: str) -> None:
        super().__init__(text)
        self.bridge = bridge

    @property
    def store(self):
        return self.bridge.store

    def validate(self) -> None:  # pragma: no cover - overridden where there is something to check
        pass


def _editable(store, *goal_keys: str) -> None:
    """In a Ressortpaket only the ministry's own goals (and what hangs on them) may change:
    refuse the rest before the command enters the undo stack (package_readonly)."""
    if not package_service.package_ministry(store):
        return
    for key in dict.fromkeys(goal_keys):
        package_service.check_editable(store, key)


def _no_reference_change(store, entity: str, key: str) -> None:
    """Reference data (categories, theme fields, ministries) is context in a Ressortpaket."""
    ministry = package_service.package_ministry(store)
    if ministry:
        raise DomainError("package_readonly", ministry=ministry, entity=entity, key=key)


def push_checked(parent: QWidget | None, stack: QUndoStack, command: ServiceCommand) -> bool:
    """Validate, then push (which runs redo and so writes). Shows the German message on refusal."""
    try:
        command.validate()
        stack.push(command)
    except DomainError as exc:
        QMessageBox.warning(parent, QWidget.tr("Nicht möglich"), format_error(exc))
        return False
    return True


class UpdateGoalCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, key: str, changes: dict, comment: str = "") -> None:
        super().__init__(bridge, QWidget.tr("Ziel {0} bearbeiten").format(key))
        self.key = key
        self.changes = dict(changes)
        self.comment = comment
        goal = bridge.snapshot().goals[key]
        self.before = {name: _copy(getattr(goal, name)) for name in self.changes}

    def validate(self) -> None:
        _editable(self.store, self.key)
        ministry = package_service.package_ministry(self.store)
        if ministry and self.changes.get("lead", ministry) != ministry:
            raise DomainError("package_lead_fixed", ministry=ministry)
        goal = self.store.snapshot().goals[self.key]
        candidate = dataclasses.replace(goal, **self.changes)
        goal_service._check_goal(self.store, candidate)
        if (
            "status" in self.changes
            and self.changes["status"] != goal.status
            and not (str(self.changes.get("status_reason", "")).strip() or self.comment.strip())
        ):
            raise DomainError("status_reason_required", key=self.key)

    def redo(self) -> None:
        goal_service.update_goal(self.store, self.key, self.comment, **self.changes)

    def undo(self) -> None:
        goal_service.update_goal(self.store, self.key, UNDO_PREFIX + self.text(), **self.before)


class CreateGoalCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, goal: Goal) -> None:
        super().__init__(bridge, QWidget.tr("Ziel {0} anlegen").format(goal.key))
        self.goal = goal

    def validate(self) -> None:
        if self.goal.key in self.store.snapshot().goals:
            raise DomainError("duplicate_key", entity="goal", key=self.goal.key)
        ministry = package_service.package_ministry(self.store)
        if ministry and self.goal.lead != ministry:
            raise DomainError("package_lead_fixed", ministry=ministry)
        goal_service._check_goal(self.store, self.goal)

    def redo(self) -> None:
        goal_service.create_goal(self.store, self.goal)

    def undo(self) -> None:
        goal_service.delete_goal(self.store, self.goal.key, UNDO_PREFIX + self.text())


class DeleteGoalCommand(ServiceCommand):
    """Deletes a goal with its milestones, dependencies and indicators; undo restores them all."""

    def __init__(self, bridge: StoreBridge, key: str) -> None:
        super().__init__(bridge, QWidget.tr("Ziel {0} löschen").format(key))
        snap = bridge.snapshot()
        self.key = key
        self.goal = snap.goals[key]
        self.milestones = list(snap.milestones_of(key))
        self.dependencies = [d for d in snap.dependencies if key in d.pair]
        self.indicators = [i for i in snap.indicators if i.goal == key]

    def validate(self) -> None:
        # its dependencies go with it: those other goals declare must be editable too
        _editable(self.store, self.key, *(d.dependent for d in self.dependencies))

    def redo(self) -> None:
        goal_service.delete_goal(self.store, self.key)

    def undo(self) -> None:
        goal_service.restore_goal(
            self.store,
            self.goal,
            self.milestones,
            self.dependencies,
            self.indicators,
            UNDO_PREFIX + self.text(),
        )


class CreateMilestoneCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, ms: Milestone) -> None:
        super().__init__(bridge, QWidget.tr("Meilenstein {0} anlegen").format(ms.key))
        self.ms = ms if ms.forecast else dataclasses.replace(ms, forecast=ms.baseline)

    def validate(self) -> None:
        if self.ms.key in self.store.snapshot().milestones:
            raise DomainError("duplicate_key", entity="milestone", key=self.ms.key)
        _editable(self.store, self.ms.goal)
        goal_service._check_milestone(self.store, self.ms)

    def redo(self) -> None:
        goal_service.create_milestone(self.store, self.ms)

    def undo(self) -> None:
        goal_service.delete_milestone(self.store, self.ms.key, UNDO_PREFIX + self.text())


class DeleteMilestoneCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, key: str) -> None:
        super().__init__(bridge, QWidget.tr("Meilenstein {0} löschen").format(key))
        snap = bridge.snapshot()
        self.ms = snap.milestones[key]
        self.refs = [
            d for d in snap.dependencies if key in (d.prerequisite_milestone, d.dependent_milestone)
        ]

    def validate(self) -> None:
        _editable(self.store, self.ms.goal, *(d.dependent for d in self.refs))

    def redo(self) -> None:
        goal_service.delete_milestone(self.store, self.ms.key)

    def undo(self) -> None:
        goal_service.restore_milestone(self.store, self.ms, UNDO_PREFIX + self.text())
        for dep in self.refs:
            dep_service.update_link(
                self.store,
                dep.dependent,
                dep.prerequisite,
                UNDO_PREFIX + self.text(),
                prerequisite_milestone=dep.prerequisite_milestone,
                dependent_milestone=dep.dependent_milestone,
            )


class UpdateMilestoneCommand(ServiceCommand):
    """Title, forecast, actual or note (never the baseline: see RebaselineCommand)."""

    def __init__(self, bridge: StoreBridge, key: str, changes: dict, comment: str = "") -> None:
        super().__init__(bridge, QWidget.tr("Meilenstein {0} ändern").format(key))
        self.key = key
        self.changes = dict(changes)
        self.comment = comment
        ms = bridge.snapshot().milestones[key]
        self.before = {name: getattr(ms, name) for name in self.changes}

    def validate(self) -> None:
        ms = self.store.snapshot().milestones.get(self.key)
        if ms is None:
            raise DomainError("not_found", entity="milestone", key=self.key)
        _editable(self.store, ms.goal)
        if "baseline" in self.changes:
            raise DomainError("baseline_needs_rebaseline", key=self.key)
        goal_service._check_milestone(self.store, dataclasses.replace(ms, **self.changes))

    def redo(self) -> None:
        goal_service.update_milestone(self.store, self.key, self.comment, **self.changes)

    def undo(self) -> None:
        goal_service.update_milestone(
            self.store, self.key, UNDO_PREFIX + self.text(), **self.before
        )


class RebaselineCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, key: str, new_baseline: date, comment: str) -> None:
        super().__init__(bridge, QWidget.tr("Neuer Basistermin {0}").format(key))
        self.key = key
        self.new = new_baseline
        self.comment = comment
        self.old = bridge.snapshot().milestones[key].baseline

    def validate(self) -> None:
        ms = self.store.snapshot().milestones.get(self.key)
        if ms is not None:
            _editable(self.store, ms.goal)
        if not self.comment.strip():
            raise DomainError("rebaseline_comment_required", key=self.key)

    def redo(self) -> None:
        goal_service.rebaseline(self.store, self.key, self.new, self.comment)

    def undo(self) -> None:
        goal_service.rebaseline(self.store, self.key, self.old, UNDO_PREFIX + self.comment)


class LinkCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, dependency: Dependency, comment: str = "") -> None:
        super().__init__(
            bridge,
            QWidget.tr("Abhängigkeit {0} → {1}").format(
                dependency.prerequisite, dependency.dependent
            ),
        )
        self.dep = dependency
        self.comment = comment

    def validate(self) -> None:
        _editable(self.store, self.dep.dependent)
        dep_service.check_link(self.store, self.dep)

    def redo(self) -> None:
        dep_service.link(self.store, self.dep, self.comment)

    def undo(self) -> None:
        dep_service.unlink(
            self.store, self.dep.dependent, self.dep.prerequisite, UNDO_PREFIX + self.text()
        )


class UnlinkCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, dependent: str, prerequisite: str) -> None:
        super().__init__(
            bridge, QWidget.tr("Abhängigkeit {0} → {1} entfernen").format(prerequisite, dependent)
        )
        self.dep = dep_service.find(bridge.store, dependent, prerequisite)

    def validate(self) -> None:
        _editable(self.store, self.dep.dependent)

    def redo(self) -> None:
        dep_service.unlink(self.store, self.dep.dependent, self.dep.prerequisite)

    def undo(self) -> None:
        dep_service.link(self.store, self.dep, UNDO_PREFIX + self.text())


class SetForecastsCommand(ServiceCommand):
    """Several forecasts as one step (what-if „Übernehmen“)."""

    def __init__(self, bridge: StoreBridge, forecasts: dict[str, date], comment: str) -> None:
        super().__init__(bridge, QWidget.tr("Prognosen übernehmen ({0})").format(len(forecasts)))
        self.after = dict(forecasts)
        self.comment = comment
        snap = bridge.snapshot()
        self.before = {k: snap.milestones[k].forecast for k in forecasts if k in snap.milestones}

    def validate(self) -> None:
        missing = set(self.after) - set(self.before)
        if missing:
            raise DomainError("not_found", entity="milestone", key=", ".join(sorted(missing)))
        milestones = self.store.snapshot().milestones
        _editable(self.store, *(milestones[k].goal for k in sorted(self.after)))

    def redo(self) -> None:
        goal_service.set_forecasts(self.store, self.after, self.comment)

    def undo(self) -> None:
        goal_service.set_forecasts(self.store, self.before, UNDO_PREFIX + self.comment)


class MoveNodesCommand(ServiceCommand):
    """Manual node positions in a named graph view. Consecutive moves merge while dragging."""

    ID = 1002

    def __init__(self, bridge: StoreBridge, view: str, before: dict, after: dict) -> None:
        super().__init__(bridge, QWidget.tr("Knoten verschieben"))
        self.view = view
        self.before = dict(before)
        self.after = dict(after)

    def id(self) -> int:  # noqa: A003 - Qt name
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt name
        if not isinstance(other, MoveNodesCommand) or other.view != self.view:
            return False
        if set(other.after) != set(self.after):
            return False
        self.after = dict(other.after)
        return True

    def redo(self) -> None:
        layout_service.save_positions(self.store, self.view, self.after)
        self.bridge.layout_changed.emit(self.view)

    def undo(self) -> None:
        layout_service.save_positions(self.store, self.view, self.before)
        self.bridge.layout_changed.emit(self.view)


def _copy(value):
    return list(value) if isinstance(value, list) else value


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
