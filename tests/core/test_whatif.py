"""What-if on a hand-made portfolio: before/after, explaining paths, sentences; writes nothing."""

import hashlib
from datetime import date

from sa2030_desktop.domain.sentences import whatif_sentences
from sa2030_desktop.domain.whatif import whatif_dict
from sa2030_desktop.services import portfolio as svc
from tests.support.builders import dep, goal, ms

AS_OF = date(2026, 11, 28)


def test_whatif_explains_and_writes_nothing(make_store):
    store = make_store(
        goals=[goal("A", "MID"), goal("B", "MI"), goal("C", "MF"), goal("D", "MS", status="done")],
        milestones=[
            ms("A-M1", "2027-03-31"),
            ms("B-M1", "2027-04-30"),  # waits for A: fine before, 2027-06-30 > 2027-04-30 after
            ms("C-M1", "2027-02-28"),  # waits for A already too late: 31 days, after: 122 days
            ms("D-M1", "2026-05-31", actual="2026-05-30"),  # finished dependent of B
        ],
        dependencies=[dep("B", "A"), dep("C", "A"), dep("D", "B", "soft")],
    )
    before = hashlib.sha256(store.path.read_bytes()).hexdigest()
    result = svc.what_if(store, {"A-M1": date(2027, 6, 30)}, AS_OF)
    data = whatif_dict(result)
    assert [(c["dependent"], c["days"]) for c in data["before"]["conflicts"]] == [("C", 31)]
    assert [(c["dependent"], c["days"]) for c in data["after"]["conflicts"]] == [("B", 61), ("C", 122)]
    assert [c["dependent"] for c in data["new_conflicts"]] == ["B"]
    assert [(c["dependent"], c["days_before"], c["days"]) for c in data["worsened_conflicts"]] == [
        ("C", 31, 122)]
    assert [m["key"] for m in data["after"]["slipped_milestones"]] == ["A-M1"]
    assert [(a["key"], a["path"], a["finished"]) for a in data["affected_goals"]] == [
        ("B", ["A", "B"], False), ("C", ["A", "C"], False), ("D", ["A", "B", "D"], True)]
    assert data["affected_ministries"] == ["MF", "MI", "MS"]
    assert data["changed_suggested_status"]["A"] == {"before": "on_track", "after": "delayed"}
    text = "\n".join(whatif_sentences(result))
    assert "Annahme: Prognose A-M1 von 31.03.2027 auf 30.06.2027 (+91 Tage)." in text
    assert "Terminkonflikte: vorher 1, nachher 2, davon 1 verschärft." in text
    assert "nun 122 Tage statt 31 Tage zu spät" in text
    assert "D (MS) hängt von A ab, ist aber bereits abgeschlossen." in text
    assert "Betroffene Ressorts: MF, MI." in text
    assert hashlib.sha256(store.path.read_bytes()).hexdigest() == before


def test_whatif_refuses_an_achieved_milestone_as_the_timeline_does(make_store, capsys):
    """The actual date counts once a milestone is achieved: a simulated forecast of it changes
    nothing, yet `sa2030 whatif` used to print „+731 Tage“ and list dependents as affected.
    The timeline's simulation refuses it; the command line says the same and exits 1."""
    from sa2030_desktop.cli.main import main

    store = make_store(
        goals=[goal("A", "MID"), goal("B", "MI")],
        milestones=[ms("A-M1", "2024-12-31", actual="2024-12-31"), ms("B-M1", "2027-04-30")],
        dependencies=[dep("B", "A")],
    )
    path = store.path
    store.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code = main(["whatif", str(path), "--set", "A-M1=2027-01-01", "--as-of", "2026-11-28"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.strip() == (
        "sa2030 whatif: Meilenstein A-M1 ist schon erreicht (Ist 31.12.2024); "
        "seine Prognose ändert sich nicht mehr."
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    code = main(["whatif", str(path), "--set", "B-M1=2027-06-30", "--as-of", "2026-11-28"])
    assert code == 0 and "B-M1" in capsys.readouterr().out
