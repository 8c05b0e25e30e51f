"""JSON import: all or nothing, every error with its line, idempotent re-import, logged changes."""

import hashlib
import json

import pytest

from sa2030_desktop.domain.errors import ValidationError
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import portfolio as svc
from sa2030_desktop.services.json_format import portfolio_document
from tests.support.builders import dep, document, goal, ms


def file_rows(store):
    with store.engine.connect() as c:
        return {
            t: c.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
            for t in ("goal", "milestone", "dependency", "change_log", "goal_partner")
        }


def test_broken_import_names_every_line_and_writes_nothing(tmp_path, make_store):
    store = make_store(goals=[goal("Z1"), goal("Z2")], dependencies=[dep("Z2", "Z1")])
    before = file_rows(store)
    doc = document(
        goals=[
            goal("Z3", lead="XX"),  # unknown ministry
            goal("Z4", partners=["MID"]),  # co-ministry equal to lead
            goal("Z5", status="vielleicht"),  # unknown status
            goal("Z4"),  # duplicate key
            goal("Z6", title="Steuer\x07zeichen"),  # control character
        ],
        milestones=[ms("Z3-M1", "31.02.2027", "2027-03-01"), ms("Z9-M1", "2027-01-01")],  # bad date, unknown goal
        dependencies=[dep("Z1", "Z2"), dep("Z5", "Z5")],  # cycle Z1→Z2→Z1, self
    )
    src = tmp_path / "kaputt.json"
    src.write_text(json.dumps(document(**{k: v for k, v in doc.items() if k in
                                          ("goals", "milestones", "dependencies")}), indent=2),
                   encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        svc.import_json(store, src)
    text = format_error(info.value)
    codes = sorted(i.code for i in info.value.issues)
    assert codes == sorted(["unknown_ministry", "partner_is_lead", "bad_status", "duplicate_key",
                            "bad_text", "bad_date", "unknown_goal", "cycle", "self_dependency"])
    lines = src.read_text().splitlines()
    for issue in info.value.issues:
        assert issue.place["file"] == "kaputt.json"
        if issue.code != "cycle":
            line = issue.place["line"]
            assert lines[line - 1].strip() == "{", (issue.code, line)
    assert "Zeile" in text and "Z1 → Z2 → Z1" in text
    assert "„31.02.2027“" in text and "kein Datum" in text
    assert "nichts wurde übernommen" in text
    assert file_rows(store) == before


@pytest.mark.parametrize("seed", ["0", "1", "2", "3"])
def test_a_cycle_through_stored_dependencies_names_the_files_line(tmp_path, seed):
    """The imported dependency closes the cycle with two stored ones: the error names the
    file's line and starts the path there, whatever the hash seed of the process."""
    import os
    import subprocess
    import sys

    from tests.support.builders import build_store

    build_store(
        tmp_path / "p.sa2030",
        goals=[goal("D"), goal("C"), goal("B"), goal("A")],  # the search would start at C>B
        dependencies=[dep("B", "A"), dep("C", "B"), dep("D", "C")],
    ).close()
    src = tmp_path / "neu.json"
    src.write_text(json.dumps(document(dependencies=[dep("A", "C")]), indent=2), "utf-8")
    code = (
        "import sys\n"
        "from sa2030_desktop.domain.errors import ValidationError\n"
        "from sa2030_desktop.services import portfolio as svc\n"
        "store = svc.open_portfolio(sys.argv[1])\n"
        "try:\n"
        "    svc.import_json(store, sys.argv[2])\n"
        "except ValidationError as e:\n"
        "    [i] = e.issues\n"
        "    print(i.code, i.place['key'], i.place.get('line'), '>'.join(i.data['path']))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p.sa2030"), str(src)],
                          capture_output=True, text=True, env=env, check=True)  # fmt: skip
    line = src.read_text().splitlines().index("    {") + 1
    assert done.stdout.split() == ["cycle", "A>C", str(line), "A>C>B>A"], done.stderr


def test_reimport_is_idempotent_and_changes_are_logged(tmp_path, demo_store):
    doc = portfolio_document(demo_store.snapshot())
    src = tmp_path / "export.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    n_changes = len(demo_store.changes(limit=100000))
    preview = svc.import_json(demo_store, src)
    assert sum(c["added"] + c["changed"] for c in preview.counts().values()) == 0
    assert len(demo_store.changes(limit=100000)) == n_changes
    # change one forecast and one title: exactly these are updated and logged (an open milestone:
    # an achieved one's forecast is frozen on every path, imports included)
    first = next(m for m in doc["milestones"] if not m.get("actual"))
    doc["milestones"].remove(first)
    doc["milestones"].insert(0, first)
    first["forecast"] = "2030-12-31"
    doc["goals"][1]["title"] = "Geänderter Titel"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    preview = svc.import_json(demo_store, src)
    assert preview.changed == {"goal": [doc["goals"][1]["key"]], "milestone": [doc["milestones"][0]["key"]]}
    new = demo_store.changes(limit=10)
    assert {(c.entity, c.field, c.new) for c in new} >= {
        ("goal", "title", "Geänderter Titel"), ("milestone", "forecast", "2030-12-31")}
    assert all(c.comment == "Import aus export.json" for c in new[:2])


