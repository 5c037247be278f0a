"""
A user's script that the project's ``mypy --strict`` run checks; tests never run it.

Each ``assert_type`` states a type a user may rely on; mypy fails if the public
API stops promising it.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, assert_type

import regionkit
from regionkit.columns import arrow, dask, spark
from regionkit.columns import pandas as column_pandas
from regionkit.columns import polars as column_polars

if TYPE_CHECKING:  # optional libraries: the script is type-checked, never run bare
    import dask.dataframe as dd
    import pandas as pd
    import polars as pl
    import pyarrow as pa
    import pyspark.sql


def main() -> None:
    """Use the public API as a program would."""
    major, *_ = regionkit.__version__.split(".")
    assert_type(major, str)

    krai = regionkit.get("RU-KHA")
    assert_type(krai, regionkit.Division)
    assert_type(krai.name(), str)
    assert_type(krai.name("ru", form="short"), str)
    krai.name("ru", form="shortest")  # type: ignore[arg-type]  # no such form
    assert_type(krai.valid_on(datetime.date(2020, 1, 1)), bool)

    data = regionkit.to_dict(krai)
    assert_type(data, dict[str, Any])
    assert_type(data["code"], Any)
    assert_type(regionkit.to_dict(krai.children), list[dict[str, Any]])
    assert_type(regionkit.from_dict(regionkit.Division, data), regionkit.Division)
    assert_type(regionkit.dumps(krai), str)
    assert_type(
        regionkit.loads(regionkit.dumps(krai), regionkit.Division), regionkit.Division
    )

    assert_type(regionkit.lookup("Москва"), regionkit.Division)
    for result in regionkit.lookup_many(["Москва", "黑龙江"]):
        assert_type(result, regionkit.LookupResult)
        assert_type(result.code, str | None)
    assert_type(regionkit.resolve("Moscow"), tuple[regionkit.Match, ...])
    assert_type(regionkit.divisions("CN", level=1), tuple[regionkit.Division, ...])
    assert_type(regionkit.Dataset.from_path("data").meta("RU"), dict[str, Any])


def clean_columns(
    frame: pd.DataFrame,
    array: pa.Array,
    series: pl.Series,
    spark_frame: pyspark.sql.DataFrame,
    dask_series: dd.Series,
) -> None:
    """Clean columns as a data engineer would (the column libraries are optional)."""
    codes = column_pandas.codes(frame["region"], country="RU", fuzzy=False)
    assert_type(codes, pd.Series)
    assert_type(column_pandas.details(frame["region"], min_score=0.8), pd.DataFrame)
    column_pandas.codes(frame["region"], level="1")  # type: ignore[arg-type]
    assert_type(
        arrow.codes(array, as_of=datetime.date(2020, 1, 1)), pa.Array | pa.ChunkedArray
    )
    assert_type(arrow.details(array), pa.StructArray | pa.ChunkedArray)
    assert_type(column_polars.codes(series, current=True), pl.Series)
    assert_type(column_polars.details(series), pl.Series)
    assert_type(
        spark.with_codes(spark_frame, "region", into="code"), pyspark.sql.DataFrame
    )
    assert_type(spark.with_details(spark_frame, "region"), pyspark.sql.DataFrame)
    assert_type(dask.codes(dask_series, within="RU-KHA"), dd.Series)
    assert_type(dask.details(dask_series), dd.DataFrame)


if __name__ == "__main__":
    main()
