"""Shared inputs of the column tests: messy values and what each must give."""

from __future__ import annotations

import pytest

from regionkit.columns import _core

# value -> code (None: names no division); every kind of value a column holds.
VALUES: dict[str, str | None] = {
    "Татарстан": "RU-TA",
    "黑龙江": "CN-HL",
    "Tatarstn": "RU-TA",  # a typo: a fuzzy match
    "Atlantis": None,  # names nothing
    "moscow": "RU-MOW",
    "Хабаровский край": "RU-KHA",
}


@pytest.fixture
def messy() -> dict[str, str | None]:
    """Values and the code each must give."""
    return dict(VALUES)


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> list[list[object]]:
    """Record every batch of values the column helpers hand to lookup_many."""
    batches: list[list[object]] = []
    real = _core.lookup_many

    def spy(values: object, **options: object) -> object:
        batch = list(values)  # type: ignore[call-overload]
        batches.append(batch)
        return real(batch, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(_core, "lookup_many", spy)
    return batches
