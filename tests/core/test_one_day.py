"""One day is „1 Tag“, never „1 Tage“: year-end dates (31.12. against 01.01.) make one-day
slips and conflicts common, and every surface that counts days says it in German."""

from datetime import date

from sa2030_desktop.cli.main import main
from sa2030_desktop.domain.timeline_layout import build_layout
from tests.support.builders import build_store, dep, goal, ms


def _portfolio(tmp_path):
    path = tmp_path / "jahreswechsel.sa2030"
    build_store(
        path,
        goals=[goal("Z1"), goal("Z2", lead="MI"), goal("Z3", lead="MF")],
        milestones=[
            ms("Z1-M1", "2026-12-31"),
            ms("Z2-M1", "2027-01-01"),
            ms("Z3-M1", "2026-12-31", "2027-01-01"),
        ],
        dependencies=[dep("Z1", "Z2")],
    ).close()
    return path


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out + err


def test_check_says_one_day_late(tmp_path, capsys):
    code, text = _run(capsys, "check", _portfolio(tmp_path), "--as-of", "2026-12-03")
    assert code == 0
    assert "(1 Tag zu spät)" in text, text
    assert "1 Tage" not in text


def test_goal_says_one_day_slip(tmp_path, capsys):
    code, text = _run(capsys, "goal", _portfolio(tmp_path), "Z3", "--as-of", "2026-12-03")
    assert code == 0
    assert "Ist –, Verzug 1 Tag\n" in text, text


def test_timeline_conflict_label_says_one_day(tmp_path):
    from sa2030_desktop.services.portfolio import open_portfolio

    store = open_portfolio(_portfolio(tmp_path))
    try:
        layout = build_layout(store.snapshot(), date(2026, 12, 3))
    finally:
        store.close()
    [arrow] = [a for a in layout.arrows if a.conflict]
    assert arrow.label == "Konflikt: 1 Tag zu spät"
    assert [s.label for s in layout.slips] == ["+1 Tag"]
