"""The Umsetzungsbericht's indicator panels: twelve per figure, each titled with goal, name and
unit and labelled with its assessment (never colour alone), only values up to the Stichtag."""

from __future__ import annotations

from datetime import date

from matplotlib.backends.backend_agg import FigureCanvasAgg

from sa2030_desktop.domain.indicators import assess
from sa2030_desktop.domain.model import Indicator
from sa2030_desktop.domain.model import IndicatorValue as V
from sa2030_desktop.export.briefing.figures import png_of
from sa2030_desktop.export.briefing.indicator_figures import TITLE_CHARS, indicator_figures

AS_OF = date(2026, 9, 30)
D0, D1 = date(2026, 1, 1), date(2027, 1, 1)  # 365 days: on 30.09.2026 the path is at 74,52


def _ind(n: int, value: float | None, name: str = "", unit: str = "%") -> Indicator:
    values = [V(date(2026, 3, 31), 10.0)] if value is None else [V(AS_OF, value)]
    values.append(V(date(2026, 12, 1), 99.0))  # after the Stichtag: never drawn
    return Indicator(f"Z{n}", name or f"Indikator {n}", unit, 0, D0, 100, D1, values)


def test_panels_per_figure_titles_assessments_and_only_values_until_the_stichtag():
    # 40 → gap −0,345 deutlich hinter Plan; 60 → −0,145 hinter Plan; 70 → −0,045 auf Kurs
    values = [40, 60, 70] + [70] * 10
    inds = [_ind(i, v) for i, v in enumerate(values, start=1)]
    inds[3] = _ind(4, 70, name="Ein sehr langer Indikatorname, der nie in eine Zeile passt")
    figures = indicator_figures([assess(i, AS_OF) for i in inds], AS_OF)
    assert len(figures) == 2
    assert figures[0][1].startswith("Indikatoren (Teil 1 von 2): Messwerte")
    assert "Stichtag 30.09.2026" in figures[1][1]
    texts = [t.get_text() for t in figures[0][0].axes[0].texts]
    assert texts.count("deutlich hinter Plan") == 1 and texts.count("hinter Plan") == 1
    assert texts.count("auf Kurs") == 10  # 12 panels on the first page
    assert "Z1 – Indikator 1 (%)" in texts
    long_title = next(t for t in texts if t.startswith("Z4 – Ein sehr"))
    assert long_title.endswith("… (%)") and len(long_title) <= TITLE_CHARS + len(" (%)")
    second = [t.get_text() for t in figures[1][0].axes[0].texts]
    assert "Z13 – Indikator 13 (%)" in second and "Z12 – Indikator 12 (%)" not in second
    # one point per indicator: the value of 01.12.2026 lies after the Stichtag
    points = sum(len(c.get_offsets()) for c in figures[0][0].axes[0].collections
                 if c.get_offsets().size and hasattr(c, "get_sizes"))  # fmt: skip
    assert points == 12 + 12  # 12 measured points and 12 target diamonds
    png, (w, h) = png_of(figures[0][0])
    assert png.startswith(b"\x89PNG") and w > 1000 and h > w


def test_indicator_without_path_or_value_still_gets_a_panel():
    inds = [Indicator("Z1", "leer"), Indicator("Z2", "ohne Pfad", values=[V(D0, 5.0)])]
    fig, _caption = indicator_figures([assess(i, AS_OF) for i in inds], AS_OF)[0]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "keine Messung" in texts and "kein Zielpfad" in texts
    assert png_of(fig)[0].startswith(b"\x89PNG")


def test_every_title_stays_inside_its_own_panel():
    """Names with wide letters and a unit (seen in an acceptance trial: „ZÄ-2 – Anteil Vorgänge
    digital (2) (%)“ ran into the next panel, „… (Tage)“ off the page) are cut to fit."""
    names = [("Anteil Vorgänge digital (2)", "%"), ("Bearbeitungsdauer Tage", "Tage"),
             ("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "MWh/Jahr"), ("kurz", "%")]  # fmt: skip
    inds = [_ind(n, 70, name=name, unit=unit) for n, (name, unit) in enumerate(names, 10)]
    fig, _caption = indicator_figures([assess(i, AS_OF) for i in inds], AS_OF)[0]
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    titles = [t for t in ax.texts if t.get_fontweight() == "bold"]
    assert len(titles) == 4
    for n, text in enumerate(titles):
        col = n % 3
        right = ax.transData.transform((col + 1, 0))[0]
        assert text.get_window_extent(renderer).x1 <= right, text.get_text()
    shown = [t.get_text() for t in titles]
    assert shown[3] == "Z13 – kurz (%)"  # what fits stays whole
    assert all(t.endswith(f" ({u})") for t, (_n, u) in zip(shown, names, strict=True))
