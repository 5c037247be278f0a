"""
Dask: codes and details of a Dask Series, partition by partition.

`codes` and `details` map `regionkit.columns.pandas` over the partitions
(``map_partitions``): each partition's distinct values are looked up once.
What ships to a worker is the function and the options, never the data:
each worker process loads regionkit's data once, lazily, on its first
partition. Needs Dask's DataFrame and pandas (``pip install regionkit[dask]``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from regionkit._models import Division
from regionkit.columns import pandas as column_pandas
from regionkit.columns._core import needs, options

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["codes", "details"]


def dask_dataframe() -> Any:
    """Import dask.dataframe, or say which extra installs it."""
    try:
        import dask.dataframe
    except ImportError as error:
        raise needs("dask[dataframe]", "dask", "regionkit.columns.dask") from error
    return dask.dataframe


def codes(
    series: dd.Series,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> dd.Series:
    """
    Return a lazy Series of the code each value of *series* names.

    Partition by partition, `regionkit.columns.pandas.codes`: same options,
    dtypes and missing values.

    Raises:
        TypeError: *series* is not a Dask Series, or an option is of the
            wrong type (checked here, before any task runs).
        ValueError: An option is out of range.
        ImportError: Dask's DataFrame is not installed.
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
    _checked(series)
    meta = column_pandas.codes_with(series._meta, opts)
    return series.map_partitions(column_pandas.codes_with, opts, meta=meta)


def details(
    series: dd.Series,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> dd.DataFrame:
    """
    Return a lazy DataFrame of how each value of *series* matched.

    Partition by partition, `regionkit.columns.pandas.details`. Arguments and
    errors are `codes`'.
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
    _checked(series)
    meta = column_pandas.details_with(series._meta, opts)
    return series.map_partitions(column_pandas.details_with, opts, meta=meta)


def _checked(series: Any) -> None:
    dd = dask_dataframe()
    if not isinstance(series, dd.Series):
        raise TypeError(f"series must be a Dask Series, not a {type(series).__name__}")
