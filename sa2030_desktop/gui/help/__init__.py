"""Help inside the application: the German handbook (resources/handbuch/handbuch.md) in a
searchable window with a table of contents, F1 context help, the first-start guide
„Erste Schritte“ and the shortcut overview generated from the declared actions."""
