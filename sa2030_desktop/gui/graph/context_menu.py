"""Right click on a goal in the graph: focus on its chain, grouping and what-if for it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu


def tr(text: str) -> str:
    return QCoreApplication.translate("GraphPage", text)


def goal_menu(page, key: str, screen_pos) -> QMenu:
    """The menu of node `key` (a goal or a group „grp:…“), shown at `screen_pos`."""
    from sa2030_desktop.gui.graph import actions

    menu = QMenu(page)
    if key.startswith("grp:"):
        menu.addAction(tr("Gruppe aufklappen"), lambda: page.toggle_collapsed(key[4:]))
    else:
        menu.addAction(tr("Nur Kette von {0} zeigen").format(key), lambda: page.set_focus(key))
        menu.addAction(
            tr("Nur Voraussetzungen von {0}").format(key),
            lambda: page.set_focus(key, "predecessors"),
        )
        menu.addAction(
            tr("Nur abhängige Ziele von {0}").format(key),
            lambda: page.set_focus(key, "dependents"),
        )
        node = page.scene.nodes[key].node
        lane = node.lane if page.lanes.currentData() else node.lead
        menu.addAction(tr("{0} zusammenfassen").format(lane), lambda: page.toggle_collapsed(lane))
        menu.addSeparator()
        menu.addAction(
            tr("Was-wäre-wenn: Verzug von {0} …").format(key),
            lambda: (page.select_goal(key), actions.whatif_dialog(page)),
        )
    menu.popup(screen_pos)
    return menu
