"""Entry point of the bundle: the same `sa2030` command as the wheel's console script
(without a subcommand it opens the desktop application)."""

import sys

from sa2030_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
