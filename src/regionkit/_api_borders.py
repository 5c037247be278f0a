"""The public functions of neighbours and border crossings, on the default dataset."""

from __future__ import annotations

from collections.abc import Iterable

from regionkit._models import Division, Perspective
from regionkit._neighbours import Adjacency, Crossing, CrossingMode
from regionkit._store import default_dataset

__all__ = ["border_pairs", "crossings"]


def border_pairs(
    first: str,
    second: str,
    *,
    sea: bool = False,
    perspective: Perspective | str = Perspective.NATIONAL,
) -> tuple[Adjacency, ...]:
    """
    Return the pairs of level-1 units that touch across two countries' border.

    Each pair is oriented: ``a`` lies in *first*, ``b`` in *second*. With the same
    country twice, the pairs inside that country are returned (``a < b``).

    Args:
        first: ``"RU"`` or ``"CN"``.
        second: ``"RU"`` or ``"CN"``.
        sea: Also return contact across the sea only (`AdjacencyKind.SEA`).
        perspective: Leave out units that this view does not list under their
            country (``"iso"`` leaves out Crimea and the subjects of 2022).

    Raises:
        ValueError: An unknown country or perspective.
        TypeError: An argument has the wrong type.

    >>> import regionkit
    >>> [(p.a, p.b) for p in regionkit.border_pairs("RU", "CN")][:3]
    [('RU-AL', 'CN-XJ'), ('RU-AMU', 'CN-HL'), ('RU-KHA', 'CN-HL')]
    >>> len(regionkit.border_pairs("RU", "CN"))
    8
    >>> len(regionkit.border_pairs("RU", "RU"))
    197
    """
    from regionkit._neighbours import border_pairs_in

    return border_pairs_in(
        default_dataset(), first, second, sea=sea, perspective=perspective
    )


def crossings(
    *,
    between: Iterable[str] = ("RU", "CN"),
    division: Division | str | None = None,
    mode: CrossingMode | str | None = None,
) -> tuple[Crossing, ...]:
    """
    Return the border crossings in force between two countries, by id.

    Args:
        between: The two countries, in either order; the data holds the
            Russia–China border.
        division: Only the crossings in this unit (a division or its code): a
            Russian subject, a Chinese province, or the prefecture or county the
            Chinese checkpoint lies in.
        mode: Only crossings that carry this kind of traffic (a `CrossingMode`
            or its value, ``"rail"``).

    Raises:
        UnknownCode: *division* is not a known code.
        ValueError: *between* does not name two different countries, or *mode*
            is unknown.
        TypeError: An argument has the wrong type.

    >>> import regionkit
    >>> [c.ru_town for c in regionkit.crossings(mode="rail")]
    ['Makhalino', 'Nizhneleninskoye', 'Pogranichny', 'Zabaykalsk']
    >>> [c.cn_town for c in regionkit.crossings(division="RU-ZAB")]
    ['Shiwei', 'Heishantou', 'Manzhouli']
    """
    from regionkit._neighbours import crossings_in

    return crossings_in(
        default_dataset(), between=between, division=division, mode=mode
    )
