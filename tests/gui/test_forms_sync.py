"""Generated forms must match their Designer sources: regenerate with
`python -m sa2030_desktop.gui.forms.build` after editing a file in ui/."""

from __future__ import annotations

import pytest

from sa2030_desktop.gui.forms import build


def test_there_are_designer_forms():
    assert any(f.name == "filter_bar.ui" for f in build.ui_files())


@pytest.mark.parametrize("ui_file", build.ui_files(), ids=lambda p: p.name)
def test_generated_form_is_up_to_date(ui_file):
    target = build.target_of(ui_file)
    assert target.exists(), f"{target.name} fehlt – python -m sa2030_desktop.gui.forms.build"
    expected = build.compile_form(ui_file)
    assert target.read_text(encoding="utf-8") == expected, (
        f"{target.name} ist veraltet – python -m sa2030_desktop.gui.forms.build ausführen"
    )
    assert target.read_text(encoding="utf-8").startswith("# generated from ui/")


def test_the_check_notices_a_stale_form(tmp_path):
    ui_file = build.ui_files()[0]
    changed = tmp_path / ui_file.name
    changed.write_text(
        ui_file.read_text(encoding="utf-8").replace("Filter &amp;zurücksetzen", "Zurücksetzen"),
        encoding="utf-8",
    )
    assert build.compile_form(changed) != build.target_of(ui_file).read_text(encoding="utf-8")
