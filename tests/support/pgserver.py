"""A real PostgreSQL server for the tests: initdb + pg_ctl in a temporary folder, Unix socket only.

No shared server and no TCP port: the cluster lives in its own folder under /tmp and listens on a
socket there. CI runs as root and initdb refuses root, so there the cluster is made and run as
Debian's `postgres` system user (`runuser -u postgres --`), which owns the data folder, the socket
folder and the log. Each test gets its own database (`CREATE DATABASE … TEMPLATE`).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


def find_bin_dir() -> Path | None:
    """The folder with initdb and pg_ctl: Debian's versioned folder (newest), else PATH."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True):
        if Path(candidate, "initdb").exists() and Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    return None


def _version(path: str) -> int:
    try:
        return int(Path(path).parent.name.split(".")[0])
    except ValueError:
        return 0


@dataclass
class PgCluster:
    bin_dir: Path
    root: Path
    socket_dir: Path
    run_as: str | None  # system user that owns and runs the cluster (None: ourselves)
    _counter = itertools.count(1)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def _cmd(self, *args: str) -> list[str]:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        return ["runuser", "-u", self.run_as, "--", *cmd] if self.run_as else cmd

    def start(self) -> None:
        subprocess.run(
            self._cmd(
                "initdb",
                "-D",
                str(self.data_dir),
                "-U",
                SUPERUSER,
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-A",
                "trust",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
            cwd="/",
        )
        # The superuser connects without a password (trust, the socket is private to this
        # folder); every other login role must give its password, like at the IT provider.
        (self.data_dir / "pg_hba.conf").write_text(
            f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n", encoding="utf-8"
        )
        if self.run_as:
            shutil.chown(self.data_dir / "pg_hba.conf", self.run_as, self.run_as)
        self._pg_ctl_start()

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            self._cmd("pg_ctl", "-D", str(self.data_dir), "-m", mode, "-w", "stop"),
            capture_output=True,
            cwd="/",
        )

    def restart_after_stop(self) -> None:
        self._pg_ctl_start()

    def _pg_ctl_start(self) -> None:
        opts = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}'"
            " -c fsync=off -c full_page_writes=off"
            " -c max_connections=60"
        )
        subprocess.run(
            self._cmd(
                "pg_ctl",
                "-D",
                str(self.data_dir),
                "-l",
                str(self.root / "server.log"),
                "-o",
                opts,
                "-w",
                "-t",
                "60",
                "start",
            ),
            check=True,
            capture_output=True,
            cwd="/",
        )

    def url(self, dbname: str, user: str = SUPERUSER, password: str | None = None) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@/{dbname}?host={self.socket_dir}"

    def admin_sql(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, template: str | None = None) -> str:
        name = f"t{os.getpid()}_{next(self._counter)}"
        extra = f' TEMPLATE "{template}"' if template else ""
        self.admin_sql(f'CREATE DATABASE "{name}"{extra}')
        return name

    def drop_database(self, name: str) -> None:
        self.admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_cluster() -> PgCluster | None:
    """A running cluster in a fresh temporary folder, or None when PostgreSQL is missing."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        return None
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return None
        run_as = "postgres"
    root = Path(tempfile.mkdtemp(prefix="sa2030-pg-"))
    socket_dir = root / "sock"
    socket_dir.mkdir()
    if run_as:
        os.chmod(root, 0o755)
        for p in (root, socket_dir):
            shutil.chown(p, run_as, run_as)
    cluster = PgCluster(bin_dir, root, socket_dir, run_as)
    cluster.start()
    return cluster


def remove_cluster(cluster: PgCluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.root, ignore_errors=True)


def state_digest(url: str) -> str:
    """A digest of every row of the portfolio on the server (and of its change log): equal
    before and after means nothing was written."""
    import hashlib

    import psycopg

    digest = hashlib.sha256()
    with psycopg.connect(url) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        for table in tables:
            rows = conn.execute(f'SELECT t::text FROM "{table}" t ORDER BY 1').fetchall()
            digest.update(repr((table, rows)).encode())
    return digest.hexdigest()


def dbname_of(url: str) -> str:
    return url.split("@/", 1)[1].split("?", 1)[0]
