"""The hand-made portfolio of the timeline tests (numbers in the tests are worked out by hand).

Z1 (MID) M1 achieved 20.03.2026 (Basis 31.03.2026); M2 Basis 30.09.2026 → Prognose 31.12.2026
   (+92 Tage). Z2 (MID) M1 30.06.2026 waits hard on Z1-M1 (done: no conflict).
Z3 (MI) M1 31.10.2026 waits hard on Z1-M2 (31.12.2026): conflict of 61 days.
Z4 (MF) M1 achieved 15.12.2025. Z2 needs Z4 softly (no arrow). Stichtag 30.04.2026.
"""

from datetime import date

from tests.support.builders import dep, goal, ms

AS_OF = date(2026, 4, 30)


def sections():
    return {
        "goals": [
            goal("Z1", lead="MID", theme="TF01", status="on_track"),
            goal("Z2", lead="MID", theme="TF02", status="delayed"),
            goal("Z3", lead="MI", theme="TF07"),
            goal("Z4", lead="MF", theme="TF13", status="done"),
        ],
        "milestones": [
            ms("Z1-M1", "2026-03-31", actual="2026-03-20"),
            ms("Z1-M2", "2026-09-30", "2026-12-31"),
            ms("Z2-M1", "2026-06-30"),
            ms("Z3-M1", "2026-10-31"),
            ms("Z4-M1", "2025-12-31", actual="2025-12-15"),
        ],
        "dependencies": [
            dep("Z3", "Z1", prerequisite_milestone="Z1-M2", dependent_milestone="Z3-M1"),
            dep("Z2", "Z1", prerequisite_milestone="Z1-M1", dependent_milestone="Z2-M1"),
            dep("Z2", "Z4", kind="soft"),
        ],
    }
