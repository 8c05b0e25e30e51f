"""Fast tables: one prepared row is copied as XML for every data row (never table.cell(r, c)).

Status cells are shaded with the Ampel colour AND carry the German label, so that the status
survives black-and-white printing and colour-blind readers.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from sa2030_desktop.domain.contrast import text_on
from sa2030_desktop.domain.model import STATUS_COLOURS, Status
from sa2030_desktop.export.briefing.measure import longest_word, text_width

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "center": WD_ALIGN_PARAGRAPH.CENTER}  # fmt: skip
CELL_PADDING = 7.0 + 1.5  # points: the template's cell margins (2 × 3.5 pt) and some slack
MIN_HEADER_PT = 7.0
HOUSE_STYLE = "SA2030 Tabelle"  # the bundled template's table style
HEADER_FILL = "1F3A5F"


@dataclass(slots=True, frozen=True)
class Column:
    header: str
    width: float = 1.0  # relative share of the text width
    align: str = "left"
    status: bool = False  # values are Status: Ampel fill + label
    header_status: Status | None = None  # header cell shaded like this status (count columns)
    nowrap: bool = False  # values stay on one line (keys, dates, numbers); status values always do
    keys: bool = False  # hyphens in the values never break (Z17-M2, DIG-001): w:noBreakHyphen
    words: bool = False  # wide enough for the longest word of any value (short labels)

    @property
    def one_line(self) -> bool:
        return self.nowrap or self.status


def fill_hex(status: Status) -> str:
    return STATUS_COLOURS[status].lstrip("#").upper()


def text_hex(status: Status) -> str:
    return text_on(STATUS_COLOURS[status]).lstrip("#")


def _shade(tc, fill: str) -> None:
    tcpr = tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _colour_run(r, hex_colour: str, bold: bool = True) -> None:
    rpr = r.get_or_add_rPr()
    if bold and rpr.find(qn("w:b")) is None:
        rpr.insert(0, OxmlElement("w:b"))
    for old in rpr.findall(qn("w:color")):
        rpr.remove(old)
    col = OxmlElement("w:color")
    col.set(qn("w:val"), hex_colour)
    rpr.append(col)


def _flat(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Status):
        return value.label
    return str(value).replace("\n", " ").replace("\t", " ")


def column_widths(columns: Sequence[Column], rows: list[Sequence[object]], total: float,
                  font_size: float, header_size: float) -> tuple[list[float], float]:  # fmt: skip
    """(widths in points, header font size): every column at least as wide as its longest
    header word and – for one-line columns – its widest value; the rest of the text width is
    shared by the `width` shares. Too little room: the header type shrinks first."""
    content = []
    for i, col in enumerate(columns):
        need = 0.0
        if col.one_line:
            seen = set()
            for values in rows:
                value = values[i] if i < len(values) else None
                if col.status and not col.nowrap and not isinstance(value, Status):
                    continue  # „Summe“, explanations: may wrap
                text = _flat(value)
                if text not in seen:
                    seen.add(text)
                    need = max(need, text_width(text, font_size, bold=col.status))
        elif col.words:
            seen = set()
            for values in rows:
                text = _flat(values[i]) if i < len(values) else ""
                if text not in seen:
                    seen.add(text)
                    need = max(need, longest_word(text, font_size))
        content.append(need)
    size = header_size
    while True:
        mins = [max(c, longest_word(col.header, size, bold=True)) + CELL_PADDING
                for c, col in zip(content, columns, strict=True)]  # fmt: skip
        if sum(mins) <= total or size <= MIN_HEADER_PT:
            break
        size -= 0.5
    if sum(mins) > total:  # cannot fit: scale down (words may break, the table stays inside)
        return [m * total / sum(mins) for m in mins], size
    widths = list(mins)
    free = list(range(len(columns)))
    while free:  # hand out the text width by shares; a column below its minimum keeps it
        room = total - sum(widths[i] for i in range(len(columns)) if i not in free)
        shares = sum(columns[i].width for i in free)
        fixed = [i for i in free if room * columns[i].width / shares < mins[i]]
        if not fixed:
            for i in free:
                widths[i] = room * columns[i].width / shares
            break
        free = [i for i in free if i not in fixed]
    return widths, size


def add_table(bd, columns: Sequence[Column], rows: Iterable[Sequence[object]],
              font_size: float = 9.0, header: bool = True):  # fmt: skip
    """Append a table of `rows` (values; Status for status columns) to the briefing `bd`."""
    doc = bd.doc
    rows = list(rows)
    body = doc.element.body
    if len(body) > 1 and body[-2].tag == qn("w:p"):  # the sentence introducing the table
        Paragraph(body[-2], doc._body).paragraph_format.keep_with_next = True
    table = doc.add_table(rows=2 if header else 1, cols=len(columns))
    style = bd.style(HOUSE_STYLE, "Table Grid")
    if style:
        table.style = doc.styles[style]
    else:
        _borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    for old in tblpr.findall(qn("w:tblLayout")):
        tblpr.remove(old)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    total_pt = bd.text_width.pt
    points, header_size = column_widths(columns, rows, total_pt, font_size, font_size)
    widths = [math.ceil(w * 20) for w in points]  # twips
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:w"), str(sum(widths)))
    tblw.set(qn("w:type"), "dxa")
    for grid_col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(w))
    all_rows = table.rows
    for row in all_rows:
        for cell, w in zip(row.cells, widths, strict=True):
            tcw = cell._tc.get_or_add_tcPr().get_or_add_tcW()
            tcw.set(qn("w:w"), str(w))
            tcw.set(qn("w:type"), "dxa")
    if header:
        head = all_rows[0]
        trpr = head._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))  # repeated on every page
        for cell, col in zip(head.cells, columns, strict=True):
            par = cell.paragraphs[0]
            par.alignment = _ALIGN[col.align]
            run = par.add_run(col.header)
            run.bold = True
            run.font.size = Pt(header_size)
            if col.header_status is not None:
                _shade(cell._tc, fill_hex(col.header_status))
                _colour_run(run._r, text_hex(col.header_status))
            elif style == HOUSE_STYLE:
                # Also written directly: LibreOffice ignores a table style's header-row colours.
                _shade(cell._tc, HEADER_FILL)
                _colour_run(run._r, "FFFFFF")
    proto = all_rows[-1]
    proto._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for cell, col in zip(proto.cells, columns, strict=True):
        par = cell.paragraphs[0]
        par.alignment = _ALIGN[col.align]
        par.add_run(" ").font.size = Pt(font_size)
    tpl = proto._tr
    tbl = table._tbl
    tbl.remove(tpl)
    t_tag, tc_tag, r_tag = qn("w:t"), qn("w:tc"), qn("w:r")
    status_cols = [i for i, c in enumerate(columns) if c.status]
    key_cols = {i for i, c in enumerate(columns) if c.keys}
    count = 0
    for values in rows:
        tr = copy.deepcopy(tpl)
        tcs = tr.findall(tc_tag)
        for i, (tc, value) in enumerate(zip(tcs, values, strict=False)):
            t = tc.find(".//" + t_tag)
            text = _flat(value)
            t.text = text
            if i in key_cols and "-" in text:
                _no_break_hyphens(t, text)
        for i in status_cols:
            value = values[i] if i < len(values) else None
            if isinstance(value, Status):
                _shade(tcs[i], fill_hex(value))
                _colour_run(tcs[i].find(".//" + r_tag), text_hex(value))
        tbl.append(tr)
        count += 1
    table.row_count = count  # for callers and tests
    return table


def _no_break_hyphens(t, text: str) -> None:
    """Z17-M2 → <w:t>Z17</w:t><w:noBreakHyphen/><w:t>M2</w:t>: Word's non-breaking hyphen
    (U+2011 in LibreOffice), so a key never wraps at its hyphen; python-docx reads it as "-"."""
    run = t.getparent()
    at = list(run).index(t)
    run.remove(t)
    for n, piece in enumerate(text.split("-")):
        if n:
            run.insert(at, OxmlElement("w:noBreakHyphen"))
            at += 1
        if piece:
            el = OxmlElement("w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = piece
            run.insert(at, el)
            at += 1


def _borders(table) -> None:
    """A house template without any table style: draw thin borders ourselves."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "808080")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def key_value_table(bd, pairs: Sequence[tuple[str, str]], font_size: float = 10.0):
    """A borderless two-column block (Vermerk header: Stelle, Geschäftszeichen, Datum …)."""
    cols = [Column("", 1.0), Column("", 2.6)]
    table = add_table(bd, cols, pairs, font_size=font_size, header=False)
    tblpr = table._tbl.tblPr
    style = tblpr.find(qn("w:tblStyle"))
    if style is not None:
        tblpr.remove(style)
    for tr in table._tbl.findall(qn("w:tr")):
        first = tr.find(qn("w:tc")).find(".//" + qn("w:r"))
        if first is not None:
            first.get_or_add_rPr().insert(0, OxmlElement("w:b"))
    return table
