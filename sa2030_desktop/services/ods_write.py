"""Write a `book.Sheet` list as an OpenDocument spreadsheet (`.ods`, ODF 1.3): the XML is
built as text and streamed into the zip (no document object model, 10,000 goals in about
the time of the .xlsx). Text cells are string cells, which no spreadsheet runs as a formula;
dates are date cells shown as 31.03.2026; column widths, the frozen header row, hidden sheets
and drop-down lists (content validations) as LibreOffice writes them."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from sa2030_desktop.services.book import DROP_ROWS, Sheet, column_letter

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3"'
)
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
CM_PER_CHAR = 0.2  # an Excel width unit (one "0" of the default font) in centimetres
# characters XML 1.0 cannot carry at all; the import refuses such text anyway
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"(?<= ) +|^ +")


def write_book(sheets: list[Sheet], target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        # the mimetype comes first and uncompressed, so tools recognise the file by its bytes
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", _manifest())
        zf.writestr("styles.xml", _styles())
        zf.writestr("settings.xml", _settings(sheets))
        with zf.open("content.xml", "w", force_zip64=True) as fh:
            for chunk in _content(sheets):
                fh.write(chunk.encode("utf-8"))


def _content(sheets: list[Sheet]):
    widths = sorted({w for s in sheets for w in s.widths})
    col_style = {w: f"co{i}" for i, w in enumerate(widths, start=1)}
    styles = [
        '<number:date-style style:name="N1"><number:day number:style="long"/>'
        '<number:text>.</number:text><number:month number:style="long"/>'
        '<number:text>.</number:text><number:year number:style="long"/></number:date-style>',
        '<style:style style:name="ceD" style:family="table-cell" style:data-style-name="N1"/>',
        '<style:style style:name="ceB" style:family="table-cell"><style:text-properties '
        'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>'
        "</style:style>",
        '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">'
        '<style:table-properties table:display="true"/></style:style>',
        '<style:style style:name="ta2" style:family="table" style:master-page-name="Default">'
        '<style:table-properties table:display="false"/></style:style>',
    ]
    for w, name in col_style.items():
        styles.append(
            f'<style:style style:name="{name}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{w * CM_PER_CHAR:.2f}cm"/>'
            "</style:style>"
        )
    yield (
        f"{_HEAD}<office:document-content {_NS}><office:automatic-styles>{''.join(styles)}"
        "</office:automatic-styles><office:body><office:spreadsheet>"
    )
    validations, names = _validations(sheets)
    if validations:
        yield f"<table:content-validations>{''.join(validations)}</table:content-validations>"
    for sheet in sheets:
        yield from _table(sheet, col_style, names)
    yield "</office:spreadsheet></office:body></office:document-content>"


def _validations(sheets: list[Sheet]) -> tuple[list[str], dict]:
    out, names = [], {}
    for sheet in sheets:
        for drop in sheet.drop_downs:
            name = f"val{len(out) + 1}"
            names[(sheet.name, drop.column)] = name
            letter = column_letter(drop.source_column)
            source = f"[$'{drop.sheet}'.${letter}$2:.${letter}${drop.count + 1}]"
            out.append(
                f'<table:content-validation table:name="{name}" '
                f'table:condition="of:cell-content-is-in-list({source})" '
                'table:allow-empty-cell="true" table:display-list="unsorted">'
                '<table:error-message table:message-type="stop" table:display="true" '
                'table:title="Ungültiger Wert"><text:p>Bitte einen Wert aus der Liste wählen.'
                "</text:p></table:error-message></table:content-validation>"
            )
    return out, names


def _table(sheet: Sheet, col_style: dict, validations: dict):
    style = "ta2" if sheet.hidden else "ta1"
    parts = [f'<table:table table:name={quoteattr(sheet.name)} table:style-name="{style}">']
    for w in sheet.widths:
        parts.append(f'<table:table-column table:style-name="{col_style[w]}"/>')
    if not sheet.widths:
        parts.append("<table:table-column/>")
    if sheet.header:
        parts.append(_row(sheet.header, bold=True))
    yield "".join(parts)
    batch: list[str] = []
    for i, row in enumerate(sheet.rows):
        batch.append(_row(row, bold=sheet.bold_first_row and i == 0))
        if len(batch) >= 500:
            yield "".join(batch)
            batch.clear()
    yield "".join(batch)
    drops = {col: validations[(sheet.name, col)] for (s, col) in validations if s == sheet.name}
    repeat = DROP_ROWS - 1 - len(sheet.rows)
    if drops and repeat > 0:
        # one repeated row carries the lists down to row DROP_ROWS, as Calc stores it
        cells, last = [], -1
        for col in sorted(drops):
            if col - last > 1:
                cells.append(
                    f'<table:table-cell table:number-columns-repeated="{col - last - 1}"/>'
                )
            cells.append(f'<table:table-cell table:content-validation-name="{drops[col]}"/>')
            last = col
        yield f'<table:table-row table:number-rows-repeated="{repeat}">{"".join(cells)}</table:table-row>'
    yield "</table:table>"


def _row(values: list[object], bold: bool = False) -> str:
    cells = []
    for value in values:
        if value is None or value == "":
            cells.append("<table:table-cell/>")
        elif isinstance(value, bool) or not isinstance(value, int | float | date):
            attr = ' table:style-name="ceB"' if bold else ""
            cells.append(
                f'<table:table-cell office:value-type="string"{attr}>{_paragraphs(str(value))}'
                "</table:table-cell>"
            )
        elif isinstance(value, date):
            iso = value.isoformat() if isinstance(value, datetime) else value.isoformat()
            shown = f"{value.day:02d}.{value.month:02d}.{value.year}"
            cells.append(
                f'<table:table-cell office:value-type="date" office:date-value="{iso}" '
                f'table:style-name="ceD"><text:p>{shown}</text:p></table:table-cell>'
            )
        else:
            cells.append(
                f'<table:table-cell office:value-type="float" office:value="{value!r}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
    return f"<table:table-row>{''.join(cells)}</table:table-row>"


def _paragraphs(text: str) -> str:
    """Text as ODF paragraphs: a line per <text:p>, runs of spaces and tabs as elements (ODF
    collapses plain white space), a carriage return as a character reference."""
    text = _INVALID.sub("", text)
    out = []
    for line in text.split("\n"):
        line = escape(line).replace("\r", "&#13;")
        if " " in line:
            line = _SPACES.sub(lambda m: f'<text:s text:c="{len(m.group())}"/>', line)
        if "\t" in line:
            line = line.replace("\t", "<text:tab/>")
        out.append(f"<text:p>{line}</text:p>")
    return "".join(out)


def _manifest() -> str:
    entries = "".join(
        f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type="text/xml"/>'
        for p in ("content.xml", "styles.xml", "settings.xml")
    )
    return (
        f'{_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        f'manifest:version="1.3" manifest:media-type="{MIMETYPE}"/>{entries}</manifest:manifest>'
    )


def _styles() -> str:
    return (
        f"{_HEAD}<office:document-styles {_NS}><office:styles>"
        '<style:style style:name="Default" style:family="table-cell"/></office:styles>'
        '<office:master-styles><style:master-page style:name="Default"/></office:master-styles>'
        "</office:document-styles>"
    )


def _settings(sheets: list[Sheet]) -> str:
    """The frozen header row: Calc keeps it as view settings per sheet."""

    def item(name: str, kind: str, value: object) -> str:
        return f'<config:config-item config:name="{name}" config:type="{kind}">{value}</config:config-item>'

    frozen = "".join(
        f"<config:config-item-map-entry config:name={quoteattr(s.name)}>"
        + item("VerticalSplitMode", "short", 2)
        + item("VerticalSplitPosition", "int", 1)
        + item("ActiveSplitRange", "short", 2)
        + item("PositionTop", "int", 0)
        + item("PositionBottom", "int", 1)
        + "</config:config-item-map-entry>"
        for s in sheets
        if s.freeze_header
    )
    return (
        f"{_HEAD}<office:document-settings {_NS}><office:settings>"
        '<config:config-item-set config:name="ooo:view-settings">'
        '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
        + item("ViewId", "string", "view1")
        + f'<config:config-item-map-named config:name="Tables">{frozen}'
        "</config:config-item-map-named></config:config-item-map-entry>"
        "</config:config-item-map-indexed></config:config-item-set>"
        "</office:settings></office:document-settings>"
    )
