"""Exported pages drawn by one reused figure: each page shows exactly its own rows; row labels are
cut by width next to a status column; user text is printed literally."""

import re
import shutil
import subprocess

import pytest

from sa2030_desktop.export.timeline_figure import save_timeline, timeline_figures
from sa2030_desktop.export.timeline_page import LABEL, LABEL_X, PAGE_SIZE, STATUS_X
from sa2030_desktop.export.timeline_text import SLACK, TextBatch
from tests.support.builders import goal, ms
from tests.support.timeline import AS_OF

LONG = "Ziel mit einem sehr langen Titel über Glasfaser, Rechenzentren und Verwaltungsportale"


def _pdf_pages(pdf, pages: int) -> list[str]:
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


@pytest.fixture
def many(make_store):
    goals = [goal(f"Z{n}", status="delayed" if n % 2 else "on_track") for n in range(1, 71)]
    goals[0]["title"] = LONG
    mss = [ms(f"Z{n}-M1", f"2026-{n % 12 + 1:02d}-15") for n in range(1, 71)]
    return make_store(
        "seiten.sa2030", goals=goals, milestones=mss, portfolio={"title": "Plan $5 und $6"}
    )


def test_each_pdf_page_shows_only_its_rows(many, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext fehlt")
    (pdf,) = save_timeline(many.snapshot(), AS_OF, tmp_path / "plan.pdf")
    pages = _pdf_pages(pdf, 3)
    keys = [set(re.findall(r"\b(Z\d+) Ziel", text)) for text in pages]
    # 71 rows: page 1 = group + Z1..Z29, page 2 = group (Forts.) + 29 goals, page 3 the rest
    assert [len(k) for k in keys] == [29, 29, 12]
    assert not (keys[0] & keys[1]) and not (keys[1] & keys[2])
    assert set().union(*keys) == {f"Z{n}" for n in range(1, 71)}
    for n, text in enumerate(pages, 1):
        assert f"Seite {n} von 3" in text
        assert text.count("Seite ") == 1  # the page number is replaced, not added
        assert "Plan $5 und $6" in text  # user text is not read as mathtext
    assert "(Forts.)" in pages[1] and "(Forts.)" in pages[2]
    assert "verzögert" in pages[0] and "im Plan" in pages[0]


def test_long_titles_are_cut_by_width_before_the_status_column(many):
    fig = timeline_figures(many.snapshot(), AS_OF)[0]
    (batch,) = [a for a in fig.artists if isinstance(a, TextBatch) and a.get_gid() == "rows"]
    first = next(lb for lb in batch.labels if lb.text.startswith("Z1 "))
    status = next(lb for lb in batch.labels if lb.y == first.y and lb.ha == "right")
    assert status.text == "verzögert"
    assert first.text.endswith("…") and first.text.startswith("Z1 Ziel mit einem sehr langen")
    column = (STATUS_X - LABEL_X) * PAGE_SIZE[0] * 72
    assert (LABEL.width(first.text) + LABEL.width(status.text)) * SLACK + 8 <= column
    short = next(lb for lb in batch.labels if lb.text.startswith("Z2 "))
    assert short.text == "Z2 Ziel Z2"  # short titles are not touched


def test_svg_text_sits_where_the_pdf_puts_it(make_store, tmp_path):
    """SVG counts y from the top: title above the rows, rows in order, legend at the foot."""
    from tests.support.timeline import sections

    store = make_store(**sections())
    (svg,) = save_timeline(store.snapshot(), AS_OF, tmp_path / "plan.svg")
    found = re.findall(
        r'<text[^>]*transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([^<]*)</text>',
        svg.read_text(encoding="utf-8"),
    )
    y = {text.strip(): float(ty) for _, ty, text in found}
    height = PAGE_SIZE[1] * 72
    title = min(y[t] for t in y if t.startswith("Meilensteinplan"))
    assert 0.05 * height < title < 0.1 * height
    assert title < y["Z1 Ziel Z1"] < y["Z2 Ziel Z2"] < y["Basistermin"]
    assert y["Basistermin"] > 0.9 * height and y["Seite 1 von 1"] < 0.1 * height
