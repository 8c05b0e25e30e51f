"""The goal table's rows and the overview's findings show the domain's own numbers and texts."""

from __future__ import annotations

from datetime import date, timedelta

from sa2030_desktop.domain.ministries import lead_at, partners_at
from sa2030_desktop.domain.rules import contradiction, goal_slip_days, next_milestone
from sa2030_desktop.gui.table.goal_rows import build_rows
from sa2030_desktop.messages import contradiction_text
from sa2030_desktop.services.reference import rename_ministry


def test_rows_equal_the_domain_rules_after_a_ministry_merge(demo_store):
    portfolio = demo_store.snapshot()
    leads = sorted({g.lead for g in portfolio.goals.values()})
    effective = date.today() - timedelta(days=10)
    rename_ministry(demo_store, leads[:2], "MNEU", "Zusammengelegtes Ressort", effective)
    portfolio = demo_store.snapshot()
    for as_of in (effective - timedelta(days=1), effective):
        rows = {row.key: row for row in build_rows(portfolio, as_of)}
        assert any(row.lead == "MNEU" for row in rows.values()) == (as_of >= effective)
        for key, goal in portfolio.goals.items():
            row, nxt = rows[key], next_milestone(portfolio, key)
            assert row.lead == lead_at(portfolio, goal, as_of)
            assert list(row.partners) == partners_at(portfolio, goal, as_of)
            assert row.slip == goal_slip_days(portfolio, key)
            assert row.next_date == ((nxt.forecast or nxt.baseline) if nxt else None)


def test_one_contradiction_text_for_detail_and_overview(qtbot, window):
    """The overview's findings table words a contradiction as the goal detail does."""
    portfolio = window.bridge.snapshot()
    as_of = window.bridge.as_of
    found = [c for g in portfolio.goals.values() if (c := contradiction(portfolio, g, as_of))]
    assert found, "the demo portfolio has contradictions to show"
    window.overview.refresh()
    model = window.overview.findings
    texts = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert texts == {contradiction_text(c.reason, c.status.label) for c in found}
    assert "Widerspruch: „" in next(iter(texts))
