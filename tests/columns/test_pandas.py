from __future__ import annotations

import datetime
from typing import Any, cast

import pytest

import regionkit
from regionkit import MatchKind, UnknownCode
from regionkit.columns import pandas as column_pandas

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

MESSY = {
    "Татарстан": "RU-TA",
    "黑龙江": "CN-HL",
    "Tatarstn": "RU-TA",
    "Atlantis": None,
    "moscow": "RU-MOW",
}
ROWS = [*MESSY, None, "Татарстан", float("nan"), "黑龙江", 7]
EXPECTED = [*MESSY.values(), None, "RU-TA", None, "CN-HL", None]


def as_list(series: object) -> list[object]:
    return [None if v is pd.NA else v for v in series]  # type: ignore[attr-defined]


@pytest.mark.parametrize("dtype", [object, "string[python]", "category"])
def test_codes_of_a_python_backed_series(dtype: object) -> None:
    rows = ROWS if dtype is object else [r for r in ROWS if not isinstance(r, int)]
    expected = EXPECTED if dtype is object else EXPECTED[:-1]
    series = pd.Series(
        rows, dtype=dtype, name="region", index=range(10, 10 + len(rows))
    )
    found = column_pandas.codes(series)
    assert as_list(found) == expected
    assert found.dtype == pd.StringDtype("python")
    assert found.name == "region"
    assert list(found.index) == list(series.index)


@pytest.mark.parametrize(
    "dtype", ["string[pyarrow]", "str", "large_string[pyarrow]", "dictionary"]
)
def test_codes_of_an_arrow_backed_series_stay_in_arrow(dtype: str) -> None:
    import pyarrow as pa

    rows = [r for r in ROWS if not isinstance(r, (int, float))]
    if dtype == "dictionary":
        kind = pd.ArrowDtype(pa.dictionary(pa.int32(), pa.string()))
        series = pd.Series(pa.array(rows).dictionary_encode(), dtype=kind)
    elif dtype == "large_string[pyarrow]":
        series = pd.Series(rows, dtype=pd.ArrowDtype(pa.large_string()))
    else:
        series = pd.Series(rows, dtype=dtype)
    found = column_pandas.codes(series)
    assert as_list(found) == [MESSY.get(r) if r else None for r in rows]
    assert found.dtype == pd.StringDtype("pyarrow")
    assert found.isna().sum() == 2  # a miss and a missing value: <NA>, not NaN


def test_details_say_how_each_value_matched() -> None:
    series = pd.Series(["Tatarstn", None, "Atlantis", "黑龙江", 3], dtype=object)
    frame = column_pandas.details(series)
    assert list(frame.columns) == [
        "code",
        "name",
        "level",
        "parent_code",
        "kind",
        "score",
        "reason",
    ]
    assert str(frame["level"].dtype) == "Int8"
    assert str(frame["score"].dtype) == "Float64"
    typo = frame.iloc[0]
    assert (typo["code"], typo["name"], typo["kind"]) == (
        "RU-TA",
        "Republic of Tatarstan",
        MatchKind.FUZZY.value,
    )
    assert typo["score"] < 0.8
    assert frame.iloc[1].isna().all()  # missing in, missing out: not a failure
    assert frame.iloc[2]["reason"] == "no division matches 'Atlantis'"
    assert frame.iloc[3]["level"] == 1
    assert frame.iloc[4]["reason"] == "text must be a str, not int"  # a real TypeError


def test_a_lower_level_unit_names_its_parent() -> None:
    frame = column_pandas.details(pd.Series(["哈尔滨市"]), country="CN", level=2)
    assert frame.iloc[0][["code", "name", "level", "parent_code"]].tolist() == [
        "CN-230100",
        "Harbin",
        2,
        "CN-HL",
    ]


OPTIONS: list[dict[str, object]] = [
    {},
    {"fuzzy": False},
    {"current": True},
    {"min_score": 0.8},
    {"as_of": datetime.date(2000, 1, 1)},
    {"country": "CN"},
    {"within": "RU-KHA"},
    {"level": 2},
]


@pytest.mark.parametrize("options", OPTIONS)
def test_the_options_are_lookup_manys(options: dict[str, object]) -> None:
    texts = ["Читинская область", "Tatarstn", "Хабаровск", "哈尔滨市", "黑龙江"]
    expected = [r.code for r in regionkit.lookup_many(texts, **options)]  # type: ignore[arg-type]
    found = column_pandas.codes(pd.Series(texts), **options)  # type: ignore[arg-type]
    assert as_list(found) == expected


def test_the_options_change_the_codes() -> None:
    series = pd.Series(["Читинская область", "Tatarstn", "哈尔滨市"])
    assert as_list(column_pandas.codes(series)) == ["RU-CHI", "RU-TA", "CN-230100"]
    assert as_list(column_pandas.codes(series, fuzzy=False, current=True)) == [
        "RU-ZAB",
        None,
        "CN-230100",
    ]
    assert as_list(column_pandas.codes(series, country="CN")) == [
        None,
        None,
        "CN-230100",
    ]


def test_bad_arguments_raise_before_any_row() -> None:
    with pytest.raises(TypeError, match="pandas Series"):
        column_pandas.codes(cast(Any, ["Москва"]))
    with pytest.raises(ValueError, match="min_score"):
        column_pandas.codes(pd.Series(["Москва"]), min_score=2.0)
    with pytest.raises(UnknownCode):
        column_pandas.details(pd.Series(["Москва"]), within="RU-NOWHERE")


def test_an_empty_series_gives_an_empty_series() -> None:
    found = column_pandas.codes(pd.Series([], dtype=object))
    assert len(found) == 0
    assert found.dtype == pd.StringDtype("python")
    assert len(column_pandas.details(pd.Series([], dtype="string[pyarrow]"))) == 0
