"""The values the model can hold, checked once at the boundary of the core (README, „Grenzen“).

JSON, Excel/CSV/OpenDocument, merge, packages, the command line and the window all reach
these rules: through `domain.validate.validate` (imports, merge, check) and the preconditions
of the operations (edits). Each function returns the problem as (code, data) or None; the
German words live in `messages`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

KEY_MAX = 40  # characters of a goal, milestone, theme or category key
# characters of a text; JSON, CSV, OpenDocument and Word carry it, an Excel cell only 32,767 –
# an .xlsx export of a longer text is refused by name (never cut), the others keep it
TEXT_MAX = 100_000
DATE_MIN, DATE_MAX = date(1990, 1, 1), date(2100, 12, 31)
NUMBER_MAX = 1e15  # |value| of an indicator number: 15 significant digits survive Excel
PRIORITIES = (1, 2, 3)

# letters and digits of any script, and - _ . / : + # and inner spaces; never `>` (the
# dependency separator A>B), never a control, format (invisible) or line-separator character
_KEY_OK = re.compile(r"^[^\W_](?:[\w\-./:+# ]*[\w\-./:+#])?$")
MINISTRY_CODE = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9]{0,11}$")  # MID, StK, MWL


def normalise_key(text: str) -> str:
    """A key as the core stores and finds it: NFC, without surrounding spaces."""
    return unicodedata.normalize("NFC", text).strip()


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp") or (
        unicodedata.category(ch) == "Zs" and ch != " "
    )


def key_problem(key: str) -> tuple[str, dict] | None:
    """Why `key` cannot be a key (goal, milestone, theme, category), or None."""
    if not key:
        return "empty_key", {}
    if len(key) > KEY_MAX:
        return "bad_key", {"value": key[:KEY_MAX] + "…", "why": f"länger als {KEY_MAX} Zeichen"}
    for ch in key:
        if _invisible(ch):
            return "bad_key", {"value": key.encode("unicode_escape").decode("ascii"),
                               "why": f"enthält das unsichtbare oder Steuerzeichen U+{ord(ch):04X}"}  # fmt: skip
    if ">" in key:
        return "bad_key", {"value": key, "why": "enthält „>“, das Trennzeichen der Abhängigkeiten"}
    if unicodedata.normalize("NFC", key) != key:
        return "bad_key", {"value": key, "why": "ist nicht Unicode-normalisiert (NFC)"}
    if not _KEY_OK.match(key):
        return "bad_key", {"value": key, "why": "erlaubt sind Buchstaben, Ziffern und - _ . / : + # "
                           "(Leerzeichen nur innen), am Anfang ein Buchstabe oder eine Ziffer"}  # fmt: skip
    return None


def ministry_code_problem(code: str) -> tuple[str, dict] | None:
    if not code:
        return "empty_key", {}
    if not MINISTRY_CODE.match(code):
        return "bad_ministry_code", {"value": code}
    return None


def parse_priority(value: object) -> int:
    """1, 2 or 3 – an integer (also „2“ or 2.0); anything else raises ValueError."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueError(value)
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[0-9]{1,3}", text):
            raise ValueError(value)
        value = int(text)
    if not isinstance(value, int) or value not in PRIORITIES:
        raise ValueError(value)
    return value


def priority_problem(value: object) -> tuple[str, dict] | None:
    try:
        parse_priority(value)
    except ValueError:
        return "bad_priority", {"value": str(value)[:40]}
    return None


def date_problem(day: date | None) -> tuple[str, dict] | None:
    if day is None or DATE_MIN <= day <= DATE_MAX:
        return None
    return "date_out_of_range", {"value": f"{day.day:02d}.{day.month:02d}.{day.year:04d}"}


def number_problem(value: float | None) -> tuple[str, dict] | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "number_out_of_range", {"value": str(value)[:40]}
    if not math.isfinite(value) or abs(value) > NUMBER_MAX:
        return "number_out_of_range", {"value": str(value)[:40]}
    return None


def text_problem(text: str | None) -> tuple[str, dict] | None:
    if text and len(text) > TEXT_MAX:
        return "text_length", {"length": len(text), "limit": TEXT_MAX}
    return None
