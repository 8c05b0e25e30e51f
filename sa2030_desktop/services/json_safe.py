"""Parsing an exchange file's text safely: duplicate object keys refused with their line,
nesting bounded (no RecursionError), syntax errors in German."""

from __future__ import annotations

import json
from json import scanner

from sa2030_desktop.domain.errors import Issue, ValidationError

MAX_DEPTH = 64  # the exchange format nests 4 levels; deeper is no exchange file


def load_json_text(text: str, name: str) -> object:
    """Parse with the C decoder; a duplicate object key, a nesting deeper than MAX_DEPTH or a
    syntax error is refused with its line (duplicates found by a second, position-aware parse)."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, object]]) -> dict:
        out = dict(items)
        if len(out) != len(items):
            seen: set[str] = set()
            duplicates.extend(k for k, _ in items if k in seen or seen.add(k))
        return out

    if _depth_exceeds(text, MAX_DEPTH):
        raise ValidationError([Issue("json_too_deep", {"file": name}, {"limit": MAX_DEPTH})], name)
    try:
        doc = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            [
                Issue(
                    "bad_json",
                    {"file": name, "line": exc.lineno, "column": exc.colno},
                    {"detail": _german_json_error(exc.msg)},
                )
            ],
            name,
        ) from None
    except RecursionError:
        raise ValidationError(
            [Issue("json_too_deep", {"file": name}, {"limit": MAX_DEPTH})], name
        ) from None
    if duplicates:
        raise ValidationError(_duplicate_places(text, name), name)
    return doc


def _depth_exceeds(text: str, limit: int) -> bool:
    """Brackets outside strings nested deeper than `limit` (linear, before any parsing)."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _duplicate_places(text: str, name: str) -> list[Issue]:
    """Each duplicate object key with the line of the object that holds it twice."""
    starts: list[int] = []
    issues: list[Issue] = []

    def pairs(items: list[tuple[str, object]]) -> dict:
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                line = text.count("\n", 0, starts[-1]) + 1 if starts else 1
                issues.append(
                    Issue("duplicate_json_key", {"file": name, "line": line}, {"value": key})
                )
            seen.add(key)
        return dict(items)

    decoder = json.JSONDecoder(object_pairs_hook=pairs)
    original = decoder.parse_object

    def parse_object(s_and_end, *args, **kwargs):
        starts.append(s_and_end[1])
        try:
            return original(s_and_end, *args, **kwargs)
        finally:
            starts.pop()

    decoder.parse_object = parse_object
    decoder.scan_once = scanner.py_make_scanner(decoder)
    decoder.decode(text)
    return issues or [Issue("duplicate_json_key", {"file": name}, {"value": "?"})]


_JSON_ERRORS = {
    "Expecting ',' delimiter": "ein Komma fehlt",
    "Expecting ':' delimiter": "ein Doppelpunkt fehlt",
    "Expecting value": "ein Wert fehlt",
    "Expecting property name enclosed in double quotes": "ein Feldname in doppelten Anführungszeichen fehlt",
    "Unterminated string starting at": "eine Zeichenkette ist nicht abgeschlossen",
    "Extra data": "nach dem Ende des Dokuments folgt noch Text",
    "Invalid control character at": "ein Steuerzeichen steht in einer Zeichenkette",
    "Invalid \\escape": "eine ungültige Escape-Sequenz",
}


def _german_json_error(message: str) -> str:
    for english, german in _JSON_ERRORS.items():
        if message.startswith(english):
            return german
    return message
