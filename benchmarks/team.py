"""Benchmark of the team server (issue 13): 10 client processes (9 ministries + the
Koordinierungsstelle) each make EDITS edits on a 1,000-goal portfolio with 0–50 ms think time;
a watcher process refreshes the touched rows on every announcement. Prints lost updates (proved
against the change log), p50/p95 commit latency, p95 commit-to-refresh latency, and the snapshot
load of 10,000 goals from PostgreSQL vs. SQLite. Starts its own PostgreSQL (tests/support/pgserver.py).

    .venv/bin/python benchmarks/team.py [--goals 1000] [--edits 200] [--load-goals 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import MINISTRIES, portfolio_file  # noqa: E402

PASSWORD = "bench-2030"


def login_url(admin_url: str, login: str) -> str:
    return f"postgresql://{login}:{PASSWORD}@{admin_url.split('@', 1)[1]}"


def client(url: str, ministry: str | None, edits: int, seed: int, start, out) -> None:
    """One user: edits of its own goals (a ministry: titles and milestone notes of the goals it
    leads; the Koordinierungsstelle: priorities of any goal, so it meets the ministries' rows).
    A refused stale write is refreshed and done again, as a user would."""
    from sa2030_desktop.domain.errors import DomainError
    from sa2030_desktop.services import goals
    from sa2030_desktop.services.portfolio import open_portfolio

    rnd = random.Random(seed)
    store = open_portfolio(url)
    snap = store.snapshot()
    mine = sorted(k for k, g in snap.goals.items() if ministry is None or g.lead == ministry)
    milestones = {k: [m for m in snap.milestones.values() if m.goal == k] for k in mine}
    done, latencies, conflicts = [], [], 0
    start.wait()
    for i in range(edits):
        time.sleep(rnd.uniform(0, 0.05))
        key = rnd.choice(mine)
        if ministry is None:
            entity, field, value = "goal", "priority", (i % 3) + 1
            if store.snapshot().goals[key].priority == value:
                value = value % 3 + 1
        elif i % 2 or not milestones[key]:
            entity, field, value = "goal", "title", f"{ministry} Fassung {i}"
        else:
            entity, field, value = "milestone", "note", f"{ministry} Vermerk {i}"
            key = rnd.choice(milestones[key]).key
        while True:
            t0 = time.perf_counter()
            try:
                if entity == "goal":
                    changes = goals.update_goal(store, key, **{field: value})
                else:
                    changes = goals.update_milestone(store, key, **{field: value})
            except DomainError as exc:
                if exc.code != "stale_write":
                    raise
                conflicts += 1
                store.refresh_rows({entity: {key}})  # read the newer row, then decide again
                continue
            latencies.append(time.perf_counter() - t0)
            done.append((changes.action, time.time(), entity, key, field, str(value)))
            break
    store.close()
    out.put((ministry or "stab", done, latencies, conflicts))


def watcher(url: str, ready, stop, out) -> None:
    """Another open window: refreshes just the touched rows when the server announces them."""
    from sa2030_desktop.persistence.server_listen import ChangeListener, touched
    from sa2030_desktop.services.portfolio import open_portfolio

    store = open_portfolio(url)
    store.snapshot()
    listener = ChangeListener(url)
    ready.set()
    refreshed: dict[int, float] = {}
    quiet_since = time.time()
    while not (stop.is_set() and time.time() - quiet_since > 1.0):
        notices = listener.wait(timeout=0.2, stop_after=200)
        if not notices:
            continue
        quiet_since = time.time()
        store.refresh_rows(touched(notices))
        now = time.time()
        for n in notices:
            refreshed.setdefault(n.action, now)
    listener.close()
    store.close()
    out.put(refreshed)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def lost_updates(admin_url: str, first_action: int, edits: dict[str, list]) -> tuple[int, int]:
    """(lost, log rows checked): every log row of the run is an edit its user made knowingly,
    every acknowledged edit is in the log, and each field's final value is its last logged one."""
    import psycopg

    intended = {}
    for user, rows in edits.items():
        for action, _t, entity, key, field, value in rows:
            intended[(action, entity, key, field)] = (user, value)
    with psycopg.connect(admin_url) as conn:
        log = conn.execute(
            'SELECT action, "user", entity, key, field, new FROM change_log WHERE action > %s'
            " ORDER BY id",
            (first_action,),
        ).fetchall()
        titles = dict(conn.execute("SELECT key, title FROM goal").fetchall())
        prios = {k: str(v) for k, v in conn.execute("SELECT key, priority FROM goal")}
        notes = dict(conn.execute("SELECT key, note FROM milestone").fetchall())
    lost = 0
    seen = set()
    last = {}
    for action, user, entity, key, field, new in log:
        want = intended.get((action, entity, key, field))
        if want is None or want[1] != new or f"u_{want[0].lower()}" != user:
            lost += 1  # a field written that its writer did not mean to write: overwritten
        seen.add((action, entity, key, field))
        last[(entity, key, field)] = new
    lost += len(set(intended) - seen)  # acknowledged but not in the log
    current = {"title": titles, "priority": prios, "note": notes}
    lost += sum(1 for (_e, key, field), new in last.items() if current[field][key] != new)
    return lost, len(log)


def snapshot_ratio(cluster, folder: Path, n_goals: int, runs: int) -> tuple[float, float]:
    from sa2030_desktop.services.portfolio import open_portfolio
    from sa2030_desktop.services.server import init_server

    path = portfolio_file(folder, n_goals)
    url = cluster.url(cluster.new_database())
    init_server(url, path)

    def load(target) -> float:
        store = open_portfolio(target, readonly=True)
        try:
            t0 = time.perf_counter()
            store.snapshot()
            return time.perf_counter() - t0
        finally:
            store.close()

    sqlite = statistics.median(load(path) for _ in range(runs))
    pg = statistics.median(load(url) for _ in range(runs))
    return sqlite, pg


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--goals", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--load-goals", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from sa2030_desktop.services.server import add_user, init_server
    from tests.support.pgserver import remove_cluster, start_cluster

    cluster = start_cluster()
    if cluster is None:
        print("PostgreSQL (initdb, pg_ctl) fehlt: apt-get install postgresql")
        return 1
    try:
        folder = Path(tempfile.mkdtemp(prefix="sa2030-team-bench-"))
        admin = cluster.url(cluster.new_database())
        init_server(admin, portfolio_file(folder, args.goals))
        users = {"stab": None, **{m: m for m in MINISTRIES}}
        for name, ministry in users.items():
            login = f"u_{name.lower()}"
            add_user(admin, login, "ressort" if ministry else "stabsstelle", ministry)
            cluster.admin_sql(f"ALTER ROLE {login} PASSWORD '{PASSWORD}'")
        add_user(admin, "u_watch", "leser", None)
        cluster.admin_sql(f"ALTER ROLE u_watch PASSWORD '{PASSWORD}'")
        import psycopg

        with psycopg.connect(admin) as conn:
            first_action = conn.execute("SELECT max(action) FROM change_log").fetchone()[0]
        ctx = mp.get_context("spawn")
        start, ready, stop, out, wout = (ctx.Event(), ctx.Event(), ctx.Event(), ctx.Queue(),
                                         ctx.Queue())  # fmt: skip
        watch = ctx.Process(target=watcher, args=(login_url(admin, "u_watch"), ready, stop, wout))
        watch.start()
        procs = [
            ctx.Process(
                target=client,
                args=(login_url(admin, f"u_{n.lower()}"), m, args.edits, i, start, out),
            )  # fmt: skip
            for i, (n, m) in enumerate(users.items())
        ]
        for p in procs:
            p.start()
        ready.wait(120)
        time.sleep(3)  # every client has opened its store and read its snapshot
        t0 = time.perf_counter()
        start.set()
        results = [out.get(timeout=900) for _ in procs]
        wall = time.perf_counter() - t0
        for p in procs:
            p.join()
        stop.set()
        refreshed = wout.get(timeout=120)
        watch.join()
        edits = {u: done for u, done, _l, _c in results}
        latencies = [x for _u, _d, lat, _c in results for x in lat]
        conflicts = sum(c for *_x, c in results)
        commits = {a: t for _u, done, _l, _c in results for a, t, *_r in done}
        refresh = [refreshed[a] - t for a, t in commits.items() if a in refreshed]
        lost, checked = lost_updates(admin, first_action, edits)
        sqlite, pg = snapshot_ratio(cluster, folder, args.load_goals, args.runs)
    finally:
        remove_cluster(cluster)
    n = len(latencies)
    print(
        f"Teamserver-Benchmark: {len(procs)} Clients × {args.edits} Änderungen, "
        f"{args.goals} Ziele, Denkzeit 0–50 ms, {wall:.1f} s"
    )
    print(
        f"  verlorene Änderungen: {lost} (geprüft: {checked} Protokollzeilen, {n} bestätigte "
        f"Änderungen, {conflicts} Konflikte abgewiesen und neu entschieden)"
    )
    print(
        f"  Commit-Latenz: p50 {pct(latencies, 0.5) * 1000:.1f} ms, "
        f"p95 {pct(latencies, 0.95) * 1000:.1f} ms"
    )
    print(
        f"  Commit → Aktualisierung im anderen Fenster: p50 {pct(refresh, 0.5) * 1000:.0f} ms, "
        f"p95 {pct(refresh, 0.95) * 1000:.0f} ms ({len(refresh)} von {len(commits)} gesehen)"
    )
    print(
        f"  Snapshot {args.load_goals} Ziele: SQLite {sqlite:.2f} s, PostgreSQL {pg:.2f} s, "
        f"Verhältnis {pg / sqlite:.2f}× (Median aus {args.runs})"
    )
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
