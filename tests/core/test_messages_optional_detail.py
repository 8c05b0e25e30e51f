"""A message whose optional detail is missing still reads as a German sentence."""

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.messages import format_error


def test_duplicate_key_without_first_place_is_a_full_sentence():
    assert format_error(DomainError("duplicate_key", entity="goal", key="Z02")) == (
        "Der Schlüssel Z02 kommt mehrfach vor."
    )
    assert format_error(DomainError("duplicate_key", key="Z02", first="Zeile 3")) == (
        "Der Schlüssel Z02 kommt mehrfach vor (zuerst: Zeile 3)."
    )
