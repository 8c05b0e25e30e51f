"""The shared frame of every briefing: template, page header/footer, classification, metadata.

The classification „VS – NUR FÜR DEN DIENSTGEBRAUCH“ is written into the first-page header and the
default header (and the even-page header when the template uses one) of every section, so that it
stands at the top of every page. Title, file name and document properties stay unclassified.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from sa2030_desktop import assets
from sa2030_desktop.domain.dates import de_long, de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.export.briefing.context import (
    CLASSIFICATION,
    CLASSIFICATION_SHORT,
    DEMO_NOTE,
    BriefingContext,
)

_TEMPLATE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
PLACEHOLDER_COLOUR = RGBColor(0x9C, 0x00, 0x06)


def load_template(path: Path | None):
    """A python-docx Document from the bundled template or a house template (.docx/.dotx)."""
    source = Path(path) if path else assets.briefing_template()
    if not source.is_file():
        raise DomainError("file_missing", path=str(source))
    try:
        data = source.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            types = zf.read("[Content_Types].xml").decode("utf-8")
            if _TEMPLATE_CT in types:  # .dotx: same package, other content type
                data = _retype(zf, types.replace(_TEMPLATE_CT, _DOCUMENT_CT))
        doc = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError) as exc:
        raise DomainError("template_not_word", path=str(source)) from exc
    except Exception as exc:  # python-docx raises assorted errors on foreign packages
        raise DomainError("template_not_word", path=str(source)) from exc
    _clear_body(doc)
    return doc


def _retype(zf: zipfile.ZipFile, types: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in zf.infolist():
            data = (
                types.encode("utf-8") if item.filename == "[Content_Types].xml" else zf.read(item)
            )
            dst.writestr(item, data)
    return out.getvalue()


def _clear_body(doc) -> None:
    """Keep the template's styles, page setup and header/footer; drop its sample text."""
    body = doc.element.body
    last_sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not last_sect:
            body.remove(child)


