from __future__ import annotations

import pytest

pl = pytest.importorskip("polars")
pytest.importorskip("pyarrow")

from regionkit.columns import polars as column_polars  # noqa: E402  (registers it)

ROWS = ["Татарстан", None, "黑龙江", "Atlantis", "Tatarstn"]
CODES = ["RU-TA", None, "CN-HL", None, "RU-TA"]


def test_the_expression_namespace_gives_codes() -> None:
    frame = pl.DataFrame({"region": ROWS, "n": range(5)})
    out = frame.with_columns(code=pl.col("region").regionkit.code())
    assert out["code"].to_list() == CODES
    assert out.schema["code"] == pl.String
    lazy = frame.lazy().select(pl.col("region").regionkit.code(country="CN"))
    assert lazy.collect()["region"].to_list() == [None, None, "CN-HL", None, None]


def test_details_unnest_into_columns() -> None:
    frame = pl.DataFrame({"region": ROWS})
    out = frame.select(pl.col("region").regionkit.details()).unnest("region")
    assert out.columns == [
        "code",
        "name",
        "level",
        "parent_code",
        "kind",
        "score",
        "reason",
    ]
    assert out["kind"].to_list() == ["exact", None, "exact", None, "fuzzy"]
    assert out.schema["level"] == pl.Int8


def test_series_and_categoricals() -> None:
    series = pl.Series("region", ROWS)
    assert series.regionkit.code().to_list() == CODES
    assert column_polars.codes(series.cast(pl.Categorical)).to_list() == CODES
    assert (
        column_polars.details(series)[3]["reason"] == "no division matches 'Atlantis'"
    )


def test_bad_input_is_refused() -> None:
    with pytest.raises(TypeError, match="hold strings"):
        column_polars.codes(pl.Series([1, 2]))
    with pytest.raises(ValueError, match="min_score"):
        pl.col("region").regionkit.code(min_score=3.0)  # when built, not when run
