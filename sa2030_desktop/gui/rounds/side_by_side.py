"""The rows of the review's side-by-side table: field, value before, value reported, and a word
(„geändert“) where they differ — a change is never marked by colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from sa2030_desktop.domain.dates import de_short, number_de
from sa2030_desktop.domain.model import Status
from sa2030_desktop.gui.rounds.table_model import Col
from sa2030_desktop.gui.status_icons import status_icon
from sa2030_desktop.services.reporting.previous import ReviewPair


def _t(text: str) -> str:
    return QCoreApplication.translate("Berichtsrunden", text)


@dataclass(frozen=True)
class FieldRow:
    field: str
    before: str
    reported: str
    before_status: Status | None = None
    reported_status: Status | None = None

    @property
    def changed(self) -> bool:
        return self.before != self.reported


def _dates(pair: tuple) -> str:
    forecast, actual = pair
    if actual:
        return _t("Ist {0}").format(de_short(actual))
    return _t("Prognose {0}").format(de_short(forecast)) if forecast else "–"


def _value(v) -> str:
    return f"{number_de(v[0])} ({de_short(v[1])})" if v else "–"


def field_rows(pair: ReviewPair) -> list[FieldRow]:
    before, rep = pair.before, pair.reported
    status = rep.status or before.status
    rows = [
        FieldRow(_t("Status"), before.status.label if before.status else "–",
                 status.label if status else "–", before.status, status),
        FieldRow(_t("Begründung"), before.status_reason or "–",
                 rep.status_reason or before.status_reason or "–"),
        FieldRow(_t("Sachstand") + (f" ({pair.previous_round})" if pair.previous_round else ""),
                 before.progress or "–", rep.progress or "–"),
    ]  # fmt: skip
    for key, dates in before.milestones.items():
        rows.append(FieldRow(_t("Meilenstein {0}").format(key), _dates(dates),
                             _dates(rep.milestones.get(key) or dates)))  # fmt: skip
    for name, value in before.values.items():
        reported = rep.values.get(name)
        rows.append(FieldRow(_t("Indikator {0}").format(name), _value(value),
                             _value(reported or value)))  # fmt: skip
    return rows


def field_columns() -> list[Col]:
    def icon(status):
        return status_icon(status) if status else None

    return [
        Col(_t("Feld"), lambda r: r.field),
        Col(_t("Vorher"), lambda r: r.before, icon=lambda r: icon(r.before_status),
            tip=lambda r: r.before),
        Col(_t("Gemeldet"), lambda r: r.reported, icon=lambda r: icon(r.reported_status),
            tip=lambda r: r.reported),
        Col(_t("Änderung"), lambda r: _t("geändert") if r.changed else ""),
    ]  # fmt: skip
