"""Window tests: the Qt fixtures of tests/support/qt.py."""

from tests.gui.rounds_support import rounds_window  # noqa: F401 (the Berichtsrunden view's)
from tests.support.qt import isolated_settings, window  # noqa: F401
