"""Helpers for the reliability tests: subprocesses on real files, hashes, big bundles."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def python(code: str, *args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """Start `code` in a fresh interpreter (a second instance of the product)."""
    full_env = {**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def big_bundle(path: Path, goals: int, milestones_per_goal: int = 0, prefix: str = "I") -> Path:
    """A JSON exchange file with `goals` goals (and milestones) on the reference data."""
    doc = {
        "format": "sa2030-portfolio",
        "version": 1,
        "goals": [
            {
                "key": f"{prefix}{i:05d}",
                "title": f"Importziel {i} – Verwaltung digital",
                "theme": f"TF{(i % 18) + 1:02d}",
                "lead": ["MID", "MI", "MF", "MB", "MS"][i % 5],
                "status": "on_track",
            }
            for i in range(goals)
        ],
        "milestones": [
            {
                "key": f"{prefix}{i:05d}-M{m}",
                "goal": f"{prefix}{i:05d}",
                "title": f"Meilenstein {m}",
                "baseline": f"2027-0{m + 1}-15",
                "forecast": f"2027-0{m + 1}-15",
            }
            for i in range(goals)
            for m in range(milestones_per_goal)
        ],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def damage_page(path: Path, table: str = "goal") -> None:
    """Overwrite the b-tree header and cell pointers of `table`'s root page (a torn write)."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size + (100 if root == 1 else 0))
        fh.write(b"\x0d\xff\xff\x7f\x7f\x00\x00\x00" + b"\xee" * 40)
