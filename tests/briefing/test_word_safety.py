"""Text Word cannot store is cleaned once and reported; the export still succeeds."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from docx import Document

from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.briefing import BriefingOptions, build_document
from sa2030_desktop.export.briefing.sanitize import MAX_TITLE, Sanitizer, clean_text
from sa2030_desktop.services.briefing import export_briefing
from tests.briefing.conftest import AS_OF
from tests.support.docx_raw import write_raw_goal

CONTROLS = "".join(chr(c) for c in range(32))  # every C0 control, incl. tab, newline, CR
LONG = "Sehr langer Titel | " + "x" * 100_000


def test_clean_text_removes_exactly_what_xml_forbids():
    clean, removed, shortened = clean_text("a" + CONTROLS + "b\ufffe\uffffc")
    assert clean == "a\t\n\nbc"  # tab and newline stay, CR becomes newline
    assert removed == 29 + 2 and shortened == 0
    assert clean_text("x\ud800y\udfffz") == ("x\ufffdy\ufffdz", 2, 0)
    assert clean_text("Ä | Ö – „ok“") == ("Ä | Ö – „ok“", 0, 0)
    text, _r, original = clean_text(LONG, MAX_TITLE)
    assert len(text) == MAX_TITLE and text.endswith("…") and original == len(LONG)


def test_sanitizer_reports_each_changed_text_once(demo_store):
    snap = demo_store.snapshot()
    goal = dataclasses.replace(snap.goals["Z01"], title="Titel\x07mit\ud800Fehlern",
                               description="ok")  # fmt: skip
    snap2 = dataclasses.replace(snap, goals={**snap.goals, "Z01": goal})
    sanitizer = Sanitizer()
    clean = sanitizer.portfolio(snap2)
    assert clean.goals["Z01"].title == "Titelmit\ufffdFehlern"
    assert snap2.goals["Z01"].title == "Titel\x07mit\ud800Fehlern"  # the snapshot is untouched
    assert sanitizer.report.lines() == ["Ziel Z01, Titel: 2 nicht speicherbare Zeichen ersetzt"]


@pytest.mark.parametrize("kind", ["status", "sprechzettel", "vermerk", "kabinettsvorlage"])
def test_lone_surrogates_and_controls_in_a_snapshot_still_export(demo_store, tmp_path, kind):
    """Lone surrogates cannot even reach SQLite: test the document builder on the snapshot."""
    snap = demo_store.snapshot()
    bad = "Ziel\ud800mit\x00allem\x1f|" + LONG
    goals = dict(snap.goals)
    goals["Z03"] = dataclasses.replace(goals["Z03"], title=bad, status_reason="Grund\x0c\udc00")
    milestones = dict(snap.milestones)
    first = next(m for m in milestones.values() if m.goal == "Z03")
    milestones[first.key] = dataclasses.replace(first, title="M\x1b|\uffff")
    snap2 = dataclasses.replace(snap, goals=goals, milestones=milestones)
    snap2.reindex()
    briefing = build_document(kind, snap2, Selection(goal="Z03") if kind == "vermerk"
                              else Selection(), AS_OF,
                              BriefingOptions(classified=True, occasion="Anlass\x01|"))  # fmt: skip
    path = tmp_path / f"{kind}.docx"
    briefing.doc.save(str(path))
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows
                                                for c in r.cells]  # fmt: skip
    joined = "\n".join(texts)
    assert "Ziel\ufffdmitallem|Sehr langer Titel | xxx" in joined
    assert "\x00" not in joined and "\x1f" not in joined
    assert max(len(t) for t in texts) < 5000  # the 100,000 characters were shortened
    lines = briefing.ctx.report.lines()
    assert "Ziel Z03, Titel: 3 nicht speicherbare Zeichen ersetzt" in lines
    assert "Eingabe, Anlass: 1 nicht speicherbares Zeichen ersetzt" in lines
    assert not any("gekürzt" in line for line in lines)  # shortening is counted, not listed
    assert briefing.ctx.report.shortened >= 1


def test_control_characters_in_the_file_export_via_the_service(demo_store, tmp_path):
    """Written straight into the file – the core refuses such text on every write path."""
    write_raw_goal(
        demo_store,
        "Z99",
        CONTROLS + LONG,
        description="A|B\x07C",
        status_reason="\x0b",
        ms_title="Meilenstein\x08|",
        forecast=date(2026, 8, 31),
    )
    for kind in ("status", "sprechzettel", "vermerk", "kabinettsvorlage"):
        target = tmp_path / f"{kind}.docx"
        result = export_briefing(demo_store, target, kind, Selection(goal="Z99"), AS_OF,
                                 BriefingOptions(classified=True))  # fmt: skip
        assert any(s.startswith("Ziel Z99, Titel:") for s in result.sanitized)
        assert any(s.startswith("Meilenstein Z99-M1, Titel: 1") for s in result.sanitized)
        doc = Document(str(target))
        texts = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        texts += [p.text for p in doc.paragraphs]
        assert any("Sehr langer Titel |" in c for c in texts), kind
        assert not any("\x07" in c or "\x0b" in c for c in texts)
        assert "Meilenstein|" in "\n".join(texts) or kind in ("sprechzettel", "kabinettsvorlage")
