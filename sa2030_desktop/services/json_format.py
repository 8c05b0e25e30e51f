"""The JSON exchange format, version 1 (EXCHANGE.md): reading into a Bundle, writing a snapshot."""

from __future__ import annotations

import json
import math
from json import scanner
from pathlib import Path

from sa2030_desktop.domain import model as m
from sa2030_desktop.domain.dates import parse_date
from sa2030_desktop.domain.entities import KEY_FIELDS, SECTIONS, record_key
from sa2030_desktop.domain.errors import Issue, ValidationError
from sa2030_desktop.domain.tasks import checkpoint
from sa2030_desktop.domain.values import normalise_key, parse_priority
from sa2030_desktop.services.bundle import Bundle, Record, field_set
from sa2030_desktop.services.json_safe import load_json_text
from sa2030_desktop.services.json_writer import FORMAT, VERSION, portfolio_document, write_json


def read_json(path: Path) -> Bundle:
    """Read a JSON exchange file. Structural errors raise at once; field errors are collected."""
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ValidationError([Issue("file_is_directory", {"file": name})], name) from None
    except OSError as exc:
        raise ValidationError(
            [Issue("file_unreadable", {"file": name}, {"detail": str(exc)})], name
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            [Issue("not_utf8", {"file": name}, {"offset": exc.start})], name
        ) from None
    doc = load_json_text(text, name)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValidationError([Issue("not_exchange_file", {"file": name})], name)
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValidationError([Issue("missing_version", {"file": name})], name)
    if version > VERSION or version < 1:
        raise ValidationError(
            [
                Issue(
                    "unsupported_version",
                    {"file": name},
                    {"version": version, "supported": VERSION},
                )
            ],
            name,
        )
    if "goals" not in doc:
        raise ValidationError(
            [Issue("missing_section", {"file": name}, {"section": "goals"})], name
        )
    if not isinstance(doc["goals"], list):
        raise ValidationError([Issue("bad_section", {"file": name}, {"section": "goals"})], name)
    bundle = _bundle(doc, name)
    if version >= 2:
        from sa2030_desktop.services.reporting.exchange import read_part

        part = read_part(doc, name)
        if part is not None:
            bundle.extensions.append(part)
    cache: dict[tuple[str, int], int] = {}

    def locator(pos: object) -> int | None:
        if not cache:
            cache.update(_object_lines(text) or {("", -1): 0})
        return cache.get(pos)  # type: ignore[arg-type]

    bundle.locator = locator
    return bundle


# fields that name a record: compared as keys, so NFC without surrounding spaces
REFERENCES = frozenset({"key", "code", "goal", "theme", "lead", "category", "successor",
                        "dependent", "prerequisite", "prerequisite_milestone",
                        "dependent_milestone"})  # fmt: skip


