"""The bundled template and the user's house templates (.docx/.dotx, styles missing or not)."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor

from sa2030_desktop import assets
from sa2030_desktop.domain.selection import Selection
from tests.briefing.conftest import MARK, export, part_text

DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def test_bundled_template_is_a4_with_house_styles_and_reproducible():
    doc = Document(str(assets.briefing_template()))
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    names = {s.name for s in doc.styles}
    assert {"Title", "Heading 1", "Heading 2", "SA2030 Tabelle", "Header", "Footer",
            "Caption", "List Bullet"} <= names  # fmt: skip
    assert doc.styles["Normal"].font.name == "Arial"
    from tools.build_briefing_template import build

    assert build() == assets.briefing_template().read_bytes()


def _house_template(path, drop_styles=()) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0x00, 0x00)
    header = doc.sections[0].header
    header.paragraphs[0].text = "Land Sachsen-Anhalt – Hauskopf"
    doc.add_paragraph("Beispieltext der Vorlage, der nicht im Briefing stehen soll.")
    styles = doc.styles.element
    for style in list(styles):
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")) in drop_styles:
            styles.remove(style)
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml" and path.suffix == ".dotx":
                data = data.replace(DOCX.encode(), DOTX.encode())
            dst.writestr(item, data)


def test_house_dotx_styles_are_used(demo_store, tmp_path):
    template = tmp_path / "haus.dotx"
    _house_template(template)
    _r, doc = export(demo_store, tmp_path / "b.docx", "status", Selection(ministry="MF"),
                     template=template, classified=True, figures=False)  # fmt: skip
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0x00, 0x00)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Beispieltext der Vorlage" not in body
    assert doc.paragraphs[0].text == "Statusbericht" and doc.paragraphs[0].style.name == "Title"
    header = part_text(doc.sections[0].header).splitlines()
    assert header[0] == MARK and "Land Sachsen-Anhalt – Hauskopf" in header
    assert doc.tables[0].style.name == "Table Grid"  # no „SA2030 Tabelle“: next best style


def test_template_without_heading_and_table_styles_falls_back(demo_store, tmp_path):
    template = tmp_path / "karg.docx"
    drop = ("heading 1", "heading 2", "heading 3", "Title", "Subtitle", "List Bullet",
            "Caption", "Table Grid")  # fmt: skip
    _house_template(template, drop)
    for kind, sel in (("status", Selection(ministry="MF")), ("vermerk", Selection(goal="Z03")),
                      ("sprechzettel", Selection()), ("kabinettsvorlage", Selection())):  # fmt: skip
        _r, doc = export(demo_store, tmp_path / f"{kind}.docx", kind, sel, template=template)
        first = doc.paragraphs[0]
        assert first.runs[0].bold and first.style.name == "Normal"
        table = doc.tables[-1]
        assert table._tbl.tblPr.find(qn("w:tblBorders")) is not None  # drawn by us
        assert any(p.text.startswith("•\t") for p in doc.paragraphs) or kind == "status"
