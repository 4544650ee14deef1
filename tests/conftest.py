import pytest

from home.demo import ensure_home


@pytest.fixture
def home_page(db):
    return ensure_home(title="Aan de Slag", mission="Vrijwilligerswerk voor nieuwkomers.")
