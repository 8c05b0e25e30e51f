"""The help window: table of contents and search on the left, the handbook on the right.

Read-only and offline: the document is built from the Markdown file in the installation;
links inside it go to its own sections, nothing is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QKeySequence,
    QShortcut,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop import assets
from sa2030_desktop.gui.dialog_parts import fit_to_screen
from sa2030_desktop.gui.help import handbook
from sa2030_desktop.gui.help.sections import CONTENTS

SNIPPET = 70  # characters either side of a hit in the hits list
MAX_HITS = 200


@dataclass(frozen=True)
class Hit:
    position: int
    length: int
    section: str
    snippet: str


class HelpWindow(QWidget):
    """`show_section(id)` opens the handbook at a section; an unknown id opens the contents."""

    def __init__(self, source: handbook.Source, generated: dict[str, str], parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Benutzerhandbuch – SA2030 Planner"))
        self.setAccessibleName(self.tr("Benutzerhandbuch"))
        self.source = source
        self.history: list[str] = []
        self.current = ""
        self.hits: list[Hit] = []

        self.text = QTextBrowser(self)
        self.text.setObjectName("helpText")
        self.text.setAccessibleName(self.tr("Text des Handbuchs"))
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._link)
        handbook.build_document(source, generated, document=self.text.document())
        self._fit_timer = QTimer(self, singleShot=True, interval=150)
        self._fit_timer.timeout.connect(self._fit_pictures)
        self.text.viewport().installEventFilter(self)

        self.search = QLineEdit(self)
        self.search.setObjectName("helpSearch")
        self.search.setPlaceholderText(self.tr("Im Handbuch suchen …"))
        self.search.setAccessibleName(self.tr("Suche im Handbuch"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._first_hit)

        self.contents = QTreeWidget(self)
        self.contents.setObjectName("helpContents")
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName(self.tr("Inhaltsverzeichnis"))
        self._fill_contents()
        self.contents.itemActivated.connect(self._contents_chosen)
        self.contents.itemClicked.connect(self._contents_chosen)

        self.hit_list = QListWidget(self)
        self.hit_list.setObjectName("helpHits")
        self.hit_list.setAccessibleName(self.tr("Fundstellen"))
        self.hit_list.setWordWrap(True)
        self.hit_list.setAlternatingRowColors(True)
        self.hit_list.setSpacing(2)
        self.hit_list.currentRowChanged.connect(self._hit_chosen)
        self.hit_count = QLabel(self)
        hits_page = QWidget(self)
        hits_layout = QVBoxLayout(hits_page)
        hits_layout.setContentsMargins(0, 0, 0, 0)
        hits_layout.addWidget(self.hit_count)
        hits_layout.addWidget(self.hit_list, 1)

        self.side = QTabWidget(self)
        self.side.setObjectName("helpSide")
        self.side.setAccessibleName(self.tr("Inhalt, Suche und Stichwörter des Handbuchs"))
        self.side.addTab(self.contents, self.tr("&Inhalt"))
        self.side.addTab(hits_page, self.tr("&Treffer"))

        self.back_button = QPushButton(self.tr("&Zurück"), self)
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.back)
        contents_button = QPushButton(self.tr("Inhalts&verzeichnis"), self)
        contents_button.clicked.connect(lambda: self.show_section(CONTENTS))
        pdf_button = QPushButton(self.tr("Als &PDF öffnen"), self)
        pdf_button.setObjectName("helpPdf")
        pdf_button.setToolTip(str(assets.handbook_pdf()))
        pdf_button.setEnabled(assets.handbook_pdf().is_file())
        pdf_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(assets.handbook_pdf())))
        )

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.side, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(contents_button)
        buttons.addStretch(1)
        buttons.addWidget(pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.back)
        fit_to_screen(self, 1000, 680)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.text.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return False

    def _fit_pictures(self) -> None:
        """Pictures as wide as the text (at most their own size): no sideways scrolling."""
        top = self.text.cursorForPosition(QPoint(4, 4))  # what the reader sees stays in sight
        handbook.fit_images(self.text.document(), max(200, self.text.viewport().width() - 24))
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + self.text.cursorRect(top).top() - 4)

    # -- navigation --------------------------------------------------------------------------
    def show_section(self, ident: str | None, remember: bool = True) -> str:
        """Scroll to the section `ident` (the contents when there is none); returns the id
        shown."""
        if not ident or ident not in self.source.ids:
            ident = CONTENTS
        if remember and self.current and self.current != ident:
            self.history.append(self.current)
        self.current = ident
        self.back_button.setEnabled(bool(self.history))
        self._scroll_to(ident)
        QTimer.singleShot(0, lambda: self._scroll_to(self.current))  # once laid out
        self._select_in_contents(ident)
        return ident

    def _scroll_to(self, ident: str) -> None:
        # from the bottom, so the heading ends up at the top of the view
        bar = self.text.verticalScrollBar()
        if ident == CONTENTS:  # the very top: title, introduction, list of chapters
            bar.setValue(0)
            return
        bar.setValue(bar.maximum())
        self.text.scrollToAnchor(ident)

    def back(self) -> None:
        if self.history:
            self.show_section(self.history.pop(), remember=False)
            self.back_button.setEnabled(bool(self.history))

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("", "hilfe") and (url.fragment() or url.path()):
            self.show_section(url.fragment() or url.path())
        elif url.isLocalFile():
            QDesktopServices.openUrl(url)

    def _fill_contents(self) -> None:
        parent = None
        self._items: dict[str, QTreeWidgetItem] = {}
        for heading in self.source.headings:
            if not heading.id or heading.level not in (2, 3):
                continue
            if heading.level == 2 or parent is None:
                item = QTreeWidgetItem(self.contents, [heading.title])
                parent = item
            else:
                item = QTreeWidgetItem(parent, [heading.title])
            item.setData(0, Qt.ItemDataRole.UserRole, heading.id)
            self._items[heading.id] = item

    def _contents_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ident = item.data(0, Qt.ItemDataRole.UserRole)
        if ident != self.current:
            self.show_section(ident)

    def _select_in_contents(self, ident: str) -> None:
        item = self._items.get(ident)
        self.contents.blockSignals(True)
        if item is not None:
            self.contents.setCurrentItem(item)
            self.contents.scrollToItem(item)
        else:
            self.contents.clearSelection()
        self.contents.blockSignals(False)

    # -- search ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> list[Hit]:
        """Every place of the query (case-insensitive), with its section and a snippet."""
        self._search_timer.stop()
        query = self.search.text().strip()
        doc = self.text.document()
        self.hits = []
        if len(query) >= 2:
            cursor = QTextCursor(doc)
            while len(self.hits) < MAX_HITS:
                cursor = doc.find(query, cursor)
                if cursor.isNull():
                    break
                if not _in_contents_list(cursor):
                    self.hits.append(self._hit(doc, cursor))
        self._show_hits(query)
        return self.hits

    def _hit(self, doc: QTextDocument, cursor: QTextCursor) -> Hit:
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = cursor.block()
        text, offset = block.text(), start - block.position()
        left = max(0, offset - SNIPPET)
        right = min(len(text), offset + (end - start) + SNIPPET)
        snippet = ("… " if left else "") + text[left:right] + (" …" if right < len(text) else "")
        heading = handbook.section_of(doc, start, self.source)
        return Hit(start, end - start, heading.title if heading else "", snippet)

    def _show_hits(self, query: str) -> None:
        self.hit_list.blockSignals(True)
        self.hit_list.clear()
        for hit in self.hits:
            item = QListWidgetItem(f"{hit.section}:  {hit.snippet}")
            item.setToolTip(hit.snippet)
            self.hit_list.addItem(item)
        self.hit_list.blockSignals(False)
        if not query:
            self.hit_count.setText("")
            self.side.setCurrentIndex(0)
        elif len(query) < 2:
            self.hit_count.setText(self.tr("Bitte mindestens zwei Zeichen eingeben."))
        elif not self.hits:
            self.hit_count.setText(self.tr("„{0}“ kommt im Handbuch nicht vor.").format(query))
            self.side.setCurrentIndex(1)
        else:
            more = (
                self.tr(" (die ersten {0})").format(MAX_HITS) if len(self.hits) >= MAX_HITS else ""
            )
            self.hit_count.setText(
                self.tr("{0} Fundstellen für „{1}“{2}").format(len(self.hits), query, more)
            )
            self.side.setCurrentIndex(1)
        self._mark_hits()

    def _mark_hits(self) -> None:
        selections = []
        doc = self.text.document()
        for hit in self.hits:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(doc)
            selection.cursor.setPosition(hit.position)
            selection.cursor.setPosition(hit.position + hit.length, QTextCursor.MoveMode.KeepAnchor)
            selection.format.setBackground(QColor("#FFE082"))
            selection.format.setForeground(QColor("black"))
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def _first_hit(self) -> None:
        self.run_search()
        if self.hits:
            self.hit_list.setCurrentRow(0)

    def _hit_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(hit.position)
        cursor.setPosition(hit.position + hit.length, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        # the hit in the upper part of the view, with the text before it for context
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + self.text.cursorRect(cursor).top() - self.text.height() // 4)


def _in_contents_list(cursor: QTextCursor) -> bool:
    """A hit in the generated list of chapters (a link to a section) is no place to read."""
    block = cursor.block()
    if block.textList() is None:
        return False
    it = block.begin()
    while not it.atEnd():
        if not it.fragment().charFormat().anchorHref().startswith("#"):
            return False
        it += 1
    return True
