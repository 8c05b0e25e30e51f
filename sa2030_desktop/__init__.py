"""SA2030 Planner – Zielportfolio „Sachsen-Anhalt Digital 2030“."""

__version__ = "0.1.0"
