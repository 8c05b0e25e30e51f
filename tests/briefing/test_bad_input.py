"""Refused requests: clear German message, exit status 1 on the CLI, no file left behind."""

from __future__ import annotations

import os
import zipfile

import pytest

from sa2030_desktop.cli.main import main
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.briefing import BriefingOptions
from sa2030_desktop.messages import format_error
from sa2030_desktop.services.briefing import export_briefing
from tests.briefing.conftest import AS_OF


def _files(folder, store) -> set[str]:
    # the portfolio's own -wal/-shm come and go with SQLite's connections (a read on plain
    # sqlite3 before the store's engine is made removes them as its last connection closes)
    sidecars = {f"{store.path.name}-wal", f"{store.path.name}-shm"}
    return set(os.listdir(folder)) - sidecars if folder.is_dir() else set()


def refused(store, target, kind="status", selection=None, **opts) -> str:
    before = _files(target.parent, store)
    with pytest.raises(DomainError) as info:
        export_briefing(store, target, kind, selection or Selection(), AS_OF,
                        BriefingOptions(**opts))  # fmt: skip
    assert _files(target.parent, store) == before, "nothing may be written"
    return format_error(info.value)


def test_empty_selection(demo_store, tmp_path):
    msg = refused(demo_store, tmp_path / "a.docx", selection=Selection(theme="TF04",
                                                                       ministry="MJ"))  # fmt: skip
    assert msg == "Die Auswahl enthält keine Ziele."


def test_unknown_goal_and_codes(demo_store, tmp_path):
    assert refused(demo_store, tmp_path / "a.docx", "vermerk", Selection(goal="Z777")) == \
        "Ziel „Z777“ gibt es nicht."  # fmt: skip
    assert "Unbekanntes Ressort „XY“" in refused(demo_store, tmp_path / "a.docx",
                                                 selection=Selection(ministry="XY"))  # fmt: skip
    assert "Unbekanntes Themenfeld" in refused(demo_store, tmp_path / "a.docx",
                                               selection=Selection(theme="TF99"))  # fmt: skip


def test_unknown_kind_and_extension(demo_store, tmp_path):
    assert "Unbekannte Art des Briefings „memo“" in refused(demo_store, tmp_path / "a.docx", "memo")
    assert "Unbekanntes Dateiformat „.txt“ – erlaubt sind .docx, .odt, .pdf" in \
        refused(demo_store, tmp_path / "a.txt")  # fmt: skip


def test_template_that_is_not_word(demo_store, tmp_path):
    text = tmp_path / "vorlage.docx"
    text.write_text("keine Word-Datei", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    msg = refused(demo_store, out / "a.docx", template=text)
    assert msg.startswith(f"Die Vorlage „{text}“ ist keine Word-Datei")
    other_zip = tmp_path / "archiv.dotx"
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("hallo.txt", "kein Word")
    assert "ist keine Word-Datei" in refused(demo_store, out / "a.docx", template=other_zip)
    assert "gibt es nicht" in refused(demo_store, out / "a.docx", template=tmp_path / "fehlt.dotx")


def test_unwritable_targets(demo_store, tmp_path):
    assert refused(demo_store, tmp_path / "fehlt" / "a.docx") == \
        f"Den Ordner „{tmp_path / 'fehlt'}“ gibt es nicht."  # fmt: skip
    folder = tmp_path / "ordner.docx"
    folder.mkdir()
    assert "ist ein Ordner" in refused(demo_store, folder)
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "gesperrt"
        locked.mkdir()
        locked.chmod(0o555)
        try:
            assert "kann nicht geschrieben werden" in refused(demo_store, locked / "a.docx")
        finally:
            locked.chmod(0o755)


def test_target_open_in_word_is_left_unchanged(demo_store, tmp_path):
    target = tmp_path / "Statusbericht.docx"
    target.write_bytes(b"alte Fassung")
    (tmp_path / "~$atusbericht.docx").write_bytes(b"owner")  # Word's lock file for long names
    msg = refused(demo_store, target)
    assert msg.startswith(f"„{target}“ ist gerade in Word geöffnet")
    assert target.read_bytes() == b"alte Fassung"


def test_cli_success_and_refusals(tmp_path, capsys):
    db = tmp_path / "demo.sa2030"
    assert main(["new", str(db), "--demo"]) == 0
    capsys.readouterr()
    out = tmp_path / "sz.docx"
    assert main(["briefing", str(db), str(out), "--kind", "sprechzettel", "--ministry", "MID",
                 "--involved", "--occasion", "Jour fixe", "--meeting-date", "14.04.2026",
                 "--as-of", "2026-03-31", "--classified", "--reference", "12/3"]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert printed.startswith(f"Sprechzettel geschrieben: {out}") and "VS-NfD" in printed
    assert out.is_file()
    assert main(["briefing", str(db), str(tmp_path / "v.docx"), "--kind", "vermerk",
                 "--goal", "Z404"]) == 1  # fmt: skip
    assert "Ziel „Z404“ gibt es nicht." in capsys.readouterr().err
    assert main(["briefing", str(db), str(tmp_path / "v.docx"), "--kind", "status",
                 "--only-slipped", "--status", "done"]) == 1  # fmt: skip
    assert "Die Auswahl enthält keine Ziele." in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["briefing", str(db), str(tmp_path / "v.docx"), "--kind", "memo"])
    assert info.value.code == 2
    assert not (tmp_path / "v.docx").exists()
