"""Python classes generated from the Designer files in `ui/` (see build.py). Do not edit."""
