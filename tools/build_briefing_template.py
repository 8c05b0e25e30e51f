"""Build resources/templates/briefing.docx – the default house style of the Word briefings.

Reproducible: the same script gives a byte-identical file (fixed core properties and zip times).
Run: .venv/bin/python tools/build_briefing_template.py
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

TARGET = Path(__file__).resolve().parent.parent / "resources" / "templates" / "briefing.docx"
FONT = "Arial"
DARK = RGBColor(0x1F, 0x3A, 0x5F)
FIXED = datetime(2026, 1, 1, 0, 0, 0)
TABLE_STYLE = "SA2030 Tabelle"


def _font(style, size: float, bold: bool = False, colour: RGBColor | None = None) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = colour or RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _spacing(style, before: float, after: float, line: float = 1.15, keep: bool = False) -> None:
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = line
    if keep:
        pf.keep_with_next = True


def _table_style(doc) -> None:
    style = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    style.font.name = FONT
    style.font.size = Pt(9)
    el = style.element
    el.append(
        parse_xml(
            f'<w:pPr {nsdecls("w")}><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>'
        )
    )
    el.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblBorders>"
            '<w:top w:val="single" w:sz="6" w:space="0" w:color="1F3A5F"/>'
            '<w:bottom w:val="single" w:sz="6" w:space="0" w:color="1F3A5F"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
            '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
            '</w:tblBorders><w:tblCellMar><w:left w:w="70" w:type="dxa"/>'
            '<w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        )
    )
    el.append(
        parse_xml(
            f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
            '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3A5F"/></w:tcPr></w:tblStylePr>'
        )
    )


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    styles = doc.styles
    _font(styles["Normal"], 11)
    _spacing(styles["Normal"], 0, 6)
    _font(styles["Title"], 20, True, DARK)
    _spacing(styles["Title"], 0, 4, 1.0)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(border)
    _font(styles["Subtitle"], 13, False, DARK)
    _spacing(styles["Subtitle"], 0, 12, 1.0)
    for level, size, before in ((1, 14, 18), (2, 12, 12), (3, 11, 10)):
        style = styles[f"Heading {level}"]
        _font(style, size, True, DARK)
        _spacing(style, before, 6, 1.0, keep=True)
    _font(styles["Caption"], 9, False, RGBColor(0x40, 0x40, 0x40))
    styles["Caption"].font.italic = True
    _spacing(styles["Caption"], 2, 10)
    for name in ("Header", "Footer"):
        _font(styles[name], 8.5, False, RGBColor(0x33, 0x33, 0x33))
        _spacing(styles[name], 0, 0, 1.0)
    _font(styles["List Bullet"], 11)
    _spacing(styles["List Bullet"], 0, 4)
    _font(styles["List Number"], 11)
    _spacing(styles["List Number"], 0, 4)
    _table_style(doc)
    doc.add_paragraph()  # python-docx needs a body paragraph; the builder clears the body
    doc.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    core = doc.core_properties
    core.title = "SA2030 Briefingvorlage"
    core.author = core.last_modified_by = "SA2030 Planner"
    core.subject = core.keywords = core.comments = core.category = ""
    core.created = core.modified = FIXED
    core.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    return _normalised_zip(raw.getvalue())


def _normalised_zip(data: bytes) -> bytes:
    """Same entries, fixed times and order: the file is identical on every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name))
    return out.getvalue()


if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(build())
    print(f"geschrieben: {TARGET} ({TARGET.stat().st_size} Bytes)")
