"""The columns of the view's tables: rounds, completeness matrix, reports. Every state is a German
word (and the overdue mark a sign and a word), never a colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QStyle

from sa2030_desktop.domain.dates import de_short, percent_de
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import MinistryCompleteness, Report, ReportState
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.gui.rounds.table_model import Col
from sa2030_desktop.gui.status_icons import status_icon
from sa2030_desktop.services.reporting import RoundStatus

OVERDUE = "überfällig"  # in tables beside the warning sign (icon)


def _t(text: str) -> str:
    return QCoreApplication.translate("Berichtsrunden", text)


def warning_icon():
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def share_text(row: MinistryCompleteness) -> str:
    return percent_de(row.reported_share) if row.in_scope else "–"


def completeness_text(status: RoundStatus) -> str:
    """„5 von 8 gemeldet (62,5 %)“ – answered = submitted + accepted."""
    total = status.total
    answered = total.submitted + total.accepted
    return _t("{0} von {1} gemeldet ({2})").format(answered, total.in_scope, share_text(total))


def round_columns() -> list[Col]:
    def overdue(s: RoundStatus) -> str:
        late = [m for m, row in s.by_ministry.items() if row.overdue]
        return ", ".join(late)

    return [
        Col(_t("Runde"), lambda s: s.round.key, lambda s: natural_key(s.round.key),
            tip=lambda s: s.round.title),
        Col(_t("Titel"), lambda s: s.round.title),
        Col(_t("Stichtag"), lambda s: de_short(s.round.as_of), lambda s: s.round.as_of),
        Col(_t("Meldeschluss"), lambda s: de_short(s.round.deadline), lambda s: s.round.deadline),
        Col(_t("Zustand"), lambda s: s.round.state.label, lambda s: s.round.state.value),
        Col(_t("Vollständigkeit"), completeness_text, lambda s: s.total.reported_share),
        Col(_t("Überfällig"), lambda s: (OVERDUE + ": " + overdue(s)) if overdue(s) else "",
            overdue, icon=lambda s: warning_icon() if overdue(s) else None, tip=overdue),
    ]  # fmt: skip


def _count(name: str):
    return lambda row: str(getattr(row, name))


def completeness_columns() -> list[Col]:
    """Ministries × report states: counts, share reported, overdue (sign + word)."""
    cols = [Col(_t("Ressort"), lambda r: r.ministry)]
    for state in ReportState:
        cols.append(Col(state.label, _count(state.value), lambda r, n=state.value: getattr(r, n),
                        numeric=True))  # fmt: skip
    cols += [
        Col(_t("im\nUmfang"), lambda r: str(r.in_scope), lambda r: r.in_scope, numeric=True),
        Col(_t("gemeldet\nin %"), share_text, lambda r: r.reported_share, numeric=True),
        Col(_t("Überfällig"), lambda r: OVERDUE if r.overdue else _t("nein"),
            lambda r: (r.overdue, r.pending + r.returned),
            icon=lambda r: warning_icon() if r.overdue else None),
    ]  # fmt: skip
    return cols


def state_text(report: Report) -> str:
    return report.state.label


def reported_status(report: Report) -> str:
    if not report.answered and report.state is not ReportState.RETURNED:
        return ""
    return report.status.label if report.status else _t("unverändert")


def report_columns(titles: dict[str, str]) -> list[Col]:
    def status_icon_of(report: Report):
        return status_icon(report.status) if isinstance(report.status, Status) else None

    return [
        Col(_t("Ziel"), lambda r: r.goal, lambda r: natural_key(r.goal)),
        Col(_t("Titel"), lambda r: titles.get(r.goal, ""), tip=lambda r: titles.get(r.goal, "")),
        Col(_t("Ressort"), lambda r: r.ministry),
        Col(_t("Meldung"), state_text, lambda r: list(ReportState).index(r.state),
            icon=lambda r: warning_icon() if r.state is ReportState.RETURNED else None,
            tip=lambda r: r.review_comment),
        Col(_t("Status gemeldet"), reported_status, icon=status_icon_of),
        Col(_t("gemeldet am"), lambda r: de_short(_day(r.submitted_at)),
            lambda r: r.submitted_at),
    ]  # fmt: skip


def _day(stamp: str):
    from datetime import date

    try:
        return date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        return None
