"""Features declare their actions; the window builds the menus from them, refuses collisions,
and a feature that fails to install fails (in a real start: a German message, no silence)."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtWidgets import QMessageBox

from sa2030_desktop.gui import features
from sa2030_desktop.gui.features import ActionSpec, DeclarationError, Feature

# What a user sees today (captured on main before the window built menus from declarations):
# menu path > entry | shortcut; "----" is a separator.
MENUS = """
Datei > Neu… | Ctrl+Shift+N
Datei > Öffnen… | Ctrl+O
Datei > Teamserver öffnen… |
Datei > Zuletzt geöffnet [Menü]
Datei > Kopie speichern unter… | Ctrl+Shift+S
Datei ----
Datei > Sicherungen… |
Datei ----
Datei > Beenden | {quit}
Bearbeiten > Rückgängig | Ctrl+Z
Bearbeiten > Wiederherstellen | Ctrl+Y
Bearbeiten ----
Bearbeiten > Suchen… | Ctrl+F
Bearbeiten > Filter zurücksetzen |
Bearbeiten ----
Bearbeiten > Neues Ziel … | Ctrl+N
Bearbeiten > Ziel löschen … | Del
Bearbeiten > Stammdaten (Ressorts, Kategorien, Themenfelder) … |
Bearbeiten ----
Bearbeiten > Berichtsrunde [Menü]
Bearbeiten > Berichtsrunde > Runde eröffnen … | Ctrl+Shift+R
Bearbeiten > Berichtsrunde ----
Bearbeiten > Berichtsrunde > Meldung erfassen … | Ctrl+Shift+E
Bearbeiten > Berichtsrunde > Meldung bestätigen | Ctrl+Shift+B
Bearbeiten > Berichtsrunde > Meldung zurückgeben … | Ctrl+Shift+G
Bearbeiten > Berichtsrunde ----
Bearbeiten > Berichtsrunde > Runde abschließen … |
Ansicht > Ziele | Ctrl+1
Ansicht > Übersicht | Ctrl+2
Ansicht > Neu laden | F5
Ansicht ----
Ansicht > Verlauf |
Ansicht > Zieldetails | Ctrl+Shift+D
Ansicht > Änderungsprotokoll | Ctrl+Shift+L
Ansicht > Abhängigkeiten | Ctrl+3
Ansicht > Graph: Layout neu berechnen |
Ansicht > Graph: Präsentationsmodus | F11
Ansicht > Graph: Workshop-Protokoll erstellen… |
Ansicht > Zeitplan | Ctrl+4
Ansicht > Berichtsrunden | Ctrl+5
Analyse > Graph: Längste Kette |
Analyse > Graph: Was-wäre-wenn für das gewählte Ziel… |
Analyse > Was-wäre-wenn im Zeitplan |
Analyse ----
Analyse > Berichtsrunden vergleichen … |
Austausch > Import [Menü]
Austausch > Import > JSON-Austauschdatei… |
Austausch > Import > Excel/CSV (Vorlage)… |
Austausch > Export [Menü]
Austausch > Export > JSON-Austauschdatei (alle Ziele)… |
Austausch > Export > JSON-Austauschdatei (gefilterte Ziele)… |
Austausch > Export > Abhängigkeitsgraph als Bild/PDF… |
Austausch > Export > Zeitplan als Bild/PDF… |
Austausch > Export > Tabellenmappe (Excel .xlsx, OpenDocument .ods)… |
Austausch > Export > CSV-Ordner (eine Datei je Tabelle)… |
Austausch > Export > Leere Excel-Vorlage… |
Austausch > Export > Briefing (Word, PDF/A, ODT)… | Ctrl+Shift+W
Austausch ----
Austausch > Ressortpaket ausgeben… |
Austausch > Zusammenführen mit Kopie oder Paket… |
Austausch ----
Austausch > Meldebögen schreiben … |
Austausch > Meldebögen einsammeln … |
Hilfe > Handbuch | F1
Hilfe > Handbuch: Inhaltsverzeichnis |
Hilfe > Im Handbuch suchen… |
Hilfe > Tastenkürzel |
Hilfe ----
Hilfe > Erste Schritte… |
Hilfe > Handbuch als PDF öffnen |
Hilfe ----
Hilfe > Über SA2030 Planner |
"""


def _plain(text: str) -> str:
    return text.replace("&", "")


def _listing(menu, path: str) -> list[str]:
    lines = []
    for action in menu.actions():
        if action.isSeparator():
            lines.append(f"{path} ----")
        elif action.menu() is not None:
            sub = f"{path} > {_plain(action.text())}"
            lines.append(f"{sub} [Menü]")
            lines += _listing(action.menu(), sub)
        else:
            keys = ", ".join(k.toString() for k in action.shortcuts())
            lines.append(f"{path} > {_plain(action.text())} | {keys}".rstrip())
    return lines


def _quit_key() -> str:
    from PySide6.QtGui import QKeySequence

    return QKeySequence(QKeySequence.StandardKey.Quit).toString()


def test_menus_and_shortcuts_are_those_users_know(window):
    lines = []
    for action in window.menuBar().actions():
        lines += _listing(action.menu(), _plain(action.text()))
    expected = [line.rstrip() for line in MENUS.format(quit=_quit_key()).strip().splitlines()]
    assert lines == expected


def test_every_declared_action_is_in_its_menu_once(window):
    declared = window.declared_actions()
    ids = [a.id for a in declared]
    assert len(ids) == len(set(ids)) == len(window.assembly.actions)
    for info in declared:
        action = window.action(info.id)
        menu = window.menu(next(p for p, m in window.assembly.menus.items()
                                if action in m.actions()))  # fmt: skip
        assert action in menu.actions()
        assert _plain(action.text()) == info.text
    entries = [line.split(" |")[0] for line in MENUS.strip().splitlines() if " |" in line]
    assert [" > ".join((*a.menu_path, a.text)) for a in declared] == entries  # menu order
    overview = {(a.menu_path, a.text): a.shortcut for a in declared}
    assert overview[(("Austausch", "Export"), "Briefing (Word, PDF/A, ODT)…")] == "Ctrl+Shift+W"
    assert overview[(("Bearbeiten",), "Neues Ziel …")] == "Ctrl+N"
    assert overview[(("Ansicht",), "Änderungsprotokoll")] == "Ctrl+Shift+L"


def test_an_action_is_wired_to_its_handler(window, qtbot):
    window.action("view.graph").trigger()
    assert window.tabs.currentWidget() is window.feature("graph").page
    window.action("view.table").trigger()
    assert window.tabs.currentWidget() is window.table


def _fake_feature(monkeypatch, name: str, declare) -> str:
    module = types.ModuleType(f"tests_fake_{name}")
    module.declare = declare
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(features, "FEATURES", [*features.FEATURES, module.__name__])
    return module.__name__


def _new_window(qtbot, demo_store, **kwargs):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    win = MainWindow(StoreBridge(demo_store), **kwargs)
    qtbot.addWidget(win)
    return win


@pytest.mark.parametrize(
    ("spec", "named"),
    [
        # the briefing's shortcut once more
        (ActionSpec("test.other", "file", "Noch etwas", lambda: None, "Ctrl+Shift+W"),
         "Ctrl\\+Shift\\+W"),
        # the graph tab's action id once more
        (ActionSpec("view.graph", "view", "Noch ein Graph", lambda: None), "view.graph"),
        # a menu nobody declared
        (ActionSpec("test.lost", "extras", "Irgendwo", lambda: None), "extras"),
    ],
    ids=["duplicate_shortcut", "duplicate_id", "unknown_menu"],
)
def test_a_colliding_declaration_is_refused(qtbot, demo_store, monkeypatch, spec, named):
    def declare(window):
        feature = Feature("kollision")
        feature.actions = [spec]
        return feature

    _fake_feature(monkeypatch, "collision", declare)
    with pytest.raises(DeclarationError, match=named):
        _new_window(qtbot, demo_store)


def _broken(window):
    raise RuntimeError("kaputt beim Aufbau")


def test_a_failing_feature_fails_the_window(qtbot, demo_store, monkeypatch):
    _fake_feature(monkeypatch, "broken", _broken)
    with pytest.raises(RuntimeError, match="kaputt beim Aufbau"):
        _new_window(qtbot, demo_store)
    monkeypatch.setattr(features, "FEATURES", ["sa2030_desktop.gui.gibt_es_nicht"])
    with pytest.raises(ModuleNotFoundError):
        _new_window(qtbot, demo_store)


def test_a_real_start_opens_without_the_broken_feature_and_says_so(
    qtbot, demo_store, monkeypatch
):
    name = _fake_feature(monkeypatch, "broken_start", _broken)
    win = _new_window(qtbot, demo_store, strict=False)
    assert name in win.feature_errors[0] and "kaputt beim Aufbau" in win.feature_errors[0]
    assert win.feature("graph").page is not None  # the others are all there
    assert win.action("exchange.briefing").shortcut().toString() == "Ctrl+Shift+W"
    win.show_on_screen()
    box = win.findChild(QMessageBox, "featureErrors")
    assert box is not None and box.isVisible()
    assert "konnte nicht geladen werden" in box.text() and name in box.text()
    assert win._status_note.text().startswith("1 Erweiterung nicht geladen")  # not „(en)“
    box.close()


def test_enabled_rule_is_asked_when_the_menu_opens_and_checkable_is_kept(
    qtbot, demo_store, monkeypatch
):
    allowed = {"now": False}

    def declare(window):
        feature = Feature("regel")
        feature.actions = [
            ActionSpec("test.ruled", "analysis", "Nur manchmal", lambda: None,
                       enabled=lambda: allowed["now"], checkable=True, section=90,
                       status_tip="Hilfe in der Statuszeile"),
        ]  # fmt: skip
        return feature

    _fake_feature(monkeypatch, "ruled", declare)
    win = _new_window(qtbot, demo_store)
    action = win.action("test.ruled")
    assert action.isCheckable() and action.statusTip() == "Hilfe in der Statuszeile"
    menu = win.menu("analysis")
    assert menu.actions()[-1] is action and menu.actions()[-2].isSeparator()
    menu.aboutToShow.emit()
    assert not action.isEnabled()
    allowed["now"] = True
    menu.aboutToShow.emit()
    assert action.isEnabled()
