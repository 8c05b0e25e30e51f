"""Writing a briefing from a dialog on the one task runner: progress bar, „Abbrechen“, and the
outcome in the dialog's status line. Shared by the briefing dialog and the Workshop-Protokoll."""

from __future__ import annotations

from sa2030_desktop.gui.tasks import TaskRunner
from sa2030_desktop.messages import format_error
from sa2030_desktop.services.briefing import write_briefing


class BriefingJob:
    """Mixin for a QDialog with `create` (button), `progress` (bar), `status` (label), `job` and
    `result`; the dialog says what happens after a write in `written` (and `failed`)."""

    def start_write(self, args: tuple, text: str) -> None:
        self.create.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(text)
        self.job = TaskRunner.of(self).submit(
            lambda progress, token: write_briefing(*args, progress=progress, token=token),
            self._on_finished, title=self.windowTitle(), on_progress=self._on_progress,
        )  # fmt: skip

    def cancel_or_close(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Wird abgebrochen …"))
        else:
            self.reject()

    def _on_progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.status.setText(text)

    def _on_finished(self, outcome) -> None:
        result = outcome.value
        self.job = None
        self.create.setEnabled(True)
        self.progress.setVisible(False)
        if outcome.cancelled:
            self.status.setText(self.tr("Abgebrochen – es wurde keine Datei geschrieben."))
            return
        if isinstance(result, BaseException):
            self.status.setText(format_error(result))
            self.failed(result)
            return
        self.result = result
        self.status.setText(self.tr("Geschrieben: {0}").format(result.path))
        self.written(result)

    def failed(self, error: BaseException) -> None:
        """After the status line named the refusal (nothing more by default)."""

    def written(self, result) -> None:
        raise NotImplementedError
