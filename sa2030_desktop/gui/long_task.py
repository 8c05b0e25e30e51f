"""A long write or export off the GUI thread, with a progress dialog and „Abbrechen“.

    run_with_progress(window, title, label, work, *args, on_done=callback)

`work(store, *args)` runs in gui/safety/long_work.CancellableJob (cancel leaves nothing half
done); `on_done(result)` runs on the GUI thread with the result or the exception raised
(`Cancelled` after „Abbrechen“). The dialog is window-modal, so no edit can interleave.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from sa2030_desktop.gui.safety.long_work import CancellableJob


def _t(text: str) -> str:
    return QCoreApplication.translate("LongTask", text)


def run_with_progress(
    parent: QWidget,
    store,
    title: str,
    label: str,
    work: Callable,
    *args,
    on_done: Callable[[object], None],
) -> CancellableJob:
    job = CancellableJob(store, work, *args, parent=parent)
    dialog = QProgressDialog(label, _t("Abbrechen"), 0, 0, parent)
    dialog.setObjectName("longTaskProgress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(title)
    job.progress = dialog

    def cancel() -> None:
        if job.running:
            dialog.setLabelText(_t("Wird abgebrochen …"))
            job.cancel()

    def finished(result) -> None:
        dialog.canceled.disconnect(cancel)
        dialog.hide()
        dialog.deleteLater()
        on_done(result)

    dialog.canceled.connect(cancel)
    job.finished.connect(finished)
    job.start()
    dialog.open()
    return job
