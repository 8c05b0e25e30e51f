"""server init / user / status: administration of the team server (TEAM.md, Administration)."""

from __future__ import annotations

import argparse

from sa2030_desktop.cli.common import EXIT_OK, print_json
from sa2030_desktop.domain.grammar import count_de, deps_de, goals_de, milestones_de

ROLES = ("stabsstelle", "ressort", "leser")
ROLE_NAMES = {"stabsstelle": "Koordinierungsstelle", "ressort": "Ressort", "leser": "Leser"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("server", help="Teamserver (PostgreSQL) einrichten und verwalten")
    ssub = p.add_subparsers(dest="server_cmd", required=True, metavar="init|user|status")

    s = ssub.add_parser("init", help="Portfolio auf dem Server anlegen (leer oder aus einer Datei)")
    s.add_argument(
        "server",
        metavar="SERVER",
        help="Teamserver, z. B. service=sa2030 oder postgresql://SERVER/DATENBANK",
    )
    s.add_argument("--from", dest="source", metavar="DATEI", help="Portfoliodatei übernehmen")
    s.add_argument("--title", metavar="TEXT", help="Titel des Portfolios (ohne --from)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=cmd_init)

    u = ssub.add_parser("user", help="Anmeldungen und ihre Rollen")
    u.add_argument(
        "server",
        metavar="SERVER",
        help="Teamserver, z. B. service=sa2030 oder postgresql://SERVER/DATENBANK",
    )
    usub = u.add_subparsers(dest="user_cmd", required=True, metavar="add|list")
    a = usub.add_parser("add", help="Anmeldung anlegen oder ändern")
    a.add_argument("name", metavar="NAME", help="Anmeldename auf dem Server")
    a.add_argument("--role", required=True, choices=ROLES,
                   help="stabsstelle (Koordinierungsstelle), ressort oder leser")  # fmt: skip
    a.add_argument("--ministry", metavar="KÜRZEL", help="Ressort (nur bei --role ressort)")
    a.set_defaults(run=cmd_user_add)
    listing = usub.add_parser("list", help="Anmeldungen mit Rolle und Ressort")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_user_list)

    c = sub.add_parser("checkout", help="Kopie des Teamserver-Portfolios für unterwegs")
    c.add_argument(
        "server",
        metavar="SERVER",
        help="Teamserver, z. B. service=sa2030 oder postgresql://SERVER/DATENBANK",
    )
    c.add_argument("out", metavar="KOPIE", help="die Kopie für unterwegs (.sa2030)")
    c.add_argument("--ministry", metavar="KÜRZEL", help="nur das Ressortpaket dieses Ressorts")
    c.set_defaults(run=cmd_checkout)

    st = ssub.add_parser("status", help="Schemaversion, Anzahlen, verbundene Clients")
    st.add_argument(
        "server",
        metavar="SERVER",
        help="Teamserver, z. B. service=sa2030 oder postgresql://SERVER/DATENBANK",
    )
    st.add_argument("--json", action="store_true")
    st.set_defaults(run=cmd_status)


def cmd_init(args) -> int:
    from sa2030_desktop.services import server

    info = server.init_server(args.server, args.source, args.title)
    if args.json:
        print_json(info)
        return EXIT_OK
    verb = "aktualisiert" if info["done"] == "upgraded" else "angelegt"
    counts = info["counts"]
    print(
        f"Portfolio auf {info['server']} {verb} (Schema {info['schema']}): "
        f"{goals_de(counts['goal'])}, {milestones_de(counts['milestone'])}, "
        f"{deps_de(counts['dependency'])}."
    )
    return EXIT_OK


def cmd_checkout(args) -> int:
    from sa2030_desktop.services.server_offline import checkout

    info = checkout(args.server, args.out, args.ministry)
    what = f"Ressortpaket {args.ministry}" if args.ministry else "Kopie"
    print(
        f"{what} von {info['server']} ausgecheckt: {info['target']} ({goals_de(info['goals'])}). "
        f"Zurück mit: sa2030 checkin SERVER {info['target']}"
    )
    return EXIT_OK


def cmd_user_add(args) -> int:
    from sa2030_desktop.services import server

    new, ministry = server.add_user(args.server, args.name, args.role, args.ministry)
    role = ROLE_NAMES[args.role] + (f" {ministry}" if ministry else "")
    verb = "angelegt" if new else "geändert"
    print(f"Anmeldung „{args.name}“ {verb}: {role}.")
    if new:
        print(
            "Das Kennwort (oder Kerberos) richtet die Verwaltung des Servers ein, z. B. "
            f'ALTER ROLE "{args.name}" PASSWORD …; die Anwendung speichert keines.'
        )
    return EXIT_OK


def cmd_user_list(args) -> int:
    from sa2030_desktop.services import server

    users = server.list_users(args.server)
    if args.json:
        print_json(users)
        return EXIT_OK
    if not users:
        print("Keine Anmeldungen eingetragen.")
    for u in users:
        role = ROLE_NAMES.get(u["role"], u["role"]) + (f" {u['ministry']}" if u["ministry"] else "")
        note = "" if u["can_login"] else " (Anmeldung gesperrt)"
        print(f"{u['login']}: {role}{note}")
    return EXIT_OK


def cmd_status(args) -> int:
    from sa2030_desktop.services import server

    info = server.status(args.server)
    if args.json:
        print_json(info)
        return EXIT_OK
    c = info["counts"]
    print(
        f"Server {info['server']} (PostgreSQL {info['postgresql']}), Schema {info['schema']}"
        f" (diese Version: {info['schema_supported']})"
    )
    print(
        f"{goals_de(c['goal'])}, {milestones_de(c['milestone'])}, {deps_de(c['dependency'])}, "
        f"{count_de(c['indicator'], 'Indikator', 'Indikatoren')}, "
        f"{count_de(c['change_log'], 'Protokolleintrag', 'Protokolleinträge')}"
    )
    if info["users"] is not None:
        print(f"{count_de(info['users'], 'Anmeldung', 'Anmeldungen')} eingetragen")
    print(
        count_de(len(info["clients"]), "verbundener Client", "verbundene Clients")
        + "".join(f"\n  {x['user']} seit {x['since']}" for x in info["clients"])
    )
    return EXIT_OK
