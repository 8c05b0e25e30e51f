"""The undo texts users see in Bearbeiten → Rückgängig, one per operation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.operations import reporting as rops


def _link(op: ops.Link) -> str:
    dep = op.dependency
    return QWidget.tr("Abhängigkeit {0} → {1}").format(dep.prerequisite, dep.dependent)


def _reference(op) -> str:
    code = op.obj.code if isinstance(op, ops.SaveReference) else op.code
    return QWidget.tr("Stammdaten {0} speichern").format(code)


_TEXTS: dict[type, Callable[[object], str]] = {
    ops.CreateGoal: lambda op: QWidget.tr("Ziel {0} anlegen").format(op.goal.key),
    ops.UpdateGoal: lambda op: QWidget.tr("Ziel {0} bearbeiten").format(op.key),
    ops.DeleteGoal: lambda op: QWidget.tr("Ziel {0} löschen").format(op.key),
    ops.CreateMilestone: lambda op: QWidget.tr("Meilenstein {0} anlegen").format(op.milestone.key),
    ops.UpdateMilestone: lambda op: QWidget.tr("Meilenstein {0} ändern").format(op.key),
    ops.DeleteMilestone: lambda op: QWidget.tr("Meilenstein {0} löschen").format(op.key),
    ops.Rebaseline: lambda op: QWidget.tr("Neuer Basistermin {0}").format(op.key),
    ops.SetForecasts: lambda op: QWidget.tr("Prognosen übernehmen ({0})").format(len(op.forecasts)),
    ops.Link: _link,
    ops.Unlink: lambda op: QWidget.tr("Abhängigkeit {0} → {1} entfernen").format(
        op.prerequisite, op.dependent
    ),
    ops.SaveIndicator: lambda op: QWidget.tr("Indikator {0} speichern").format(op.indicator.name),
    ops.DeleteIndicator: lambda op: QWidget.tr("Indikator {0} löschen").format(op.name),
    ops.SaveReference: _reference,
    ops.DeleteReference: _reference,
    ops.ImportBundle: lambda op: QWidget.tr("Import aus {0}").format(op.bundle.source),
    ops.ApplyMerge: lambda op: QWidget.tr("Zusammenführung mit {0}").format(op.report.other),
    ops.RenameMinistry: lambda op: QWidget.tr("Ressort {0} → {1}").format(
        ", ".join(op.old_codes), op.new_code
    ),
}


def _review(op: rops.ReviewReport) -> str:
    if op.accept:
        return QWidget.tr("Meldung {0} bestätigen ({1})").format(op.goal, op.round_key)
    return QWidget.tr("Meldung {0} zurückgeben ({1})").format(op.goal, op.round_key)


_TEXTS.update({
    rops.OpenRound: lambda op: QWidget.tr("Berichtsrunde {0} eröffnen").format(op.round_key),
    rops.SubmitReport: lambda op: QWidget.tr("Meldung {0} abgeben ({1})").format(
        op.goal, op.round_key),
    rops.ReviewReport: _review,
    rops.CloseRound: lambda op: QWidget.tr("Berichtsrunde {0} abschließen").format(op.round_key),
})  # fmt: skip


def undo_text(operation: ops.Operation) -> str:
    text = _TEXTS.get(type(operation))
    return text(operation) if text else type(operation).__name__
