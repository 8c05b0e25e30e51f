"""Pure domain: entities as plain data and the rules of DOMAIN.md. No Qt, no SQL, no files."""
