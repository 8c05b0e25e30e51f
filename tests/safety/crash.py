"""kill -9 experiments shared by tests/safety (a few kills) and benchmarks/reliability.py (50).

Each trial runs the real product code in a child process, kills it with SIGKILL at a random
moment and then checks the files as a user would find them after a crash or power cut.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.safety import ROOT, big_bundle, count, integrity, sha256

IMPORT_CHILD = """
import contextlib, sys
from sa2030_desktop.services.portfolio import open_portfolio, import_json
store = open_portfolio(sys.argv[1])
if sys.argv[3] == "write":  # announce the write transaction (after BEGIN IMMEDIATE)
    plain = store.transaction
    @contextlib.contextmanager
    def announced(*args, **kwargs):
        with plain(*args, **kwargs) as uow:
            print("los", flush=True)
            yield uow
    store.transaction = announced
else:
    print("los", flush=True)
import_json(store, sys.argv[2])
print("fertig", flush=True)
store.close()
"""

JSON_EXPORT_CHILD = """
import sys
from sa2030_desktop.services.portfolio import open_portfolio, export_json
store = open_portfolio(sys.argv[1], readonly=True)
store.snapshot()
print("los", flush=True)
export_json(store, sys.argv[2])
print("fertig", flush=True)
"""

WORD_EXPORT_CHILD = """
import sys
from sa2030_desktop.services.portfolio import open_portfolio
from sa2030_desktop.services.briefing import export_briefing
store = open_portfolio(sys.argv[1], readonly=True)
store.snapshot()
print("los", flush=True)
export_briefing(store, sys.argv[2], "status")
print("fertig", flush=True)
"""


@dataclass
class Outcome:
    trials: int = 0
    survived: int = 0  # opened, integrity ok, all-or-nothing held
    old: int = 0  # import absent / export: old file intact
    new: int = 0  # import present / export: new file complete
    failures: list[str] = field(default_factory=list)
    leftovers: int = 0  # temporary files left beside the target by the killed process
    kill_after: list[float] = field(default_factory=list)

    def row(self) -> str:
        return (
            f"{self.survived}/{self.trials} überstanden; vorher-Stand {self.old}, "
            f"nachher-Stand {self.new}; Fehler {len(self.failures)}"
        )


def _child(code: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _run_to_end(code: str, *args: str) -> float:
    """Duration from "los" to "fertig" of an undisturbed run."""
    proc = _child(code, *args)
    assert proc.stdout.readline().strip() == "los", proc.stderr.read()
    start = time.perf_counter()
    line = proc.stdout.readline().strip()
    took = time.perf_counter() - start
    _out, err = proc.communicate(timeout=600)
    assert line == "fertig" and proc.returncode == 0, err
    return took


def _kill_at(proc: subprocess.Popen, delay: float) -> bool:
    """Kill `proc` `delay` s after it printed "los"; True when it was still running."""
    assert proc.stdout.readline().strip() == "los", proc.stderr.read()
    time.sleep(delay)
    alive = proc.poll() is None
    if alive:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=120)
    return alive


def import_kills(
    workdir: Path, trials: int, rows: int = 10_000, seed: int = 2030, phase: str = "all"
) -> tuple[Outcome, float]:
    """kill -9 in the middle of an import of `rows` goals (phase "all": anywhere from the
    start of the import; "write": inside the write transaction); the file must open with the
    import entirely present or entirely absent."""
    from sa2030_desktop.persistence.store import Store
    from sa2030_desktop.services.portfolio import create_portfolio

    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    pristine = workdir / "vorher.sa2030"
    if not pristine.exists():
        create_portfolio(pristine, demo=True).close()
    source = big_bundle(workdir / "import.json", rows)
    base = count(pristine, "goal")
    trial = workdir / "versuch.sa2030"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{trial}{suffix}").unlink(missing_ok=True)
        shutil.copy(pristine, trial)

    fresh()
    duration = _run_to_end(IMPORT_CHILD, str(trial), str(source), phase)
    assert count(trial, "goal") == base + rows
    out = Outcome()
    for _ in range(trials):
        fresh()
        delay = rng.uniform(0, duration * 1.1)
        out.kill_after.append(delay)
        _kill_at(_child(IMPORT_CHILD, str(trial), str(source), phase), delay)
        out.trials += 1
        try:
            assert integrity(trial) == "ok", "integrity_check"
            store = Store.open(trial)  # also takes over the dead process's lock
            goals = len(store.snapshot().goals)
            store.close()
            assert integrity(trial) == "ok", "integrity_check nach dem Öffnen"
        except Exception as exc:  # reported, never hidden
            out.failures.append(f"{delay:.3f}s: {exc!r}")
            continue
        if goals == base:
            out.old += 1
        elif goals == base + rows:
            out.new += 1
        else:
            out.failures.append(f"{delay:.3f}s: teilweise importiert ({goals - base} Ziele)")
            continue
        out.survived += 1
    return out, duration


def export_kills(
    workdir: Path, trials: int, goals: int = 1000, word: bool = True, seed: int = 2031
) -> tuple[Outcome, float]:
    """kill -9 during an export over an existing file: old intact or new complete."""
    from sa2030_desktop.services.portfolio import create_portfolio, import_json

    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    source = workdir / f"export-{goals}.sa2030"
    if not source.exists():
        store = create_portfolio(source)
        import_json(store, big_bundle(workdir / "export.json", goals, milestones_per_goal=3))
        store.close()
    target = workdir / ("bericht.docx" if word else "austausch.json")
    child = WORD_EXPORT_CHILD if word else JSON_EXPORT_CHILD
    # the "old" file: a complete export of another state (the demo portfolio)
    demo = workdir / "demo.sa2030"
    if not demo.exists():
        create_portfolio(demo, demo=True).close()
    target.unlink(missing_ok=True)
    _run_to_end(child, str(demo), str(target))
    old_sha = sha256(target)
    duration = _run_to_end(child, str(source), str(target))
    new_ok = _complete(target, word)
    assert new_ok, "ungestörter Export unvollständig"
    out = Outcome()
    for _ in range(trials):
        target.unlink(missing_ok=True)
        _run_to_end(child, str(demo), str(target)) if not target.exists() else None
        assert sha256(target) == old_sha or word  # Word files carry a creation time
        before = sha256(target)
        delay = rng.uniform(0, duration * 1.1)
        out.kill_after.append(delay)
        _kill_at(_child(child, str(source), str(target)), delay)
        out.trials += 1
        leftovers = [p for p in workdir.iterdir() if p.name.startswith(f".{target.name}.")]
        out.leftovers += len(leftovers)
        for p in leftovers:
            p.unlink()
        if not target.exists():
            out.failures.append(f"{delay:.3f}s: Ziel fehlt")
            continue
        if sha256(target) == before:
            out.old += 1
        elif _complete(target, word):
            out.new += 1
        else:
            out.failures.append(f"{delay:.3f}s: zerrissene Datei")
            continue
        out.survived += 1
    return out, duration


def _complete(path: Path, word: bool) -> bool:
    try:
        if word:
            from docx import Document

            with zipfile.ZipFile(path) as zf:
                if zf.testzip() is not None:
                    return False
            doc = Document(str(path))
            return len(doc.tables) > 0
        data = json.loads(path.read_text(encoding="utf-8"))
        return data.get("format") == "sa2030-portfolio" and len(data["goals"]) >= 500
    except Exception:
        return False
