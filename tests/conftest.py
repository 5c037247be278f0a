from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from regionkit import Dataset, LookupResult

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini() -> Dataset:
    """A fresh dataset over the small hand-checked fixture in tests/fixtures/mini."""
    return Dataset.from_path(FIXTURES / "mini")


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> list[list[object]]:
    """Record each batch of values the column helpers hand to lookup_many."""
    from regionkit._api import lookup_many as real

    batches: list[list[object]] = []

    def spy(values: Iterable[object], **options: Any) -> tuple[LookupResult, ...]:
        batch = list(values)
        batches.append(batch)
        return real(batch, **options)

    monkeypatch.setattr("regionkit.columns._core.lookup_many", spy)
    return batches
