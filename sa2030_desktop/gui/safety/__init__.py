"""Data safety in the desktop app: lock, damage, location, backups (see services/safety.py)."""
