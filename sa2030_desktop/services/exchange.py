"""Import from and export to files, chosen by extension (JSON here; Excel/CSV join them)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.selection import Selection, export_slice
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.bundle import Bundle
from sa2030_desktop.services.importing import ImportPreview, apply_bundle, preview_bundle
from sa2030_desktop.services.json_format import read_json, write_json
from sa2030_desktop.services.portfolio import default_as_of

IMPORT_KINDS = ".json"
README_NAME = "LIESMICH.txt"  # written beside the CSV files of an export


def read_sources(sources: list[Path]) -> Bundle:
    """One Bundle from a JSON file (or, with the spreadsheet readers, a workbook or CSV files)."""
    if len(sources) == 1 and sources[0].is_dir():
        # the folder that `sa2030 export FILE OUT/` writes: its three CSV files
        found = sorted(p for p in sources[0].iterdir() if p.suffix.lower() == ".csv")
        if not found:
            raise DomainError("folder_without_csv", path=str(sources[0]))
        sources = found
    seen: set[Path] = set()
    for src in sources:
        if src.resolve() in seen:
            raise DomainError("source_twice", path=str(src))
        seen.add(src.resolve())
    if len(sources) > 1:  # `import FILE ordner/*`: the export's own LIESMICH.txt is no table
        sources = [s for s in sources if s.name != README_NAME] or sources
    for src in sources:
        if not src.exists():
            raise DomainError("file_missing", path=str(src))
        if src.is_dir():
            raise DomainError("source_is_directory", path=str(src))
        if not src.is_file():  # a device or FIFO: reading would block or never end
            raise DomainError("source_not_regular", path=str(src))
    if len(sources) == 1 and sources[0].suffix.lower() == ".json":
        return read_json(sources[0])
    reader = _spreadsheet_reader()
    if reader is not None:
        return reader(sources)
    ext = ", ".join(sorted({s.suffix or s.name for s in sources}))
    raise DomainError("unknown_extension", ext=ext, allowed=IMPORT_KINDS)


def _spreadsheet_reader():
    try:
        from sa2030_desktop.services.tabular import read_tabular
    except ImportError:
        return None
    return read_tabular


def import_sources(store: Store, sources: list[Path], dry_run: bool = False) -> ImportPreview:
    bundle = read_sources(sources)
    if dry_run:
        return preview_bundle(store, bundle)
    return apply_bundle(store, bundle)


def export_to(
    store: Store, target: Path, selection: Selection | None = None, as_of: date | None = None
) -> Path:
    portfolio = store.snapshot()
    if selection is not None and not selection.is_empty:
        day = default_as_of(portfolio, as_of)
        portfolio = export_slice(portfolio, set(selection.apply(portfolio, day)))
    suffix = target.suffix.lower()
    if suffix == ".json":
        return write_json(portfolio, target, _reporting(store, selection))
    try:
        from sa2030_desktop.services.tabular import write_tabular
    except ImportError:
        write_tabular = None
    if write_tabular is not None and (suffix in (".xlsx", ".ods", "") or target.is_dir()):
        return write_tabular(portfolio, target)
    raise DomainError(
        "unknown_extension",
        ext=suffix or target.name,
        allowed=".json, .xlsx, .ods oder ein Ordner für CSV",
    )


def _reporting(store: Store, selection: Selection | None) -> dict | None:
    """The rounds, reports and frozen states of the whole file (format version 2); not for a
    selection, nor for a frozen state read with --round."""
    if (selection is not None and not selection.is_empty) or not isinstance(store, Store):
        return None
    from sa2030_desktop.services.reporting.exchange import reporting_sections

    return reporting_sections(store)
