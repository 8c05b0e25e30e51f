"""WCAG 2.1 contrast (BITV 2.0): relative luminance and contrast ratio of "#RRGGBB" colours.

Text needs at least 4.5:1 to its background (1.4.3), graphics that carry meaning — status
marks, edges, markers, focus frames — at least 3:1 to what surrounds them (1.4.11)."""

from __future__ import annotations

TEXT_MIN = 4.5
GRAPHIC_MIN = 3.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of "#RRGGBB" (0 black … 1 white)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"Farbe „{colour}“ ist kein #RRGGBB-Wert")
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour: 1.0 … 21.0."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on `fill` (a status colour behind a key)."""
    return (
        "#000000"
        if contrast_ratio("#000000", fill) >= contrast_ratio("#FFFFFF", fill)
        else "#FFFFFF"
    )
