import pytest


@pytest.fixture(scope="session")
def base_file(tmp_path_factory):
    """An empty portfolio (reference data only), created once and copied per test."""
    from sa2030_desktop.services.portfolio import create_portfolio

    path = tmp_path_factory.mktemp("base") / "basis.sa2030"
    create_portfolio(path).close()
    return path


@pytest.fixture
def fresh(base_file, tmp_path):
    from tests.support.exchange import copy_store

    stores = []

    def factory(name="ziel.sa2030"):
        store = copy_store(base_file, tmp_path / name)
        stores.append(store)
        return store

    yield factory
    for s in stores:
        s.close()
