"""The dataset's caches hold answers, never exceptions, and check arguments first."""

from __future__ import annotations

import pytest

import regionkit
from regionkit import AmbiguousName, Dataset, NotFound, UnknownCode
from regionkit._store import CACHE_SIZE


def test_each_failed_lookup_raises_a_fresh_exception(mini: Dataset) -> None:
    """Notes one caller adds never reach the next caller."""
    errors = []
    for _ in range(3):
        with pytest.raises(NotFound) as caught:
            mini.lookup("Atlantis")
        caught.value.add_note("seen by this caller")
        errors.append(caught.value)
    assert errors[0] is not errors[1]
    assert [len(e.__notes__) for e in errors] == [1, 1, 1]


def test_a_caller_cannot_change_what_the_next_ambiguous_lookup_reports() -> None:
    with pytest.raises(AmbiguousName) as first:
        regionkit.lookup("朝阳区")
    codes = [d.code for d in first.value.candidates]
    first.value.candidates = ()
    with pytest.raises(AmbiguousName) as second:
        regionkit.lookup("朝阳区")
    assert [d.code for d in second.value.candidates] == codes
    assert codes == ["CN-110105", "CN-220104"]


def test_a_failure_keeps_no_earlier_callers_frames() -> None:
    def caller() -> BaseException:
        try:
            regionkit.lookup("Atlantis")
        except NotFound as error:
            return error
        raise AssertionError("no NotFound")

    first, second = caller(), caller()
    assert first is not second
    assert second.__context__ is None


def test_arguments_are_checked_before_the_cache() -> None:
    """True is equal to 1 and hashes alike; it is still no level."""
    assert regionkit.lookup("Nenets", level=1).code == "RU-NEN"
    with pytest.raises(TypeError, match="level must be an int"):
        regionkit.lookup("Nenets", level=True)


def test_country_spellings_share_one_answer() -> None:
    assert regionkit.lookup("Хабаровский край", country=" ru ").code == "RU-KHA"
    assert regionkit.lookup("Хабаровский край", country="RU").code == "RU-KHA"


def test_caches_keep_answers_and_miss_records_only(mini: Dataset) -> None:
    mini.get("RU-KHA")
    with pytest.raises(UnknownCode):
        mini.get("RU-XYZ")
    with pytest.raises(NotFound):
        mini.lookup("Atlantis")
    assert list(mini._got) == ["RU-KHA"]  # the miss on RU-XYZ is not kept
    kept = mini._named["Atlantis"]
    assert not isinstance(kept, BaseException)  # a record, not an exception


def test_a_full_cache_forgets_its_oldest_tenth(monkeypatch: pytest.MonkeyPatch) -> None:
    import regionkit._store as store

    assert CACHE_SIZE == 100_000
    monkeypatch.setattr(store, "CACHE_SIZE", 20)
    cache: dict[int, int] = {}
    for number in range(25):
        store._remember(cache, number, number)
    assert len(cache) <= 20
    assert list(cache) == list(range(6, 25))  # two tenths forgotten, oldest first
