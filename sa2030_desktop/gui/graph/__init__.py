"""Dependency graph view: scene, items, interactions, presentation mode."""
