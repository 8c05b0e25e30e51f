"""Briefings: check the request, build the Word document, write it atomically – as .docx, or
converted by LibreOffice to PDF/A-2b (.pdf) or OpenDocument (.odt); the file name decides."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sa2030_desktop.domain.briefing_kinds import ROUND_KINDS, SESSION_KINDS
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.grammar import goals_dative as goals_dative
from sa2030_desktop.domain.grammar import goals_de as goals_de
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.domain.tasks import CancelToken, Progress, no_progress
from sa2030_desktop.export.atomic import atomic_target, check_target
from sa2030_desktop.export.briefing import KIND_TITLES as KIND_TITLES
from sa2030_desktop.export.briefing import KINDS, BriefingOptions, build_document
from sa2030_desktop.export.briefing.sanitize import shortened_line as shortened_line
from sa2030_desktop.export.office import require_soffice, write_converted
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.portfolio import default_as_of
from sa2030_desktop.services.reporting.frozen import FrozenStore

# KIND_TITLES, goals_dative, goals_de and shortened_line are imported above for the GUI and
# the CLI, which reach the export layer only through services.
SUFFIXES = (".docx", ".odt", ".pdf")
CONVERTING = {".pdf": "In PDF/A umwandeln (LibreOffice)",
              ".odt": "In OpenDocument umwandeln (LibreOffice)"}  # fmt: skip


@dataclass(slots=True)
class BriefingResult:
    path: Path
    kind: str
    goals: int
    as_of: date
    sanitized: list[str] = field(default_factory=list)  # what was repaired for Word, in German
    shortened: int = 0  # long texts shortened for the layout (no repair: reported in one line)
    classified: bool = False
    round: str = ""  # the closed round whose frozen state was read (`--round`), else ""


# A briefing is read in a meeting: beyond this many goals it is refused with a hint to narrow
# the selection (20,000 goals took 111 s and 1.7 GB for an unreadable document).
MAX_BRIEFING_GOALS = 2000


def check_request(portfolio: Portfolio, target: Path, kind: str, selection: Selection,
                  as_of: date, options: BriefingOptions | None = None) -> list[str]:  # fmt: skip
    """The selected goal keys; raises DomainError for everything that would fail later."""
    if kind not in KINDS:
        raise DomainError("unknown_briefing_kind", value=kind, allowed=", ".join(KINDS))
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError("unknown_extension", ext=target.suffix or target.name,
                          allowed=", ".join(SUFFIXES))  # fmt: skip
    check_target(target)  # the one output path's refusals, before the work starts
    if word_lock_file(target) is not None:
        raise DomainError("target_open_in_word", path=str(target))
    keys = check_selection(portfolio, kind, selection, as_of, options or BriefingOptions())
    if suffix != ".docx":
        require_soffice()
    return keys


def check_selection(portfolio: Portfolio, kind: str, selection: Selection, as_of: date,
                    options: BriefingOptions) -> list[str]:  # fmt: skip
    """The selected goal keys (of a round: those it asked about); refuses unknown codes, an
    empty selection, a Vermerk on more than one goal, an Umsetzungsbericht without a closed
    round and a public variant marked VS-NfD."""
    if kind in ROUND_KINDS and options.round is None:
        raise DomainError("briefing_needs_round", kind=KIND_TITLES[kind])
    if kind in SESSION_KINDS:  # the session's decisions choose the goals (none is possible)
        if options.session_since is None:
            raise DomainError("briefing_needs_session", kind=KIND_TITLES[kind])
        if options.public:
            raise DomainError("public_briefing_kind", kind=KIND_TITLES[kind])
        since, until = options.session_since, options.session_until
        if until is not None and until.astimezone() < since.astimezone():
            raise DomainError("session_ends_before_start", since=f"{since.astimezone():%d.%m.%Y %H:%M}",
                              until=f"{until.astimezone():%d.%m.%Y %H:%M}")  # fmt: skip
        return []
    if options.public and options.classified:
        raise DomainError("public_briefing_classified")
    selection.check_codes(portfolio)
    keys = selection.apply(portfolio, as_of)
    if options.round is not None:
        keys = [k for k in keys if k in options.round.frozen.reports]
    if not keys:
        raise DomainError("empty_selection")
    if kind == "vermerk" and len(keys) != 1:
        raise DomainError("vermerk_needs_one_goal", count=len(keys))
    if len(keys) > MAX_BRIEFING_GOALS:  # hundreds of pages nobody reads, minutes and GBs
        raise DomainError("briefing_too_large", count=len(keys), limit=MAX_BRIEFING_GOALS)
    return keys


def word_lock_file(target: Path) -> Path | None:
    """Word's owner file „~$name.docx“ beside an open document (first two letters replaced
    when the name is long), or None."""
    name = target.name
    for candidate in ("~$" + name, "~$" + name[2:]):
        path = target.with_name(candidate)
        if len(candidate) > 2 and path.is_file():
            return path
    return None


def export_briefing(
    store: Store,
    target: str | Path,
    kind: str,
    selection: Selection | None = None,
    as_of: date | None = None,
    options: BriefingOptions | None = None,
    progress: Progress | None = None,
    token: CancelToken | None = None,
) -> BriefingResult:
    """Write the briefing `kind` for the selected goals to `target` (.docx, .odt or .pdf).

    Refuses with a DomainError (and writes nothing) for an unknown kind, an unknown code or goal
    key, an empty selection, a template that is not a Word file, a target that cannot be
    written or is open in Word, and for .pdf/.odt a missing or hanging LibreOffice. Texts Word
    cannot store are cleaned; the result lists them. The change-log rows for „Änderungen seit“
    are read here. On a FrozenStore (`--round KEY`) every kind reads the round's frozen state at
    its as-of date (another `as_of` is refused) – the same round, the same text – and the
    Umsetzungsbericht gets the round's reports and the comparison with the previous round.
    """
    if isinstance(store, FrozenStore):
        frozen = store.frozen
        if as_of is not None and as_of != frozen.as_of:
            raise DomainError("briefing_round_as_of", key=frozen.round.key,
                              value=de_short(as_of), as_of=de_short(frozen.as_of))  # fmt: skip
        if (options is not None and options.changes_since) or kind in SESSION_KINDS:
            # a frozen state keeps no change log
            raise DomainError("briefing_round_changes", key=frozen.round.key)
        if kind in ROUND_KINDS:
            from sa2030_desktop.services.umsetzungsbericht import round_source

            source = round_source(store.store, frozen.round.key, frozen)
            options = replace(options or BriefingOptions(), round=source)
    portfolio = store.snapshot()
    result = write_briefing(portfolio, target, kind, selection, as_of, options, progress, token,
                            changes_of=store.changes)  # fmt: skip
    if isinstance(store, FrozenStore):
        result.round = store.frozen.round.key
    return result


def write_briefing(
    portfolio: Portfolio,
    target: str | Path,
    kind: str,
    selection: Selection | None = None,
    as_of: date | None = None,
    options: BriefingOptions | None = None,
    progress: Progress | None = None,
    token: CancelToken | None = None,
    changes_of=None,
) -> BriefingResult:
    """`export_briefing` on a snapshot (plain data: safe in a worker thread). The change-log
    rows for „Änderungen seit“ come in `options.changes` (or are read with `changes_of`). A
    cancelled `token` is noticed at the next section (Cancelled); the file appears only at the
    very end, so nothing is written."""
    target = Path(target)
    selection = selection or Selection()
    options = options or BriefingOptions()
    if changes_of is not None and options.changes_since and not options.changes:
        options = replace(options, changes=changes_of(since=options.changes_since.isoformat()))
    if changes_of is not None and kind in SESSION_KINDS and options.session_since \
            and not options.changes:  # fmt: skip
        from sa2030_desktop.services.workshop import MAX_SESSION_ROWS, utc_text, within

        rows = changes_of(since=utc_text(options.session_since), limit=MAX_SESSION_ROWS)
        until = options.session_until
        options = replace(options, changes=rows if until is None else within(rows, until))
    day = default_as_of(portfolio, as_of)
    keys = check_request(portfolio, target, kind, selection, day, options)
    report = progress or no_progress

    def step(fraction: float, text: str) -> None:
        if token is not None:
            token.check()
        report(fraction, text)

    suffix = target.suffix.lower()
    share = 1.0 if suffix == ".docx" else 0.7  # LibreOffice takes the rest of the bar
    step(0.05 * share, "Daten aufbereiten")
    briefing = build_document(kind, portfolio, selection, day, options,
                              lambda f, text: step(f * share, text))  # fmt: skip
    if suffix == ".docx":
        step(0.95, "Datei schreiben")
        with atomic_target(target) as tmp:
            briefing.doc.save(str(tmp))
    else:
        step(0.7, CONVERTING[suffix])
        write_converted(target, lambda path: briefing.doc.save(str(path)),
                        lambda: step(0.85, CONVERTING[suffix]))  # fmt: skip
    report(1.0, "Fertig")  # written: from here on the work is done, not cancelled
    return BriefingResult(
        path=target,
        kind=kind,
        goals=len(briefing.ctx.keys) if kind in SESSION_KINDS else len(keys),
        as_of=day,
        sanitized=briefing.ctx.report.lines(),
        shortened=briefing.ctx.report.shortened,
        classified=options.classified,
        round=options.round.frozen.round.key if options.round else "",
    )


def refusal(portfolio: Portfolio, kind: str, selection: Selection, as_of: date | None,
            options: BriefingOptions | None = None) -> DomainError | None:  # fmt: skip
    """Why this selection cannot give a briefing of `kind`, or None – for the dialog, which
    refuses before starting a worker (the export itself checks the same in check_request)."""
    try:
        check_selection(portfolio, kind, selection, default_as_of(portfolio, as_of),
                        options or BriefingOptions())  # fmt: skip
    except DomainError as exc:
        return exc
    return None


SECTIONS = {
    "status": ["Zusammenfassung mit Umsetzungsstand", "Umsetzungsstand nach Ressort",
               "Ziele nach Status", "Meilensteine mit Verzug", "Terminkonflikte",
               "Abhängigkeiten (Abbildung)", "Zeitplan (Abbildung)",
               "Anlage: Ziele und Abhängigkeiten"],
    "sprechzettel": ["Anlass und Termin", "Gesprächsziel", "Sprechpunkte (aktiv)",
                     "Reaktive Sprechpunkte", "Hintergrund mit Statustabelle"],
    "vermerk": ["Kopf (Stelle, Geschäftszeichen, Datum, Bearbeitung)", "Betreff",
                "1. Sachverhalt (aus den Daten)", "2. Bewertung (Platzhalter)",
                "3. Vorschlag (Platzhalter)", "Verteiler"],
    "kabinettsvorlage": ["Betreff", "I. Beschlussvorschlag", "II. Begründung mit "
                         "Umsetzungsstand je Kategorie und Ressort", "III. Beteiligung der Ressorts",
                         "IV. Strittige Punkte (Terminkonflikte)", "V. Anlagen"],
    "umsetzungsbericht": ["Zusammenfassung mit Meldequote", "Veränderungen seit der vorigen "
                          "Berichtsrunde", "Umsetzungsstand nach Zielkategorie und Themenfeld "
                          "mit den Sachständen der Ressorts", "Indikatoren (Abbildungen)",
                          "Fehlende Meldungen"],
}  # fmt: skip


def summary(portfolio: Portfolio, kind: str, selection: Selection, as_of: date | None,
            options: BriefingOptions) -> list[str]:  # fmt: skip
    """What the briefing will contain, in German lines – shown before the export starts."""
    from sa2030_desktop.domain.conflicts import conflicts
    from sa2030_desktop.domain.dates import de_long
    from sa2030_desktop.domain.grammar import conflicts_de, goals_de, milestones_de
    from sa2030_desktop.domain.rules import is_slipped
    from sa2030_desktop.export.briefing.context import (
        CLASSIFICATION,
        DEMO_NOTE,
        KIND_TITLES,
        describe_scope,
    )

    if kind in ROUND_KINDS and options.round is None:
        return [f"Ein {KIND_TITLES.get(kind, kind)} entsteht aus einer abgeschlossenen "
                "Berichtsrunde – bitte im Feld „Berichtsrunde“ eine wählen."]  # fmt: skip
    day = default_as_of(portfolio, as_of)
    keys = selection.apply(portfolio, day)
    if options.round is not None:
        keys = [k for k in keys if k in options.round.frozen.reports]
    if not keys:
        return ["Die Auswahl enthält keine Ziele – so kann kein Briefing entstehen."]
    chosen = set(keys)
    slipped = sum(1 for m in portfolio.milestones.values() if m.goal in chosen and is_slipped(m))
    found = sum(
        1 for c in conflicts(portfolio) if c.dependent in chosen or c.prerequisite in chosen
    )
    sections = list(SECTIONS.get(kind, []))
    if kind in ROUND_KINDS and not options.public:
        sections.append("Interne Anmerkungen (nicht zur Veröffentlichung)")
    if kind == "status" and options.changes_since:
        sections.insert(5, f"Änderungen seit dem {de_long(options.changes_since)}")
    lines = [
        f"{KIND_TITLES.get(kind, kind)}: {goals_de(len(keys))} – "
        f"{describe_scope(portfolio, selection)}, Stichtag {de_long(day)}",
        f"{milestones_de(slipped)} mit Verzug, {conflicts_de(found)}",
        "Abschnitte: " + "; ".join(sections),
        f"Einstufung: {CLASSIFICATION} auf jeder Seite" if options.classified
        else "Einstufung: keine (ohne VS-Kennzeichnung)",
    ]  # fmt: skip
    if portfolio.info.demo:
        lines.append(f"Kennzeichnung „{DEMO_NOTE}“ auf jeder Seite")
    if options.round is not None:
        rnd, before = options.round.frozen.round, options.round.previous
        lines.insert(1, f"Berichtsrunde {rnd.key} „{rnd.title}“ (eingefrorener Stand); "
                     + (f"Vergleich mit der Berichtsrunde {before.round.key}" if before
                        else "keine vorige Berichtsrunde, daher ohne Vergleich"))  # fmt: skip
    if options.public:
        lines.append("Öffentliche Fassung: ohne Prüfkommentare, interne Anmerkungen und Namen")
    if kind == "vermerk" and len(keys) != 1:
        return [f"Ein Vermerk behandelt genau ein Ziel – bitte im Feld „Ziel“ eines wählen "
                f"(die Auswahl enthält {goals_de(len(keys))})."]  # fmt: skip
    return lines
