"""Long exports report progress per page and can be cancelled; a cancelled export writes nothing."""

import pytest
from PySide6.QtGui import QUndoStack

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.tasks import CancelToken
from sa2030_desktop.domain.timeline_layout import build_layout
from sa2030_desktop.export.timeline_figure import save_layout
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.timeline.view import TimelineView
from tests.support.builders import goal, ms
from tests.support.timeline import AS_OF


@pytest.fixture
def store(make_store):
    goals = [goal(f"Z{n}") for n in range(1, 71)]  # 71 rows: 3 pages
    mss = [ms(f"Z{n}-M1", f"2026-{n % 12 + 1:02d}-15") for n in range(1, 71)]
    return make_store("drei.sa2030", goals=goals, milestones=mss)


@pytest.mark.parametrize("suffix", [".pdf", ".png"])
def test_progress_per_page_and_cancel_leaves_no_file(store, tmp_path, suffix):
    layout = build_layout(store.snapshot(), AS_OF)
    seen = []
    written = save_layout(
        layout, tmp_path / f"plan{suffix}", progress=lambda f, text: seen.append((f, text))
    )
    assert seen == [(1 / 3, "Seite 1 von 3"), (2 / 3, "Seite 2 von 3"), (1.0, "Seite 3 von 3")]
    assert len(written) == (1 if suffix == ".pdf" else 3)
    out = tmp_path / "abbruch"
    out.mkdir()
    calls = []
    token = CancelToken()

    def stop_after_two(fraction, text):
        calls.append(round(fraction * 3))
        if len(calls) == 2:
            token.cancel()  # „Abbrechen“ while page 2 is rendered

    with pytest.raises(DomainError) as info:
        save_layout(layout, out / f"plan{suffix}", progress=stop_after_two, token=token)
    assert info.value.code == "cancelled" and calls == [1, 2]
    assert list(out.iterdir()) == []  # no page, no temporary file


def test_view_export_can_be_cancelled(qtbot, store, tmp_path):
    bridge = StoreBridge(store)
    bridge.set_as_of(AS_OF)
    view = TimelineView(bridge, QUndoStack())
    qtbot.addWidget(view)
    view.show()
    out = tmp_path / "export"
    out.mkdir()
    assert view.cancel_export_button.isHidden()
    with qtbot.waitSignal(view.export_failed, timeout=30000) as sig:
        view.export_to(out / "plan.pdf")
        assert view.cancel_export_button.isVisible() and not view.export_button.isEnabled()
        view.cancel_export()  # before the first page is done: stops after it
    assert sig.args[0] == "Abgebrochen – es wurde nichts geändert."
    assert view.message.text() == sig.args[0]
    assert list(out.iterdir()) == []
    assert view.cancel_export_button.isHidden() and view.export_button.isEnabled()
    with qtbot.waitSignal(view.exported, timeout=30000) as sig:  # the next export runs through
        view.export_to(out / "plan.pdf")
    assert [p.name for p in sig.args[0]] == ["plan.pdf"]
    assert view.message.text().startswith("Exportiert:")
