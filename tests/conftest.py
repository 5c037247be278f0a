from pathlib import Path

import pytest

from regionkit import Dataset

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini() -> Dataset:
    """A fresh dataset over the small hand-checked fixture in tests/fixtures/mini."""
    return Dataset.from_path(FIXTURES / "mini")
