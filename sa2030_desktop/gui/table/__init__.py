"""The portfolio table: goal rows precomputed from a snapshot, a filtering proxy, the view."""
