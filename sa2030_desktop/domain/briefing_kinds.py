"""The kinds of briefing and their German titles: vocabulary the CLI parser and the menus need
before (and without) the Word export and its libraries are loaded."""

KINDS = (
    "status",
    "sprechzettel",
    "vermerk",
    "kabinettsvorlage",
    "umsetzungsbericht",
    "workshopprotokoll",
)
KIND_TITLES = {
    "status": "Statusbericht",
    "sprechzettel": "Sprechzettel",
    "vermerk": "Vermerk",
    "kabinettsvorlage": "Kabinettsvorlage",
    "umsetzungsbericht": "Umsetzungsbericht",
    "workshopprotokoll": "Workshop-Protokoll",
}
# Kinds written from a closed reporting round only (`--round KEY`): they need its reports.
ROUND_KINDS = ("umsetzungsbericht",)
# Kinds written from a workshop session's change-log rows (`--since DATETIME`; in the window
# from the presentation): they report the session's decisions, not a selection of goals.
SESSION_KINDS = ("workshopprotokoll",)
