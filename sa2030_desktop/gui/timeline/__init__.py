"""The milestone timeline (Zeitplan): Gantt-like view, editing and what-if simulation."""
