"""Dates as German offices write them (DIN 5008) and as files carry them (ISO 8601)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

MONTHS_DE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
MONTHS_DE_SHORT = (
    "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
)  # fmt: skip

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_GROUPED = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+$")  # 1.000 · 12.345.678


def parse_date(value: object) -> date | None:
    """ISO `2026-03-31` or German `31.03.2026` (also datetime/date objects); None for empty.

    Raises ValueError for anything else, so callers can name the offending place.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if "T" in text or " " in text:
        text = text.replace("T", " ").split(" ")[0]
    match = _ISO.match(text)
    if match:
        y, m, d = (int(g) for g in match.groups())
        return date(y, m, d)
    match = _DE.match(text)
    if match:
        d, m, y = (int(g) for g in match.groups())
        return date(y, m, d)
    raise ValueError(text)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def de_short(day: date | None) -> str:
    """31.03.2026 – for tables."""
    return day.strftime("%d.%m.%Y") if day else ""


def de_long(day: date | None) -> str:
    """31. März 2026 – for running text."""
    if not day:
        return ""
    return f"{day.day}. {MONTHS_DE[day.month - 1]} {day.year}"


def days_de(n: int) -> str:
    """„1 Tag“, „-1 Tag“, „12 Tage“ – a count of days in running text."""
    return f"{n} Tag" if abs(n) == 1 else f"{n} Tage"


def percent_de(share: float, digits: int = 1) -> str:
    """85,2 % – decimal comma and a (narrow) space before the sign."""
    return f"{share * 100:.{digits}f}".replace(".", ",") + "\u00a0%"


def number_de(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def parse_number(value: object) -> float | None:
    """German or plain numbers: 1.234,5 or 1234.5 (or a number cell); empty → None; anything
    else, NaN and infinity raise ValueError so that callers name the place."""
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise ValueError(value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
        if not text:
            return None
        if "," in text or _GROUPED.match(text):  # German: 1.234,5 and 1.000 (thousands)
            text = text.replace(".", "").replace(",", ".")
        number = float(text)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def number_exact_de(value: float | None) -> str:
    """Every digit, decimal comma, no thousands separator: 56,8 · 1234 · 0,125 (CSV cells that
    German Excel reads as numbers and that read back to the same value)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")
