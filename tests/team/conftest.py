"""Logins of the demo portfolio on the test server: one per role (TEAM.md, Roles)."""

from __future__ import annotations

import pytest

PASSWORD = "geheim-2030"


def login_url(admin_url: str, login: str, password: str = PASSWORD) -> str:
    """The admin's URL with another login and its password (libpq reads both from it)."""
    rest = admin_url.split("@", 1)[1]
    return f"postgresql://{login}:{password}@{rest}"


@pytest.fixture
def team(pg_demo, pg_cluster):
    """{name: url} for stab (Koordinierungsstelle), mid and mi (Ressort), leser, plus admin."""
    from sa2030_desktop.services.server import add_user

    users = {"stab": ("stabsstelle", None), "mid": ("ressort", "MID"),
             "mi": ("ressort", "MI"), "leser": ("leser", None)}  # fmt: skip
    urls = {"admin": pg_demo}
    for name, (role, ministry) in users.items():
        add_user(pg_demo, f"u_{name}", role, ministry)
        pg_cluster.admin_sql(f"ALTER ROLE u_{name} PASSWORD '{PASSWORD}'")
        urls[name] = login_url(pg_demo, f"u_{name}")
    return urls
