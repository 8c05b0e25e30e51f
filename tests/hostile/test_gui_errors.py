"""The window's last line of defence: an error escaping a slot is shown in German (excepthook),
its traceback written to the log in the data folder – never printed as a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from sa2030_desktop.gui import excepthook


def test_an_escaped_error_is_a_german_message_with_the_log_named(qtbot, monkeypatch, capsys):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    try:
        {}["fehlt"]
    except KeyError as exc:
        excepthook.show_unexpected(type(exc), exc, exc.__traceback__)
    log = Path(os.environ["SA2030_DATA_DIR"]) / "fehlerprotokoll.txt"
    assert shown and shown[0].startswith("Interner Fehler (KeyError in test_gui_errors.py:")
    assert f"„{log}“" in shown[0]
    assert "Traceback" not in capsys.readouterr().err
    assert "KeyError: 'fehlt'" in log.read_text(encoding="utf-8")


def test_a_full_disk_in_a_slot_is_worded_by_its_errno(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    exc = OSError(28, "No space left on device", "/media/stick/bericht.docx")
    excepthook.show_unexpected(OSError, exc, None)
    assert shown == [
        "Der Datenträger ist voll („/media/stick/bericht.docx“); es wurde nichts geändert."
    ]
