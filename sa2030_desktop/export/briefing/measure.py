"""How wide a text is on paper (points), to give table columns room for words that must not break.

Measured with the metrics of Arial (the house template's font) or its metric-compatible stand-in
Liberation Sans; DejaVu Sans (bundled with matplotlib, a little wider) when neither is installed,
which errs on the safe side. Advances are cached per character: a table of 1,000 keys costs
a few milliseconds.
"""

from __future__ import annotations

import re
from functools import cache

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font, LoadFlags

_FAMILIES = ("Arial", "Liberation Sans", "Helvetica", "DejaVu Sans")
_SPLIT = re.compile(r"[ \u00ad/]")  # where a cell may wrap: spaces, soft hyphens, slashes


@cache
def _found(bold: bool) -> tuple[str, str]:
    """(family, font file) of the first installed family of _FAMILIES."""
    weight = "bold" if bold else "normal"
    for name in _FAMILIES:
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=name, weight=weight),
                                         fallback_to_default=False)  # fmt: skip
        except ValueError:
            continue
        return name, path
    return "DejaVu Sans", font_manager.findfont("DejaVu Sans")  # pragma: no cover


def family() -> str:
    """The font family measured here – figures use it too, so that fitted labels fit."""
    return _found(False)[0]


@cache
def _font(bold: bool) -> FT2Font:
    font = FT2Font(_found(bold)[1])
    font.set_size(1000, 72)
    return font


@cache
def _advance(ch: str, bold: bool) -> float:
    """Advance of one character at 1 pt."""
    font = _font(bold)
    if ch == "\u2011":  # non-breaking hyphen: drawn like "-"
        ch = "-"
    if not font.get_char_index(ord(ch)):
        return 0.6  # a glyph the font lacks: an average width
    glyph = font.load_char(ord(ch), flags=LoadFlags.NO_HINTING)
    return glyph.linearHoriAdvance / 65536 / 1000


def covers(text: str) -> bool:
    """Whether the measured font has a glyph for every character of `text`."""
    return all(_has(ch) for ch in text)


@cache
def _has(ch: str) -> bool:
    return ch.isspace() or bool(_font(False).get_char_index(ord(ch)))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in points at `size` pt (no kerning: slightly generous)."""
    return sum(_advance(ch, bold) for ch in text) * size


def longest_word(text: str, size: float, bold: bool = False) -> float:
    """Width of the widest piece of `text` between the places a line may wrap; a piece before a
    soft hyphen carries the hyphen drawn there."""
    widest = 0.0
    pos = 0
    for match in [*_SPLIT.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[pos:end]
        if match and match.group() == "\u00ad":
            piece += "-"
        widest = max(widest, text_width(piece, size, bold))
        if match:
            pos = match.end()
    return widest
