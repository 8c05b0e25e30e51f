"""The one door to the plain files in `resources/` (in a checkout or inside the wheel)."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).with_name("_resources")
_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def resource(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(path)
    return path


def reference_data() -> Path:
    """Categories, the 18 theme fields and the 9 current ministries of a new portfolio."""
    return resource("reference.json")


def demo_portfolio() -> Path:
    return resource("demo", "demo_portfolio.json")


def briefing_template() -> Path:
    """The default house style of the Word briefings (built by tools/build_briefing_template.py)."""
    return resource("templates", "briefing.docx")


HANDBOOK_SOURCE = "handbuch.md"
HANDBOOK_PDF = "SA2030-Benutzerhandbuch.pdf"


def handbook_dir() -> Path:
    """The user handbook: Markdown source, its pictures (bilder/) and the printable PDF."""
    return resources_dir() / "handbuch"


def handbook_source() -> Path:
    """Where the handbook's Markdown source belongs (it may be missing from an installation)."""
    return handbook_dir() / HANDBOOK_SOURCE


def handbook_pdf() -> Path:
    """Where the printable handbook belongs (built by tools/build_handbook.py pdf)."""
    return handbook_dir() / HANDBOOK_PDF
