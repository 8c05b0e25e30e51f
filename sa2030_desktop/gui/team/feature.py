"""The team server in the window (TEAM.md): connect with „Teamserver öffnen…“, say which server
and as whom, refresh just the rows others changed (LISTEN/NOTIFY) and say who changed what,
and turn read-only while the connection is lost, reconnecting on its own."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit

from sa2030_desktop.domain.errors import DomainError, FileRefusedError
from sa2030_desktop.gui.features import ActionSpec, Feature
from sa2030_desktop.messages import ENTITY
from sa2030_desktop.services import server

RECONNECT_MS = 2000


class TeamFeature(Feature):
    def __init__(self, window) -> None:
        super().__init__("team", closing=lambda: self.link.stop())
        self.link = LiveLink(window)
        self.actions = [
            ActionSpec("file.open_server", "file", self.link.tr("&Teamserver öffnen…"),
                       self.link.ask_connection, None, 10, 25, object_name="action_open_server",
                       status_tip=self.link.tr(
                           "Das Portfolio auf dem Teamserver (PostgreSQL) öffnen")),
        ]  # fmt: skip


def declare(window) -> TeamFeature:
    return TeamFeature(window)


class LiveLink(QObject):
    """Keeps the window in step with the server while a server's portfolio is open."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = window.bridge
        self.listener = None
        self.notifier: QSocketNotifier | None = None
        self.offline = False
        self.last_change: tuple[str, float] | None = None  # („Z17 geändert von MI“, when)
        self.where = QLabel(window)
        self.where.setObjectName("serverWhere")
        self.news = QLabel(window)
        self.news.setObjectName("serverNews")
        self.news.setContentsMargins(0, 0, 16, 0)  # apart from „Server … als …“
        window.statusBar().addPermanentWidget(self.news)
        window.statusBar().addPermanentWidget(self.where)
        self.clock = QTimer(self)  # „vor 3 s“ counts up; reconnect attempts while offline
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.reconnect_timer = QTimer(self)
        self.reconnect_timer.setInterval(RECONNECT_MS)
        self.reconnect_timer.timeout.connect(self._try_reconnect)
        self.bridge.changed.connect(self._changed)
        self.bridge.conflict_handler = self.show_conflict
        self.conflict_dialog = None
        self._store_opened()

    # -- connecting ----------------------------------------------------------------------------
    def ask_connection(self) -> None:
        text, ok = QInputDialog.getText(
            self.window, self.tr("Teamserver öffnen"),
            self.tr("Verbindung (z. B. service=sa2030 oder postgresql://server/sa2030).\n"
                    "Das Kennwort kommt aus .pgpass oder Kerberos, nie aus diesem Feld."),
            QLineEdit.EchoMode.Normal, "service=sa2030",
        )  # fmt: skip
        if ok and text.strip():
            self.open_connection(text.strip())

    def open_connection(self, conninfo: str) -> bool:
        if not server.looks_like_server(conninfo):
            self.window.show_error(
                FileRefusedError(
                    "server_bad_conninfo", conninfo, detail=self.tr("keine Verbindung")
                )
            )
            return False
        return self.window.file_actions.open_path(conninfo)

    # -- the open store ------------------------------------------------------------------------
    def _changed(self, changes) -> None:
        if changes is None:  # another store (or a reload)
            self._store_opened()

    def _store_opened(self) -> None:
        store = self.bridge.store
        where = server.where(store)
        if self.listener is not None and getattr(self, "_store", None) is store:
            return
        self.stop()
        self._store = store
        self.where.setText(where or "")
        self.news.setText("")
        if not where:
            return
        store.on_lost.append(self._lost)
        self._start_listening()
        self.clock.start()

    def _start_listening(self) -> None:
        try:
            self.listener = server.listen(self.bridge.store)
        except DomainError:
            self.listener = None
            self._lost()
            return
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._announced)

    def stop(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.listener is not None:
            try:
                self.listener.close()
            except Exception:  # noqa: BLE001 – a dead connection closes anyway
                pass
            self.listener = None
        self.clock.stop()
        self.reconnect_timer.stop()

    # -- announcements -------------------------------------------------------------------------
    def _announced(self, *_args) -> None:
        if self.listener is None:
            return
        try:
            notices = self.listener.wait(timeout=0.0)
        except DomainError:
            self._lost()
            return
        self.apply(notices)

    def apply(self, notices: list) -> None:
        """Refresh the rows others changed and say who changed what."""
        changes, others = server.apply_notices(self.bridge.store, notices)
        if not others:
            return
        self.bridge.changed.emit(changes)
        last = others[-1]
        who = last.ministry or last.user
        keys = sorted({n.key for n in others})
        what = (
            f"{ENTITY.get(last.entity, last.entity)} {last.key}"
            if len(keys) == 1
            else self.tr("{0} Einträge").format(len(keys))
        )
        self.last_change = (self.tr("{0} geändert von {1}").format(what, who), last.received)
        self._tick()

    def _tick(self) -> None:
        if self.last_change is None or self.offline:
            return
        text, when = self.last_change
        self.news.setText(self.tr("{0}, vor {1} s").format(text, int(time.time() - when)))

    # -- a refused stale write -------------------------------------------------------------------
    def show_conflict(self, error) -> bool:
        """The merge review with both values: the stored row against the user's change."""
        from sa2030_desktop.gui.exchange.merge_dialog import MergeDialog

        try:
            report = server.conflict_report(self.bridge.store, error)
        except DomainError:
            report = None
        if report is None:
            return False
        dialog = MergeDialog(self.bridge, self.window.undo_stack, report,
                             mine_label=self.tr("Auf dem Server gespeichert"),
                             theirs_label=self.tr("Ihre Änderung"), parent=self.window)  # fmt: skip
        entity = ENTITY.get(error.data["entity"], error.data["entity"])
        dialog.setWindowTitle(
            self.tr("Konflikt: {0} {1} wurde inzwischen von {2} geändert").format(
                entity, error.data["key"], error.data.get("by", "?")
            )
        )
        dialog.setObjectName("conflictDialog")
        # the two sides here are the stored row and the user's change, not two files
        for button, text in ((dialog.take_mine, self.tr("&Gespeicherte Fassung")),
                             (dialog.take_theirs, self.tr("&Ihre Änderung")),
                             (dialog.all_mine, self.tr("Alle offenen: g&espeicherte")),
                             (dialog.all_theirs, self.tr("Alle offenen: I&hre"))):  # fmt: skip
            button.setText(text)
        show = dialog._show

        def show_with_these_names() -> None:
            show()
            dialog.summary.setText(dialog.summary.text()
                                   .replace("„Meine Fassung“", "„Gespeicherte Fassung“")
                                   .replace("„Andere Fassung“", "„Ihre Änderung“"))  # fmt: skip

        dialog._show = show_with_these_names
        dialog._show()
        dialog.open()
        self.conflict_dialog = dialog
        return True

    # -- connection lost -----------------------------------------------------------------------
    def _lost(self) -> None:
        if self.offline:
            return
        self.offline = True
        self.reconnect_timer.start()  # first: whatever follows, the window reconnects
        store = self.bridge.store
        store.set_offline(True)
        if self.notifier is not None:
            self.notifier.setEnabled(False)
        self.news.setText(self.tr("Verbindung unterbrochen – schreibgeschützt"))
        self.window.show_error(FileRefusedError("server_offline", store.session.name))
        self.window._update_title()

    def _try_reconnect(self) -> None:
        store = self.bridge.store
        if not server.where(store) or not store.reachable():
            return
        self.reconnect_timer.stop()
        self.offline = False
        if self.listener is not None:
            try:
                self.listener.close()
            except Exception:  # noqa: BLE001
                pass
            self.listener = None
        store.reconnect()
        store.set_offline(False)
        self._start_listening()
        self.bridge.reload()  # what others saved meanwhile: read it all again
        self.news.setText(self.tr("Verbindung wiederhergestellt"))
        self.window._update_title()
