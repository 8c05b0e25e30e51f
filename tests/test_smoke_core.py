"""First end-to-end check: a demo portfolio on a real file, read back through the services."""

from sa2030_desktop.services import portfolio


def test_demo_portfolio_counts(demo_store):
    snap = demo_store.snapshot()
    assert len(snap.goals) == 50
    assert len(snap.themes) == 18
    assert len(snap.ministries) == 9
    assert snap.info.demo is True
    data = portfolio.stats(demo_store)
    assert data["goals"] == 50
    assert data["dependencies"] == len(snap.dependencies)
    assert sum(data["status"].values()) == 50
