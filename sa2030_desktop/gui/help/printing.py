"""The printable handbook: the same document as in the help window, paged on A4 with a running
head, „Seite X von Y“ and page numbers in the table of contents (tools/build_handbook.py)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from sa2030_desktop.gui.help import handbook

TITLE = "SA2030 Planner – Benutzerhandbuch"
RESOLUTION = 300
HEAD_MM = 9  # room for the running head and the page number above and below the text


def heading_pages(doc: QTextDocument, source: handbook.Source, page_height: float) -> dict:
    """The page (from 1) each heading with an id starts on."""
    titles = [h for h in source.headings if h.id]
    pages, layout = {}, doc.documentLayout()
    doc.pageCount()  # the whole document laid out (the layout is lazy)
    block = doc.begin()
    while block.isValid() and titles:
        if block.blockFormat().headingLevel() and block.text() == titles[0].title:
            top = layout.blockBoundingRect(block).top()
            pages[titles.pop(0).id] = int(top // page_height) + 1
        block = block.next()
    return pages


def write_pdf(source: handbook.Source, generated: dict[str, str], target: Path) -> int:
    """Write the handbook as an A4 PDF to `target` (replaced only when complete); returns the
    number of pages."""
    writer_path = target.with_name(target.name + ".tmp")
    writer = QPdfWriter(str(writer_path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(TITLE)
    writer.setCreator("SA2030 Planner")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(22, 18, 22, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    body = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    head = HEAD_MM / 25.4 * RESOLUTION
    screen_dpi = QGuiApplication.primaryScreen().logicalDotsPerInch()
    scale = RESOLUTION / screen_dpi
    page = QSizeF(body.width() / scale, (body.height() - 2 * head) / scale)

    doc = _document(source, generated, page, None)
    doc = _document(source, generated, page, heading_pages(doc, source, page.height()))
    count = doc.pageCount()
    painter = QPainter(writer)
    # screenshots of text: lossless (Flate) instead of JPEG, sharper and smaller here
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    try:
        small = QFont(doc.defaultFont())
        small.setPointSizeF(8.5)
        for index in range(count):
            if index:
                writer.newPage()
            painter.setFont(small)
            painter.setPen(Qt.GlobalColor.darkGray)
            top_line = QRectF(body.left(), body.top(), body.width(), head * 0.7)
            painter.drawText(top_line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             TITLE)  # fmt: skip
            painter.drawLine(body.left(), body.top() + head * 0.75,
                             body.right(), body.top() + head * 0.75)  # fmt: skip
            bottom = QRectF(body.left(), body.bottom() - head * 0.6, body.width(), head * 0.6)
            painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             f"Seite {index + 1} von {count}")  # fmt: skip
            painter.save()
            painter.translate(body.left(), body.top() + head)
            painter.scale(scale, scale)
            painter.translate(0, -index * page.height())
            clip = QRectF(0, index * page.height(), page.width(), page.height())
            painter.setClipRect(clip)
            doc.drawContents(painter, clip)
            painter.restore()
    finally:
        painter.end()
    del writer
    os.replace(writer_path, target)
    return count


def _document(source, generated, page: QSizeF, pages) -> QTextDocument:
    parts = dict(generated)
    parts["inhalt"] = handbook.contents_markdown(source, pages)
    doc = handbook.build_document(source, parts, image_width=int(page.width()), point_size=10)
    doc.setPageSize(page)
    _keep_headings_with_next(doc, page.height())
    return doc


def _keep_headings_with_next(doc: QTextDocument, page_height: float) -> None:
    """A heading never stands alone at the foot of a page: when the block after it starts on
    the next page, the heading moves there too (Qt's text layout has no keep-with-next)."""
    layout = doc.documentLayout()
    doc.pageCount()  # the layout is lazy: lay out the whole document before measuring it
    block = doc.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            top = layout.blockBoundingRect(block).top()
            next_rect = layout.blockBoundingRect(following)
            if int(next_rect.bottom() // page_height) > int(top // page_height):
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(fmt)
        block = following
