"""The top-level functions, bound to the default dataset."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterable
from typing import Any, TypeVar

from regionkit._lookup import LookupResult, Match
from regionkit._models import Category, Change, Division, Perspective
from regionkit._store import default_dataset

T = TypeVar("T")

__all__ = [
    "changes",
    "divisions",
    "from_dict",
    "get",
    "loads",
    "lookup",
    "lookup_many",
    "lookup_series",
    "resolve",
    "supported_locales",
]


def get(code: str, *, as_of: datetime.date | None = None) -> Division:
    """
    Return the division with *code*.

    Accepted codes, in any case and with surrounding space ignored:

    - ISO 3166-2 codes (``"RU-KHA"``, ``"cn-hl"``) and regionkit's project keys
      for units ISO does not code (``"RU-CRIMEA"``, ``"RU-FD-CENTRAL"``);
    - the code another party lists a contested unit under (``"UA-43"`` finds
      the Republic of Crimea, whose record says who lists it how);
    - China's six-digit GB/T 2260 codes, bare or prefixed (``"230000"``,
      ``"GB:230000"``);
    - Russia's national codes, always prefixed because their digits overlap:
      ``"SUBJECT:27"`` (the subject code of KLADR and tax codes),
      ``"OKATO:08"``, ``"OKTMO:08000000"``.

    Codes of units that no longer exist work too (``"RU-CHI"``, Chita Oblast).
    A code that two units bore at different times (``"RU-PER"``: Perm Oblast
    until 2005, Perm Krai since) gives today's unit, or the one valid on
    *as_of* when a date is given.

    Raises:
        UnknownCode: No division has this code (on *as_of*) (a `KeyError`).
        TypeError: *code* is not a string, or *as_of* is not a date.

    >>> get("RU-KHA").name()
    'Khabarovsk Krai'
    >>> get("230000").code
    'CN-HL'
    >>> get("SUBJECT:91").code
    'RU-CRIMEA'
    """
    return default_dataset().get(code, as_of=as_of)


def divisions(
    country: str | None = None,
    *,
    category: Category | str | None = None,
    level: int | None = None,
    parent: Division | str | None = None,
    perspective: Perspective | str = Perspective.NATIONAL,
    as_of: datetime.date | None = None,
) -> tuple[Division, ...]:
    """
    List divisions, in code order.

    Args:
        country: ``"RU"`` or ``"CN"``; ``None`` for both.
        category: Only this category, as a `Category` or its value string
            (``"federal_district"``).
        level: Only this level (1: subjects and provincial-level units).
            Groupings such as federal districts have no level. China's
            township level (4) is listed only when asked for, by
            ``level=4`` or a township category: ``divisions("CN")`` stops at
            the county level.
        parent: Only the children of this division (or code); for a grouping,
            its members.
        perspective: Whose list to follow where lists disagree; the default,
            ``NATIONAL``, follows each country's own law. See `Perspective`.
        as_of: List the units that existed on this day; default: today's.

    Raises:
        ValueError: An argument has an unknown value.
        TypeError: An argument has the wrong type.

    >>> len(divisions("RU", level=1)), len(divisions("RU", level=1, perspective="iso"))
    (89, 83)
    >>> len(divisions("CN", level=1))
    34
    >>> [d.code for d in divisions("RU", category="federal_district")][:2]
    ['RU-FD-CENTRAL', 'RU-FD-FAR-EASTERN']
    """
    return default_dataset().divisions(
        country,
        category=category,
        level=level,
        parent=parent,
        perspective=perspective,
        as_of=as_of,
    )


def lookup(
    text: str,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> Division:
    """
    Return the one division that *text* names.

    Takes codes and names in any supported language and script, as people type
    them: any case and spacing, with or without the category word, ё for е,
    Latin look-alikes in Cyrillic words, a country name at either end,
    abbreviations, nicknames, former names, Russian case forms, and typos. The
    rules, and which reading wins where several fit, are in `regionkit._lookup`
    and the lookup guide.

    Args:
        text: What to look up (at most 500 characters).
        country: Only divisions of this country (``"RU"``, ``"CN"``).
        level: Only divisions of this level.
        within: Only divisions inside this division (or code): below it, lying
            within it, or grouped under it.
        as_of: Only divisions that existed on this day. Without it, units of
            today win, but a name only a former unit bore ("Читинская область")
            finds that unit; its `Division.successors` are today's units.
        fuzzy: Whether a typo may match (`MatchKind.FUZZY`, scores at most
            0.75); ``False`` for exact readings only.
        min_score: The least score the match must reach (0–1); below it the
            text is `NotFound`. ``0.8`` refuses typos.

    Raises:
        NotFound: Nothing matches (a `LookupError`).
        AmbiguousName: Several divisions fit equally; see ``.candidates``.
        TypeError: *text* is not a string.
        ValueError: *text* is empty or too long.

    >>> lookup("Хабаровский край").code
    'RU-KHA'
    >>> lookup("Heilongjiang, China").code
    'CN-HL'
    >>> lookup("Moscow").code
    'RU-MOW'
    """
    return default_dataset().lookup(
        text,
        country=country,
        level=level,
        within=within,
        as_of=as_of,
        fuzzy=fuzzy,
        min_score=min_score,
    )


def resolve(
    text: str,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> tuple[Match, ...]:
    """
    Return the divisions that *text* may name, best first.

    Each `Match` says how well and how it matched. The result is empty when
    nothing matches; it never guesses between equals (`lookup` raises on them).
    The arguments are `lookup`'s; *min_score* leaves out weaker matches.

    >>> [(m.division.code, m.kind.value) for m in resolve("Khabarovsk kray")]
    [('RU-KHA', 'normalized')]
    """
    return default_dataset().resolve(
        text,
        country=country,
        level=level,
        within=within,
        as_of=as_of,
        fuzzy=fuzzy,
        min_score=min_score,
    )


def lookup_many(
    values: Iterable[object],
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> tuple[LookupResult, ...]:
    """
    Look up every value of a column; results line up with *values*.

    Each distinct value is looked up once. A value that names no single
    division is reported in its `LookupResult` (``.error``), never raised; only
    bad filter arguments raise. With ``current=True``, a name of a unit that no
    longer exists gives the unit of today it became ("Читинская область" gives
    Zabaykalsky Krai); a unit split in several gives `AmbiguousName`.
    *fuzzy* and *min_score* are `lookup`'s. Each result says how its value
    matched (``.kind``, ``.score``), so that a reviewer can list every typo
    match of a column, and why a value failed (``.reason``).

    >>> results = lookup_many(["Татарстан", "黑龙江", "Татарстан", "Atlantis"])
    >>> [r.code for r in results]
    ['RU-TA', 'CN-HL', 'RU-TA', None]
    >>> type(results[3].error).__name__
    'NotFound'
    >>> [(r.kind.value, r.score) for r in lookup_many(["Tatarstn"])]
    [('fuzzy', 0.6667)]
    """
    return default_dataset().lookup_many(
        values,
        country=country,
        level=level,
        within=within,
        as_of=as_of,
        current=current,
        fuzzy=fuzzy,
        min_score=min_score,
    )


def changes(
    country: str | None = None,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> tuple[Change, ...]:
    """
    List the changes to the divisions between *since* and *until*, by date.

    >>> import datetime
    >>> [(c.date.isoformat(), c.kind.value, c.after) for c in changes(
    ...     "RU", since=datetime.date(2008, 1, 1), until=datetime.date(2008, 12, 31))]
    [('2008-01-01', 'merged', ('RU-IRK',)), ('2008-03-01', 'merged', ('RU-ZAB',))]
    """
    return default_dataset().changes(country, since=since, until=until)


def lookup_series(
    series: Any,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> Any:
    """
    Map a pandas Series of names to division codes (``None`` where none fits).

    Needs pandas, which regionkit does not install (``pip install regionkit[pandas]``).
    The result has the input's index; use `lookup_many` for the reasons.

    Raises:
        TypeError: *series* is not a pandas Series (checked before any lookup).
    """
    # A Series exists only once pandas is imported: no import needed to refuse.
    pandas = sys.modules.get("pandas")
    if pandas is None or not isinstance(series, pandas.Series):
        raise TypeError(
            f"series must be a pandas Series, not a {type(series).__name__}"
        )
    results = lookup_many(
        series,
        country=country,
        level=level,
        within=within,
        fuzzy=fuzzy,
        min_score=min_score,
    )
    codes = [r.code for r in results]
    return pandas.Series(codes, index=series.index, name=series.name, dtype=object)


def supported_locales() -> tuple[str, ...]:
    """
    Return the locales that some division has a name in, sorted.

    These are the tags of the stored full and short names of the top-level units
    and federal districts (lower levels add none), and the locales whose
    pycountry catalogue translates at least one Russian or Chinese ISO 3166-2 name.

    >>> {"en", "ru", "zh-Hans", "zh-Hant", "tt", "de"} <= set(supported_locales())
    True
    """
    from regionkit._names import supported_locales_in

    return supported_locales_in(default_dataset())


def from_dict(cls: type[T], data: object, *, path: str = "<data>") -> T:
    """
    Build a *cls* record from plain *data*; divisions navigate the package's data.

    Raises:
        DataError: *data* does not fit *cls*; `DataError.details` names each bad
            field.

    >>> import regionkit
    >>> regionkit.from_dict(regionkit.Division, regionkit.to_dict(get("RU-NEN"))).within
    <Division RU-ARK 'Arkhangelsk Oblast' (oblast)>
    """
    from regionkit import serialization

    return serialization.from_dict(cls, data, path=path, dataset=default_dataset())


def loads(text: str | bytes, cls: type[T]) -> T:
    """
    Build a *cls* record from JSON *text*; divisions navigate the package's data.

    Raises:
        DataError: The text is not JSON or does not fit *cls*.
    """
    from regionkit import serialization

    return serialization.loads(text, cls, dataset=default_dataset())
