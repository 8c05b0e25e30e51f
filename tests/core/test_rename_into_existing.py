"""`ministry rename OLD NEW` where NEW is a ministry that already exists: MJ is absorbed into
StK, whose name stays. A different --name was silently dropped while the command reported
„umbenannt in StK »x«“; now it is refused with the existing name, and nothing is written."""

import hashlib

from sa2030_desktop.cli.main import main
from tests.support.builders import build_store, goal

STK = "Staatskanzlei und Ministerium für Kultur"


def _file(tmp_path):
    path = tmp_path / "ressorts.sa2030"
    build_store(path, goals=[goal("Z1", lead="MJ"), goal("Z2", lead="StK")]).close()
    return path


def _rename(capsys, path, name):
    code = main(["ministry", "rename", str(path), "MJ", "StK", "--name", name,
                 "--effective", "2027-01-01"])  # fmt: skip
    out, err = capsys.readouterr()
    return code, out, err


def test_another_name_for_an_existing_ministry_is_refused(tmp_path, capsys):
    path = _file(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = _rename(capsys, path, "Ministerium für Justiz und Kultur")
    assert code == 1 and out == ""
    assert err.strip() == (
        f"sa2030 ministry: Das Ressort StK gibt es schon („{STK}“); ein Ressort wird in ein "
        f"bestehendes nur unter dessen Namen eingegliedert – als Namen „{STK}“ angeben oder "
        "für ein neues Ressort ein freies Kürzel wählen. Nichts wurde geschrieben."
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_absorbing_under_the_existing_name_still_works(tmp_path, capsys):
    path = _file(tmp_path)
    code, out, _err = _rename(capsys, path, STK)
    assert code == 0 and "MJ zum 01.01.2027" in out
    assert main(["stats", str(path), "--as-of", "2027-06-30", "--json"]) == 0
    import json

    by_lead = json.loads(capsys.readouterr().out)["by_lead_ministry"]
    assert by_lead["StK"]["total"] == 2 and "MJ" not in by_lead
