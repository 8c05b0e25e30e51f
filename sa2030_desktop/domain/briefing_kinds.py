"""The kinds of briefing and their German titles: vocabulary the CLI parser and the menus need
before (and without) the Word export and its libraries are loaded."""

KINDS = ("status", "sprechzettel", "vermerk", "kabinettsvorlage", "umsetzungsbericht")
KIND_TITLES = {
    "status": "Statusbericht",
    "sprechzettel": "Sprechzettel",
    "vermerk": "Vermerk",
    "kabinettsvorlage": "Kabinettsvorlage",
    "umsetzungsbericht": "Umsetzungsbericht",
}
# Kinds written from a closed reporting round only (`--round KEY`): they need its reports.
ROUND_KINDS = ("umsetzungsbericht",)
