"""The hand-made portfolio of the reporting tests: 8 goals of five ministries, milestones with
known dates, two hard dependencies, two indicators — small enough to work every figure out by
hand (the year test in test_year.py writes the expected numbers next to their derivation)."""

from __future__ import annotations

from pathlib import Path

from tests.support.builders import build_store, dep, goal, ms

GOALS = [
    goal("Z1", lead="MID", theme="TF01", status="on_track"),
    goal("Z2", lead="MID", theme="TF02", status="on_track"),
    goal("Z3", lead="MF", theme="TF07", status="not_started"),
    goal("Z4", lead="MF", theme="TF08", status="delayed", status_reason="Vergabe verzögert"),
    goal("Z5", lead="MS", theme="TF13", status="on_track"),
    goal("Z6", lead="MJ", theme="TF03", status="at_risk", status_reason="Personal fehlt"),
    goal("Z7", lead="MWL", theme="TF09", status="on_track"),
    goal("Z8", lead="MWL", theme="TF14", status="not_started"),
]
MILESTONES = [
    ms("Z1-M1", "2026-02-28", actual="2026-02-20"),
    ms("Z1-M2", "2026-09-30"),
    ms("Z2-M1", "2026-06-30"),
    ms("Z3-M1", "2026-05-31"),
    ms("Z4-M1", "2026-03-31", "2026-07-31"),
    ms("Z5-M1", "2026-04-30"),
    ms("Z5-M2", "2026-12-31"),
    ms("Z6-M1", "2026-10-31"),
    ms("Z7-M1", "2026-08-31"),
    ms("Z8-M1", "2027-03-31"),
]
DEPENDENCIES = [
    dep("Z2", "Z1", prerequisite_milestone="Z1-M2", dependent_milestone="Z2-M1"),
    dep("Z6", "Z3"),
]
INDICATORS = [
    {
        "goal": "Z5",
        "name": "Quote",
        "unit": "%",
        "baseline": 0,
        "baseline_date": "2026-01-01",
        "target": 100,
        "target_date": "2027-01-01",
        "values": [{"date": "2026-01-31", "value": 5}],
    },
    {
        "goal": "Z7",
        "name": "Fälle",
        "unit": "",
        "baseline": 100,
        "baseline_date": "2026-01-01",
        "target": 0,
        "target_date": "2026-12-31",
        "values": [],
    },
]


def reporting_store(path: Path):
    return build_store(
        path, goals=GOALS, milestones=MILESTONES, dependencies=DEPENDENCIES, indicators=INDICATORS
    )
