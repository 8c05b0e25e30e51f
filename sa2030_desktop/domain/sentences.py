"""German sentences for briefings and the what-if panel („Z05 (MID) wartet über Z39 …“)."""

from __future__ import annotations

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.whatif import WhatIfResult


def whatif_sentences(result: WhatIfResult) -> list[str]:
    lines: list[str] = []
    for key, (old, new) in result.changes.items():
        lines.append(f"Annahme: Prognose {key} von {de_short(old) or '–'} auf {de_short(new)}.")
    before, after = len(result.before.conflicts), len(result.after.conflicts)
    lines.append(f"Terminkonflikte: vorher {before}, nachher {after}.")
    lines.append(
        f"Meilensteine mit Verzug: vorher {len(result.before.slipped)}, "
        f"nachher {len(result.after.slipped)}."
    )
    for c in result.new_conflicts:
        lines.append(
            f"Neuer Terminkonflikt: {c.dependent} wartet ab {de_short(c.waiting)} auf "
            f"{c.prerequisite}, das erst am {de_short(c.needed)} fertig wäre ({c.days} Tage)."
        )
    for key, (b, a) in result.changed_suggestions.items():
        lines.append(f"Statusvorschlag {key}: {b.label} → {a.label}.")
    if not result.affected:
        lines.append("Kein anderes Ziel hängt von den geänderten Zielen ab.")
    for a in result.affected:
        via = f" über {a.via_milestone}" if a.via_milestone else ""
        chain = " → ".join(a.path)
        lines.append(f"{a.key} ({a.lead}) wartet{via} auf {a.path[0]}: {chain}.")
    if result.affected_ministries:
        lines.append("Betroffene Ressorts: " + ", ".join(result.affected_ministries) + ".")
    return lines
