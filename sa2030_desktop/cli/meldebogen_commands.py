"""sa2030 round form / round collect: Meldebögen from the command line (REPORTING.md).

    sa2030 round form FILE KEY --ministry MIN OUT.xlsx     one ministry's Meldebogen
    sa2030 round form FILE KEY --all ORDNER                every ministry of the round
    sa2030 round collect FILE KEY IN.xlsx… [--ministry MIN] [--json]

`collect` takes files and folders (their .xlsx files); each workbook is checked whole and taken
or refused on its own. Exit status 0 when every workbook was taken, 1 when one was refused (its
errors on stderr, German, with file, sheet, row and column), 2 wrong usage."""

from __future__ import annotations

import sys
from pathlib import Path

from sa2030_desktop.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, print_json
from sa2030_desktop.domain.grammar import count_de


def register(command) -> None:
    """Add the subcommands through round_commands' `command(name, help, run)` helper."""
    c = command("form", "Meldebogen (Excel) eines Ressorts oder aller Ressorts schreiben", cmd_form)
    c.add_argument("out", metavar="ZIEL",
                   help="die .xlsx-Datei (ein Ressort) oder ein Ordner (--all, mehrere Ressorts)")  # fmt: skip
    c.add_argument("--ministry", action="append", default=[], metavar="RESSORT",
                   help="für dieses Ressort (mehrmals: ZIEL ist ein Ordner)")  # fmt: skip
    c.add_argument("--all", action="store_true",
                   help="für jedes Ressort der Runde: Meldebogen_RUNDE_RESSORT.xlsx im Ordner ZIEL")  # fmt: skip
    c.add_argument("--json", action="store_true")

    c = command("collect", "Meldebögen einlesen und ihre Meldungen abgeben", cmd_collect)
    c.add_argument("sources", nargs="+", metavar="MELDEBOGEN",
                   help=".xlsx- oder .ods-Dateien oder Ordner mit solchen")  # fmt: skip
    c.add_argument("--ministry", default="", metavar="RESSORT",
                   help="nur Meldebögen dieses Ressorts annehmen")  # fmt: skip
    c.add_argument("--json", action="store_true")


def cmd_form(args) -> int:
    from sa2030_desktop.cli.round_commands import _store
    from sa2030_desktop.services.reporting import meldebogen_write as mw

    if not args.all and not args.ministry:
        print("sa2030 round form: Falscher Aufruf: --ministry RESSORT oder --all angeben.",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    out = Path(args.out)
    with _store(args, readonly=True) as store:
        if args.all or len(args.ministry) > 1:
            written = mw.write_forms(store, args.key, out, args.ministry or None)
        else:
            target = out / _name(args.key, args.ministry[0]) if out.is_dir() else out
            written = [mw.write_form(store, args.key, args.ministry[0], target)]
    if args.json:
        print_json([{"file": str(w.path), "ministry": w.ministry, "goals": w.goals,
                     "milestones": w.milestones, "indicators": w.indicators}
                    for w in written])  # fmt: skip
        return EXIT_OK
    for w in written:
        counts = ", ".join(count_de(n, one, many) for n, one, many in (
            (w.goals, "Ziel", "Ziele"), (w.milestones, "Meilenstein", "Meilensteine"),
            (w.indicators, "Indikator", "Indikatoren")))  # fmt: skip
        print(f"Meldebogen {w.ministry}: {w.path} ({counts})")
    return EXIT_OK


def _name(key: str, ministry: str) -> str:
    from sa2030_desktop.domain.meldebogen import file_name

    return file_name(key, ministry)


def cmd_collect(args) -> int:
    from sa2030_desktop.cli.round_commands import _store
    from sa2030_desktop.messages import format_error
    from sa2030_desktop.services.reporting import meldebogen_collect as mc

    paths = mc.form_files([Path(s) for s in args.sources])
    if not paths:
        print("sa2030 round collect: In den angegebenen Ordnern liegt kein Meldebogen (.xlsx oder .ods).",
              file=sys.stderr)  # fmt: skip
        return EXIT_REFUSED
    with _store(args) as store:
        results = mc.collect_many(store, args.key, paths, args.ministry or None)
    refused = [r for r in results if r.error is not None]
    for r in refused:
        print(f"sa2030 round collect: {format_error(r.error)}", file=sys.stderr)  # type: ignore[arg-type]
    if args.json:
        print_json({"round": args.key, "collected": len(results) - len(refused),
                    "refused": len(refused), "files": [_as_dict(r) for r in results]})  # fmt: skip
    else:
        for r in results:
            if r.error is None:
                print(f"{r.path.name} ({r.ministry}): "
                      f"{count_de(len(r.submitted), 'Meldung', 'Meldungen')} abgegeben, "
                      f"davon {len(r.changed)} mit Änderungen"
                      + (f"; {count_de(len(r.kept), 'frühere Meldung', 'frühere Meldungen')} "
                         "unverändert belassen" if r.kept
                         else "") + ".")  # fmt: skip
            else:
                print(f"{r.path.name}: abgelehnt, nichts übernommen.")
    return EXIT_REFUSED if refused else EXIT_OK


def _as_dict(r) -> dict:
    from sa2030_desktop.domain.errors import ValidationError
    from sa2030_desktop.messages import format_error, format_issue

    out = {"file": str(r.path), "ministry": r.ministry, "collected": r.error is None,
           "submitted": r.submitted, "changed": r.changed, "kept": r.kept}  # fmt: skip
    if isinstance(r.error, ValidationError):
        out["errors"] = [format_issue(i) for i in r.error.issues]
    elif r.error is not None:
        out["errors"] = [format_error(r.error)]
    return out
