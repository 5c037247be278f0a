"""The top-level functions, bound to the default dataset."""

from __future__ import annotations

from regionkit._models import Category, Division, Perspective
from regionkit._store import default_dataset

__all__ = ["divisions", "get"]


def get(code: str) -> Division:
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

    Raises:
        UnknownCode: No division has this code (a `KeyError`).
        TypeError: *code* is not a string.

    >>> get("RU-KHA").name()
    'Khabarovsk Krai'
    >>> get("230000").code
    'CN-HL'
    >>> get("SUBJECT:91").code
    'RU-CRIMEA'
    """
    return default_dataset().get(code)


def divisions(
    country: str | None = None,
    *,
    category: Category | str | None = None,
    level: int | None = None,
    parent: Division | str | None = None,
    perspective: Perspective | str = Perspective.NATIONAL,
) -> tuple[Division, ...]:
    """
    List divisions, in code order.

    Args:
        country: ``"RU"`` or ``"CN"``; ``None`` for both.
        category: Only this category, as a `Category` or its value string
            (``"federal_district"``).
        level: Only this level (1: subjects and provincial-level units).
            Groupings such as federal districts have no level.
        parent: Only the children of this division (or code); for a grouping,
            its members.
        perspective: Whose list to follow where lists disagree; the default,
            ``NATIONAL``, follows each country's own law. See `Perspective`.

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
        country, category=category, level=level, parent=parent, perspective=perspective
    )
