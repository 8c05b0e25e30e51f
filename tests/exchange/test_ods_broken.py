"""Broken or hostile `.ods` files through `sa2030 import`: a German message naming the file,
exit status 1, the portfolio unchanged — and no parser ever expands a bomb or an entity."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest

from sa2030_desktop.persistence.store import Store
from tests.support.ods import rewrite, write_sample_ods

ROW = (
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Z1</text:p>'
    "</table:table-cell>"
)


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "sa2030_desktop.cli.main", *map(str, args)],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def _content(path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("content.xml")


def _bad(kind: str, tmp_path):
    good = write_sample_ods(tmp_path / "gut.ods")
    path = tmp_path / "liste.ods"
    content = _content(good)
    if kind == "encrypted":
        # what LibreOffice writes for a password: the manifest names the cipher, content is noise
        manifest = (
            b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            b'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
            b'"content.xml" manifest:media-type="text/xml" manifest:size="9000">'
            b'<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:'
            b'xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm '
            b'manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
            b'manifest:initialisation-vector="AAAA"/></manifest:encryption-data>'
            b"</manifest:file-entry></manifest:manifest>"
        )
        rewrite(good, path, {"META-INF/manifest.xml": manifest, "content.xml": bytes(range(256))})
        return path, "mit einem Kennwort geschützt"
    if kind == "damaged":
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        return path, "keine OpenDocument-Tabelle"
    if kind == "damaged_member":
        rewrite(good, path, {"content.xml": content[: len(content) // 2]})
        return path, "kann nicht gelesen werden"
    if kind == "other_zip":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("bericht.txt", "kein Tabellendokument")
        return path, "keine OpenDocument-Tabelle (.ods)"
    if kind == "odt":
        rewrite(good, path, {"mimetype": b"application/vnd.oasis.opendocument.text"})
        return path, "„application/vnd.oasis.opendocument.text“"
    if kind == "zip_bomb":
        with zipfile.ZipFile(shutil.copy(good, path), "a", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("Pictures/leer.bin", b"\0" * (300 * 1024 * 1024))
        assert path.stat().st_size < 2 * 1024 * 1024
        return path, "unverhältnismäßig groß"
    if kind == "repeated_rows":
        # one row with a value, repeated a billion times: counted, refused, never expanded
        bomb = ROW.replace("<table:table-row>", '<table:table-row table:number-rows-repeated'
                           '="1000000000">') + "</table:table-row>"  # fmt: skip
        rewrite(good, path, {"content.xml": _after_header(content, bomb)})
        return path, "über 200000 Zeilen"
    if kind == "repeated_columns":
        bomb = (
            ROW + '<table:table-cell office:value-type="string" table:number-columns-'
            'repeated="1000000000"><text:p>x</text:p></table:table-cell></table:table-row>'
        )
        rewrite(good, path, {"content.xml": _after_header(content, bomb)})
        return path, "über 1000 Spalten"
    if kind == "repeated_cells":
        # 1,000 columns × 5,000 rows: each limit kept, together too many cells to hold
        cells = ('<table:table-cell office:value-type="string" table:number-columns-repeated='
                 '"999"><text:p>x</text:p></table:table-cell>')  # fmt: skip
        bomb = ROW.replace("<table:table-row>", '<table:table-row table:number-rows-repeated'
                           '="5000">') + cells + "</table:table-row>"  # fmt: skip
        rewrite(good, path, {"content.xml": _after_header(content, bomb)})
        return path, "unverhältnismäßig groß"
    if kind == "entities":
        dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        end = content.index(b"?>") + 2
        rewrite(good, path, {"content.xml": content[:end] + dtd + content[end:]})
        return path, "enthält XML-Entitäten oder eine DTD"
    if kind == "formula_without_value":
        cell = ('<table:table-cell table:formula="of:=1+1"/>'
                '<table:table-cell office:value-type="string"><text:p>Z9</text:p>')  # fmt: skip
        rewrite(good, path, {"content.xml": _after_header(content, f"<table:table-row>{cell}"
                                                          "</table:table-cell></table:table-row>")})  # fmt: skip
        return path, "Formel ohne gespeicherten Wert"
    raise AssertionError(kind)


def _after_header(content: bytes, row: str) -> bytes:
    """content.xml with `row` inserted after the header row of the first sheet (Ziele)."""
    end = content.index(b"</table:table-row>") + len(b"</table:table-row>")
    return content[:end] + row.encode() + content[end:]


@pytest.mark.parametrize(
    "kind",
    ["encrypted", "damaged", "damaged_member", "other_zip", "odt", "zip_bomb", "repeated_rows",
     "repeated_columns", "repeated_cells", "entities", "formula_without_value"],
)  # fmt: skip
def test_bad_ods_is_refused_in_german_and_nothing_is_written(base_file, tmp_path, kind):
    target = tmp_path / "p.sa2030"
    shutil.copy(base_file, target)
    before = _state(target)
    path, expect = _bad(kind, tmp_path)
    run = _cli("import", target, path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert expect in run.stderr and path.name in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    assert _state(target) == before


def _state(target):
    store = Store.open(target)
    try:
        return store.snapshot(), len(store.changes())
    finally:
        store.close()


def test_formula_with_cached_value_is_read_as_that_value(base_file, tmp_path):
    good = write_sample_ods(tmp_path / "gut.ods")
    content = _content(good)
    # Z1's title as a formula whose cached text Calc stored: the text is imported, not the formula
    old = "<text:p>Bürgerportal „Mein Sachsen-Anhalt“ ausbauen</text:p>".encode()
    assert old in content
    content = content.replace(
        b'<table:table-cell office:value-type="string">' + old,
        b'<table:table-cell table:formula="of:=WEBSERVICE(&quot;http://x&quot;)" '
        b'office:value-type="string">' + old,
    )
    path = rewrite(good, tmp_path / "formel.ods", {"content.xml": content})
    target = tmp_path / "p.sa2030"
    shutil.copy(base_file, target)
    run = _cli("import", target, path)
    assert run.returncode == 0, run.stderr
    store = Store.open(target)
    try:
        assert store.snapshot().goals["Z1"].title == "Bürgerportal „Mein Sachsen-Anhalt“ ausbauen"
    finally:
        store.close()


def test_calc_style_empty_repeats_are_read_quickly(fresh, tmp_path):
    """Calc writes the empty rest of a sheet as one row repeated ~a million times with 16,000
    empty cells: skipped without expanding."""
    from sa2030_desktop.services.exchange import import_sources
    from tests.support.exchange import assert_sample_imported

    good = write_sample_ods(tmp_path / "gut.ods")
    tail = ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
            'table:number-columns-repeated="16384"/></table:table-row>')  # fmt: skip
    content = _content(good).replace(b"</table:table>", tail.encode() + b"</table:table>")
    path = rewrite(good, tmp_path / "calc.ods", {"content.xml": content})
    store = fresh()
    import_sources(store, [path])
    assert_sample_imported(store)
