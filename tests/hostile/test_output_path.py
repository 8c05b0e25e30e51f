"""One output path for every writer (export/atomic.py): each writer × each hostile target.

Devices, FIFOs, sockets and folders are refused; a symlink is written through (the link
stays); a read-only file is refused; new files are owner-only; a full disk, an over-long
name and a missing folder give a German message and leave the old file and no temporary file.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_german, fill, leftovers, sha256

# name, output file name, arguments after the portfolio (OUT replaced by the target)
WRITERS = [
    ("export-json", "aus.json", ["export", "{file}", "{out}"]),
    ("export-xlsx", "aus.xlsx", ["export", "{file}", "{out}"]),
    ("export-ods", "aus.ods", ["export", "{file}", "{out}"]),
    ("template-xlsx", "vorlage.xlsx", ["template", "{out}"]),
    ("template-ods", "vorlage.ods", ["template", "{out}"]),
    ("graph-svg", "graph.svg", ["graph", "{file}", "{out}"]),
    ("graph-png", "graph.png", ["graph", "{file}", "{out}"]),
    ("timeline-pdf", "plan.pdf", ["timeline", "{file}", "{out}"]),
    ("briefing-docx", "bericht.docx", ["briefing", "{file}", "{out}", "--kind", "status"]),
    ("copy", "kopie.sa2030", ["copy", "{file}", "{out}"]),
    ("package", "paket.sa2030", ["package", "{file}", "MID", "{out}"]),
]
REPLACING = [w for w in WRITERS if w[0] not in ("copy", "package")]  # these never overwrite
IDS = [w[0] for w in WRITERS]


def _args(spec, file, out):
    return [a.format(file=file, out=out) for a in spec]


def _device(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # a private /dev/full


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()


def _folder(path: Path) -> None:
    path.mkdir()


SPECIAL = {"device": _device, "fifo": _fifo, "socket": _socket, "folder": _folder}


@pytest.mark.parametrize("kind", list(SPECIAL))
@pytest.mark.parametrize("writer", WRITERS, ids=IDS)
def test_a_target_that_is_no_regular_file_is_refused_and_kept(cli, demo, tmp_path, writer, kind):
    if kind == "device" and os.geteuid() != 0:
        pytest.skip("mknod needs root")
    name, out_name, spec = writer
    out = tmp_path / out_name
    SPECIAL[kind](out)
    before = os.lstat(out)
    digest = sha256(demo)
    code, _, err = cli(*_args(spec, demo, out))
    assert code == 1, err
    assert_german(err)
    after = os.lstat(out)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode), "the target was replaced"
    assert after.st_ino == before.st_ino
    assert sha256(demo) == digest
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("writer", REPLACING, ids=[w[0] for w in REPLACING])
def test_a_symlink_is_written_through_and_stays_a_link(cli, demo, tmp_path, writer):
    name, out_name, spec = writer
    real = tmp_path / "echt" / out_name
    real.parent.mkdir()
    real.write_bytes(b"alt")
    os.chmod(real, 0o640)
    link = tmp_path / out_name
    link.symlink_to(real)
    code, _, err = cli(*_args(spec, demo, link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != b"alt" and real.stat().st_size > 100
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # a replaced file keeps its permissions
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("writer", WRITERS, ids=IDS)
def test_a_read_only_target_is_refused(cli, demo, tmp_path, writer):
    name, out_name, spec = writer
    out = tmp_path / out_name
    out.write_bytes(b"alt")
    os.chmod(out, 0o444)
    code, _, err = cli(*_args(spec, demo, out))
    assert code == 1, err
    assert_german(err)
    assert out.read_bytes() == b"alt"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("writer", WRITERS, ids=IDS)
def test_every_writer_makes_new_files_owner_only(cli, demo, tmp_path, writer):
    name, out_name, spec = writer
    out = tmp_path / out_name
    old = os.umask(0o022)
    try:
        code, _, err = cli(*_args(spec, demo, out))
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_the_csv_folder_gets_the_same_permissions(cli, demo, tmp_path):
    out = tmp_path / "csv"
    old = os.umask(0o022)
    try:
        code, _, err = cli("export", demo, out)
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o600}


@pytest.mark.parametrize("problem", ["long-name", "missing-folder", "proc-folder"])
@pytest.mark.parametrize("writer", WRITERS + [("export-csv", "csv", ["export", "{file}", "{out}"])],
                         ids=IDS + ["export-csv"])  # fmt: skip
def test_bad_names_are_refused_in_german(cli, demo, tmp_path, writer, problem):
    name, out_name, spec = writer
    out = {
        "long-name": tmp_path / ("x" * 300 + out_name),
        "missing-folder": tmp_path / "fehlt" / out_name,
        "proc-folder": Path("/proc/gibt-es-nicht") / out_name,
    }[problem]
    digest = sha256(demo)
    code, _, err = cli(*_args(spec, demo, out))
    assert code == 1, err
    assert_german(err)
    assert "x" * 100 not in err  # an over-long name is shortened in the message
    assert sha256(demo) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sa2030"]


# `new` builds its SQLite file beside the target as well. With some 64 KB left SQLite fails at
# another step than with 4 KB (its first pragma, the WAL index): „Interner Fehler“, and the
# -wal/-shm of the unfinished file were left behind. The other writers' files fit in 64 KB.
CREATING = ("copy", "package", "new")
FULL_DISK = [
    *WRITERS,
    ("export-csv", "csv", ["export", "{file}", "{out}"]),
    ("new", "neu.sa2030", ["new", "{out}"]),
]
FULL_CASES = [(w, 4096) for w in FULL_DISK] + [(w, 65536) for w in FULL_DISK if w[0] in CREATING]


@pytest.mark.parametrize(("writer", "free"), FULL_CASES,
                         ids=[f"{w[0]}-{free}" for w, free in FULL_CASES])  # fmt: skip
def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary_file(cli, demo, small_disk, writer,
                                                                     free):
    name, out_name, spec = writer
    out = small_disk / out_name
    if name == "export-csv":
        out.mkdir()
        (out / "ziele.csv").write_bytes(b"alt")
    elif name not in CREATING:
        out.write_bytes(b"alt")
    fill(small_disk, keep=free)
    code, _, err = cli(*_args(spec, demo, out))
    assert code == 1, err
    assert_german(err)
    assert "Datenträger ist voll" in err
    if name == "export-csv":
        assert sorted(p.name for p in out.iterdir()) == ["ziele.csv"]
        assert (out / "ziele.csv").read_bytes() == b"alt"
    elif name in CREATING:
        assert not out.exists()
    else:
        assert out.read_bytes() == b"alt"
    assert leftovers(small_disk) == []
    assert sorted(p.name for p in small_disk.iterdir()) == sorted(
        ["ballast", *([] if name in CREATING else [out_name])]
    )


@pytest.mark.parametrize("kind", ["fifo", "folder", "long-name", "read-only"])
def test_restoring_a_backup_as_a_new_file_takes_the_same_checks(tmp_path, demo, kind):
    from sa2030_desktop.domain.errors import DomainError
    from sa2030_desktop.services import safety
    from sa2030_desktop.services.portfolio import open_portfolio

    store = open_portfolio(demo)
    try:
        info = safety.backup_now(store)
    finally:
        store.close()
    target = tmp_path / ("x" * 300 if kind == "long-name" else "wieder.sa2030")
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "read-only":
        target.write_bytes(b"alt")
        os.chmod(target, 0o444)
    with pytest.raises(DomainError) as refused:
        safety.restore_as_new(info, target)
    from sa2030_desktop.failures import describe

    assert_german(describe(refused.value))
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("writer", REPLACING, ids=[w[0] for w in REPLACING])
def test_a_link_to_the_portfolio_itself_is_never_written_through(cli, demo, tmp_path, writer):
    name, out_name, spec = writer
    link = tmp_path / out_name
    link.symlink_to(demo)
    digest = sha256(demo)
    code, _, err = cli(*_args(spec, demo, link))
    assert code == 1, err
    assert_german(err)
    assert "Portfolio-Datenbank" in err
    assert sha256(demo) == digest and link.is_symlink()
    assert leftovers(tmp_path) == []
