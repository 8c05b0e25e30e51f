"""Workshop tests: the Qt fixtures of tests/support/qt.py."""

from tests.support.qt import isolated_settings, window  # noqa: F401
