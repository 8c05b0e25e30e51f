"""Shared fixtures: offscreen Qt, no network, real portfolio files in tmp_path."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")


class _NetworkBlocked(RuntimeError):
    pass


def _refuse(*_args, **_kwargs):
    raise _NetworkBlocked("Netzwerkzugriff ist in den Tests verboten")


_original_connect = socket.socket.connect


def _connect_local_only(self, address):
    if self.family == getattr(socket, "AF_UNIX", None):
        return _original_connect(self, address)
    _refuse()


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """The product never opens a network connection: any attempt fails the test."""
    monkeypatch.setattr(socket.socket, "connect", _connect_local_only)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Backups and work copies go to a temporary user-data folder, never the real one."""
    monkeypatch.setenv("SA2030_DATA_DIR", str(tmp_path_factory.mktemp("benutzerdaten")))


@pytest.fixture
def make_store(tmp_path):
    """Build a small hand-made portfolio: make_store(goals=[...], milestones=[...], ...)."""
    from tests.support.builders import build_store

    stores = []

    def factory(name: str = "hand.sa2030", **sections):
        store = build_store(tmp_path / name, **sections)
        stores.append(store)
        return store

    yield factory
    for store in stores:
        store.close()


@pytest.fixture
def demo_store(tmp_path):
    from sa2030_desktop.services.portfolio import create_portfolio

    store = create_portfolio(tmp_path / "demo.sa2030", demo=True)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path):
    from sa2030_desktop.services.portfolio import create_portfolio

    store = create_portfolio(tmp_path / "leer.sa2030")
    yield store
    store.close()


# -- the team server (TEAM.md): a real PostgreSQL started by the test run ------------------
@pytest.fixture(scope="session")
def pg_cluster():
    """initdb + pg_ctl in a temporary folder on a Unix socket, for the whole run."""
    from tests.support.pgserver import remove_cluster, start_cluster

    cluster = start_cluster()
    if cluster is None:
        pytest.skip(
            "Keine PostgreSQL-Programme (initdb, pg_ctl) gefunden: "
            "apt-get install postgresql (.ci/run tut das)"
        )
    yield cluster
    remove_cluster(cluster)


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster, tmp_path_factory):
    """A database with the demo portfolio (via `sa2030 server init --from`), used as the
    template of each test's own copy."""
    from sa2030_desktop.services.portfolio import create_portfolio
    from sa2030_desktop.services.server import init_server

    path = tmp_path_factory.mktemp("pgdemo") / "demo.sa2030"
    create_portfolio(path, demo=True).close()
    name = pg_cluster.new_database()
    init_server(pg_cluster.url(name), path)
    return name


@pytest.fixture
def pg_empty(pg_cluster):
    """The URL of a new, empty database (no schema) for this test."""
    name = pg_cluster.new_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_demo(pg_cluster, pg_demo_template):
    """The URL (as the superuser/admin) of this test's own copy of the demo portfolio."""
    name = pg_cluster.new_database(template=pg_demo_template)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


# A demo portfolio made once per session, a copy per test, and `sa2030 ARGS…` run in-process
@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    from sa2030_desktop.services.portfolio import create_portfolio

    path = tmp_path_factory.mktemp("demo") / "demo.sa2030"
    create_portfolio(path, demo=True).close()
    return path


@pytest.fixture
def demo(demo_file, tmp_path) -> Path:
    path = tmp_path / "demo.sa2030"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def cli(capsys):
    """Run `sa2030 ARGS…` in this process: (exit status, stdout, stderr)."""
    from sa2030_desktop.cli.main import main

    def run(*args) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: wrong usage
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
