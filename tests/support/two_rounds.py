"""Two closed rounds on the hand-made portfolio of tests/support/reporting.py, for the
Umsetzungsbericht. Every figure the tests expect is worked out below by hand.

Round R1 (Stichtag 31.03.2026): Z1, Z2, Z5–Z8 answer; Z3 stays pending, Z4 is returned with
„Quelle fehlt“ → both „keine Meldung“. Closed with --force.
  R1 status: Z1 im Plan, Z2 im Plan, Z3 nicht begonnen, Z4 verzögert, Z5 im Plan, Z6 gefährdet,
  Z7 im Plan, Z8 nicht begonnen. Conflict Z2>Z1: Z2-M1 waits 30.06.2026, Z1-M2 is needed on
  30.09.2026. Quote (Z5): 20 on 31.03.2026; path 0 (01.01.2026) → 100 (01.01.2027): expected
  100·89/365 = 24,38, gap −0,044 → „auf Kurs“.
Between the rounds: Z8 deleted, Z9 (MID, TF01, nicht begonnen) created.
Round R2 (Stichtag 30.09.2026): reports
  Z1 Z1-M2 Ist 15.09.2026, abgeschlossen         on_track → done       (improved)
  Z2 Z2-M1 Prognose 31.10.2026, verzögert        on_track → delayed    (worsened; shift 123 d)
  Z3 Z3-M1 Prognose 31.12.2026, im Plan          not_started → on_track (same rank; shift 214 d)
  Z4 gefährdet                                   delayed → at_risk     (worsened)
  Z5 Z5-M1 Ist 28.04.2026, Quote 40 (30.09.2026) on_track → on_track
  Z6 im Plan                                     at_risk → on_track    (improved)
  Z7 no answer (pending)                         on_track → on_track
  Z9 answered (new goal)
  Achieved between the as-of dates: Z1-M2 (15.09.), Z5-M1 (28.04.). Conflicts in R2: Z2>Z1
  resolved (needed 15.09. before waiting 31.10.); Z6>Z3 new (needed 31.12. after Z6-M1 31.10.).
  Quote: expected 100·272/365 = 74,52 on 30.09.2026, gap (40 − 74,52)/100 = −0,345 →
  „deutlich hinter Plan“ (was „auf Kurs“). Fälle (Z7): no value → „keine Messung“ in both.
  R2 status: nicht begonnen 1 (Z9), im Plan 4 (Z3, Z5, Z6, Z7), verzögert 1 (Z2),
  gefährdet 1 (Z4), abgeschlossen 1 (Z1) – 8 goals; R1 of the same kind: 2, 4, 1, 1, 0.
  7 of 8 reports (87,5 %); missing: Z7 (MWL, ausstehend).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sa2030_desktop.domain.model import Goal, Status
from sa2030_desktop.domain.reporting import ReportContent
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import reporting
from tests.support.reporting import reporting_store

D = date.fromisoformat
TODAY = date(2026, 11, 30)

SACHSTAND_R1 = {
    "Z1": "Pilot läuft in zwei Landkreisen.",
    "Z2": "Konzept liegt vor; Abstimmung mit dem MF läuft.",
    "Z5": "Die Quote steigt wie geplant.",
    "Z6": "Die Stellen sind ausgeschrieben.",
    "Z7": "Erste Fälle werden digital bearbeitet.",
    "Z8": "Noch nicht begonnen, Start 2027.",
}
SACHSTAND_R2 = {
    "Z1": "Der Dienst ist landesweit in Betrieb.",
    "Z2": "Die Vergabe verzögert sich um vier Monate.",
    "Z3": "Das Projekt ist gestartet.",
    "Z4": "Der Dienstleister ist ausgefallen.",
    "Z5": "Die Quote bleibt hinter dem Zielpfad zurück.",
    "Z6": "Alle Stellen sind besetzt.",
    "Z9": "Die Planung beginnt.",
}
REMARK = "Haushaltsmittel 2027 noch nicht gesichert"  # internal (Z2, R1)
RETURN_COMMENT = "Quelle fehlt"  # returned, never corrected (Z4, R1)


def _submit(store, key, goal, progress="", **content):
    reporting.submit(store, key, goal, ReportContent(progress=progress, **content), today=TODAY)


def round_one(store) -> None:
    reporting.open_round(store, "R1", "Umsetzungsbericht 2026/I", D("2026-03-31"), D("2026-04-30"))
    for goal, text in SACHSTAND_R1.items():
        _submit(store, "R1", goal, text, remark=REMARK if goal == "Z2" else "")
    _submit(store, "R1", "Z5", SACHSTAND_R1["Z5"], values={"Quote": (20.0, D("2026-03-31"))})
    _submit(store, "R1", "Z4", "Angaben folgen.")
    reporting.review(store, "R1", "Z1", accept=True)
    reporting.review(store, "R1", "Z4", accept=False, text=RETURN_COMMENT)
    reporting.close(store, "R1", force=True)


def between(store) -> None:
    goal_service.delete_goal(store, "Z8", "entfällt")
    goal_service.create_goal(store, Goal("Z9", "Ziel Z9", "TF01", "MID", status=Status.NOT_STARTED))


def round_two(store) -> None:
    reporting.open_round(store, "R2", "Umsetzungsbericht 2026/II", D("2026-09-30"),
                         D("2026-10-31"))  # fmt: skip
    s = SACHSTAND_R2
    _submit(
        store,
        "R2",
        "Z1",
        s["Z1"],
        status=Status.DONE,
        status_reason="fertig",
        actuals={"Z1-M2": D("2026-09-15")},
    )
    _submit(store, "R2", "Z2", s["Z2"], status=Status.DELAYED, status_reason="Vergabe",
            forecasts={"Z2-M1": D("2026-10-31")})  # fmt: skip
    _submit(store, "R2", "Z3", s["Z3"], status=Status.ON_TRACK, status_reason="gestartet",
            forecasts={"Z3-M1": D("2026-12-31")})  # fmt: skip
    _submit(store, "R2", "Z4", s["Z4"], status=Status.AT_RISK, status_reason="Ausfall")
    _submit(store, "R2", "Z5", s["Z5"], actuals={"Z5-M1": D("2026-04-28")},
            values={"Quote": (40.0, D("2026-09-30"))})  # fmt: skip
    _submit(store, "R2", "Z6", s["Z6"], status=Status.ON_TRACK, status_reason="besetzt")
    _submit(store, "R2", "Z9", s["Z9"])
    reporting.close(store, "R2", force=True)


def two_round_store(path: Path):
    """The portfolio with R1 and R2 closed (the store is open; the caller closes it)."""
    store = reporting_store(path)
    round_one(store)
    between(store)
    round_two(store)
    return store


def later_edits(store) -> None:
    """After both rounds: edit, rename and delete goals of the live portfolio."""
    goal_service.update_goal(store, "Z1", "Titel geändert", title="Ganz anderer Titel")
    goal_service.update_goal(store, "Z5", "neu bewertet", status=Status.AT_RISK,
                             status_reason="Quote bricht ein")  # fmt: skip
    goal_service.rename_goal_key(store, "Z2", "Z20", "neuer Schlüssel")
    goal_service.delete_goal(store, "Z6", "entfällt")
    goal_service.delete_goal(store, "Z3", "entfällt")
