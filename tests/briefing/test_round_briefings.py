"""`sa2030 briefing … --round KEY`: every kind reads the frozen state of the closed round (the
same text before and after later edits), the Umsetzungsbericht needs a closed round, and every
refusal is German, exit status 1, nothing written."""

from __future__ import annotations

import os
import shutil

import pytest
from docx import Document

from sa2030_desktop.cli.main import main
from sa2030_desktop.services.umsetzungsbericht import document_text
from tests.support.two_rounds import later_edits, two_round_store


@pytest.fixture(scope="module")
def rounds_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("runden") / "zwei.sa2030"
    two_round_store(path).close()
    return path


@pytest.fixture
def pf(rounds_file, tmp_path):
    copy = tmp_path / "zwei.sa2030"
    shutil.copyfile(rounds_file, copy)
    return copy


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def texts(path) -> tuple[str, list[str]]:
    doc = Document(str(path))
    return document_text(doc), [p.text for s in doc.sections for p in s.header.paragraphs]


KINDS = [("status", []), ("sprechzettel", ["--ministry", "MID"]),
         ("vermerk", ["--goal", "Z2"]), ("kabinettsvorlage", []),
         ("umsetzungsbericht", [])]  # fmt: skip


def test_every_kind_reads_the_round_not_the_live_portfolio(capsys, pf, tmp_path):
    before = {}
    for kind, extra in KINDS:
        out = tmp_path / f"{kind}-1.docx"
        code, stdout, err = run(capsys, "briefing", pf, out, "--kind", kind, "--round", "R1",
                                "--issued", "2026-11-30", *extra)  # fmt: skip
        assert code == 0, err
        assert "Stichtag 31.03.2026, Berichtsrunde R1" in stdout
        before[kind] = texts(out)
        assert "31. März 2026" in before[kind][0]
    # Z8 was deleted before round 2 but belongs to round 1's frozen state
    assert "Z8" in before["status"][0] and "Z8" in before["kabinettsvorlage"][0]
    with _open(pf) as store:
        later_edits(store)  # Z2 renamed Z20, Z3 and Z6 deleted, Z1 retitled, Z5 at risk
    for kind, extra in KINDS:
        out = tmp_path / f"{kind}-2.docx"
        code, _, err = run(capsys, "briefing", pf, out, "--kind", kind, "--round", "R1",
                           "--issued", "2026-11-30", *extra)  # fmt: skip
        assert code == 0, err
        assert texts(out) == before[kind], kind
    # without --round the live portfolio is read, and it did change
    code, _, err = run(capsys, "briefing", pf, tmp_path / "live.docx", "--kind", "status",
                       "--as-of", "2026-03-31", "--issued", "2026-11-30")  # fmt: skip
    assert code == 0, err
    assert texts(tmp_path / "live.docx")[0] != before["status"][0]


class _open:
    def __init__(self, path):
        from sa2030_desktop.services.portfolio import open_portfolio

        self.store = open_portfolio(path)

    def __enter__(self):
        return self.store

    def __exit__(self, *exc):
        self.store.close()


def test_umsetzungsbericht_on_the_command_line(capsys, pf, tmp_path):
    out = tmp_path / "bericht.docx"
    code, stdout, err = run(capsys, "briefing", pf, out, "--kind", "umsetzungsbericht",
                            "--round", "R2", "--public", "--json")  # fmt: skip
    assert code == 0, err
    import json

    data = json.loads(stdout)
    assert (data["goals"], data["as_of"], data["round"], data["public"]) == (
        8, "2026-09-30", "R2", True)  # fmt: skip
    text = texts(out)[0]
    assert "Fassung: öffentliche Fassung" in text and "Interne Anmerkungen" not in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "aus dem eingefrorenen Stand einer abgeschlossenen Berichtsrunde"),
        (("--round", "R9"), "R9"),
        (("--round", "R2", "--public", "--classified"), "öffentliche Fassung lässt sich nicht"),
        (("--round", "R2", "--as-of", "2026-06-30"), "hat den Stichtag 30.09.2026"),
        (("--round", "R2", "--ministry", "XY"), "XY"),
    ],
)
def test_umsetzungsbericht_refusals(capsys, pf, tmp_path, args, words):
    out = tmp_path / "out" / "bericht.docx"
    out.parent.mkdir()
    code, _, err = run(capsys, "briefing", pf, out, "--kind", "umsetzungsbericht", *args)
    assert code == 1
    assert words in err and "Traceback" not in err
    assert os.listdir(out.parent) == []


def test_change_log_is_refused_on_a_round(capsys, pf, tmp_path):
    out = tmp_path / "out" / "status.docx"
    out.parent.mkdir()
    code, _, err = run(capsys, "briefing", pf, out, "--kind", "status", "--round", "R1",
                       "--changes-since", "2026-01-01")  # fmt: skip
    assert code == 1 and "kein Änderungsprotokoll" in err
    assert os.listdir(out.parent) == []


def test_open_round_is_refused(capsys, pf, tmp_path):
    assert run(capsys, "round", "open", pf, "R3", "--title", "Runde 3", "--as-of", "2026-12-31",
               "--deadline", "2027-01-31")[0] == 0  # fmt: skip
    out = tmp_path / "out" / "bericht.docx"
    out.parent.mkdir()
    for kind in ("umsetzungsbericht", "status"):
        code, _, err = run(capsys, "briefing", pf, out, "--kind", kind, "--round", "R3")
        assert code == 1 and "noch offen" in err
    assert os.listdir(out.parent) == []


def test_a_round_of_some_ministries_reports_on_their_goals_only(capsys, pf, tmp_path):
    assert run(capsys, "round", "open", pf, "R3", "--title", "Nachmeldung MF", "--as-of",
               "2026-11-30", "--deadline", "2026-12-15", "--ministry", "MF")[0] == 0  # fmt: skip
    assert run(capsys, "round", "close", pf, "R3", "--force")[0] == 0
    out = tmp_path / "r3.docx"
    code, stdout, err = run(capsys, "briefing", pf, out, "--kind", "umsetzungsbericht",
                            "--round", "R3", "--json")  # fmt: skip
    assert code == 0, err
    text = texts(out)[0]
    # Z3 and Z4 are MF's; compared with R2 (the latest closed round before 30.11.2026)
    assert "umfasst die Auswahl 2 Ziele" in text
    assert "Zu 2 Zielen im Umfang der Berichtsrunde liegen 0 Meldungen" in text
    assert "Gegenüber der Berichtsrunde R2 (Stichtag 30. September 2026) haben sich 0 Ziele " \
           "verschlechtert" in text  # fmt: skip
    assert "Z1 " not in text and "Z5 " not in text and "MF (2)" in text
