"""The streaming .xlsx writer: text longer than an Excel cell holds is refused, never cut."""

from __future__ import annotations

import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services.exchange import export_to, import_sources
from sa2030_desktop.services.portfolio import create_portfolio


def test_text_longer_than_an_excel_cell_is_refused_and_ods_keeps_it(fresh, tmp_path):
    store = create_portfolio(tmp_path / "demo.sa2030", demo=True)
    long_text = "Sehr lange Beschreibung. " * 1400  # 35,000 characters
    goal_service.update_goal(store, "Z01", description=long_text)
    target = tmp_path / "aus.xlsx"
    with pytest.raises(DomainError) as info:
        export_to(store, target)
    assert "Blatt Ziele, Zeile 2 ist länger als 32767 Zeichen" in format_error(info.value)
    assert not target.exists() and not list(tmp_path.glob(".aus.xlsx*"))
    other = fresh()
    import_sources(other, [export_to(store, tmp_path / "aus.ods")])
    assert other.snapshot().goals["Z01"].description == long_text
    store.close()
