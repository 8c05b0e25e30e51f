"""Facts asked of the operating system that more than one layer needs (persistence and export
may not import each other, and the domain touches no files): below them, above the domain."""
