"""Many short texts on a timeline page, drawn by one artist straight through the renderer.

Why not one `matplotlib.text.Text` per label: since matplotlib 3.11 every Text is laid out by
libraqm twice per page and backend (once to measure it, once to draw it), which cost 3–4 ms per
60-character row label on our machines; 1,000 goals spent most of the 11–18 s PDF export there.
Here a text is laid out once (by the backend when it draws it); widths for right/centre alignment,
truncation and background boxes come from a per-character advance table read once from the font.
The backends still write real text: PDF (TrueType, fonttype 42) and SVG (`<text>`) stay
selectable and searchable, exactly as with Text artists.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.colors import to_rgba
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import LoadFlags
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Affine2D, IdentityTransform

FAMILY = "DejaVu Sans"
# PNG (Agg) hints glyphs: at 90 dpi a 7 pt label is up to 8.5 % wider than its unhinted advance
# widths (150 dpi: 3.7 %, PDF/SVG: narrower because of kerning). Widths that must not be
# exceeded – room for a label, a background box – allow for it.
SLACK = 1.09


class FontMetrics:
    """Advance widths (points, without kerning) and the line box of one font at one size."""

    def __init__(self, prop: FontProperties) -> None:
        self.prop = prop
        self.size = prop.get_size_in_points()
        self._font = get_font(findfont(prop))
        self._advance: dict[str, float] = {}
        scale = self.size / self._font.get_sfnt_table("head")["unitsPerEm"]
        # the line box matplotlib's Text uses for alignment (3.11: OS/2 typo metrics, else hhea)
        os2 = self._font.get_sfnt_table("OS/2") or {}
        hhea = self._font.get_sfnt_table("hhea") or {}
        if "sTypoAscender" in os2:
            self.ascent, self.descent = os2["sTypoAscender"] * scale, -os2["sTypoDescender"] * scale
        elif "ascent" in hhea:
            self.ascent, self.descent = hhea["ascent"] * scale, -hhea["descent"] * scale
        else:  # pragma: no cover - every font we ship has these tables
            self.ascent, self.descent = 0.76 * self.size, 0.24 * self.size

    def width(self, text: str) -> float:
        adv = self._advance
        total = 0.0
        for ch in text:
            w = adv.get(ch)
            if w is None:
                self._font.set_size(self.size, 72)
                w = adv[ch] = (
                    self._font.load_char(ord(ch), flags=LoadFlags.NO_HINTING).linearHoriAdvance
                    / 65536
                )
            total += w
        return total

    def fit(self, text: str, room: float) -> str:
        """text, cut with „…“ so that it fits into room points (in every backend)."""
        room /= SLACK
        if self.width(text) <= room:
            return text
        room -= self.width("…")
        out = []
        used = 0.0
        for ch in text:
            used += self.width(ch)
            if used > room:
                break
            out.append(ch)
        return "".join(out).rstrip(" ,.·–-") + "…"


_FONTS: dict[tuple[float, str], FontMetrics] = {}


def font(size: float, weight: str = "normal") -> FontMetrics:
    key = (size, weight)
    if key not in _FONTS:
        _FONTS[key] = FontMetrics(FontProperties(family=FAMILY, size=size, weight=weight))
    return _FONTS[key]


@dataclass(slots=True)
class Label:
    x: float
    y: float
    text: str
    font: FontMetrics
    colour: str = "#212121"
    ha: str = "left"  # left | center | right
    va: str = "center"  # center | bottom (the line box sits on y) | top (hangs from y)
    dx: float = 0.0  # offsets in points
    dy: float = 0.0
    box: bool = False  # white background box (alpha 0.85), e.g. over lines and markers


class TextBatch(Artist):
    """Labels in one coordinate system (`transform`), drawn in order with one graphics context."""

    def __init__(self, labels: list[Label], transform, zorder: float = 6) -> None:
        super().__init__()
        self.labels = labels
        self.set_transform(transform)
        self.set_zorder(zorder)

    def texts(self) -> list[str]:
        return [label.text for label in self.labels]

    def draw(self, renderer) -> None:
        if not self.get_visible() or not self.labels:
            return
        renderer.open_group("textbatch", gid=self.get_gid())
        px = renderer.points_to_pixels(1.0)
        points = self.get_transform().transform([(lb.x, lb.y) for lb in self.labels])
        flip, height = renderer.flipy(), renderer.get_canvas_width_height()[1]
        gc = renderer.new_gc()
        box = MplPath([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)], closed=True)
        for lb, (x, y) in zip(self.labels, points, strict=True):
            m = lb.font
            w = m.width(lb.text) if lb.ha != "left" or lb.box else 0.0
            x += lb.dx * px - {"left": 0.0, "center": w / 2, "right": w}[lb.ha] * px
            y += lb.dy * px
            if lb.va == "center":
                base = y - (m.ascent - m.descent) / 2 * px
            elif lb.va == "top":
                base = y - m.ascent * px
            else:
                base = y + m.descent * px
            if lb.box:
                pad = 0.3 * m.size * px
                rect = box.transformed(
                    Affine2D()
                    .scale(w * SLACK * px + 2 * pad, (m.ascent + m.descent) * px + 2 * pad)
                    .translate(x - pad, base - m.descent * px - pad)
                )
                gc.set_alpha(0.85)
                gc.set_linewidth(0)
                renderer.draw_path(gc, rect, IdentityTransform(), (1.0, 1.0, 1.0, 0.85))
                gc.set_alpha(1.0)
            gc.set_foreground(to_rgba(lb.colour), isRGBA=True)
            if flip:  # e.g. SVG: text positions count from the top (paths are flipped for us)
                base = height - base
            renderer.draw_text(gc, x, base, lb.text, m.prop, 0.0, ismath=False, mtext=None)
        gc.restore()
        renderer.close_group("textbatch")
