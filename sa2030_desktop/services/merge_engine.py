"""Three-way merge of two portfolio states (exchange documents) against their common base.

Per entity and field: a change on one side only is taken; the same change on both sides is
taken once; different changes of one field, and a deletion against a change, are conflicts.
Nothing is decided silently: every value of both sides ends up in the result or in a conflict.
No I/O here — `merge.py` reads the files and writes the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sa2030_desktop.domain.entities import KEY_FIELDS, SECTIONS, record_key

MINE, THEIRS = "mine", "theirs"
ABSENT = None  # a record that does not exist on a side


def index(doc: dict | None) -> dict[str, dict[str, dict]]:
    """{entity: {key: record}} of an exchange document (portfolio info as one record)."""
    out: dict[str, dict[str, dict]] = {e: {} for e in (*SECTIONS.values(), "portfolio")}
    if doc is None:
        return out
    for section, entity in SECTIONS.items():
        for rec in doc.get(section) or []:
            out[entity][record_key(entity, rec)] = rec
    if doc.get("portfolio") is not None:
        out["portfolio"]["portfolio"] = doc["portfolio"]
    return out


@dataclass(slots=True)
class Conflict:
    entity: str
    key: str
    field: str  # "*" when the record itself (deleted vs. changed, added twice) is in question
    base: object
    mine: object
    theirs: object
    kind: str  # both_changed | deleted_mine | deleted_theirs | both_added | no_base

    @property
    def ident(self) -> tuple[str, str, str]:
        return (self.entity, self.key, self.field)


@dataclass(slots=True)
class MergeOutcome:
    records: dict[str, dict[str, dict]]  # the merged state (decided conflicts applied)
    conflicts: list[Conflict] = field(default_factory=list)
    taken: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (entity, key, field) from theirs
    undecided: list[Conflict] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # children of deleted goals

    def document(self) -> dict:
        doc = {"format": "sa2030-portfolio", "version": 1}
        if "portfolio" in self.records["portfolio"]:
            doc["portfolio"] = self.records["portfolio"]["portfolio"]
        for section, entity in SECTIONS.items():
            doc[section] = list(self.records[entity].values())
        return doc


Scope = Callable[[str, dict], bool]


def three_way(
    base: dict | None,
    mine: dict,
    theirs: dict,
    decisions: dict[tuple[str, str, str], str] | None = None,
    bulk: str | None = None,
    scope: Scope | None = None,
) -> MergeOutcome:
    """Merge `theirs` into `mine`. `base` None: no common ancestor known — then every
    difference is a conflict and records present on one side only are kept (nothing lost).
    `scope` limits which records of `theirs` count (a Ressortpaket: the ministry's own)."""
    decisions = decisions or {}
    b_idx, m_idx, t_idx = index(base), index(mine), index(theirs)
    result: dict[str, dict[str, dict]] = {e: dict(recs) for e, recs in m_idx.items()}
    outcome = MergeOutcome(result)
    known_base = base is not None

    def decide(conflict: Conflict) -> str | None:
        outcome.conflicts.append(conflict)
        choice = (
            decisions.get(conflict.ident)
            or decisions.get((conflict.entity, conflict.key, "*"))
            or bulk
        )
        if choice not in (MINE, THEIRS):
            outcome.undecided.append(conflict)
            return None
        return choice

    for entity in m_idx:
        bs, ms, ts = b_idx[entity], m_idx[entity], t_idx[entity]
        keys = set(ts) | set(bs) if known_base else set(ts)
        for key in sorted(keys):
            b, m, t = bs.get(key), ms.get(key), ts.get(key)
            if scope is not None and not any(r is not None and scope(entity, r) for r in (b, t)):
                continue
            if m == t:
                continue
            if not known_base:
                if t is None:
                    continue  # only mine has it: keep
                if m is None:
                    result[entity][key] = t
                    outcome.taken.append((entity, key, "*"))
                    continue
                _fields(entity, key, None, m, t, result, outcome, decide, "no_base")
                continue
            if b is None:  # added on one or both sides
                if m is None:
                    result[entity][key] = t
                    outcome.taken.append((entity, key, "*"))
                elif t is not None:
                    _fields(entity, key, None, m, t, result, outcome, decide, "both_added")
                continue
            if m is None or t is None:  # deleted on one side
                changed_other = (t if m is None else m) != b
                if not changed_other:
                    if t is None:  # theirs deleted, mine unchanged: delete
                        result[entity].pop(key, None)
                        outcome.taken.append((entity, key, "*"))
                    continue  # mine deleted, theirs unchanged: stays deleted
                kind = "deleted_mine" if m is None else "deleted_theirs"
                choice = decide(Conflict(entity, key, "*", b, m, t, kind))
                if choice == THEIRS:
                    if t is None:
                        result[entity].pop(key, None)
                    else:
                        result[entity][key] = t
                continue
            _fields(entity, key, b, m, t, result, outcome, decide, "both_changed")
    _escalate_deleted_goals(b_idx, m_idx, t_idx, result, outcome, decide, known_base)
    _restore_children(m_idx, t_idx, result, outcome)
    _drop_orphans(result, outcome)
    return outcome


def _fields(entity, key, b, m, t, result, outcome, decide, kind) -> None:
    merged = dict(m)
    for name in sorted(set(m) | set(t)):
        if name in KEY_FIELDS[entity]:
            continue
        mv, tv = m.get(name), t.get(name)
        if mv == tv:
            continue
        bv = b.get(name) if b is not None else None
        if b is not None and mv == bv:
            merged[name] = tv
            outcome.taken.append((entity, key, name))
        elif b is not None and tv == bv:
            continue
        else:
            choice = decide(Conflict(entity, key, name, bv, mv, tv, kind))
            if choice == THEIRS:
                merged[name] = tv
    result[entity][key] = merged


def _children(idx: dict, goal: str) -> list[tuple[str, str, dict]]:
    out = [("milestone", k, r) for k, r in idx["milestone"].items() if r.get("goal") == goal]
    out += [
        ("dependency", k, r)
        for k, r in idx["dependency"].items()
        if goal in (r.get("dependent"), r.get("prerequisite"))
    ]
    out += [("indicator", k, r) for k, r in idx["indicator"].items() if r.get("goal") == goal]
    return out


def _escalate_deleted_goals(b_idx, m_idx, t_idx, result, outcome, decide, known_base) -> None:
    """A goal deleted on one side while the other side added or changed something that hangs
    on it (a milestone, a dependency, an indicator) is a conflict, not a silent deletion."""
    if not known_base:
        return
    for key, base_goal in b_idx["goal"].items():
        m, t = m_idx["goal"].get(key), t_idx["goal"].get(key)
        if (m is None) == (t is None):  # present on both sides, or deleted on both
            continue
        already = any(c.ident == ("goal", key, "*") for c in outcome.conflicts)
        if already:
            continue
        other = t_idx if m is None else m_idx
        touched = [(e, k) for e, k, r in _children(other, key) if b_idx[e].get(k) != r]
        if not touched:
            continue
        kind = "deleted_mine" if m is None else "deleted_theirs"
        choice = decide(Conflict("goal", key, "*", base_goal, m, t, kind))
        keep = (
            (choice == MINE and m is not None)
            or (choice == THEIRS and t is not None)
            or (choice is None)
        )
        if keep:
            result["goal"][key] = m if m is not None else t
            src = t_idx if m is None else m_idx
            for e, k, r in _children(src, key):
                result[e].setdefault(k, r)
        else:
            result["goal"].pop(key, None)


def _drop_orphans(result, outcome) -> None:
    goals = result["goal"]
    milestones = result["milestone"]
    for entity in ("milestone", "indicator"):
        for key in [k for k, r in result[entity].items() if r.get("goal") not in goals]:
            del result[entity][key]
            outcome.dropped.append((entity, key))
    for key, rec in list(result["dependency"].items()):
        if rec.get("dependent") not in goals or rec.get("prerequisite") not in goals:
            del result["dependency"][key]
            outcome.dropped.append(("dependency", key))
            continue
        for name in ("prerequisite_milestone", "dependent_milestone"):
            if rec.get(name) and rec[name] not in milestones:
                result["dependency"][key] = {**rec, name: None}


def _restore_children(m_idx, t_idx, result, outcome) -> None:
    """A goal one side deleted but the merge keeps (decided, or still open) keeps what hangs on
    it on the side that kept it — the deletion of its milestones was part of the deletion."""
    for key in result["goal"]:
        if key in m_idx["goal"] and key in t_idx["goal"]:
            continue
        src = m_idx if key in m_idx["goal"] else t_idx
        if src["goal"].get(key) is None:
            continue
        for e, k, r in _children(src, key):
            if k not in result[e]:
                result[e][k] = r
                if (e, k, "*") in outcome.taken:
                    outcome.taken.remove((e, k, "*"))
