"""Window tests: the Qt fixtures of tests/support/qt.py."""

from tests.support.qt import isolated_settings, window  # noqa: F401
from tests.support.rounds import rounds_window  # noqa: F401 (the Berichtsrunden view's)
