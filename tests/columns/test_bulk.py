"""The core every column helper shares, and lookup_many's warm path."""

from __future__ import annotations

import pickle

import pytest

import regionkit
from regionkit import AmbiguousName, Dataset, NotFound
from regionkit.columns import _core


def test_the_options_ship_small() -> None:
    # What Spark and Dask send to each worker: a code, never a Division.
    opts = _core.options(within=regionkit.get("RU-KHA"), current=True)
    assert opts.within == "RU-KHA"
    assert len(pickle.dumps(opts)) < 400
    assert pickle.loads(pickle.dumps(opts)) == opts


def test_bad_options_fail_before_any_value() -> None:
    with pytest.raises(ValueError, match="min_score"):
        _core.options(min_score=1.5)
    with pytest.raises(TypeError):
        _core.options(fuzzy=1)  # type: ignore[arg-type]


def test_a_warm_column_gives_what_a_cold_one_gave(mini: Dataset) -> None:
    texts = ["Хабаровский край", "Atlantis", "Khabarovsk", 5, None]
    cold = mini.lookup_many(texts)
    warm = mini.lookup_many(texts)  # read from lookup's cache this time
    assert [(r.code, r.kind, r.score, r.reason) for r in warm] == [
        (r.code, r.kind, r.score, r.reason) for r in cold
    ]
    assert isinstance(warm[1].error, NotFound)


def test_the_warm_path_keeps_current_and_ambiguity() -> None:
    regionkit.lookup_many(["Читинская область", "Moscow"])  # now cached
    former, city = regionkit.lookup_many(["Читинская область", "Moscow"], current=True)
    assert (former.code, city.code) == ("RU-ZAB", "RU-MOW")
    assert regionkit.lookup_many(["Читинская область"])[0].code == "RU-CHI"
    regionkit.lookup_many(["鼓楼区"])  # a county name in several provinces
    (ambiguous,) = regionkit.lookup_many(["鼓楼区"])
    assert isinstance(ambiguous.error, AmbiguousName)
    assert len(ambiguous.error.candidates) > 1
