"""The core's cooperative cancel: a token is only noticed where the work checks it (between
batches, or bound to the thread for code that takes no token), and then nothing is written."""

from __future__ import annotations

import threading

import pytest

from sa2030_desktop.domain.tasks import Cancelled, CancelToken, bound, checkpoint
from sa2030_desktop.messages import format_error
from sa2030_desktop.services.tabular import write_tabular


def test_token_checks_only_after_cancel_and_speaks_german():
    token = CancelToken()
    token.check()  # nothing happens before a cancel
    assert not token.cancelled
    threading.Thread(target=token.cancel).start()  # „Abbrechen“ comes from another thread
    with pytest.raises(Cancelled) as info:
        for _ in range(1000):
            token.check()
            threading.Event().wait(0.01)
    assert token.cancelled
    assert format_error(info.value) == "Abgebrochen – es wurde nichts geändert."


def test_checkpoint_sees_only_the_token_bound_to_its_thread():
    token = CancelToken()
    token.cancel()
    checkpoint()  # no token bound: work outside a task runs on
    seen = []

    def other_thread() -> None:
        checkpoint()  # the binding belongs to the worker's context, not to other threads
        seen.append("lief weiter")

    with bound(token):
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        with pytest.raises(Cancelled):
            checkpoint()
    checkpoint()  # unbound again
    assert seen == ["lief weiter"]


@pytest.mark.parametrize("name", ["export.xlsx", "export.ods", "csv-ordner"])
def test_cancelled_tabular_export_writes_no_file(demo_store, tmp_path, name):
    out = tmp_path / "aus"
    out.mkdir()
    token = CancelToken()
    token.cancel()
    with bound(token), pytest.raises(Cancelled):
        write_tabular(demo_store.snapshot(), out / name)
    assert list(out.iterdir()) == []  # neither the target nor a temporary file or folder
