"""The `sa2030` command: a composition root like app.py. Subcommands live one family a module."""
