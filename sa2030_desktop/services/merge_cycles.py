"""A merge that would close a cycle: the dependencies on the cycle that only one side has
become conflicts of kind "cycle", decidable like any other ("mine" keeps my side of that
dependency, "theirs" the other side's: a dependency only the other side added is then
not taken, or one only I added is dropped). Until one of them breaks the cycle, the
merge stays refused with the cycle's path. No I/O here."""

from __future__ import annotations

from collections.abc import Callable

from sa2030_desktop.domain.entities import dependency_key
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.services.merge_engine import (
    MINE,
    THEIRS,
    Conflict,
    MergeOutcome,
    Scope,
    index,
)

CYCLE = "cycle"


def cycle_keys(path: list[str]) -> list[str]:
    """Dependency keys ("dependent>prerequisite") along a cycle path in "needs" direction."""
    return [dependency_key(a, b) for a, b in zip(path, path[1:], strict=False)]


def resolve_cycles(
    outcome: MergeOutcome,
    base: dict | None,
    mine: dict,
    theirs: dict,
    decisions: dict | None,
    bulk: str | None,
    check: Callable[[], list[Issue]],
    scope: Scope | None = None,
) -> list[Issue]:
    """Turn the one-sided dependencies of every cycle `check()` reports into conflicts and
    apply their decisions; returns the issues left (a cycle stays while undecided)."""
    decisions = decisions or {}
    b_idx, m_idx, t_idx = index(base), index(mine), index(theirs)
    result = outcome.records["dependency"]
    handled: set[str] = {c.key for c in outcome.conflicts if c.entity == "dependency"}
    while True:
        issues = check()
        cycles = [i for i in issues if i.code == CYCLE]
        if not cycles:
            return issues
        broken = False
        for issue in cycles:
            found: list[Conflict] = []
            for key in cycle_keys(list(issue.data.get("path") or [])):
                m, t = m_idx["dependency"].get(key), t_idx["dependency"].get(key)
                if key in handled or key not in result or (m is None) == (t is None):
                    continue
                b = b_idx["dependency"].get(key)
                if scope is not None and not any(
                    r is not None and scope("dependency", r) for r in (b, t)
                ):
                    continue  # outside a Ressortpaket: the package does not speak for it
                handled.add(key)
                conflict = Conflict("dependency", key, "*", b, m, t, CYCLE)
                outcome.conflicts.append(conflict)
                if ("dependency", key, "*") in outcome.taken:
                    outcome.taken.remove(("dependency", key, "*"))
                found.append(conflict)
                choice = decisions.get(conflict.ident) or bulk
                if choice not in (MINE, THEIRS):
                    outcome.undecided.append(conflict)
                    continue
                kept = m if choice == MINE else t
                if kept is None:
                    del result[key]
                    broken = True
            if broken:  # this cycle is broken: its other dependencies need no decision
                for conflict in found:
                    if conflict in outcome.undecided:
                        outcome.undecided.remove(conflict)
                        outcome.conflicts.remove(conflict)
                        handled.discard(conflict.key)
                        if conflict.mine is None:
                            outcome.taken.append(("dependency", conflict.key, "*"))
                break
        if not broken:
            return issues
