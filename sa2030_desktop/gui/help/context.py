"""F1: from the focused widget up to the window, the first place that names a handbook section
(a declared view or dock, a dialog or part listed in sections.py) decides where the handbook
opens; a place without one opens the table of contents.

The main window's F1 is the declared action „Handbuch“; dialogs and other windows (modal ones
block the main window's shortcuts) get an F1 shortcut of their own when the focus enters them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from sa2030_desktop import assets
from sa2030_desktop.gui.assembly import HELP_PROPERTY
from sa2030_desktop.gui.help.sections import CONTENTS, class_section, error_section

F1_PROPERTY = "helpF1"  # a window that has its F1 shortcut


def _disconnect(app, slot) -> None:
    try:
        app.focusChanged.disconnect(slot)
    except (RuntimeError, TypeError):  # already gone with the application
        pass


def section_for(widget: QWidget | None) -> str:
    """The section F1 opens for `widget` (the focused one): its own, a parent's up to its
    window, the shown tab's in the main window, else the contents."""
    while widget is not None:
        own = widget.property(HELP_PROPERTY)
        if own:
            return str(own)
        by_class = class_section(type(widget))
        if by_class:
            return by_class
        if isinstance(widget, QMainWindow) and hasattr(widget, "tabs"):
            shown = widget.tabs.currentWidget()
            if shown is not None and shown.property(HELP_PROPERTY):
                return str(shown.property(HELP_PROPERTY))
        if widget.isWindow():  # a dialog without a section: not the window behind it
            break
        widget = widget.parentWidget()
    return CONTENTS


def set_section(widget: QWidget, section: str) -> None:
    """Name the section of a widget that is neither declared nor listed by class (e.g. a
    refusal's message box)."""
    widget.setProperty(HELP_PROPERTY, section)


def missing_text() -> str:
    pdf = assets.handbook_pdf()
    text = QApplication.translate(
        "Help", "Das Handbuch ist in dieser Installation nicht vorhanden (es fehlt „{0}“)."
    ).format(assets.handbook_source())
    if pdf.is_file():
        return (
            text
            + "\n\n"
            + QApplication.translate("Help", "Die Druckfassung liegt hier:\n{0}").format(pdf)
        )
    return (
        text
        + "\n\n"
        + QApplication.translate(
            "Help",
            "Auch die Druckfassung fehlt (erwartet unter „{0}“). Bitte wenden Sie sich an "
            "Ihre IT-Betreuung, damit die Anwendung vollständig installiert wird.",
        ).format(pdf)
    )


class HelpController(QObject):
    """The one help window of a main window; created when first asked for."""

    def __init__(self, main_window: QMainWindow, generated) -> None:
        super().__init__(main_window)
        self.main_window = main_window
        self._generated = generated  # () -> {"tastenkuerzel": markdown}
        self.window = None
        self.last_missing: QMessageBox | None = None
        # F1 in dialogs and other windows: a shortcut of that window, made when the focus first
        # enters it (an event filter on the application would cost every event of the program)
        app = QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        main_window.destroyed.connect(lambda *_: _disconnect(app, self._focus_changed))

    def open(self, section: str | None = None):
        """Show the handbook at `section` (contents when None or unknown); None and a German
        message (with the PDF's path) when the handbook is missing."""
        if self.window is None:
            from sa2030_desktop.gui.help import handbook  # read when the handbook is opened

            try:
                source = handbook.read_source()
            except handbook.HandbookMissing:
                self._say_missing()
                return None
            from sa2030_desktop.gui.help.browser import HelpWindow

            self.window = HelpWindow(source, self._generated(), self.main_window)
        # over a modal dialog the handbook must be usable too: then it is modal itself
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self.window:
            self.window.hide()
            self.window.setWindowModality(Qt.WindowModality.ApplicationModal)
        elif self.window.windowModality() != Qt.WindowModality.NonModal:
            self.window.hide()
            self.window.setWindowModality(Qt.WindowModality.NonModal)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.show_section(section or CONTENTS)
        return self.window

    def context_help(self, widget: QWidget | None = None):
        widget = widget or QApplication.focusWidget() or QApplication.activeWindow()
        return self.open(section_for(widget))

    def open_link(self, link: str | QUrl):
        """A `hilfe:id` link of an empty state or a refusal."""
        url = QUrl(link) if isinstance(link, str) else link
        return self.open(url.path() or url.fragment())

    def say_pdf_missing(self) -> None:
        text = QApplication.translate(
            "Help",
            "Die Druckfassung des Handbuchs fehlt in dieser Installation (erwartet unter „{0}“).",
        ).format(assets.handbook_pdf())
        if assets.handbook_source().is_file():
            text += "\n\n" + QApplication.translate(
                "Help", "Das Handbuch im Programm ist vollständig: Hilfe › Handbuch (F1)."
            )
        self._say_missing(text)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        top = new.window()
        if top is self.main_window or top is self.window or top.property(F1_PROPERTY):
            return  # the main window has its declared action; in the handbook F1 does nothing
        if not _belongs_to(top, self.main_window):
            return
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), top)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: self.context_help(QApplication.focusWidget() or top))
        top.setProperty(F1_PROPERTY, True)

    def _say_missing(self, text: str | None = None) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QApplication.translate("Help", "Handbuch nicht gefunden"),
            text or missing_text(),
            QMessageBox.StandardButton.Ok,
            QApplication.activeModalWidget() or self.main_window,
        )
        box.setObjectName("helpMissing")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_missing = box


def _belongs_to(top: QWidget, main_window: QWidget) -> bool:
    """A dialog of this main window (or a parentless window while it is the only one)."""
    widget = top
    while widget is not None:
        if widget is main_window:
            return True
        widget = widget.parentWidget()
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    return windows == [main_window]


def refusal_help(box: QMessageBox, exc: BaseException, controller: HelpController | None):
    """A refusal's message box gets F1 and a „Hilfe“ button to the section of its rule."""
    section = error_section(exc)
    if not section or controller is None:
        return None
    set_section(box, section)
    button = box.addButton(QMessageBox.StandardButton.Help)
    button.setText(QApplication.translate("Help", "&Hilfe"))
    button.clicked.connect(lambda: controller.open(section))
    return button


def controller_for(widget: QWidget | None) -> HelpController | None:
    """The help of the main window `widget` belongs to (or of the only main window)."""
    candidates = []
    while widget is not None:
        candidates.append(widget)
        widget = widget.parentWidget()
    candidates += [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    for candidate in candidates:
        assembly = getattr(candidate, "assembly", None)
        if assembly is not None and "help" in assembly.features:
            return assembly.features["help"].controller
    return None


def open_help_link(widget: QWidget | None, link: str | QUrl) -> None:
    """For the `hilfe:id` links of empty states: `label.linkActivated.connect(lambda l:
    open_help_link(label, l))`."""
    controller = controller_for(widget)
    if controller is not None:
        controller.open_link(link)


def help_link(section: str, text: str | None = None) -> str:
    """The HTML of a link to a handbook section, for an empty state's text."""
    label = text or QApplication.translate("Help", "Mehr dazu im Handbuch (F1)")
    return f'<a href="hilfe:{section}">{label}</a>'


def help_link_label(section: str, parent: QWidget) -> QLabel:
    """A „Mehr dazu im Handbuch“ link for an empty state shown by a widget of its own."""
    label = QLabel(help_link(section), parent)
    label.setObjectName("helpLink")
    label.setProperty(HELP_PROPERTY, section)
    label.linkActivated.connect(lambda link: open_help_link(label, link))
    return label
