"""Spark and Dask on local clusters: the helpers run in worker processes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

ROWS = ["Татарстан", None, "黑龙江", "Atlantis", "Tatarstn", "Хабаровский край"]
CODES = ["RU-TA", None, "CN-HL", None, "RU-TA", "RU-KHA"]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    from pyspark.sql import SparkSession

    # Workers run this interpreter, and import regionkit from where the tests do.
    saved = {name: os.environ.get(name) for name in ("PYSPARK_PYTHON", "PYTHONPATH")}
    os.environ["PYSPARK_PYTHON"] = sys.executable
    import regionkit

    source = str(Path(regionkit.__file__ or "").parent.parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [source, *filter(None, [saved["PYTHONPATH"]])]
    )
    session = (
        SparkSession.builder.master("local[2]")
        .appName("regionkit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def test_spark_gains_a_column_of_codes(spark: Any) -> None:
    from regionkit.columns import spark as column_spark

    frame = spark.createDataFrame(
        [(text, n) for n, text in enumerate(ROWS)], "region string, n int"
    ).repartition(2)
    out = column_spark.with_codes(frame, "region", into="code")
    assert out.columns == ["region", "n", "code"]
    assert [r.code for r in out.orderBy("n").collect()] == CODES
    only_cn = column_spark.with_codes(frame, "region", country="CN")
    assert [r.code for r in only_cn.orderBy("n").collect()] == [
        None,
        None,
        "CN-HL",
        None,
        None,
        None,
    ]


def test_spark_details_spread_into_columns(spark: Any) -> None:
    from regionkit.columns import spark as column_spark

    frame = spark.createDataFrame(
        [(t, n) for n, t in enumerate(ROWS)], "region string, n int"
    )
    out = column_spark.with_details(frame, "region").select("n", "match.*").orderBy("n")
    rows = out.collect()
    assert [r.kind for r in rows] == ["exact", None, "exact", None, "fuzzy", "exact"]
    assert rows[3].reason == "no division matches 'Atlantis'"
    assert rows[0].level == 1


def test_spark_refuses_bad_columns_on_the_driver(spark: Any) -> None:
    from regionkit.columns import spark as column_spark

    frame = spark.createDataFrame([("Москва", 1)], "region string, n int")
    with pytest.raises(TypeError, match="not a string column"):
        column_spark.with_codes(frame, "n")
    with pytest.raises(ValueError, match="already has a column"):
        column_spark.with_codes(frame, "region", into="n")
    with pytest.raises(ValueError, match="min_score"):
        column_spark.with_codes(frame, "region", min_score=9.0)


def test_dask_on_a_local_cluster() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    from regionkit.columns import dask as column_dask

    series = dd.from_pandas(pd.Series(ROWS * 3, name="region"), npartitions=3)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        codes = column_dask.codes(series).compute()
        details = column_dask.details(series, fuzzy=False).compute()
    assert [None if v is pd.NA else v for v in codes] == CODES * 3
    assert codes.dtype == column_dask.codes(series)._meta.dtype
    assert details["code"].tolist()[4] is pd.NA  # no typo without fuzzy
    assert details["reason"].tolist()[3] == "no division matches 'Atlantis'"
    with pytest.raises(TypeError, match="Dask Series"):
        column_dask.codes(cast(Any, pd.Series(ROWS)))