def test_export_import_round_trip(tmp_path, demo_store, make_store):
    src = tmp_path / "rund.json"
    svc.export_json(demo_store, src)
    other = make_store("zwei.sa2030")
    svc.import_json(other, src)
    a, b = demo_store.snapshot(), other.snapshot()
    assert a.goals == {k: _same(v, b.goals[k]) for k, v in a.goals.items()}
    assert a.milestones == b.milestones
    assert sorted(d.pair for d in a.dependencies) == sorted(d.pair for d in b.dependencies)
    assert a.indicators == b.indicators
    assert b.info.demo is True


def _same(goal_a, goal_b):
    # created/updated timestamps differ by design; compare the rest
    goal_b.created, goal_b.updated = goal_a.created, goal_a.updated
    return goal_b


def test_german_status_labels_and_minimal_document(tmp_path, make_store):
    store = make_store()
    src = tmp_path / "min.json"
    src.write_text(json.dumps({"format": "sa2030-portfolio", "version": 1, "goals": [
        {"key": "Z1", "title": "Ein Ziel", "theme": "TF09", "lead": "MID", "status": "Gefährdet"}]}),
        encoding="utf-8")
    svc.import_json(store, src)
    assert store.snapshot().goals["Z1"].status.value == "at_risk"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\xff\xfe kaputt", "not_utf8"),
        (b'{"format": "anders", "version": 1, "goals": []}', "not_exchange_file"),
        (b'{"format": "sa2030-portfolio", "version": 7, "goals": []}', "unsupported_version"),
        (b'{"format": "sa2030-portfolio", "version": 1}', "missing_section"),
        (b'{"format": "sa2030-portfolio",\n "version": 1,\n "goals": [}', "bad_json"),
    ],
)
def test_wrong_files_are_refused(tmp_path, make_store, content, code):
    store = make_store()
    src = tmp_path / "x.json"
    src.write_bytes(content)
    before = hashlib.sha256(store.path.read_bytes()).hexdigest()
    with pytest.raises(ValidationError) as info:
        svc.import_json(store, src)
    assert info.value.issues[0].code == code
    assert hashlib.sha256(store.path.read_bytes()).hexdigest() == before


def test_a_missing_field_is_named_in_german_in_every_section(tmp_path, make_store):
    """A dependency without its goals said „Pflichtfeld „prerequisite“ fehlt“ – the JSON name,
    not the word a planner knows from the template (benötigt, abhängig)."""
    from sa2030_desktop.domain.entities import KEY_FIELDS
    from sa2030_desktop.messages import FIELD

    store = make_store(goals=[goal("Z1")])
    src = tmp_path / "luecken.json"
    src.write_text(json.dumps(document(goals=[goal("Z1")], dependencies=[{"kind": "hard"}],
                                       milestones=[{"goal": "Z1"}], indicators=[{"unit": "%"}])),
                   encoding="utf-8")  # fmt: skip
    with pytest.raises(ValidationError) as info:
        svc.import_json(store, src)
    text = format_error(info.value)
    assert "„abhängiges Ziel“ fehlt" in text and "„benötigtes Ziel“ fehlt" in text
    for fields in KEY_FIELDS.values():  # every field a record is found by has its German name
        for field in fields:
            assert field in FIELD, field
            assert f"„{field}“" not in text


def test_a_missing_field_is_said_once(tmp_path, make_store):
    """The reader's „Pflichtfeld … fehlt“ and the validation's „Das Themenfeld fehlt.“ were both
    listed for the same empty field: 13 errors for a file with 7."""
    store = make_store(goals=[goal("Z1")])
    src = tmp_path / "luecken.json"
    src.write_text(json.dumps(document(goals=[{"key": "Z9"}], milestones=[{"key": "Z1-M9"}],
                                       dependencies=[{"dependent": "Z1"}])),
                   encoding="utf-8")  # fmt: skip
    with pytest.raises(ValidationError) as info:
        svc.import_json(store, src)
    lines = format_error(info.value).splitlines()[1:]
    assert len(lines) == 6, lines  # Z9: title, theme, lead; Z1-M9: goal, title; Z1>: benötigt
    assert not any("fehlt, zu dem dies gehört" in line and "Abhängigkeit" in line for line in lines)
