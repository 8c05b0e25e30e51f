"""The handbook as one QTextDocument, built from the one Markdown source for the help window
and for the printable PDF alike.

The source is CommonMark with tables (Qt's own Markdown reader). Two additions, resolved here:
a heading ends with `{#id}` to give it the id that links (`[…](#id)`), F1 and the tests use;
a line `{{inhalt}}` becomes the list of chapters, `{{tastenkuerzel}}` the shortcut overview
generated from the declared actions (gui/help/shortcuts.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QFont,
    QImageReader,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)

from sa2030_desktop import assets

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*\{#([a-z0-9-]+)\}\s*$")
_PLAIN_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_LINK = re.compile(r"\]\(#([^)\s]+)\)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^(```|~~~)")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    id: str


@dataclass(frozen=True)
class Source:
    """The parsed Markdown: headings with ids, the sections links name, the pictures."""

    text: str
    headings: list[Heading]
    links: list[str]
    images: list[str]
    folder: Path

    @property
    def ids(self) -> set[str]:
        return {h.id for h in self.headings}


class HandbookMissing(FileNotFoundError):
    """The handbook's source is not in this installation."""


def read_source(path: Path | None = None) -> Source:
    path = path or assets.handbook_source()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise HandbookMissing(path) from exc
    headings, links, images, fenced = [], [], [], False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        match = _HEADING.match(line)
        if match:
            headings.append(Heading(len(match.group(1)), match.group(2), match.group(3)))
        elif _PLAIN_HEADING.match(line):
            level, title = _PLAIN_HEADING.match(line).groups()
            headings.append(Heading(len(level), title, ""))
        links += _LINK.findall(line)
        images += [target for _alt, target in _IMAGE.findall(line)]
    return Source(text, headings, links, images, path.parent)


def contents_markdown(source: Source, pages: dict[str, int] | None = None) -> str:
    """The chapters (level 2) and their sections (level 3) as a list of links; with `pages`
    (printing) each with its page number."""
    lines = []
    for heading in source.headings:
        page = f" – Seite {pages[heading.id]}" if pages and heading.id in pages else ""
        if heading.level == 2 and heading.id:
            lines.append(f"- [{heading.title}](#{heading.id}){page}")
        elif heading.level == 3 and heading.id:
            lines.append(f"    - [{heading.title}](#{heading.id}){page}")
    return "\n".join(lines)


def expand(source: Source, generated: dict[str, str]) -> str:
    """The Markdown Qt reads: ids as anchors, generated parts in, pictures as file URLs."""
    parts = {"inhalt": contents_markdown(source), **generated}
    out, fenced = [], False
    for line in source.text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        marker = re.fullmatch(r"\{\{([a-z]+)\}\}", line.strip())
        if not fenced and marker:
            out.append(parts.get(marker.group(1), ""))
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            hashes, title, _ident = match.groups()
            line = f"{hashes} {title}"  # the id becomes the heading's anchor (_name_headings)
        elif not fenced:
            line = _IMAGE.sub(lambda m: _image_url(source.folder, m), line)
        out.append(line)
    return "\n".join(out) + "\n"


def _image_url(folder: Path, match: re.Match) -> str:
    alt, target = match.groups()
    if "://" in target:
        return match.group(0)
    return f"![{alt}]({QUrl.fromLocalFile(str(folder / target)).toString()})"


def build_document(
    source: Source,
    generated: dict[str, str] | None = None,
    image_width: int = 760,
    point_size: float = 10.5,
    document: QTextDocument | None = None,
) -> QTextDocument:
    """The handbook as a QTextDocument: headings with room around them, pictures no wider
    than `image_width` (they keep their proportions)."""
    doc = document or QTextDocument()
    font = QFont(doc.defaultFont())
    font.setPointSizeF(point_size)
    doc.setDefaultFont(font)
    doc.setMarkdown(expand(source, generated or {}))
    _name_headings(doc, source)
    _space_headings(doc)
    fit_images(doc, image_width)
    return doc


def _name_headings(doc: QTextDocument, source: Source) -> None:
    """Each heading's text carries its id as anchor name (links, F1 and scrollToAnchor find
    it); Qt's own heading format stays as it is."""
    pending = [h for h in source.headings if h.id]
    block = doc.begin()
    while block.isValid() and pending:
        if block.blockFormat().headingLevel() and block.text() == pending[0].title:
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorNames([pending.pop(0).id])
            cursor.mergeCharFormat(fmt)
        block = block.next()


def _space_headings(doc: QTextDocument) -> None:
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            fmt = QTextBlockFormat()
            fmt.setTopMargin({1: 6, 2: 22, 3: 14}.get(level, 10))
            fmt.setBottomMargin(6)
            cursor = QTextCursor(block)
            cursor.mergeBlockFormat(fmt)
        block = block.next()


def fit_images(doc: QTextDocument, width: int) -> None:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                path = QUrl(image.name()).toLocalFile()
                size = QImageReader(path).size()
                if size.isValid() and size.width() > 0:
                    shown = min(width, size.width())
                    scaled = QTextImageFormat(image)
                    scaled.setWidth(shown)
                    scaled.setHeight(size.height() * shown / size.width())
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(scaled)
            it += 1
        block = block.next()


def section_of(doc: QTextDocument, position: int, source: Source) -> Heading | None:
    """The heading (with an id) a position of the document lies under."""
    titles = {h.title: h for h in source.headings if h.id}
    block = doc.findBlock(position)
    while block.isValid():
        if block.blockFormat().headingLevel() and block.text() in titles:
            return titles[block.text()]
        block = block.previous()
    return None
