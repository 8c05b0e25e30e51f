"""Reliability figures of issue 6 (long runs; tests/safety runs the quick versions).

    .venv/bin/python benchmarks/reliability.py            # everything (~10 minutes)
    .venv/bin/python benchmarks/reliability.py --kills 10  # fewer kill -9 trials

Prints one table per experiment:
- kill -9 at random moments during a 10,000-goal import (anywhere / inside the write
  transaction): file opens, integrity_check ok, import entirely present or absent;
- kill -9 during a Word export (1,000 goals) and a JSON export (10,000 goals) over an
  existing file: old file intact or new file complete, never torn;
- live backups while another connection writes: every snapshot passes integrity_check;
- backup time by portfolio size;
- the GUI thread's longest stall (QTimer heartbeat every 5 ms) while a 10,000-goal import and
  a 1,000-goal briefing export run in a worker, and the cancel latency of the import.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import generate  # noqa: E402
from tests.safety.crash import export_kills, import_kills  # noqa: E402
from tests.support.safety import count, integrity  # noqa: E402


def table(title: str, rows: list[tuple]) -> None:
    print(f"\n## {title}")
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    sys.stdout.flush()


def kills(work: Path, n: int) -> None:
    rows = [("Versuch", "Kills", "überstanden", "ohne Import", "Import ganz", "Fehler",
             "Dauer ungestört")]  # fmt: skip
    for phase, label in (("all", "Import 10.000 Ziele, beliebiger Moment"),
                         ("write", "Import 10.000 Ziele, in der Schreibtransaktion")):  # fmt: skip
        out, took = import_kills(work / f"import-{phase}", n, rows=10_000, phase=phase)
        rows.append((label, out.trials, f"{out.survived}/{out.trials}", out.old, out.new,
                     len(out.failures), f"{took:.2f} s"))  # fmt: skip
        for failure in out.failures:
            print("  FEHLER:", failure)
    table("kill -9 während des Imports", rows)
    rows = [("Versuch", "Kills", "nie zerrissen", "alte Datei", "neue Datei", "Fehler",
             "Temp-Reste", "Dauer ungestört")]  # fmt: skip
    for word, goals, label in ((True, 1000, "Word-Statusbericht 1.000 Ziele"),
                               (False, 10_000, "JSON-Export 10.000 Ziele")):  # fmt: skip
        out, took = export_kills(work / f"export-{word}", n, goals=goals, word=word)
        rows.append((label, out.trials, f"{out.survived}/{out.trials}", out.old, out.new,
                     len(out.failures), out.leftovers, f"{took:.2f} s"))  # fmt: skip
        for failure in out.failures:
            print("  FEHLER:", failure)
    table("kill -9 während eines Exports über eine vorhandene Datei", rows)


def live_backups(work: Path, snapshots: int = 30) -> None:
    from sa2030_desktop.persistence import backup as backups
    from sa2030_desktop.services.portfolio import create_portfolio

    path = work / "live.sa2030"
    create_portfolio(path, demo=True).close()
    stop = threading.Event()
    writes = [0]

    def writer() -> None:
        conn = sqlite3.connect(path, timeout=30)
        while not stop.is_set():
            with conn:
                conn.execute("UPDATE goal SET description = ? WHERE key = ?",
                             (f"Stand {writes[0]}", f"Z{writes[0] % 50 + 1:02d}"))  # fmt: skip
            writes[0] += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    ok = 0
    times = []
    for _ in range(snapshots):
        start = time.perf_counter()
        info = backups.create_backup(path, force=True)
        times.append(time.perf_counter() - start)
        ok += integrity(info.path) == "ok" and count(info.path, "goal") == 50
    stop.set()
    thread.join()
    table("Sicherung, während eine andere Verbindung schreibt", [
        ("Sicherungen", "integrity_check ok", "Schreibvorgänge parallel", "Median je Sicherung"),
        (snapshots, f"{ok}/{snapshots}", writes[0], f"{statistics.median(times) * 1000:.0f} ms"),
    ])  # fmt: skip


def backup_sizes(work: Path) -> None:
    from sa2030_desktop.persistence import backup as backups

    rows = [("Ziele", "Dateigröße", "Sicherung (Median von 3)", "Prüfung integrity_check")]
    for n in (150, 1000, 10_000):
        (work / "sizes").mkdir(exist_ok=True)
        path = generate.portfolio_file(work / "sizes", n)
        took, checks = [], []
        for _ in range(3):
            start = time.perf_counter()
            info = backups.create_backup(path, force=True)
            took.append(time.perf_counter() - start)
            start = time.perf_counter()
            backups.verify(info.path)
            checks.append(time.perf_counter() - start)
        rows.append((n, f"{path.stat().st_size / 1e6:.1f} MB",
                     f"{statistics.median(took) * 1000:.0f} ms",
                     f"{statistics.median(checks) * 1000:.0f} ms"))  # fmt: skip
    table("Dauer einer geprüften Sicherung", rows)


def gui_stall(work: Path, cancels: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QThread, QTimer
    from PySide6.QtWidgets import QApplication

    from sa2030_desktop.persistence.cancel import CancelToken
    from sa2030_desktop.services import safety
    from sa2030_desktop.services.briefing import export_briefing
    from sa2030_desktop.services.portfolio import create_portfolio, import_json

    app = QApplication.instance() or QApplication([])
    source = generate.write(work / "import-10000.json", 10_000)
    base = work / "basis.sa2030"
    if not base.exists():
        create_portfolio(base).close()

    class Worker(QThread):
        def __init__(self, fn) -> None:
            super().__init__()
            self.fn = fn
            self.error = None
            self.ended = 0.0

        def run(self) -> None:
            try:
                self.fn()
            except Exception as exc:  # Cancelled, reported below
                self.error = exc
            self.ended = time.perf_counter()

    def fresh(name: str):
        import shutil

        from sa2030_desktop.persistence.store import Store

        target = work / name
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copy(base, target)
        return Store.open(target)

    def measure(fn, cancel_after: float | None = None, token=None):
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def beat() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(beat)
        timer.start()
        worker = Worker(fn)
        started = time.perf_counter()
        worker.start()
        cancelled_at = None
        while worker.isRunning():
            app.processEvents()
            if (
                cancel_after is not None
                and cancelled_at is None
                and (time.perf_counter() - started >= cancel_after)
            ):
                cancelled_at = time.perf_counter()
                token.cancel()
            time.sleep(0.001)
        worker.wait()
        timer.stop()
        total = time.perf_counter() - started
        return gaps, worker, total, cancelled_at

    from sa2030_desktop.persistence.store import Store

    # "Runner": what the GUI uses (cancellable: SQLite progress handler + token between batches)
    rows = [("Arbeit im Worker", "Weg", "Dauer", "Herzschläge", "längste Pause", "99. Perzentil")]
    for runner in (False, True):
        store = fresh(f"stall-import-{runner}.sa2030")
        if runner:
            job = lambda s=store: safety.run_cancellable(s, CancelToken(), import_json, source)  # noqa: E731
        else:
            job = lambda s=store: import_json(s, source)  # noqa: E731
        gaps, worker, total, _ = measure(job)
        assert worker.error is None, worker.error
        assert len(store.snapshot().goals) == 10_000
        rows.append(("Import 10.000 Ziele (JSON, 30.000 Meilensteine)",
                     "Runner" if runner else "direkt", f"{total:.2f} s", len(gaps),
                     f"{max(gaps):.0f} ms", f"{_p99(gaps):.0f} ms"))  # fmt: skip
        store.close()
    (work / "sizes").mkdir(exist_ok=True)
    reader = Store.open(generate.portfolio_file(work / "sizes", 1000), readonly=True)
    reader.snapshot()
    for runner in (False, True):

        def export(runner=runner):
            target = work / "bericht-1000.docx"
            if runner:
                token = CancelToken()
                return export_briefing(reader, target, "status", token=token)
            return export_briefing(reader, target, "status")

        gaps, worker, total, _ = measure(export)
        assert worker.error is None, worker.error
        rows.append(("Word-Statusbericht 1.000 Ziele", "Runner" if runner else "direkt",
                     f"{total:.2f} s", len(gaps), f"{max(gaps):.0f} ms", f"{_p99(gaps):.0f} ms"))  # fmt: skip
    reader.close()
    table("GUI-Thread während langer Arbeit im Worker (Ziel: 99. Perzentil < 100 ms)", rows)

    rng = random.Random(6)
    latencies, untouched = [], 0
    for _ in range(cancels):
        store = fresh("cancel.sa2030")
        token = CancelToken()
        after = rng.uniform(0.05, 1.5)
        _gaps, worker, _total, cancelled_at = measure(
            lambda s=store, t=token: safety.run_cancellable(s, t, import_json, source), after, token
        )
        if cancelled_at is not None and worker.error is not None:
            latencies.append(worker.ended - cancelled_at)
        untouched += count(store.path, "goal") in (0, 10_000) and integrity(store.path) == "ok"
        store.close()
    table("Abbrechen des Imports (10.000 Ziele) zu zufälligen Zeitpunkten", [
        ("Abbrüche", "wirksam", "Median Latenz", "max. Latenz", "Datei ganz oder gar nicht"),
        (cancels, len(latencies), f"{statistics.median(latencies) * 1000:.0f} ms" if latencies
         else "–", f"{max(latencies) * 1000:.0f} ms" if latencies else "–",
         f"{untouched}/{cancels}"),
    ])  # fmt: skip


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--cancels", type=int, default=20)
    parser.add_argument("--only", choices=["kills", "backup", "gui"], default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sa2030-zuverlaessigkeit-") as tmp:
        work = Path(tmp)
        os.environ["SA2030_DATA_DIR"] = str(work / "benutzerdaten")
        print(f"Rechner: {os.cpu_count()} Kerne, Python {sys.version.split()[0]}, "
              f"SQLite {sqlite3.sqlite_version}")  # fmt: skip
        if args.only in (None, "backup"):
            live_backups(work)
            backup_sizes(work)
        if args.only in (None, "gui"):
            gui_stall(work, args.cancels)
        if args.only in (None, "kills"):
            kills(work, args.kills)


if __name__ == "__main__":
    main()
