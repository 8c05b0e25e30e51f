"""Numbers with their noun in German: „1 Ziel“, „2 Ziele“, „1 Tag“, „92 Tage“."""

from __future__ import annotations


def count_de(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def goals_de(n: int) -> str:
    return count_de(n, "Ziel", "Ziele")


def goals_dative(n: int) -> str:
    """„mit 1 Ziel“, „mit 2 Zielen“."""
    return count_de(n, "Ziel", "Zielen")


def days_de(n: int) -> str:
    return count_de(n, "Tag", "Tage")


def milestones_de(n: int) -> str:
    return count_de(n, "Meilenstein", "Meilensteine")


def conflicts_de(n: int) -> str:
    return count_de(n, "Terminkonflikt", "Terminkonflikte")


def deps_de(n: int) -> str:
    return count_de(n, "Abhängigkeit", "Abhängigkeiten")


def verb_de(n: int, singular: str, plural: str) -> str:
    """The verb agreeing with n: verb_de(1, "ist", "sind") → „ist“."""
    return singular if n == 1 else plural
