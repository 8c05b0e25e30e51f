"""„Zusammenführen mit Kopie oder Paket…“ with a Ressortpaket that answered a round: the review
dialog names the reports it takes (and the ones it leaves), the merge writes them in the worker,
and the undo stack's undo and redo take them back and again (real widgets, real files)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from sa2030_desktop.domain.reporting import ReportContent, ReportState
from sa2030_desktop.gui.exchange.merge_dialog import MergeDialog
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import package
from tests.reporting.test_package_reports import (
    CONTENT_Z1,
    _open_round,
    _reports,
    _submit_in_package,
    run,
)
from tests.support.reporting import reporting_store

SHOTS = Path("/tmp/shots")


def test_merge_dialog_takes_the_packages_reports_in_one_undo_step(qtbot, tmp_path, capsys):
    main_file, pkg = tmp_path / "haupt.sa2030", tmp_path / "paket_mid.sa2030"
    reporting_store(main_file).close()
    _open_round(capsys, main_file, "R1")
    assert run(capsys, "package", main_file, "MID", pkg)[0] == 0
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)
    _submit_in_package(pkg, "R1", "Z2", ReportContent(progress="Planmäßig."))
    assert run(capsys, "round", "submit", main_file, "R1", "Z2", "--progress", "Haupt")[0] == 0
    assert run(capsys, "round", "review", main_file, "R1", "Z2", "--accept")[0] == 0

    bridge = StoreBridge(Store.open(main_file))
    try:
        other = Store.open(pkg, readonly=True)
        report = package.compare_package(bridge.store, other)
        other.close()
        stack = QUndoStack()
        dialog = MergeDialog(bridge, stack, report)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert "1 Meldung aus dem Ressortpaket übernommen." in dialog.summary.text()
        assert "Meldung zu Z2 (Berichtsrunde R1) nicht übernommen" in dialog.problems.text()
        assert dialog.problems.isVisible() and dialog.apply_button.isEnabled()
        SHOTS.mkdir(exist_ok=True)
        assert dialog.grab().save(str(SHOTS / "merge_package_reports.png"))
        dialog.apply_button.click()
        qtbot.waitUntil(lambda: dialog.job is None and stack.count() == 1, timeout=20000)
        states = {g: r.state for g, r in _reports(main_file, "R1").items()}
        assert (states["Z1"], states["Z2"]) == (ReportState.SUBMITTED, ReportState.ACCEPTED)
        stack.undo()
        assert _reports(main_file, "R1")["Z1"].state is ReportState.PENDING
        assert bridge.snapshot().goals["Z1"].status.value == "on_track"
        stack.redo()
        assert _reports(main_file, "R1")["Z1"].state is ReportState.SUBMITTED
        assert bridge.snapshot().goals["Z1"].status.value == "delayed"
    finally:
        bridge._unsubscribe()
        bridge.store.close()
