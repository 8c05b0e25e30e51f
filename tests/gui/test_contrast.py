"""Contrast after WCAG 2.1 AA (BITV 2.0) over the real palettes: text ≥ 4.5:1 to its
background, meaningful graphics (status marks, edges, markers, focus frames) ≥ 3:1 to their
surroundings — in the window, the timeline, both presentation themes, the overview, the goal
table and the Word tables."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from sa2030_desktop.domain.contrast import GRAPHIC_MIN, TEXT_MIN, contrast_ratio, text_on
from sa2030_desktop.domain.indicators import ASSESSMENT_COLOURS
from sa2030_desktop.domain.model import STATUS_COLOURS, Status
from sa2030_desktop.gui import accessibility
from sa2030_desktop.gui.graph import items
from sa2030_desktop.gui.graph.style import THEMES
from sa2030_desktop.gui.status_icons import status_tint
from sa2030_desktop.gui.timeline import painting
from sa2030_desktop.gui.timeline.view import BANNER_BACKGROUND, BANNER_TEXT

WHITE = "#FFFFFF"


def _hex(colour) -> str:
    return QColor(colour).name().upper()


def _pairs():
    """(what, foreground, background, minimum) for every colour pair a user must tell apart."""
    for theme in THEMES.values():
        t = theme.name
        grounds = {"Hintergrund": theme.background, "Bahn A": theme.lane_a, "Bahn B": theme.lane_b}
        yield f"{t}: Zieltext auf Kasten", theme.text, theme.box, TEXT_MIN
        yield f"{t}: Nachbartext auf Nachbarkasten", theme.context_text, theme.context_box, TEXT_MIN
        for ground, colour in grounds.items():
            yield f"{t}: Bahnname auf {ground}", theme.text, colour, TEXT_MIN
            yield f"{t}: Konflikt-Beschriftung auf {ground}", theme.conflict, colour, TEXT_MIN
            yield f"{t}: „betroffen“ auf {ground}", theme.whatif, colour, TEXT_MIN
            for line in ("edge_hard", "edge_soft", "conflict", "highlight", "border", "focus"):
                yield f"{t}: {line} auf {ground}", getattr(theme, line), colour, GRAPHIC_MIN
        for status in Status:
            fill = STATUS_COLOURS[status]
            yield f"{t}: Statusbalken {status.label} im Kasten", fill, theme.box, GRAPHIC_MIN
            yield (f"{t}: Statusbalken {status.label} im Nachbarkasten", fill, theme.context_box,
                   GRAPHIC_MIN)  # fmt: skip
            yield f"{t}: Schlüssel auf {status.label}", text_on(fill), fill, TEXT_MIN
        if t == "hell":
            for status, colour in items.TEXT_DARK.items():
                yield f"{t}: Statuszeile {status.label}", colour, theme.box, TEXT_MIN
    c = {k: _hex(v) for k, v in painting.C.items() if v.alpha() == 255}
    for name in ("text", "muted", "slip_text", "conflict"):
        yield f"Zeitplan: Text {name}", c[name], WHITE, TEXT_MIN
    for name in ("text", "muted"):
        yield f"Zeitplan: Text {name} auf Gruppenband", c[name], c["band"], TEXT_MIN
        yield f"Zeitplan: Achse {name} auf Kopf", c[name], c["header"], TEXT_MIN
    for name in ("forecast", "actual", "conflict", "arrow", "asof", "whatif", "group", "focus"):
        yield f"Zeitplan: Zeichen {name}", c[name], WHITE, GRAPHIC_MIN
    yield "Zeitplan: Simulationsbanner", BANNER_TEXT, BANNER_BACKGROUND, TEXT_MIN
    for status in Status:
        fill = STATUS_COLOURS[status]
        yield (
            f"Ampel {status.label} auf Weiß (Symbole, Zeitplan, Kacheln)",
            fill,
            WHITE,
            GRAPHIC_MIN,
        )
        yield f"Tabelle: Text auf {status.label}", "#000000", _hex(status_tint(status)), TEXT_MIN
        yield (f"Übersicht: Kachel {status.label}", "#000000", _hex(status_tint(status, 0.35)),
               TEXT_MIN)  # fmt: skip
    for assessment, colour in ASSESSMENT_COLOURS.items():
        yield f"Indikator {assessment.value} auf Weiß", colour, WHITE, GRAPHIC_MIN
    yield "Fokusrahmen auf Weiß", accessibility.FOCUS_COLOUR, WHITE, GRAPHIC_MIN
    yield "Fehlermeldung", accessibility.ERROR_COLOUR, WHITE, TEXT_MIN


def test_every_colour_pair_meets_wcag_aa():
    pairs = list(_pairs())
    assert len(pairs) > 120  # the palettes were really read
    low = [
        f"{what}: {fg} auf {bg} = {contrast_ratio(fg, bg):.2f} < {minimum}"
        for what, fg, bg, minimum in pairs
        if contrast_ratio(fg, bg) < minimum
    ]
    assert low == [], "\n".join(low)


def test_briefing_status_cells_keep_their_text_readable():
    from sa2030_desktop.export.briefing.tables import fill_hex, text_hex

    for status in Status:
        ratio = contrast_ratio("#" + text_hex(status), "#" + fill_hex(status))
        assert ratio >= TEXT_MIN, (status, ratio)


@pytest.mark.parametrize(
    ("fg", "bg", "expected"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("#767676", "#FFFFFF", 4.54)],
)
def test_contrast_ratio_matches_the_wcag_examples(fg, bg, expected):
    # #767676 on white is the WCAG's textbook grey at the AA limit
    assert contrast_ratio(fg, bg) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(bg, fg) == pytest.approx(expected, abs=0.01)
