"""Typed errors with data. The core never words a message; `sa2030_desktop.messages` does."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Issue:
    """One finding: a code, where it is (file, line, sheet, key …) and its data."""

    code: str
    place: dict[str, object] = field(default_factory=dict)
    data: dict[str, object] = field(default_factory=dict)
    severity: str = "error"  # error | warning


class DomainError(Exception):
    """A refused action. `code` selects the German message, `data` fills it in."""

    def __init__(self, code: str, **data: object) -> None:
        super().__init__(code, data)
        self.code = code
        self.data = data


class CycleError(DomainError):
    def __init__(self, path: list[str]) -> None:
        super().__init__("cycle", path=path)
        self.path = path


class ValidationError(DomainError):
    """Several issues at once (imports, checks)."""

    def __init__(self, issues: list[Issue], source: str = "") -> None:
        super().__init__("validation", count=len(issues), source=source)
        self.issues = issues
        self.source = source


class NotFoundError(DomainError):
    def __init__(self, entity: str, key: str) -> None:
        super().__init__("not_found", entity=entity, key=key)


class FileRefusedError(DomainError):
    """The portfolio file cannot be opened: kind is one of the codes in messages.FILE_MESSAGES."""

    def __init__(self, kind: str, path: str, **data: object) -> None:
        super().__init__(kind, path=path, **data)
        self.kind = kind
        self.path = path
