import re
import shutil
import subprocess
from datetime import date

import pytest

from sa2030_desktop.cli.main import main
from sa2030_desktop.domain.timeline_layout import TimelineOptions
from sa2030_desktop.export.timeline_figure import save_timeline, timeline_figures
from sa2030_desktop.export.timeline_page import batch_texts
from tests.support.builders import goal, ms
from tests.support.timeline import AS_OF, sections


@pytest.fixture
def store(make_store):
    return make_store(**sections())


def test_svg_keeps_goal_keys_and_labels_as_text(store, tmp_path):
    (path,) = save_timeline(store.snapshot(), AS_OF, tmp_path / "plan.svg")
    svg = path.read_text(encoding="utf-8")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    joined = "\n".join(texts)
    for key in ("Z1 Ziel Z1", "Z2 Ziel Z2", "Z3 Ziel Z3", "Z4 Ziel Z4"):
        assert key in joined
    assert "+92 Tage" in joined
    assert "Konflikt: 61 Tage zu spät" in joined
    assert "Stichtag 30.04.2026" in joined
    assert "Seite 1 von 1" in joined
    assert "Demodaten" not in joined  # not a demo portfolio
    assert not list(tmp_path.glob(".plan.svg.*"))  # no temp file left


def test_pdf_paginates_many_rows_and_text_is_searchable(make_store, tmp_path):
    goals = [goal(f"Z{n}") for n in range(1, 71)]
    mss = [ms(f"Z{n}-M1", f"2026-{n % 12 + 1:02d}-15") for n in range(1, 71)]
    store = make_store("viele.sa2030", goals=goals, milestones=mss)
    figs = timeline_figures(store.snapshot(), AS_OF)
    assert len(figs) == 3  # 71 rows: 30 + (header + 29) + (header + 11)
    (pdf,) = save_timeline(store.snapshot(), AS_OF, tmp_path / "plan.pdf")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext fehlt")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+3", info)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    for n in range(1, 71):
        assert re.search(rf"\bZ{n} Ziel Z{n}\b", text), n
    assert "Seite 3 von 3" in text and "(Forts.)" in text


def test_png_pages_are_numbered_files(make_store, tmp_path):
    goals = [goal(f"Z{n}") for n in range(1, 41)]
    mss = [ms(f"Z{n}-M1", "2026-06-30") for n in range(1, 41)]
    store = make_store("vierzig.sa2030", goals=goals, milestones=mss)
    written = save_timeline(store.snapshot(), AS_OF, tmp_path / "plan.png", dpi=60)
    assert [p.name for p in written] == ["plan.png", "plan-2.png"]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in written)


def test_cli_timeline_with_filters(store, tmp_path, capsys):
    out = tmp_path / "mid.svg"
    rc = main(
        [
            "timeline",
            str(store.path),
            str(out),
            "--ministry",
            "MID",
            "--as-of",
            "2026-04-30",
            "--group-by",
            "theme",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
        ]
    )
    assert rc == 0
    assert f"Geschrieben: {out}" in capsys.readouterr().out
    svg = out.read_text(encoding="utf-8")
    assert "Z1 Ziel Z1" in svg and "Z2 Ziel Z2" in svg and "Z3 Ziel Z3" not in svg
    assert "gruppiert nach Themenfeld" in svg and "TF01" in svg


def test_cli_empty_window_is_refused_in_german(store, tmp_path, capsys):
    out = tmp_path / "leer.png"
    rc = main(["timeline", str(store.path), str(out), "--from", "2031-01-01", "--to", "2031-06-30"])
    assert rc == 1
    err = capsys.readouterr().err
    assert "Im Zeitraum 01.01.2031 – 30.06.2031 liegen keine Meilensteine der Auswahl." in err
    rc = main(["timeline", str(store.path), str(out), "--from", "2026-06-30", "--to", "2026-01-01"])
    assert rc == 1
    assert "Der Zeitraum ist leer" in capsys.readouterr().err
    rc = main(["timeline", str(store.path), str(tmp_path / "x.gif")])
    assert rc == 1 and "Unbekanntes Dateiformat" in capsys.readouterr().err
    assert list(tmp_path.glob("leer*")) == [] and list(tmp_path.glob("x*")) == []


def test_options_window_reaches_figure(store):
    figs = timeline_figures(
        store.snapshot(),
        date(2026, 4, 30),
        TimelineOptions(date_from=date(2026, 6, 1), date_to=date(2026, 12, 31)),
    )
    labels = batch_texts(figs[0], "axis")
    assert labels[:7] == ["Jun 2026", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
