"""
Spark: a DataFrame gains a column of codes, batch by batch on the Arrow path.

`with_codes` runs `regionkit.columns.arrow` inside ``DataFrame.mapInArrow``:
Spark hands each Python worker Arrow record batches, each batch's distinct
values are looked up once, and the codes go back as Arrow. Nothing is shipped
per row but the column itself: each worker process imports regionkit and loads
its data once, lazily, on its first batch, and keeps it (and its lookup caches)
for the batches after. The package must be importable on the workers
(installed there, or shipped with ``--py-files`` as a zip). Needs pyspark and
pyarrow (``pip install regionkit[spark]``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from regionkit._models import Division
from regionkit.columns import arrow
from regionkit.columns._core import Options, needs, options

if TYPE_CHECKING:
    import pyspark.sql

__all__ = ["with_codes", "with_details"]


def pyspark_sql() -> Any:
    """Import pyspark.sql, or say which extra installs it."""
    try:
        import pyspark.sql
    except ImportError as error:
        raise needs("pyspark", "spark", "regionkit.columns.spark") from error
    return pyspark.sql


def with_codes(
    frame: pyspark.sql.DataFrame,
    column: str,
    *,
    into: str = "code",
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> pyspark.sql.DataFrame:
    """
    Return *frame* with a string column *into*: the code each *column* value names.

    A value that names no single division, and a null, gives a null. The
    options are `regionkit.lookup_many`'s; bad ones raise here, on the driver,
    before any job runs.

    Raises:
        TypeError: *frame* is not a Spark DataFrame, *column* is not one of its
            string columns, or an option is of the wrong type.
        ValueError: *into* is already a column, or an option is out of range.
        ImportError: pyspark or pyarrow is not installed.
    """
    opts = options(
        country=country,
        level=level,
        within=within,
        as_of=as_of,
        current=current,
        fuzzy=fuzzy,
        min_score=min_score,
    )
    types = _checked(frame, column, into)
    schema = types.StructType(
        [*frame.schema.fields, types.StructField(into, types.StringType(), True)]
    )
    return frame.mapInArrow(_Append(column, into, opts, details=False), schema)


def with_details(
    frame: pyspark.sql.DataFrame,
    column: str,
    *,
    into: str = "match",
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> pyspark.sql.DataFrame:
    """
    Return *frame* with a struct column *into*: how each *column* value matched.

    The struct's fields are `regionkit.columns.arrow.details`' (``code``,
    ``name``, ``level``, ``parent_code``, ``kind``, ``score``, ``reason``);
    select ``f"{into}.*"`` to spread them. Arguments and errors are
    `with_codes`'.
    """
    opts = options(
        country=country,
        level=level,
        within=within,
        as_of=as_of,
        current=current,
        fuzzy=fuzzy,
        min_score=min_score,
    )
    types = _checked(frame, column, into)
    text = types.StringType()
    struct = types.StructType(
        [
            types.StructField("code", text, True),
            types.StructField("name", text, True),
            types.StructField("level", types.ByteType(), True),
            types.StructField("parent_code", text, True),
            types.StructField("kind", text, True),
            types.StructField("score", types.DoubleType(), True),
            types.StructField("reason", text, True),
        ]
    )
    schema = types.StructType(
        [*frame.schema.fields, types.StructField(into, struct, True)]
    )
    return frame.mapInArrow(_Append(column, into, opts, details=True), schema)


def _checked(frame: Any, column: str, into: str) -> Any:
    sql = pyspark_sql()
    arrow.pyarrow()  # the workers need it too: fail here, not in a job
    if not isinstance(frame, sql.DataFrame):
        raise TypeError(
            f"frame must be a Spark DataFrame, not a {type(frame).__name__}"
        )
    types = sql.types
    fields = {field.name: field for field in frame.schema.fields}
    if column not in fields or not isinstance(
        fields[column].dataType, types.StringType
    ):
        raise TypeError(f"{column!r} is not a string column of the frame")
    if into in fields:
        raise ValueError(f"the frame already has a column {into!r}")
    return types


class _Append:
    """What each worker runs: append the codes of each batch's *column*."""

    def __init__(self, column: str, into: str, opts: Options, *, details: bool):
        self.column, self.into, self.opts, self.details = column, into, opts, details

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        pa = arrow.pyarrow()
        for batch in batches:
            values = batch.column(self.column)
            if self.details:
                found = arrow.details_with(values, self.opts)
            else:
                found = arrow.codes_with(values, self.opts)
                if pa.types.is_null(values.type):
                    found = found.cast(pa.string())
            yield pa.RecordBatch.from_arrays(
                [*batch.columns, found], names=[*batch.schema.names, self.into]
            )
