"""Codes and keys that an imported file names in another case than stored (`mid` for MID,
`z05` for Z05): taken as the stored ones by the one rule of domain/codes.py, before the import
is validated, so a code that matches nothing is still refused with its file, sheet and row."""

from __future__ import annotations

import dataclasses

from sa2030_desktop.domain.codes import StoredCodes
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.services.bundle import Bundle

# entity -> its own code or key field, and the portfolio section that holds such codes
_OWN = {
    "category": ("code", "categories"),
    "theme": ("code", "themes"),
    "ministry": ("code", "ministries"),
    "goal": ("key", "goals"),
    "milestone": ("key", "milestones"),
}
# entity -> (field, portfolio section it names a code of); a list field names several
_REFERENCES = {
    "theme": (("category", "categories"),),
    "ministry": (("successor", "ministries"),),
    "goal": (("theme", "themes"), ("lead", "ministries"), ("partners", "ministries")),
    "milestone": (("goal", "goals"),),
    "dependency": (
        ("dependent", "goals"),
        ("prerequisite", "goals"),
        ("prerequisite_milestone", "milestones"),
        ("dependent_milestone", "milestones"),
    ),
    "indicator": (("goal", "goals"),),
}


def match_codes(current: Portfolio, bundle: Bundle) -> None:
    """Rewrite the codes the bundle's records name to the stored ones they mean: a record's
    own key first against the portfolio (re-importing `z05` updates Z05, it adds no second
    goal), then every reference against the portfolio and the codes the file itself defines.
    Idempotent: a preview and the import that follows it see the same records."""
    codes = {section: StoredCodes(getattr(current, section)) for _, section in _OWN.values()}
    sections = bundle.sections()
    for entity, records in sections:
        if entity not in _OWN:
            continue
        name, section = _OWN[entity]
        known = codes[section]
        for rec in records:
            typed = getattr(rec.obj, name)
            stored = known(typed)
            if stored != typed:
                rec.obj = dataclasses.replace(rec.obj, **{name: stored})
        for rec in records:  # known only now: „Z99“ defined by the file is what „z99“ means
            known.add(getattr(rec.obj, name))
    for entity, records in sections:
        for rec in records:
            changed = {}
            for name, section in _REFERENCES.get(entity, ()):
                typed, known = getattr(rec.obj, name), codes[section]
                if isinstance(typed, list):
                    stored = [known(code) for code in typed]
                else:
                    stored = known(typed) if typed else typed
                if stored != typed:
                    changed[name] = stored
            if changed:
                rec.obj = dataclasses.replace(rec.obj, **changed)
