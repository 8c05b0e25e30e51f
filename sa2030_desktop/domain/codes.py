"""A code or key typed in another case means the stored one – one rule for every path.

Ministries are written in mixed case (MID, StK), goals and milestones in upper case (Z05,
Z05-M1); people type `mid`, `stk`, `z05`. Wherever a code or key is named – a command-line
option, a cell of an imported file or Meldebogen, a filter field of the window – it is taken
as the one stored code that equals it ignoring case. A code stored exactly as typed always
wins; one that matches no stored code, or several (Z5 and z5 both stored), stays as typed, so
that it is refused by name where it is checked.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable


class StoredCodes:
    """The codes of one kind (the keys of `portfolio.ministries`, `.goals` …) and the stored
    code a typed one means. The case-folded index is built at the first typed code that is not
    stored as typed, so a file that names every code exactly costs nothing extra."""

    __slots__ = ("_known", "_folded")

    def __init__(self, known: Iterable[str]) -> None:
        self._known: Collection[str] = (
            known if isinstance(known, (dict, set, frozenset)) else set(known)
        )
        self._folded: dict[str, str | None] | None = None

    def __call__(self, typed: str) -> str:
        if not typed or typed in self._known:
            return typed
        if self._folded is None:
            folded: dict[str, str | None] = {}
            for code in self._known:
                fold = code.casefold()
                folded[fold] = None if fold in folded else code  # None: ambiguous
            self._folded = folded
        return self._folded.get(typed.casefold()) or typed

    def add(self, code: str) -> None:
        """A code that becomes known (a record of the same import that defines it)."""
        if code in self._known:
            return
        if not isinstance(self._known, set):
            self._known = set(self._known)
        self._known.add(code)  # type: ignore[attr-defined]
        if self._folded is not None:
            fold = code.casefold()
            self._folded[fold] = None if fold in self._folded else code


def stored_code(typed: str, known: Iterable[str]) -> str:
    """The stored code that `typed` means (see the module): itself when stored as typed, else
    the one stored code equal to it ignoring case, else `typed` unchanged."""
    return StoredCodes(known)(typed)
