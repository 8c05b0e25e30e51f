"""Composition root of the desktop application: wires store, services and the Qt main window."""

from __future__ import annotations


def run_app(path: str | None = None) -> int:
    from sa2030_desktop.gui.application import main

    return main(path)
