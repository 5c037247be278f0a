from __future__ import annotations

from typing import Any, cast

import pytest

import regionkit
from regionkit.columns import arrow

pa = pytest.importorskip("pyarrow")

ROWS = ["Татарстан", None, "黑龙江", "Atlantis", "Tatarstn", "Татарстан"]
CODES = ["RU-TA", None, "CN-HL", None, "RU-TA", "RU-TA"]


@pytest.mark.parametrize("kind", ["string", "large_string", "string_view"])
def test_codes_keep_the_string_type(kind: str) -> None:
    array = pa.array(ROWS, type=getattr(pa, kind)())
    found = arrow.codes(array)
    assert found.type == array.type
    assert found.to_pylist() == CODES


def test_a_chunked_array_keeps_its_chunks_and_is_looked_up_once(
    lookups: list[list[object]],
) -> None:
    chunked = pa.chunked_array([ROWS[:3], ROWS[3:], []], type=pa.string())
    found = arrow.codes(chunked)
    assert [len(c) for c in found.chunks if len(c)] == [3, 3]
    assert found.to_pylist() == CODES
    assert [sorted(map(str, b)) for b in lookups] == [
        [],
        sorted({r for r in ROWS if r is not None}),
    ]


def test_a_dictionary_array_is_read_as_it_is() -> None:
    found = arrow.codes(pa.array(ROWS).dictionary_encode())
    assert found.type == pa.string()
    assert found.to_pylist() == CODES


def test_nulls_give_nulls() -> None:
    assert arrow.codes(pa.nulls(3)).to_pylist() == [None] * 3
    assert arrow.codes(pa.chunked_array([pa.nulls(2)])).to_pylist() == [None] * 2
    assert arrow.details(pa.array([None, "Москва"])).to_pylist()[0] is None


def test_details_are_a_struct_of_each_match() -> None:
    found = arrow.details(pa.array(ROWS))
    assert found.type.names == [
        "code",
        "name",
        "level",
        "parent_code",
        "kind",
        "score",
        "reason",
    ]
    rows = found.to_pylist()
    assert rows[4]["kind"] == "fuzzy"
    assert rows[4]["score"] == regionkit.lookup_many(["Tatarstn"])[0].score
    assert rows[3]["reason"] == "no division matches 'Atlantis'"
    assert rows[2]["name"] == "Heilongjiang Province"


def test_a_column_that_holds_no_text_is_refused() -> None:
    with pytest.raises(TypeError, match="strings, not int64"):
        arrow.codes(pa.array([1, 2]))
    with pytest.raises(TypeError, match="pyarrow Array"):
        arrow.codes(cast(Any, ["Москва"]))
    with pytest.raises(ValueError, match="min_score"):
        arrow.codes(pa.array(["Москва"]), min_score=-1.0)


def test_lookup_many_reads_an_arrow_array_as_its_values() -> None:
    results = regionkit.lookup_many(pa.array(["Татарстан", None, "黑龙江"]))
    assert [r.code for r in results] == ["RU-TA", None, "CN-HL"]
    assert isinstance(results[1].error, TypeError)  # None is not a text
    chunked = pa.chunked_array([["Москва"], ["Atlantis"]])
    assert [r.code for r in regionkit.lookup_many(chunked)] == ["RU-MOW", None]
