"""Everything Qt: main window, item models, graph scene, timeline, dialogs, undo commands."""
