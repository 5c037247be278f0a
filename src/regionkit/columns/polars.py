"""
Polars columns: the ``regionkit`` namespace of expressions and Series.

Importing this module registers it::

    import polars as pl
    import regionkit.columns.polars  # noqa: F401  (registers .regionkit)

    df.with_columns(code=pl.col("region").regionkit.code(country="RU"))
    df.select(pl.col("region").regionkit.details()).unnest("region")

Both run on the Arrow path (`regionkit.columns.arrow`): each distinct value of
a batch is looked up once; nulls give nulls. Needs Polars and pyarrow
(``pip install regionkit[polars]``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from regionkit._models import Division
from regionkit.columns import arrow
from regionkit.columns._core import Options, needs, options

if TYPE_CHECKING:
    import polars as pl

__all__ = ["RegionkitNamespace", "codes", "details"]


def polars() -> Any:
    """Import Polars, or say which extra installs it."""
    try:
        import polars
    except ImportError as error:
        raise needs("polars", "polars", "regionkit.columns.polars") from error
    return polars


def codes(
    series: pl.Series,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> pl.Series:
    """
    Return the code of the division each value of *series* names (a String Series).

    Arguments, options and errors are `regionkit.columns.arrow.codes`'.
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
    return _codes_with(series, opts)


def details(
    series: pl.Series,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> pl.Series:
    """
    Return how each value of *series* matched (a Struct Series).

    The fields are `regionkit.columns.arrow.details`'.
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
    return _details_with(series, opts)


def _checked(series: Any) -> Any:
    pl = polars()
    if not isinstance(series, pl.Series):
        raise TypeError(
            f"series must be a Polars Series, not a {type(series).__name__}"
        )
    if series.dtype not in (pl.String, pl.Categorical, pl.Enum, pl.Null):
        raise TypeError(f"series must hold strings, not {series.dtype}")
    return pl


def _codes_with(series: Any, opts: Options) -> Any:
    pl = _checked(series)
    found = arrow.codes_with(series.to_arrow(), opts)
    return pl.Series(series.name, found, dtype=pl.String)


def _details_with(series: Any, opts: Options) -> Any:
    pl = _checked(series)
    found = arrow.details_with(series.to_arrow(), opts)
    return pl.Series(series.name, found)


def _details_dtype() -> Any:
    pl = polars()
    return pl.Struct(
        {
            "code": pl.String,
            "name": pl.String,
            "level": pl.Int8,
            "parent_code": pl.String,
            "kind": pl.String,
            "score": pl.Float64,
            "reason": pl.String,
        }
    )


class RegionkitNamespace:
    """
    ``.regionkit`` on a Polars expression or Series.

    `code` and `details` take `regionkit.lookup_many`'s options; bad options
    raise when the expression is built, before any row is read.
    """

    def __init__(self, target: Any) -> None:
        self._target = target

    def code(
        self,
        *,
        country: str | None = None,
        level: int | None = None,
        within: Division | str | None = None,
        as_of: datetime.date | None = None,
        current: bool = False,
        fuzzy: bool = True,
        min_score: float = 0.0,
    ) -> Any:
        """The code of the division each value names (String; null for none)."""
        opts = options(
            country=country,
            level=level,
            within=within,
            as_of=as_of,
            current=current,
            fuzzy=fuzzy,
            min_score=min_score,
        )
        pl = polars()
        if isinstance(self._target, pl.Series):
            return _codes_with(self._target, opts)
        return self._target.map_batches(
            lambda s: _codes_with(s, opts), return_dtype=pl.String, is_elementwise=True
        )

    def details(
        self,
        *,
        country: str | None = None,
        level: int | None = None,
        within: Division | str | None = None,
        as_of: datetime.date | None = None,
        current: bool = False,
        fuzzy: bool = True,
        min_score: float = 0.0,
    ) -> Any:
        """How each value matched: a Struct of the fields of `details`."""
        opts = options(
            country=country,
            level=level,
            within=within,
            as_of=as_of,
            current=current,
            fuzzy=fuzzy,
            min_score=min_score,
        )
        pl = polars()
        if isinstance(self._target, pl.Series):
            return _details_with(self._target, opts)
        return self._target.map_batches(
            lambda s: _details_with(s, opts),
            return_dtype=_details_dtype(),
            is_elementwise=True,
        )


def _register() -> None:
    try:
        pl = polars()
    except ImportError:
        return  # importing the module for its documentation needs no Polars
    pl.api.register_expr_namespace("regionkit")(RegionkitNamespace)
    pl.api.register_series_namespace("regionkit")(RegionkitNamespace)


_register()
