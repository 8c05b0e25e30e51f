"""Helpers shared by the test folders: Qt fixtures and reading what the views show."""
