"""Numbers with their noun in German: „1 Ziel“, „2 Ziele“, „1 Tag“, „92 Tage“ – one rule for
the briefings, the command line and the window (the core layers and the CLI may all import it)."""

from __future__ import annotations

from sa2030_desktop.domain.dates import days_de as days_de  # one rule for „1 Tag“ everywhere


def count_de(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def goals_de(n: int) -> str:
    return count_de(n, "Ziel", "Ziele")


def goals_dative(n: int) -> str:
    """„mit 1 Ziel“, „mit 2 Zielen“."""
    return count_de(n, "Ziel", "Zielen")


def milestones_de(n: int) -> str:
    return count_de(n, "Meilenstein", "Meilensteine")


def conflicts_de(n: int) -> str:
    return count_de(n, "Terminkonflikt", "Terminkonflikte")


def deps_de(n: int) -> str:
    return count_de(n, "Abhängigkeit", "Abhängigkeiten")


def reports_de(n: int) -> str:
    """„1 Meldung“, „3 Meldungen“ (of a reporting round)."""
    return count_de(n, "Meldung", "Meldungen")


def verb_de(n: int, singular: str, plural: str) -> str:
    """The verb agreeing with n: verb_de(1, "ist", "sind") → „ist“."""
    return singular if n == 1 else plural


class Count(int):
    """A number that words itself in a message template: „{count:Konflikt|Konflikte}“ gives
    „1 Konflikt“ / „3 Konflikte“, „{count:verb:fehlt|fehlen}“ only the agreeing word; without
    a spec it is the plain number."""

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return int.__format__(self, spec)
        word_only = spec.startswith("verb:")
        singular, plural = spec.removeprefix("verb:").split("|", 1)
        if word_only:
            return verb_de(int(self), singular, plural)
        return count_de(int(self), singular, plural)
