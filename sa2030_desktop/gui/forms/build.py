"""Compile every `ui/*.ui` into `sa2030_desktop/gui/forms/ui_*.py`: `python -m sa2030_desktop.gui.forms.build`.

The generated files are committed (the app never loads .ui at run time); tests/gui/test_forms_sync.py
fails when one is out of date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent
UI_DIR = FORMS.parent.parent.parent / "ui"
HEADER = "# generated from ui/{name} by `python -m sa2030_desktop.gui.forms.build` — do not edit\n"


def _uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return str(exe) if exe.exists() else "pyside6-uic"


def target_of(ui_file: Path) -> Path:
    return FORMS / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    """The text the committed file must have for `ui_file`."""
    out = subprocess.run(
        [_uic(), "--generator", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return HEADER.format(name=ui_file.name) + out


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def main() -> int:
    for ui_file in ui_files():
        target = target_of(ui_file)
        text = compile_form(ui_file)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"{ui_file.name} → {target.relative_to(FORMS.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
