"""The handbook's source is whole: every link and every place of the application that names a
section finds it, every picture is there, every dialog has a section (issue 17)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

from PySide6.QtWidgets import QDialog

import sa2030_desktop.gui as gui_package
from sa2030_desktop import assets
from sa2030_desktop.gui.help import first_steps, handbook
from sa2030_desktop.gui.help.sections import CLASS_SECTIONS, CONTENTS, ERROR_SECTIONS
from sa2030_desktop.messages import MESSAGES


def _source():
    return handbook.read_source()


def test_every_link_points_to_a_heading_and_ids_are_unique():
    source = _source()
    ids = [h.id for h in source.headings if h.id]
    assert len(ids) == len(set(ids)), "doppelte Abschnitts-IDs"
    assert set(source.links) <= source.ids, f"Links ins Leere: {set(source.links) - source.ids}"
    assert CONTENTS in source.ids
    # every chapter and section can be reached (by F1, links, the contents)
    assert [h.title for h in source.headings if h.level in (2, 3) and not h.id] == []


def test_a_broken_link_is_found(tmp_path):
    broken = tmp_path / "handbuch.md"
    broken.write_text("# Titel {#inhalt}\n\nSiehe [Stichtag](#stichtag).\n", encoding="utf-8")
    source = handbook.read_source(broken)
    assert set(source.links) - source.ids == {"stichtag"}


def test_every_picture_exists():
    source = _source()
    assert len(source.images) >= 10
    missing = [p for p in source.images if not (source.folder / p).is_file()]
    assert missing == []


def test_the_domain_terms_each_have_their_section():
    ids = _source().ids
    for term in ("stichtag", "basistermin", "prognose", "ist", "verzug", "terminkonflikt",
                 "was-waere-wenn", "ressortpaket", "zusammenfuehren", "berichtsrunde",
                 "meldebogen", "indikator", "praesentation", "briefings", "excel",
                 "datensicherheit", "sperre", "sicherungen", "wiederherstellen", "teamserver",
                 "tastenkuerzel", "erste-schritte"):  # fmt: skip
        assert term in ids, term


def test_every_section_the_application_names_exists():
    ids = _source().ids
    named = {**CLASS_SECTIONS, **{f"error:{k}": v for k, v in ERROR_SECTIONS.items()}}
    named.update({f"guide:{p.title}": p.section for p in first_steps.pages()})
    assert {k: v for k, v in named.items() if v not in ids} == {}
    assert set(ERROR_SECTIONS) <= set(MESSAGES), "Fehlercodes, die es nicht gibt"


def _gui_modules():
    for info in pkgutil.walk_packages(gui_package.__path__, "sa2030_desktop.gui."):
        if ".forms." in info.name or info.name.endswith("forms.build"):
            continue
        yield importlib.import_module(info.name)


def test_every_dialog_has_a_help_section_and_every_entry_a_class():
    dialogs, classes = [], set()
    for module in _gui_modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            classes.add(f"{cls.__module__}.{cls.__qualname__}")
            if issubclass(cls, QDialog):
                dialogs.append(cls)
    from sa2030_desktop.gui.help.sections import class_section

    without = [f"{c.__module__}.{c.__qualname__}" for c in dialogs if not class_section(c)]
    assert without == [], (
        "Dialoge ohne Abschnitt im Handbuch – in gui/help/sections.py CLASS_SECTIONS eintragen"
    )
    assert len(dialogs) >= 15
    assert sorted(set(CLASS_SECTIONS) - classes) == [], "Einträge für Klassen, die es nicht gibt"


def test_generated_parts_are_markers_in_the_source():
    text = assets.handbook_source().read_text(encoding="utf-8")
    assert re.search(r"^\{\{tastenkuerzel\}\}$", text, re.M)
    assert re.search(r"^\{\{inhalt\}\}$", text, re.M)
