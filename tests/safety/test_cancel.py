"""Cancel from another thread: the import stops quickly and nothing is written."""

from __future__ import annotations

import threading

import pytest

from sa2030_desktop.messages import format_error
from sa2030_desktop.persistence.cancel import Cancelled, CancelToken
from sa2030_desktop.services import safety
from sa2030_desktop.services.portfolio import import_json
from tests.support.safety import big_bundle, count, integrity


def _cancel_when(engine, statements: int):
    """An Event set when the worker has run `statements` SQL statements (0: at once): the
    cancel then lands at a known stage of the work, however fast or loaded the machine is."""
    from sqlalchemy import event

    reached = threading.Event()
    seen = [0]

    def on_execute(*_args):
        seen[0] += 1
        if seen[0] >= statements:
            reached.set()

    if statements == 0:
        reached.set()
    event.listen(engine, "before_cursor_execute", on_execute)
    return reached, lambda: event.remove(engine, "before_cursor_execute", on_execute)


@pytest.mark.slow  # a 10,000-goal import, cancelled at four stages
@pytest.mark.parametrize("statements", [0, 2, 6, 12])
def test_cancelled_import_writes_nothing(demo_store, tmp_path, statements):
    source = big_bundle(tmp_path / "gross.json", goals=10_000)
    token = CancelToken()
    result = {}
    reached, stop_watching = _cancel_when(demo_store.engine, statements)

    def work():
        try:
            result["value"] = safety.run_cancellable(demo_store, token, import_json, source)
        except Exception as exc:
            result["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    assert reached.wait(30)
    token.cancel()
    thread.join(30)
    stop_watching()
    assert isinstance(result.get("error"), Cancelled), result
    assert format_error(result["error"]) == "Abgebrochen – es wurde nichts geändert."
    assert count(demo_store.path, "goal") == 50
    assert integrity(demo_store.path) == "ok"
    # the store still works afterwards, and a later import is not cancelled by the old token
    demo_store.invalidate()
    assert len(demo_store.snapshot().goals) == 50
    import_json(demo_store, big_bundle(tmp_path / "klein.json", goals=3, prefix="K"))
    assert count(demo_store.path, "goal") == 53


def test_uncancelled_import_completes(demo_store, tmp_path):
    source = big_bundle(tmp_path / "gross.json", goals=2000)
    safety.run_cancellable(demo_store, CancelToken(), import_json, source)
    assert count(demo_store.path, "goal") == 2050


def test_cancel_at_random_moments_is_all_or_nothing(tmp_path):
    """The outcome and the file agree: Cancelled ⇒ nothing written; done ⇒ everything."""
    import random
    import shutil

    from sa2030_desktop.persistence.store import Store
    from sa2030_desktop.services.portfolio import create_portfolio

    pristine = tmp_path / "vorher.sa2030"
    create_portfolio(pristine).close()
    source = big_bundle(tmp_path / "mittel.json", goals=1500)
    rng = random.Random(11)
    outcomes = {"abgebrochen": 0, "fertig": 0}
    for n in range(12):
        path = tmp_path / f"v{n}.sa2030"
        shutil.copy(pristine, path)
        store = Store.open(path)
        token = CancelToken()
        result = {}

        def work(store=store, token=token, result=result):
            try:
                safety.run_cancellable(store, token, import_json, source)
                result["done"] = True
            except Cancelled:
                result["done"] = False

        reached, stop_watching = _cancel_when(store.engine, rng.randint(0, 14))
        thread = threading.Thread(target=work)
        thread.start()
        reached.wait(30)
        token.cancel()
        thread.join(30)
        stop_watching()
        store.close()
        goals = count(path, "goal")
        assert goals == (1500 if result["done"] else 0), (n, result, goals)
        assert integrity(path) == "ok"
        outcomes["fertig" if result["done"] else "abgebrochen"] += 1
    assert outcomes["abgebrochen"] >= 1
