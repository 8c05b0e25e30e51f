"""The Workshop-Protokoll of a real session on a real file, re-opened with python-docx; the CLI."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from docx import Document

from sa2030_desktop.cli.main import main
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Dependency, DependencyKind
from sa2030_desktop.export.briefing import BriefingOptions
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services import workshop
from sa2030_desktop.services.briefing import export_briefing
from sa2030_desktop.services.portfolio import create_portfolio, open_portfolio

MARK = "VS – NUR FÜR DEN DIENSTGEBRAUCH"


def run_session(store):
    """Link, unlink, move a forecast, a forecast moved and undone, a status change, a comment."""
    p = store.snapshot()
    session = workshop.start_session(store)
    ops.Link(Dependency("Z01", "Z40", DependencyKind.HARD), "Im Workshop vereinbart").apply(store)
    ops.Unlink("Z03", "Z02").apply(store)
    ops.UpdateMilestone("Z01-M3", {"forecast": p.milestones["Z01-M3"].forecast
                                   + timedelta(days=30)}).apply(store)  # fmt: skip
    undone = ops.UpdateMilestone("Z04-M3", {"forecast": p.milestones["Z04-M3"].forecast
                                            + timedelta(days=10)})  # fmt: skip
    undone.apply(store)
    undone.inverse("Rückgängig: Meilenstein Z04-M3 ändern").apply(store)
    ops.UpdateGoal("Z02", {"status": "at_risk", "status_reason": "Personal fehlt"}).apply(store)
    ops.UpdateMilestone("Z01-M3", {"note": "Termin mit MI abstimmen"}).apply(store)
    return workshop.end_session(store, session)


@pytest.fixture
def session_store(tmp_path):
    store = create_portfolio(tmp_path / "workshop.sa2030", demo=True)
    session = run_session(store)
    yield store, session
    store.close()


def texts(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


def table_after(doc, heading: str) -> list[list[str]]:
    """The rows of the table that follows the heading starting with `heading`."""
    body = list(doc.element.body)
    start = next(i for i, el in enumerate(body) if el.tag.endswith("}p")
                 and "".join(el.itertext()).startswith(heading))  # fmt: skip
    tbl = next(el for el in body[start:] if el.tag.endswith("}tbl"))
    table = next(t for t in doc.tables if t._tbl is tbl)
    return [[c.text for c in row.cells] for row in table.rows]


def test_session_decisions_in_the_vermerk(session_store, tmp_path):
    store, session = session_store
    ops.Unlink("Z01", "Z40").apply(store)  # after the session: not its decision
    changes = workshop.session_changes(store, session)
    assert len(workshop.decisions(changes)) == 5
    target = tmp_path / "Workshop-Protokoll.docx"
    options = BriefingOptions(session_since=session.started, session_until=session.ended,
                              participants="Frau Beispiel (MID)\nHerr Muster (MI)",
                              classified=True, reference="41-0815", changes=changes)  # fmt: skip
    result = export_briefing(store, target, "workshopprotokoll", options=options)
    assert (result.kind, result.goals, result.classified) == ("workshopprotokoll", 4, True)
    doc = Document(str(target))
    text = texts(doc)
    assert "Betreff: Workshop-Protokoll – Sitzung am " in text
    assert "Teilnehmende | Frau Beispiel (MID), Herr Muster (MI)" in text
    assert "Geschäftszeichen | 41-0815 – VS-NfD" in text
    for section in doc.sections:
        assert MARK in "\n".join(p.text for p in section.header.paragraphs)
    heads = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert heads[:7] == ["1. Anlass", "2. Entscheidungen", "2.1 Abhängigkeiten hinzugefügt (1)",
                         "2.2 Abhängigkeiten entfernt (1)", "2.3 Termine geändert (1)",
                         "2.4 Status geändert (1)", "2.5 Kommentare (1)"]  # fmt: skip
    p = store.snapshot()
    added = table_after(doc, "2.1 ")
    assert added[0] == ["Ziel", "benötigt das Ziel", "Art", "Kommentar"]
    assert added[1] == [f"Z01 {p.goals['Z01'].title} (MID)", f"Z40 {p.goals['Z40'].title} (MID)",
                        "hart", "Im Workshop vereinbart"]  # fmt: skip
    assert table_after(doc, "2.2 ")[1][:3] == [f"Z03 {p.goals['Z03'].title} (MID)",
                                              f"Z02 {p.goals['Z02'].title} (MID)", "hart"]  # fmt: skip
    moved = table_after(doc, "2.3 ")
    assert moved[1] == [f"Z01-M3 {p.milestones['Z01-M3'].title}", "Prognose", "31.12.2027",
                        "30.01.2028", "+30", "–"]  # fmt: skip
    assert "Z04-M3" not in text  # moved and undone within the session: no decision
    assert table_after(doc, "2.4 ")[1][1:] == ["im Plan", "gefährdet", "Personal fehlt"]
    assert table_after(doc, "2.5 ")[1] == ["Meilenstein Z01-M3", "Bemerkung",
                                          "Termin mit MI abstimmen"]  # fmt: skip
    assert "3. Abbildung" in heads and len(doc.inline_shapes) == 1
    verteiler = next(p.text for p in doc.paragraphs if p.text.startswith("Verteiler:"))
    assert verteiler.splitlines() == [
        "Verteiler:", "Ministerium für Infrastruktur und Digitales (MID)", "z. d. A."
    ]  # fmt: skip


def test_cli_since_and_refusals(tmp_path, capsys):
    db = tmp_path / "w.sa2030"
    assert main(["new", str(db), "--demo"]) == 0
    since = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=1)
    store = open_portfolio(db)
    try:
        run_session(store)
    finally:
        store.close()
    out = tmp_path / "p.docx"
    local = since.astimezone().strftime("%d.%m.%Y %H:%M:%S")
    capsys.readouterr()
    assert main(["briefing", str(db), str(out), "--kind", "workshopprotokoll", "--since", local,
                 "--participants", "A, B"]) == 0  # fmt: skip
    assert "Workshop-Protokoll geschrieben" in capsys.readouterr().out
    text = texts(Document(str(out)))
    assert "2.1 Abhängigkeiten hinzugefügt (1)" in text and "Z04-M3" not in text
    # --until before the first change: nothing decided in that span
    early = tmp_path / "frueh.docx"
    assert main(["briefing", str(db), str(early), "--kind", "workshopprotokoll", "--since", local,
                 "--until", local, "--place", "Halle"]) == 0  # fmt: skip
    assert "keine Änderungen am Portfolio beschlossen" in texts(Document(str(early)))
    # an end before the start: a German refusal, exit 1, nothing written
    earlier = (since - timedelta(hours=1)).astimezone().strftime("%d.%m.%Y %H:%M")
    assert main(["briefing", str(db), str(early), "--kind", "workshopprotokoll", "--since", local,
                 "--until", earlier]) == 1  # fmt: skip
    assert "liegt vor ihrem Beginn" in capsys.readouterr().err
    # without --since: a German refusal, exit 1, nothing written
    missing = tmp_path / "fehlt.docx"
    assert main(["briefing", str(db), str(missing), "--kind", "workshopprotokoll"]) == 1
    assert "--since" in capsys.readouterr().err and not missing.exists()
    assert main(["briefing", str(db), str(missing), "--kind", "workshopprotokoll",
                 "--since", "gestern"]) == 1  # fmt: skip
    assert "„gestern“ in „--since“ ist kein Zeitpunkt" in capsys.readouterr().err


def test_no_session_is_refused(demo_store, tmp_path):
    with pytest.raises(DomainError) as info:
        export_briefing(demo_store, tmp_path / "a.docx", "workshopprotokoll")
    assert info.value.code == "briefing_needs_session"
    assert not (tmp_path / "a.docx").exists()


def test_empty_session_says_so(demo_store, tmp_path):
    session = workshop.end_session(demo_store, workshop.start_session(demo_store))
    options = BriefingOptions(session_since=session.started, figures=False,
                              changes=workshop.session_changes(demo_store, session))  # fmt: skip
    result = export_briefing(demo_store, tmp_path / "leer.docx", "workshopprotokoll",
                             options=options)  # fmt: skip
    assert result.goals == 0
    text = texts(Document(str(tmp_path / "leer.docx")))
    assert "In der Sitzung wurden keine Änderungen am Portfolio beschlossen." in text


def test_pdf_pages_read_like_the_docx(session_store, tmp_path):
    import shutil

    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice/pdftotext fehlt")
    store, session = session_store
    options = BriefingOptions(session_since=session.started, session_until=session.ended,
                              changes=workshop.session_changes(store, session))  # fmt: skip
    pdf = tmp_path / "p.pdf"
    export_briefing(store, pdf, "workshopprotokoll", options=options)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "Workshop-Protokoll" in text and "Abhängigkeiten entfernt (1)" in text
    assert "Seite 1 von" in text