class Briefing:
    """A document being written: headings, paragraphs, tables and figures in house style."""

    def __init__(self, ctx: BriefingContext) -> None:
        self.ctx = ctx
        self.doc = load_template(ctx.options.template)
        self._styles = {s.name for s in self.doc.styles}
        first = self.doc.sections[0]
        self._portrait = (first.page_width, first.page_height, first.left_margin,
                          first.right_margin, first.top_margin, first.bottom_margin)  # fmt: skip

    @property
    def text_width(self) -> Emu:
        s = self.doc.sections[-1]
        return Emu(s.page_width - s.left_margin - s.right_margin)

    @property
    def text_height(self) -> Emu:
        s = self.doc.sections[-1]
        return Emu(s.page_height - s.top_margin - s.bottom_margin)

    def new_section(self, landscape: bool) -> None:
        """Continue on a new page in landscape (wide figures) or back in portrait."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        width, height, left, right, top, bottom = self._portrait
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = max(width, height), min(width, height)
            section.left_margin = section.right_margin = Cm(1.8)
            section.top_margin, section.bottom_margin = Cm(2.2), Cm(1.6)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = width, height
            section.left_margin, section.right_margin = left, right
            section.top_margin, section.bottom_margin = top, bottom

    # -- styles with graceful fallback ------------------------------------------------------
    def style(self, *names: str) -> str | None:
        for name in names:
            if name in self._styles:
                return name
        return None

    def heading(self, text: str, level: int = 1, new_page: bool = False):
        name = self.style(f"Heading {level}")
        par = self.doc.add_paragraph(text, style=name) if name else self._plain_heading(text, level)
        par.paragraph_format.keep_with_next = True  # never a heading alone at a page's foot
        if new_page:
            par.paragraph_format.page_break_before = True
        return par

    def _plain_heading(self, text: str, level: int):
        par = self.doc.add_paragraph()
        run = par.add_run(text)
        run.bold = True
        run.font.size = Pt({0: 18, 1: 14, 2: 12}.get(level, 11))
        par.paragraph_format.keep_with_next = True
        par.paragraph_format.space_before = Pt(12)
        return par

    def title(self, text: str, subtitle: str = "") -> None:
        name = self.style("Title")
        par = self.doc.add_paragraph(text, style=name) if name else self.heading(text, 0)
        if not name:
            par.runs[0].font.size = Pt(20)
        if subtitle:
            sub = self.style("Subtitle")
            p2 = self.doc.add_paragraph(subtitle, style=sub)
            if not sub:
                p2.runs[0].font.size = Pt(13)

    def paragraph(self, text: str = "", bold: bool = False, italic: bool = False, style=None,
                  size: float | None = None):  # fmt: skip
        par = self.doc.add_paragraph(style=self.style(style) if style else None)
        if text:
            run = par.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            if size:
                run.font.size = Pt(size)
        return par

    def labelled(self, label: str, text: str):
        """„Anlass: …“ – a bold label and its value in one paragraph."""
        par = self.doc.add_paragraph()
        par.add_run(f"{label}: ").bold = True
        par.add_run(text)
        par.paragraph_format.space_after = Pt(2)
        return par

    def bullet(self, text: str, bold_prefix: str = ""):
        name = self.style("List Bullet")
        par = self.doc.add_paragraph(style=name)
        if not name:
            par.add_run("•\t")
            par.paragraph_format.left_indent = Pt(14)
            par.paragraph_format.first_line_indent = Pt(-14)
        if bold_prefix:
            par.add_run(bold_prefix).bold = True
        par.add_run(text)
        return par

    def placeholder(self, text: str):
        """Text the author must write: visibly marked, highlighted and in brackets."""
        par = self.doc.add_paragraph()
        run = par.add_run(f"[{text}]")
        run.italic = True
        run.font.color.rgb = PLACEHOLDER_COLOUR
        rpr = run._r.get_or_add_rPr()
        hl = OxmlElement("w:highlight")
        hl.set(qn("w:val"), "yellow")
        rpr.append(hl)
        return par

    def caption(self, text: str):
        name = self.style("Caption")
        par = self.doc.add_paragraph(text, style=name)
        if not name:
            par.runs[0].italic = True
            par.runs[0].font.size = Pt(9)
        return par

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def figure(self, png: bytes, size_px: tuple[int, int], caption: str) -> None:
        """A PNG at the full text width (or less, so that it fits on one page)."""
        w, h = size_px
        width = int(self.text_width)
        height = width * h // w
        max_h = int(self.text_height - Cm(3.4))  # room for a heading and the caption
        if height > max_h:
            width, height = width * max_h // height, max_h
        body = self.doc.element.body
        if len(body) > 1 and body[-2].tag == qn("w:tbl"):
            # A picture right below a table: LibreOffice then drops most of the table's bottom
            # border. A small spacer keeps the table closed.
            self.doc.add_paragraph().paragraph_format.space_after = Pt(2)
        par = self.doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.keep_with_next = True
        par.add_run().add_picture(io.BytesIO(png), width=Emu(width), height=Emu(height))
        self.caption(caption)

    # -- frame -------------------------------------------------------------------------------
    def reference_text(self) -> str:
        """The Geschäftszeichen, suffixed „VS-NfD“ when classified."""
        ref = self.ctx.options.reference.strip()
        if self.ctx.options.classified:
            return f"{ref} – {CLASSIFICATION_SHORT}" if ref else CLASSIFICATION_SHORT
        return ref

    def finish(self) -> None:
        """Header, footer and metadata; call once after the content."""
        for index, section in enumerate(self.doc.sections):
            self._frame(section, first=index == 0)
        self._metadata()

    def _frame(self, section, first: bool) -> None:
        ctx = self.ctx
        # Only the document's first page carries office and date; later sections still get a
        # first-page header (same as the default one), so no page is ever without the marking.
        section.different_first_page_header_footer = first
        headers = [section.first_page_header, section.header]
        footers = [section.first_page_footer, section.footer]
        if self.doc.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
            footers.append(section.even_page_footer)
        width = Emu(section.page_width - section.left_margin - section.right_margin)
        for part in headers + footers:
            part.is_linked_to_previous = False
        for index, header in enumerate(headers):
            lines = []
            if ctx.options.classified:
                lines.append(_classification_par(header))
            if first and index == 0:  # the document's first page: issuing office and date
                if ctx.portfolio.info.issuing_office:
                    lines.append(header.add_paragraph(ctx.portfolio.info.issuing_office))
                place = ctx.options.place.strip()
                day = de_long(ctx.issued)
                dated = header.add_paragraph(f"{place}, {day}" if place else day)
                dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                lines.append(dated)
            else:
                lines.append(
                    _two_sided(header, ctx.title, f"Stichtag {de_short(ctx.as_of)}", width)
                )
            _place(header, lines, top=True)
        for footer in footers:
            left = " · ".join(
                t for t in (DEMO_NOTE if ctx.demo else "", self.reference_text()) if t
            )
            par = _two_sided(footer, left, "", width)
            par.add_run("Seite ")
            _field(par, "PAGE")
            par.add_run(" von ")
            _field(par, "NUMPAGES")
            _place(footer, [par], top=False)

    def _metadata(self) -> None:
        core = self.doc.core_properties
        core.title = self.ctx.title[:250]
        core.subject = "Sachsen-Anhalt Digital 2030"
        core.author = self.ctx.options.author or "SA2030 Planner"
        core.last_modified_by = core.author
        core.keywords = ""
        core.comments = ""
        core.category = ""
        core.content_status = ""
        core.identifier = ""
        core.version = ""
        now = datetime.now().replace(microsecond=0)
        core.created = core.modified = now
        core.revision = 1
        core.language = "de-DE"


def _classification_par(part):
    par = part.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.paragraph_format.space_after = Pt(4)
    run = par.add_run(CLASSIFICATION)
    run.bold = True
    run.font.size = Pt(11)
    return par


def _two_sided(part, left: str, right: str, width: Emu):
    """One line: text on the left, text on the right margin (right tab stop)."""
    par = part.add_paragraph()
    par.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    if left:
        par.add_run(left)
    par.add_run("\t" + right)
    return par


def _place(part, pars, top: bool) -> None:
    """Our lines above (header) or below (footer) what the house template put there (a logo)."""
    root = part._element
    own = {p._p for p in pars}
    for p in list(root):  # the empty paragraph a new header starts with
        if p.tag == qn("w:p") and p not in own and not "".join(p.itertext()).strip() \
                and not p.findall(".//" + qn("w:drawing")):  # fmt: skip
            root.remove(p)
    for index, par in enumerate(pars):
        if top:
            root.insert(index, par._p)
        else:
            root.append(par._p)


def _field(par, instr: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice update when they lay out."""

    def fld(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = par.add_run()
    run._r.append(fld("begin"))
    run = par.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} \\* MERGEFORMAT "
    run._r.append(text)
    par.add_run()._r.append(fld("separate"))
    par.add_run("1")
    par.add_run()._r.append(fld("end"))
