"""What every column helper shares: the options, checked once, and the lookups."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from regionkit._api import lookup_many
from regionkit._lookup import LookupResult
from regionkit._models import Division

DETAIL_FIELDS = ("code", "name", "level", "parent_code", "kind", "score", "reason")
"""The columns of a details table, in order."""


@attrs.frozen
class Options:
    """A column lookup's options, checked; small, so that it ships to workers."""

    country: str | None = None
    level: int | None = None
    within: str | None = None  # a code: a Division would pickle its whole tree
    as_of: datetime.date | None = None
    current: bool = False
    fuzzy: bool = True
    min_score: float = 0.0


def options(
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> Options:
    """
    Check a column lookup's options before any row is read.

    Raises:
        TypeError, ValueError, UnknownCode: as `regionkit.lookup_many` does for
            bad options.
    """
    checked = Options(
        country=country,
        level=level,
        within=within.code if isinstance(within, Division) else within,
        as_of=as_of,
        current=current,
        fuzzy=fuzzy,
        min_score=min_score,
    )
    resolve(checked, ())  # lookup_many checks every option before any value
    return checked


def resolve(opts: Options, values: Sequence[object]) -> tuple[LookupResult, ...]:
    """Look up each of *values* (distinct values, so each once)."""
    return lookup_many(
        values,
        country=opts.country,
        level=opts.level,
        within=opts.within,
        as_of=opts.as_of,
        current=opts.current,
        fuzzy=opts.fuzzy,
        min_score=opts.min_score,
    )


def codes_of(results: Sequence[LookupResult]) -> list[str | None]:
    """Return each result's code (``None`` where it failed)."""
    return [None if r.division is None else r.division.code for r in results]


def details_of(results: Sequence[LookupResult]) -> dict[str, list[object]]:
    """Return the columns of `DETAIL_FIELDS` for *results*, one row each."""
    columns: dict[str, list[object]] = {field: [] for field in DETAIL_FIELDS}
    code, name, level, parent = (columns[f] for f in DETAIL_FIELDS[:4])
    kind, score, reason = (columns[f] for f in DETAIL_FIELDS[4:])
    for result in results:
        division = result.division
        if division is None:
            code.append(None)
            name.append(None)
            level.append(None)
            parent.append(None)
        else:
            code.append(division.code)
            name.append(division.name())
            level.append(division.level)
            parent.append(division.parent_code)
        kind.append(None if result.kind is None else result.kind.value)
        score.append(result.score)
        reason.append(result.reason)
    return columns


def needs(module: str, extra: str, helper: str) -> ImportError:
    """Return the error for a missing optional library, naming its extra."""
    return ImportError(
        f"{helper} needs {module}, which regionkit does not install: "
        f"pip install 'regionkit[{extra}]'"
    )
