"""The Word-briefing dialog (export runs in a worker)."""
