"""The shortcut overview, generated from the main window's declared actions (never a list kept
by hand): for the Hilfe menu's dialog and for the handbook's section „Tastenkürzel“."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sa2030_desktop.gui.dialog_parts import fit_to_screen
from sa2030_desktop.gui.features import DeclaredAction
from sa2030_desktop.gui.graph.keyboard import KEYS as GRAPH_KEYS
from sa2030_desktop.gui.graph.presentation_parts import HELP as PRESENTATION_KEYS
from sa2030_desktop.gui.timeline.keyboard import KEYS as TIMELINE_KEYS

# Key names as they are printed on German keyboards.
_GERMAN_KEYS = (
    ("Ctrl+", "Strg+"),
    ("Shift+", "Umschalt+"),
    ("Meta+", "Win+"),
    ("Del", "Entf"),
    ("Return", "Eingabe"),
    ("Esc", "Esc"),
    ("PgDown", "Bild↓"),
    ("PgUp", "Bild↑"),
    ("Home", "Pos1"),
    ("End", "Ende"),
)


def german_keys(portable: str) -> str:
    text = portable
    for english, german in _GERMAN_KEYS:
        text = text.replace(english, german)
    return text


def with_shortcut(declared: list[DeclaredAction]) -> list[DeclaredAction]:
    return [a for a in declared if a.shortcut]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def local_actions(window) -> list[DeclaredAction]:
    """Actions with a shortcut that a part of the window adds for itself (not in a menu, e.g.
    the milestone list's „Neuer Basistermin“), named by the part they work in."""
    declared = set(window.assembly.actions.values())
    found = []
    for action in window.findChildren(QAction):
        if action in declared or not action.shortcuts():
            continue
        keys = ", ".join(k.toString() for k in action.shortcuts())
        found.append(DeclaredAction(action.objectName(), (_area(action.parent()),),
                                    _plain(action.text()), keys))  # fmt: skip
    return found


def _area(widget) -> str:
    while widget is not None:
        if isinstance(widget, QWidget) and widget.accessibleName():
            return widget.accessibleName()
        widget = widget.parent()
    return ""


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def overview_markdown(declared: list[DeclaredAction]) -> str:
    """Every action with a shortcut (the declared ones in menu order, then those of single
    parts of the window), and the keys of the presentation."""
    lines = [
        "| Tastenkürzel | Befehl | Menü oder Bereich |",
        "|---|---|---|",
    ]
    for action in with_shortcut(declared):
        keys = ", ".join(german_keys(k.strip()) for k in action.shortcut.split(","))
        lines.append(
            f"| {_cell(keys)} | {_cell(action.text)} | {_cell(' › '.join(action.menu_path))} |"
        )
    for title, keys in (("Im Abhängigkeitsgraphen (Ansicht „Abhängigkeiten“)", GRAPH_KEYS),
                        ("Im Zeitplan", TIMELINE_KEYS)):  # fmt: skip
        lines += ["", f"{title} gelten diese Tasten:", "", "| Taste | Wirkung |", "|---|---|"]
        lines += [f"| {_cell(key)} | {_cell(what)} |" for key, what in keys]
    lines += ["", "Im Präsentationsmodus (F11) gelten zusätzlich diese Tasten:", ""]
    lines += ["| Taste | Wirkung |", "|---|---|"]
    for part in PRESENTATION_KEYS.split(" · "):
        key, _, what = part.partition(" ")
        lines.append(f"| {_cell(key)} | {_cell(what)} |")
    return "\n".join(lines)


class ShortcutsDialog(QDialog):
    """Hilfe › Tastenkürzel: the same generated table as in the handbook."""

    def __init__(self, declared: list[DeclaredAction], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Tastenkürzel"))
        self.text = QTextBrowser(self)
        self.text.setObjectName("shortcutsText")
        self.text.setAccessibleName(self.tr("Übersicht der Tastenkürzel"))
        self.text.setMarkdown(overview_markdown(declared))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.reject)
        fit_to_screen(self, 720, 560)
