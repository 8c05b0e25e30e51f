"""The product never opens a network connection — proved for the running CLI and desktop app.

The suite itself blocks sockets (conftest.py). Here the real program runs in a child process:
- with a Python audit hook that records every socket connect / name lookup (any Python code,
  ours or a library's, goes through these events), and
- under `strace` in a network namespace without interfaces (`unshare -n`), which also sees
  native code (Qt): any AF_INET/AF_INET6 connect or send is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NET_EVENTS = (
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "socket.sendto",
    "socket.sendmsg",
    "http.client.connect",
    "urllib.Request",
    "ftplib.connect",
    "smtplib.connect",
)

WRAPPER = r"""
import json, os, socket, sys
LOG = open(sys.argv[1], "a", encoding="utf-8")
NET = set(sys.argv[2].split(","))

def hook(event, args):
    if event not in NET:
        return
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        if getattr(sock, "family", None) == getattr(socket, "AF_UNIX", -1):
            return  # local IPC (e.g. D-Bus), not the network
    LOG.write(json.dumps([event, repr(args)[:300]]) + "\n")
    LOG.flush()

sys.addaudithook(hook)
mode, rest = sys.argv[3], sys.argv[4:]
if mode == "cli":
    from sa2030_desktop.cli.main import main
    sys.exit(main(rest))
import threading
def stop():
    from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
    app = QCoreApplication.instance()
    if app is not None:
        QMetaObject.invokeMethod(app, "quit", Qt.ConnectionType.QueuedConnection)
threading.Timer(float(os.environ.get("SA2030_GUI_SECONDS", "4")), stop).start()
threading.Timer(60, lambda: os._exit(3)).start()
from sa2030_desktop.app import run_app
code = run_app(rest[0])
print("GUI beendet", code, flush=True)
os._exit(0 if code == 0 else 4)
"""


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("netz")
    path = folder / "demo.sa2030"
    env = _env(folder)
    subprocess.run(
        [sys.executable, "-m", "sa2030_desktop.cli.main", "new", str(path), "--demo"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return path


def _env(folder: Path) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "SA2030_DATA_DIR": str(folder / "daten"),
        "HOME": str(folder / "home"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }


def _run(prefix: list[str], mode: str, args: list[str], folder: Path):
    log = folder / f"audit-{mode}.jsonl"
    log.unlink(missing_ok=True)
    cmd = [*prefix, sys.executable, "-c", WRAPPER, str(log), ",".join(NET_EVENTS), mode, *args]
    result = subprocess.run(cmd, cwd=ROOT, env=_env(folder), capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    events = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return result, events


def test_cli_stats_opens_no_socket(demo_file):
    result, events = _run([], "cli", ["stats", str(demo_file), "--json"], demo_file.parent)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["goals"] == 50
    assert events == []


def test_audit_hook_would_see_a_connection(demo_file):
    """The check can fail: a name lookup in the child is recorded."""
    log = demo_file.parent / "probe.jsonl"
    code = (
        WRAPPER.split("mode, rest")[0]
        + "\ntry:\n    socket.getaddrinfo('example.org', 80)\nexcept OSError:\n    pass\n"
    )
    subprocess.run([sys.executable, "-c", code, str(log), ",".join(NET_EVENTS)], check=True,
                   env=_env(demo_file.parent), timeout=60)  # fmt: skip
    assert "socket.getaddrinfo" in log.read_text()


def test_desktop_app_start_opens_no_socket(demo_file):
    pytest.importorskip("PySide6")
    if not (ROOT / "sa2030_desktop" / "gui" / "application.py").exists():
        pytest.skip("Desktop-Anwendung noch nicht vorhanden")
    result, events = _run([], "gui", [str(demo_file)], demo_file.parent)
    assert "GUI beendet 0" in result.stdout, result.stderr[-2000:]
    assert events == []


def _strace_prefix() -> list[str] | None:
    if not (shutil.which("unshare") and shutil.which("strace")):
        return None
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return None if probe.returncode else ["unshare", "-n"]


INET = re.compile(r"(connect|sendto|sendmsg)\(.*AF_INET6?\b")


@pytest.mark.parametrize("mode", ["cli", "gui"])
def test_no_inet_syscalls_in_a_namespace_without_network(demo_file, mode):
    prefix = _strace_prefix()
    if prefix is None:
        pytest.skip("unshare -n / strace nicht verfügbar")
    trace = demo_file.parent / f"strace-{mode}.txt"
    args = ["stats", str(demo_file)] if mode == "cli" else [str(demo_file)]
    result, events = _run(
        [*prefix, "strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace)],
        mode, args, demo_file.parent,
    )  # fmt: skip
    if mode == "cli":
        assert result.returncode == 0, result.stderr
        assert "50" in result.stdout
    else:
        assert "GUI beendet 0" in result.stdout, result.stderr[-2000:]
    inet = [line for line in trace.read_text().splitlines() if INET.search(line)]
    assert inet == []
    assert events == []
