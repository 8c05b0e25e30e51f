"""The export dialog offers OpenDocument next to Excel, and the import wizard reads an .ods
(real widgets, real files)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog

from sa2030_desktop.gui.exchange.import_wizard import FILE_FILTER, ImportWizard
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services.tabular import read_tabular
from tests.support.ods import write_sample_ods


def test_export_dialog_writes_ods_when_that_filter_is_chosen(qtbot, demo_store, monkeypatch,
                                                             tmp_path):  # fmt: skip
    from sa2030_desktop.gui import features
    from sa2030_desktop.gui.main_window import MainWindow

    monkeypatch.setattr(features, "FEATURES", ["sa2030_desktop.gui.exchange.feature"])
    offered = []

    def save_name(parent, title, folder, filter_):
        offered.append(filter_)
        return str(tmp_path / "liste"), "OpenDocument-Tabelle (*.ods)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    bridge = StoreBridge(demo_store)
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    window.action("exchange.export_xlsx").trigger()
    qtbot.waitUntil(lambda: "Exportiert" in window.statusBar().currentMessage(), timeout=20000)
    assert offered == ["Excel-Mappe (*.xlsx);;OpenDocument-Tabelle (*.ods)"]
    assert len(read_tabular([tmp_path / "liste.ods"]).goals) == 50
    window.action("exchange.template").trigger()  # the same dialog: the template as .ods
    assert read_tabular([tmp_path / "liste.ods"]).goals == []
    window.close()
    bridge.close()


def test_import_wizard_offers_and_reads_ods(qtbot, fresh, tmp_path):
    assert "*.ods" in FILE_FILTER
    bridge = StoreBridge(fresh("gui.sa2030"))
    wizard = ImportWizard(bridge, QUndoStack())
    qtbot.addWidget(wizard)
    wizard.files_page.set_paths([write_sample_ods(tmp_path / "liste.ods")])
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    assert page.summary.text() == "Bereit: 9 neu, 0 geändert, 0 unverändert, 0 abgelehnt."
    wizard.reject()
    bridge._unsubscribe()
