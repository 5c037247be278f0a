"""
pandas columns: a Series of text to a Series of codes, or to a DataFrame.

Each distinct value is looked up once (`pandas.factorize`; an Arrow-backed
Series goes through `regionkit.columns.arrow`) and the results are broadcast
back to the rows. Missing values (``None``, NaN, ``pd.NA``) give ``<NA>``,
never an error. Needs pandas (``pip install regionkit[pandas]``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from regionkit._models import Division
from regionkit.columns._core import (
    DETAIL_FIELDS,
    Options,
    codes_of,
    details_of,
    needs,
    options,
    resolve,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["codes", "details"]


def codes(
    series: pd.Series,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> pd.Series:
    """
    Return the code of the division each value of *series* names.

    A value that names no single division, and a missing value, gives
    ``<NA>``; use `details` for the reasons. The options are
    `regionkit.lookup_many`'s.

    Args:
        series: Text (any dtype that holds strings: object, ``string``,
            ``str``, ``string[pyarrow]``, an Arrow string, or a categorical).
        country: Only divisions of this country.
        level: Only divisions of this level.
        within: Only divisions inside this division (or code).
        as_of: Only divisions that existed on this day.
        current: A former unit gives the unit of today it became.
        fuzzy: Whether a typo may match.
        min_score: The least score a match must reach (0–1).

    Returns:
        A Series with *series*' index and name, of the nullable string dtype:
        ``string[pyarrow]`` when *series* is Arrow-backed, else
        ``string[python]``.

    Raises:
        TypeError: *series* is not a pandas Series, or an option is of the
            wrong type. A value that is not text is not an error: it gives
            ``<NA>``, and `details` says why.
        ValueError: An option is out of range.
        ImportError: pandas is not installed.
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
    found: pd.Series = codes_with(series, opts)
    return found


def details(
    series: pd.Series,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> pd.DataFrame:
    """
    Return how each value of *series* matched, one row each.

    The columns: ``code``, ``name`` (in English), ``level`` (``Int8``),
    ``parent_code``, ``kind`` (a `MatchKind` value: ``"fuzzy"`` marks a
    typo), ``score`` (``Float64``) and ``reason`` (why a value names no
    division); text columns have `codes`' string dtype. A missing value gives
    a row of ``<NA>``: its ``reason`` is ``<NA>`` too, so that a missing
    value is never counted as a failure. Arguments and errors are `codes`'.
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
    found: pd.DataFrame = details_with(series, opts)
    return found


def pandas() -> Any:
    """Import pandas, or say which extra installs it."""
    try:
        import pandas
    except ImportError as error:
        raise needs("pandas", "pandas", "regionkit.columns.pandas") from error
    return pandas


def codes_with(series: Any, opts: Options) -> Any:
    """`codes` with options already checked."""
    pd = _series(series)
    dtype = _string_dtype(pd, series)
    if dtype.storage == "pyarrow":
        from regionkit.columns import arrow

        found = arrow.codes_with(_arrow_of(series), opts)
        return pd.Series(
            pd.array(found, dtype=dtype), index=series.index, name=series.name
        )
    positions, distinct = _factorize(pd, series)
    table = codes_of(resolve(opts, distinct))
    table.append(None)  # position -1: a missing value
    numpy = _numpy()
    taken = numpy.array(table, dtype=object)[positions]
    return pd.Series(taken, index=series.index, name=series.name, dtype=dtype)


def details_with(series: Any, opts: Options) -> Any:
    """`details` with options already checked."""
    pd = _series(series)
    text = _string_dtype(pd, series)
    numpy = _numpy()
    positions, distinct = _factorize(pd, series)
    columns = details_of(resolve(opts, distinct))
    dtypes = {"level": "Int8", "score": "Float64"}
    frame = {}
    for field in DETAIL_FIELDS:
        values = columns[field]
        values.append(None)  # position -1: a missing value
        taken = numpy.array(values, dtype=object)[positions]
        frame[field] = pd.array(taken, dtype=dtypes.get(field, text))
    return pd.DataFrame(frame, index=series.index)


def _series(series: Any) -> Any:
    pd = pandas()
    if not isinstance(series, pd.Series):
        raise TypeError(
            f"series must be a pandas Series, not a {type(series).__name__}"
        )
    return pd


def _numpy() -> Any:
    import numpy  # pandas depends on it

    return numpy


def _string_dtype(pd: Any, series: Any) -> Any:
    """Return the nullable string dtype of the result: Arrow's if the input's is."""
    dtype = series.dtype
    arrow_backed = getattr(dtype, "storage", None) == "pyarrow" or (
        isinstance(dtype, pd.ArrowDtype)
    )
    if arrow_backed and _arrow_text(series):
        return pd.StringDtype("pyarrow")
    return pd.StringDtype("python")


def _arrow_text(series: Any) -> bool:
    """Whether *series* is Arrow-backed text that the Arrow path takes."""
    try:
        from regionkit.columns import arrow

        pa = arrow.pyarrow()
    except ImportError:
        return False
    kind = _arrow_of(series).type
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_string_view(kind)
    )


def _arrow_of(series: Any) -> Any:
    from regionkit.columns import arrow

    pa = arrow.pyarrow()
    found = pa.array(series.array)  # the Arrow data itself, through __arrow_array__
    return found if isinstance(found, pa.ChunkedArray) else pa.chunked_array([found])


def _factorize(pd: Any, series: Any) -> tuple[Any, list[object]]:
    """Return each row's position among the distinct values (-1: missing), and them."""
    positions, distinct = pd.factorize(series, use_na_sentinel=True)
    return positions, list(distinct)
