"""„Changed on disk“: notice when another program or instance changes the open file, and offer
to reload or merge — never overwrite.

QFileSystemWatcher watches the file, its -wal and the folder; each poke (debounced) compares a
fingerprint read through a fresh read-only connection: the file's identity and the newest
change-log row. Our own writes announce themselves through the bridge first, so they never
count; layout positions do not touch the change log, so they never count either.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

# None while the file is being replaced: the next poke will tell
from sa2030_desktop.services.portfolio import disk_fingerprint as fingerprint


class DiskWatcher(QObject):
    changed_on_disk = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = window.bridge
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(400)
        self.timer.timeout.connect(self.check)
        self.watcher.fileChanged.connect(self._poke)
        self.watcher.directoryChanged.connect(self._poke)
        self.bridge.changed.connect(self._own_change)
        self.prompt: QMessageBox | None = None
        self.known_state = None
        self._retarget()

    @property
    def path(self) -> Path:
        return Path(self.bridge.store.path)

    def _retarget(self) -> None:
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        wanted = [
            str(p) for p in (self.path, Path(f"{self.path}-wal"), self.path.parent) if p.exists()
        ]
        if wanted:
            self.watcher.addPaths(wanted)
        self._remember()

    def _remember(self) -> None:
        self.known = fingerprint(self.path)
        self.known_state = self.bridge.snapshot()

    def _own_change(self, changes) -> None:
        if changes is None:
            self._retarget()
        else:
            self._remember()

    def _poke(self, _path: str = "") -> None:
        self.timer.start()

    def check(self) -> bool:
        """True (and the offer shown) when the file changed other than through this window."""
        wal = Path(f"{self.path}-wal")
        if wal.exists() and str(wal) not in self.watcher.files():
            self.watcher.addPath(str(wal))
        if str(self.path) not in self.watcher.files() and self.path.exists():
            self.watcher.addPath(str(self.path))  # replaced files drop out of the watch list
        now = fingerprint(self.path)
        if now is None or now == self.known:
            return False
        self.changed_on_disk.emit()
        self.offer()
        return True

    def offer(self) -> QMessageBox:
        if self.prompt is not None and self.prompt.isVisible():
            return self.prompt
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Datei geändert"),
            self.tr(
                "„{0}“ wurde außerhalb dieses Fensters geändert.\n\n"
                "Neu laden zeigt den Stand der Datei. Zusammenführen vergleicht "
                "ihn mit dem Stand in diesem Fenster und lässt Sie jeden "
                "Unterschied entscheiden. Es wird nichts überschrieben."
            ).format(self.path.name),
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setObjectName("changedOnDisk")
        self.reload_button = box.addButton(self.tr("Neu &laden"), QMessageBox.ButtonRole.AcceptRole)
        self.merge_button = box.addButton(
            self.tr("&Zusammenführen…"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(self.tr("&Später"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(self._answered)
        self.prompt = box
        box.open()
        return box

    def _answered(self, button) -> None:
        window_state = self.known_state
        if button is self.reload_button:
            self.reload()
        elif button is self.merge_button:
            self.reload()
            self.merge_window_state(window_state)
        else:
            self.known = fingerprint(self.path)  # asked once; ask again on the next change

    def reload(self) -> None:
        # a replaced file keeps the old inode open in pooled connections: start afresh
        self.bridge.store.reconnect()
        self.bridge.reload()

    def merge_window_state(self, window_state):
        from sa2030_desktop.gui.exchange.merge_dialog import MergeDialog
        from sa2030_desktop.services import merge
        from sa2030_desktop.services.merge_state import document_of

        if window_state is None:
            return None
        report = merge.compare_documents(
            self.bridge.store, document_of(window_state), self.tr("Stand in diesem Fenster")
        )
        dialog = MergeDialog(
            self.bridge,
            self.window.undo_stack,
            report,
            self.tr("Datei auf der Festplatte"),
            self.tr("Stand in diesem Fenster"),
            self.window,
        )
        dialog.open()
        return dialog
