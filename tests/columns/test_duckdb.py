"""The guide's DuckDB recipe: the Arrow path as a vectorized Python UDF."""

from __future__ import annotations

import pytest

duckdb = pytest.importorskip("duckdb")
pa = pytest.importorskip("pyarrow")

from regionkit.columns import arrow  # noqa: E402


def test_a_vectorized_udf_gives_codes() -> None:
    con = duckdb.connect()
    con.create_function(
        "region_code",
        lambda texts: arrow.codes(texts),
        [duckdb.sqltype("VARCHAR")],
        duckdb.sqltype("VARCHAR"),
        type="arrow",
        null_handling="special",  # a miss gives NULL, which DEFAULT refuses
    )
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES ('Татарстан'), (NULL), ('黑龙江'),"
        " ('Atlantis')) v(region)"
    )
    rows = con.execute("SELECT region_code(region) FROM t").fetchall()
    assert rows == [("RU-TA",), (None,), ("CN-HL",), (None,)]
