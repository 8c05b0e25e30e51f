"""The tables of the Excel/CSV template (EXCHANGE.md, REPORTING.md): columns, header names,
recognition.

Headers are compared case-insensitively after folding umlauts and separators, so „Ziel-ID“,
„ZIEL_ID“ and „ziel id“ are the same column; English equivalents are accepted too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sa2030_desktop.domain.entities import ENTITIES

# A table is named like the entity's JSON section; sheet and CSV names are the registry's.
# The measured values of the indicators are no entity of their own: their table `Messwerte`
# carries the `values` of the indicators, one row per value (REPORTING.md, Exchange).
GOALS, MILESTONES, DEPENDENCIES = "goals", "milestones", "dependencies"
INDICATORS, VALUES = "indicators", "values"
TABLES = (*(e.section for e in ENTITIES if e.sheet), VALUES)
SHEET_NAMES = {**{e.section: e.sheet for e in ENTITIES if e.sheet}, VALUES: "Messwerte"}
CSV_NAMES = {**{e.section: e.csv_name for e in ENTITIES if e.sheet}, VALUES: "messwerte.csv"}
ENTITY_OF = {**{e.section: e.name for e in ENTITIES if e.sheet}, VALUES: "indicator"}


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # canonical German header, as the template writes it
    attr: str | None  # attribute of the domain object (None: checked/informational only)
    required: bool
    aliases: tuple[str, ...]  # further accepted spellings (English first)
    help: str  # explanation for the template's explanation sheet


COLUMNS: dict[str, tuple[Column, ...]] = {
    GOALS: (
        Column(
            "ziel_id",
            "key",
            True,
            ("goal_id", "key", "ziel", "goal"),
            "Eindeutiger Schlüssel des Ziels, z. B. Z17.",
        ),
        Column(
            "kategorie",
            None,
            False,
            ("category", "zielkategorie", "category_id"),
            "Zielkategorie (Kürzel, z. B. VV). Muss zur Kategorie des Themenfelds passen.",
        ),
        Column(
            "themenfeld_id",
            "theme",
            True,
            ("theme_id", "theme", "themenfeld_code"),
            "Kürzel des Themenfelds, z. B. TF09.",
        ),
        Column(
            "themenfeld",
            None,
            False,
            ("theme_name", "themenfeld_name"),
            "Name des Themenfelds (nur zur Information, wird beim Einlesen nicht verwendet).",
        ),
        Column("titel", "title", True, ("title",), "Titel des Ziels."),
        Column(
            "federfuehrung",
            "lead",
            True,
            ("lead", "lead_ministry", "ressort"),
            "Kürzel des federführenden Ressorts, z. B. MID.",
        ),
        Column(
            "beteiligt",
            "partners",
            False,
            ("partners", "involved", "beteiligung"),
            "Beteiligte Ressorts, durch Komma getrennt, z. B. „MI, MF“ (nie das federführende).",
        ),
        Column(
            "status",
            "status",
            False,
            ("ampel",),
            "nicht begonnen, im Plan, verzögert, gefährdet oder abgeschlossen (oder der Code).",
        ),
        Column("beschreibung", "description", False, ("description",), "Beschreibung (optional)."),
        Column(
            "status_begruendung",
            "status_reason",
            False,
            ("status_reason", "begruendung_status"),
            "Begründung des Status (optional).",
        ),
        Column("prioritaet", "priority", False, ("priority",), "Priorität 1–3 (optional)."),
        Column(
            "schlagworte", "tags", False, ("tags",), "Schlagworte, durch Komma getrennt (optional)."
        ),
    ),
    MILESTONES: (
        Column(
            "meilenstein_id",
            "key",
            True,
            ("milestone_id", "key", "meilenstein", "milestone"),
            "Eindeutiger Schlüssel des Meilensteins, z. B. Z17-M2.",
        ),
        Column("ziel_id", "goal", True, ("goal_id", "goal", "ziel"), "Schlüssel des Ziels."),
        Column("titel", "title", True, ("title",), "Titel des Meilensteins."),
        Column(
            "basistermin",
            "baseline",
            True,
            ("baseline", "basis"),
            "Basistermin als 31.03.2026 oder 2026-03-31.",
        ),
        Column("prognose", "forecast", False, ("forecast",), "Prognose (leer: wie Basistermin)."),
        Column("ist", "actual", False, ("actual", "ist_termin"), "Ist-Datum; leer, solange offen."),
        Column("bemerkung", "note", False, ("note", "notiz"), "Bemerkung (optional)."),
    ),
    DEPENDENCIES: (
        Column(
            "abhaengig",
            "dependent",
            True,
            ("dependent", "wartendes_ziel"),
            "Schlüssel des Ziels, das ein anderes benötigt.",
        ),
        Column(
            "benoetigt",
            "prerequisite",
            True,
            ("prerequisite", "benoetigtes_ziel", "needs"),
            "Schlüssel des Ziels, das benötigt wird.",
        ),
        Column("art", "kind", False, ("kind", "typ"), "hart oder weich (leer: hart)."),
        Column(
            "benoetigter_meilenstein",
            "prerequisite_milestone",
            False,
            ("prerequisite_milestone",),
            "Meilenstein des benötigten Ziels, auf den gewartet wird (optional).",
        ),
        Column(
            "begruendung", "rationale", False, ("rationale", "reason"), "Begründung (optional)."
        ),
        Column(
            "wartender_meilenstein",
            "dependent_milestone",
            False,
            ("dependent_milestone",),
            "Meilenstein des abhängigen Ziels, der wartet (optional).",
        ),
    ),
    INDICATORS: (
        Column("ziel_id", "goal", True, ("goal_id", "goal", "ziel"), "Schlüssel des Ziels."),
        Column(
            "indikator",
            "name",
            True,
            ("indicator", "indikator_name"),
            "Name des Indikators (je Ziel eindeutig).",
        ),
        Column("einheit", "unit", False, ("unit",), "Einheit, z. B. %, Anzahl, Tage."),
        Column(
            "basiswert",
            "baseline",
            False,
            ("baseline_value", "ausgangswert"),
            "Ausgangswert (Zahl; Dezimalkomma oder -punkt).",
        ),
        Column(
            "basisdatum", "baseline_date", False, ("baseline_date",), "Datum des Ausgangswerts."
        ),
        Column("zielwert", "target", False, ("target_value", "target"), "Zielwert (Zahl)."),
        Column(
            "zieldatum",
            "target_date",
            False,
            ("target_date",),
            "Datum, zu dem der Zielwert erreicht sein soll (nach dem Basisdatum).",
        ),
    ),
    VALUES: (
        Column("ziel_id", "goal", True, ("goal_id", "goal", "ziel"), "Schlüssel des Ziels."),
        Column("indikator", "name", True, ("indicator",), "Name des Indikators."),
        Column("datum", "date", True, ("date", "messdatum"), "Datum der Messung."),
        Column("wert", "value", True, ("value", "messwert"), "Gemessener Wert (Zahl)."),
        Column("quelle", "source", False, ("source",), "Quelle des Werts (optional)."),
    ),
}

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "-": "_", " ": "_", ".": "_"})


def normalise(header: object) -> str:
    """„Ziel-ID “ → ziel_id; „Federführung“ → federfuehrung."""
    text = "" if header is None else str(header)
    text = text.replace("\ufeff", "").strip().lower().translate(_FOLD)
    while "__" in text:
        text = text.replace("__", "_")
    return text.strip("_")


def lookup(table: str) -> dict[str, Column]:
    """Every accepted (normalised) header of a table → its column."""
    out: dict[str, Column] = {}
    for col in COLUMNS[table]:
        for name in (col.name, *col.aliases):
            out.setdefault(normalise(name), col)
    return out


_LOOKUP = {t: lookup(t) for t in TABLES}


def recognise(headers: list[str]) -> str | None:
    """Which table a header row belongs to (CSV files are recognised by content, not name)."""
    names = {normalise(h) for h in headers}
    if names & {"indikator", "indicator"}:  # before Meilensteine: both know a „baseline“
        return VALUES if names & {"wert", "value", "messwert"} else INDICATORS
    if names & {"meilenstein_id", "milestone_id", "basistermin", "baseline"}:
        return MILESTONES
    if names & {"abhaengig", "dependent"} or names & {"benoetigt", "prerequisite"}:
        return DEPENDENCIES
    if names & {"ziel_id", "goal_id"} and names & {
        "federfuehrung",
        "lead",
        "themenfeld_id",
        "theme_id",
        "titel",
        "title",
    }:
        return GOALS
    return None


def sheet_table(name: str) -> str | None:
    norm = normalise(name)
    for table, aliases in (
        (GOALS, ("ziele", "goals")),
        (MILESTONES, ("meilensteine", "milestones")),
        (DEPENDENCIES, ("abhaengigkeiten", "dependencies")),
        (INDICATORS, ("indikatoren", "indicators")),
        (VALUES, ("messwerte", "values", "measurements")),
    ):
        if norm in aliases:
            return table
    return None


def map_headers(table: str, headers: list[str], mapping: dict[str, str] | None = None):
    """(column per position or None, unknown headers with their positions).

    `mapping` (from the import wizard) maps an unknown header to a canonical column name.
    """
    known = _LOOKUP[table]
    extra = {normalise(k): normalise(v) for k, v in (mapping or {}).items()}
    columns: list[Column | None] = []
    unknown: list[tuple[int, str]] = []
    seen: set[str] = set()
    for pos, header in enumerate(headers):
        norm = normalise(header)
        col = known.get(norm) or known.get(extra.get(norm, "\0"))
        if col is None or col.name in seen:
            columns.append(None)
            if norm:
                unknown.append((pos, str(header)))
            continue
        seen.add(col.name)
        columns.append(col)
    return columns, unknown


def canonical_names(table: str) -> list[str]:
    return [c.name for c in COLUMNS[table]]
