"""The briefing dialog offers PDF/A and OpenDocument: the chosen filter gives the file ending,
the worker converts through LibreOffice, and a missing LibreOffice is told in German."""

from __future__ import annotations

import os

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from tests.briefing.test_gui_dialog import _open, window  # noqa: F401 (fixture)
from tests.support.pdfa import assert_pdfa_2b, need


def _save_as(monkeypatch, name: str, chosen: str) -> list[str]:
    offered = []

    def fake(_parent, _title, _suggestion, filters):
        offered.extend(filters.split(";;"))
        return name, chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return offered


def test_pdf_filter_gives_a_pdfa_briefing(qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    need("soffice", "pdfinfo", "pdffonts")
    dialog = _open(qtbot, window)
    dialog.as_of.setDate(QDate(2026, 3, 31))
    offered = _save_as(monkeypatch, str(tmp_path / "Statusbericht"), "PDF/A für die E-Akte (*.pdf)")
    dialog.choose_target()
    assert offered == ["Word-Dokument (*.docx)", "PDF/A für die E-Akte (*.pdf)",
                       "OpenDocument-Text (*.odt)"]  # fmt: skip
    assert dialog.target.text() == str(tmp_path / "Statusbericht.pdf")
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=120000)
    assert_pdfa_2b(tmp_path / "Statusbericht.pdf")


def test_typed_ending_wins_over_the_filter(qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    dialog = _open(qtbot, window)
    _save_as(monkeypatch, str(tmp_path / "Bericht.ODT"), "Word-Dokument (*.docx)")
    dialog.choose_target()
    assert dialog.target.text() == str(tmp_path / "Bericht.ODT")


def test_missing_libreoffice_is_told_in_the_dialog(qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("PATH", str(tmp_path / "leer"))
    dialog = _open(qtbot, window)
    target = tmp_path / "Statusbericht.odt"
    dialog.target.setText(str(target))
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.create.isEnabled(), timeout=60000)
    assert "LibreOffice" in dialog.status.text() and "„soffice“" in dialog.status.text()
    assert "LibreOffice" in window.last_error.text()
    assert not [name for name in os.listdir(tmp_path) if "Statusbericht" in name]
