"""kill -9 at random moments (a few here; 50 each in benchmarks/reliability.py)."""

from __future__ import annotations

import pytest

from tests.safety.crash import export_kills, import_kills

# kill -9 experiments take minutes on a loaded machine; `-m "not slow"` skips them locally,
# the default run and CI run them.
pytestmark = pytest.mark.slow


def test_kill_during_import_leaves_all_or_nothing(tmp_path):
    inside, _ = import_kills(tmp_path, trials=3, rows=10_000, phase="write", seed=7)
    anywhere, _ = import_kills(tmp_path, trials=1, rows=10_000, phase="all", seed=8)
    for out in (inside, anywhere):
        assert out.failures == []
        assert out.survived == out.trials
        assert out.old + out.new == out.trials


def test_kill_during_export_over_existing_file_never_tears(tmp_path):
    out, _ = export_kills(tmp_path, trials=3, goals=500, word=False, seed=9)
    assert out.failures == []
    assert out.survived == out.trials == 3