class _Reader:
    """Field access that records every problem with its place instead of stopping."""

    def __init__(self, bundle: Bundle, place: dict) -> None:
        self.bundle = bundle
        self.place = place
        self.fields: set[str] = set()

    def error(self, code: str, **data: object) -> None:
        self.bundle.issues.append(Issue(code, dict(self.place), data))

    def text(self, obj: dict, name: str, attr: str | None = None, required: bool = False) -> str:
        if name not in obj or obj[name] is None:
            if required:
                self.error("missing_field", field=name)
            return ""
        self.fields.add(attr or name)
        value = obj[name]
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.error("bad_value", field=name, value=repr(value)[:80])
            return ""
        return normalise_key(value) if name in REFERENCES else value

    def date(self, obj: dict, name: str, attr: str | None = None):
        if name not in obj:
            return None
        self.fields.add(attr or name)
        try:
            return parse_date(obj[name])
        except (ValueError, TypeError):
            self.error("bad_date", field=name, value=str(obj[name])[:80])
            return None

    def choice(self, obj: dict, name: str, parse, default, code: str):
        """A code from a fixed list (status, kind); an empty value keeps `default`."""
        if obj.get(name) in (None, ""):
            return default
        self.fields.add(name)
        try:
            return parse(obj[name])
        except ValueError:
            self.error(code, field=name, value=str(obj[name])[:80])
            return default

    def number(self, obj: dict, name: str) -> float | None:
        if name not in obj or obj[name] in (None, ""):
            return None
        self.fields.add(name)
        value = obj[name]
        if isinstance(value, str):
            value = value.replace(".", "").replace(",", ".") if "," in value else value
        try:
            number = float(value)
            if not math.isfinite(number):  # NaN and infinity are no measured value
                raise ValueError(value)
            return number
        except (TypeError, ValueError):
            self.error("bad_number", field=name, value=str(obj[name])[:80])
            return None

    def codes(self, obj: dict, name: str) -> list[str]:
        if name not in obj or obj[name] is None:
            return []
        self.fields.add(name)
        value = obj[name]
        if isinstance(value, str):
            return [normalise_key(v) for v in value.split(",") if v.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [normalise_key(v) for v in value if v.strip()]
        self.error("bad_value", field=name, value=repr(value)[:80])
        return []


def _items(doc: dict, section: str, bundle: Bundle, name: str) -> list[tuple[int, dict, dict]]:
    items = doc.get(section)
    if items is None:
        return []
    if not isinstance(items, list):
        bundle.issues.append(Issue("bad_section", {"file": name}, {"section": section}))
        return []
    out = []
    for index, obj in enumerate(items):
        place = {
            "file": name,
            "section": section,
            "entity": SECTIONS[section],
            "index": index + 1,
            "_pos": (section, index),
        }
        if not isinstance(obj, dict):
            bundle.issues.append(Issue("bad_record", place))
            continue
        out.append((index, obj, place))
    return out


def _bundle(doc: dict, name: str) -> Bundle:
    bundle = Bundle(source=name)
    info = doc.get("portfolio")
    if isinstance(info, dict):
        r = _Reader(bundle, {"file": name, "section": "portfolio"})
        obj = m.PortfolioInfo(
            title=r.text(info, "title"),
            issuing_office=r.text(info, "issuing_office"),
            as_of=r.date(info, "as_of"),
            demo=bool(info.get("demo", False)),
        )
        if "demo" in info:
            r.fields.add("demo")
        bundle.info = Record(obj, r.place, field_set(r.fields))
    for section, entity in SECTIONS.items():
        key_fields = KEY_FIELDS[entity]
        for index, obj, place in _items(doc, section, bundle, name):
            checkpoint()  # Abbrechen is noticed within a record, not after the whole file
            r = _Reader(bundle, place)
            keys = [r.text(obj, f, required=True) for f in key_fields]
            place["key"] = record_key(entity, dict(zip(key_fields, keys, strict=True)))
            item = _READERS[entity](r, obj, index, *keys)
            getattr(bundle, section).append(
                Record(item, place, field_set(r.fields - set(key_fields)))
            )
    return bundle


def _sort(r: _Reader, obj: dict, index: int) -> int:
    """The order of a category or theme: a whole number (0 … 9999); else named, never a crash."""
    r.fields.add("sort")
    value = obj.get("sort", index)
    if value is None or value == "":
        return 0
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer() and abs(value) < 10_000:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10_000:
        r.error("bad_number", field="sort", value=str(value)[:40])
        return 0
    return value


def _category(r: _Reader, obj: dict, index: int, code: str) -> m.Category:
    return m.Category(code, r.text(obj, "name", required=True), _sort(r, obj, index))


def _theme(r: _Reader, obj: dict, index: int, code: str) -> m.Theme:
    return m.Theme(code, r.text(obj, "name", required=True), r.text(obj, "category", required=True),
                 _sort(r, obj, index))  # fmt: skip


def _ministry(r: _Reader, obj: dict, _index: int, code: str) -> m.Ministry:
    return m.Ministry(
        code,
        r.text(obj, "name", required=True),
        r.text(obj, "colour"),
        r.date(obj, "valid_from"),
        r.date(obj, "valid_until"),
        r.text(obj, "successor") or None,
    )


def _goal(r: _Reader, obj: dict, _index: int, key: str) -> m.Goal:
    status = r.choice(obj, "status", m.Status.parse, m.Status.NOT_STARTED, "bad_status")
    priority = 2
    if "priority" in obj and obj["priority"] is not None:
        r.fields.add("priority")
        try:
            priority = parse_priority(obj["priority"])
        except ValueError:
            r.error("bad_priority", field="priority", value=str(obj["priority"])[:40])
    return m.Goal(
        key=key,
        title=r.text(obj, "title", required=True),
        theme=r.text(obj, "theme", required=True),
        lead=r.text(obj, "lead", required=True),
        description=r.text(obj, "description"),
        partners=r.codes(obj, "partners"),
        status=status,
        status_reason=r.text(obj, "status_reason"),
        priority=priority,
        tags=r.codes(obj, "tags"),
    )


def _milestone(r: _Reader, obj: dict, _index: int, key: str) -> m.Milestone:
    ms = m.Milestone(
        key=key,
        goal=r.text(obj, "goal", required=True),
        title=r.text(obj, "title", required=True),
        baseline=r.date(obj, "baseline"),
        forecast=r.date(obj, "forecast"),
        actual=r.date(obj, "actual"),
        note=r.text(obj, "note"),
    )
    if ms.forecast is None and ms.baseline is not None:
        ms.forecast = ms.baseline  # missing or null: as planned, as an empty Prognose cell
        r.fields.add("forecast")
    return ms


def _dependency(r: _Reader, obj: dict, _index: int, dependent: str, prerequisite: str):
    return m.Dependency(
        dependent,
        prerequisite,
        r.choice(obj, "kind", m.DependencyKind.parse, m.DependencyKind.HARD, "bad_kind"),
        r.text(obj, "prerequisite_milestone") or None,
        r.text(obj, "dependent_milestone") or None,
        r.text(obj, "rationale"),
    )


def _indicator(r: _Reader, obj: dict, _index: int, goal_key: str, ind_name: str) -> m.Indicator:
    values = []
    for v in obj.get("values") or []:
        try:
            source = v.get("source") or ""
            if not isinstance(source, str):
                raise TypeError(source)
            day, value = parse_date(v["date"]), float(v["value"])
            if day is None or not math.isfinite(value):
                raise ValueError(v)
            values.append(m.IndicatorValue(day, value, source))
        except (KeyError, TypeError, ValueError, AttributeError):
            r.error("bad_value", field="values", value=str(v)[:80])
    if "values" in obj:
        r.fields.add("values")
    return m.Indicator(
        goal_key,
        ind_name,
        r.text(obj, "unit"),
        r.number(obj, "baseline"),
        r.date(obj, "baseline_date"),
        r.number(obj, "target"),
        r.date(obj, "target_date"),
        values,
    )


_READERS = {
    "category": _category,
    "theme": _theme,
    "ministry": _ministry,
    "goal": _goal,
    "milestone": _milestone,
    "dependency": _dependency,
    "indicator": _indicator,
}


def _object_lines(text: str) -> dict[tuple[str, int], int]:
    """Line numbers of the records of each section, found by a second, position-aware parse.

    Only run when there are errors, so normal imports use the fast C parser.
    """
    starts: list[int] = []
    decoder = json.JSONDecoder()
    original = decoder.parse_object

    def parse_object(s_and_end, *args, **kwargs):
        starts.append(s_and_end[1])
        return original(s_and_end, *args, **kwargs)

    decoder.parse_object = parse_object
    decoder.scan_once = scanner.py_make_scanner(decoder)
    try:
        doc = decoder.decode(text)
    except (ValueError, RecursionError):
        return {}
    order: list[tuple[str, int] | None] = []  # one entry per object, in document order

    def walk(value: object, label: tuple[str, int] | None) -> None:
        if isinstance(value, dict):
            order.append(label)
            for inner in value.values():
                walk(inner, None)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, None)

    order.append(None)  # the root object
    for key, value in doc.items():
        if key in SECTIONS and isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (key, i))
        else:
            walk(value, None)
    lines: dict[tuple[str, int], int] = {}
    for label, pos in zip(order, starts, strict=False):
        if label is not None:
            lines[label] = text.count("\n", 0, pos) + 1
    return lines


__all__ = ["FORMAT", "VERSION", "read_json", "portfolio_document", "write_json"]
