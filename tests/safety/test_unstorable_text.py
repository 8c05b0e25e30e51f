"""Text Word/XML cannot hold is refused by the core on every path, and nothing is written."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import goals, reference
from tests.support.safety import sha256


def _refused(store, action, code="bad_text"):
    store.close()
    before = sha256(store.path)
    from sa2030_desktop.persistence.store import Store

    reopened = Store.open(store.path)
    try:
        with pytest.raises(DomainError) as caught:
            action(reopened)
    finally:
        reopened.close()
    assert caught.value.code == code
    assert sha256(store.path) == before
    return format_error(caught.value)


def test_control_character_in_goal_key(demo_store):
    goal = demo_store.snapshot().goals["Z01"]
    text = _refused(demo_store, lambda s: goals.create_goal(
        s, dataclasses.replace(goal, key="Z\x0199", title="Neu")), "bad_key")  # fmt: skip
    assert "U+0001" in text and "Schlüssel" in text


def test_control_character_in_comment(demo_store):
    text = _refused(demo_store, lambda s: goals.update_goal(
        s, "Z01", comment="Quartal\x0b", title="Neu"))  # fmt: skip
    assert text == "„Kommentar“ enthält ein Zeichen, das nicht gespeichert werden kann (U+000B)."


def test_rebaseline_comment_with_nul(demo_store):
    key = sorted(demo_store.snapshot().milestones)[0]
    text = _refused(demo_store, lambda s: goals.rebaseline(s, key, date(2030, 1, 1), "Grund\x00"))
    assert "U+0000" in text


def test_tags_and_renamed_ministry(demo_store):
    assert "Schlagwörter" in _refused(
        demo_store, lambda s: goals.update_goal(s, "Z01", tags=["a\x02"])
    )


def test_renamed_ministry_name(demo_store):
    text = _refused(demo_store, lambda s: reference.rename_ministry(
        s, ["MI"], "MIX", name="Inneres\x07", effective=date(2026, 12, 1)))  # fmt: skip
    assert "U+0007" in text


def test_lone_surrogate(demo_store):
    assert "U+D800" in _refused(demo_store, lambda s: goals.update_goal(s, "Z01", title="a\ud800"))


def test_tab_newline_and_umlauts_are_fine(demo_store):
    goals.update_goal(
        demo_store, "Z01", title="Straße\tÄmter", description="Zeile 1\r\nZeile 2 „€“"
    )
    assert demo_store.snapshot().goals["Z01"].title == "Straße\tÄmter"
