"""German sentences for briefings and the what-if panel („Z05 (MID) wartet über Z39 …“)."""

from __future__ import annotations

from sa2030_desktop.domain.dates import days_de as _days
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.whatif import WhatIfResult


def whatif_sentences(result: WhatIfResult) -> list[str]:
    lines: list[str] = []
    for key, (old, new) in result.changes.items():
        shift = f" ({'+' if (new - old).days > 0 else ''}{_days((new - old).days)})" if old else ""
        lines.append(
            f"Annahme: Prognose {key} von {de_short(old) or '–'} auf {de_short(new)}{shift}."
        )
    before, after = len(result.before.conflicts), len(result.after.conflicts)
    worse = result.worsened_conflicts
    lines.append(
        f"Terminkonflikte: vorher {before}, nachher {after}"
        + (f", davon {len(worse)} verschärft." if worse else ".")
    )
    lines.append(
        f"Meilensteine mit Verzug: vorher {len(result.before.slipped)}, "
        f"nachher {len(result.after.slipped)}."
    )
    for c in result.new_conflicts:
        lines.append(
            f"Neuer Terminkonflikt: {c.dependent} wartet ab {de_short(c.waiting)} auf "
            f"{c.prerequisite}, das erst am {de_short(c.needed)} fertig wäre ({_days(c.days)} zu spät)."
        )
    for b, c in worse:
        lines.append(
            f"Verschärfter Terminkonflikt: {c.dependent} wartet ab {de_short(c.waiting)} auf "
            f"{c.prerequisite}; nun {_days(c.days)} statt {_days(b.days)} zu spät "
            f"(fertig am {de_short(c.needed)})."
        )
    for key, (b, a) in result.changed_suggestions.items():
        lines.append(f"Statusvorschlag {key}: {b.label} → {a.label}.")
    if not result.affected:
        lines.append("Kein anderes Ziel hängt von den geänderten Zielen ab.")
    for a in result.affected:
        source = a.path[0]
        if a.finished:
            lines.append(
                f"{a.key} ({a.lead}) hängt von {source} ab, ist aber bereits abgeschlossen."
            )
        elif len(a.path) == 2:
            lines.append(f"{a.key} ({a.lead}) wartet direkt auf {source}.")
        else:
            lines.append(f"{a.key} ({a.lead}) wartet mittelbar auf {source}: {' → '.join(a.path)}.")
    ministries = sorted({a.lead for a in result.affected if not a.finished})
    if ministries:
        lines.append("Betroffene Ressorts: " + ", ".join(ministries) + ".")
    return lines
