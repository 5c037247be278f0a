"""
Neighbours and border crossings: which level-1 units touch, and where people cross.

The facts come from ``_data/neighbours.json``, read the first time a dataset is
asked about neighbours (never at import) and then kept with that dataset. The
file is built from ``data/adjacency_derived.csv`` (derived from Natural Earth's
shapes), ``data/adjacency_overrides.csv`` (reviewed corrections, each with its
source) and ``data/crossings.csv``; ``data/NEIGHBOURS.md`` explains the method.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import attrs

from regionkit._models import (
    Division,
    Perspective,
    parse_country,
    parse_flag,
    parse_member,
    parse_perspective,
)
from regionkit.errors import DataError, shorten

__all__ = [
    "FILE",
    "Adjacency",
    "AdjacencyKind",
    "Borders",
    "Crossing",
    "CrossingMode",
    "border_pairs_in",
    "borders",
    "crossings_in",
    "neighbours_in",
    "parse",
]

FILE = "neighbours.json"
"""The packaged data file, beside ``ru.json`` and ``cn.json``."""


class AdjacencyKind(enum.Enum):
    """How two units touch."""

    LAND = "land"
    """They share a land border; a border along a river is a land border."""
    SEA = "sea"
    """Only water lies between them: a strait, bridged or not (Kerch, Tatar)."""


class CrossingMode(enum.Enum):
    """How a border crossing carries people and goods."""

    ROAD = "road"
    """Road vehicles: over land, a bridge, a pontoon or the ice."""
    RAIL = "rail"
    """Trains."""
    RIVER = "river"
    """Boats, ferries or hovercraft across a border river."""
    BRIDGE = "bridge"
    """A permanent bridge carries the road or the railway."""
    PEDESTRIAN = "pedestrian"
    """People on foot (no Russia–China crossing in the data admits them)."""


@attrs.frozen
class Adjacency:
    """
    Two level-1 units that touch, how, and who says so.

    Attributes:
        a: Code of one unit. In the packaged table ``a < b``; `border_pairs`
            orients each pair so that ``a`` lies in its first country.
        b: Code of the other unit.
        kind: A land border, or contact across the sea only.
        source: Space-separated ids of the sources behind the pair
            (``natural-earth-admin1`` for pairs derived from the shapes).
        note: One sentence on anything unusual (a strait, a bridge, a
            correction of the shapes), else empty.
    """

    a: str
    b: str
    kind: AdjacencyKind
    source: str
    note: str = ""

    @property
    def codes(self) -> tuple[str, str]:
        """The two codes, ``(a, b)``."""
        return (self.a, self.b)

    def other(self, code: str) -> str:
        """
        Return the code of the unit across from *code*.

        Raises:
            ValueError: *code* is neither unit of the pair.
        """
        if code == self.a:
            return self.b
        if code == self.b:
            return self.a
        raise ValueError(f"{shorten(code)} is not in the pair {self.a}–{self.b}")


@attrs.frozen
class Crossing:
    """
    A border crossing between Russia and China in force, with its two towns.

    Attributes:
        id: A stable key: the two towns in lower-kebab-case
            (``"zabaykalsk-manzhouli"``).
        name_en: The crossing's usual English name ("Zabaykalsk–Manzhouli").
        ru_town: The Russian town or village of the checkpoint, in English.
        ru_unit: Code of the federal subject it lies in (``"RU-ZAB"``).
        cn_town: The Chinese town of the checkpoint, in English.
        cn_unit: Code of the provincial-level unit it lies in (``"CN-NM"``).
        modes: How it carries traffic: road, rail, river, bridge, pedestrian.
        source: Space-separated source ids.
        cn_county: Code of the county-level unit the Chinese checkpoint lies in
            (``"CN-150781"``, Manzhouli), if known.
        note: One sentence on how it works (seasons, bridges), else empty.
    """

    id: str
    name_en: str
    ru_town: str
    ru_unit: str
    cn_town: str
    cn_unit: str
    modes: tuple[CrossingMode, ...]
    source: str
    cn_county: str | None = None
    note: str = ""

    @property
    def units(self) -> tuple[str, str]:
        """The codes of the two units the crossing joins, Russian first."""
        return (self.ru_unit, self.cn_unit)


@attrs.frozen
class Borders:
    """Everything in one neighbours file, indexed by code."""

    adjacency: tuple[Adjacency, ...]
    crossings: tuple[Crossing, ...]
    by_code: Mapping[str, tuple[Adjacency, ...]]
    meta: Mapping[str, Any]


class Holder(Protocol):
    """What these functions ask of a dataset: its divisions and its borders."""

    def get(self, code: str) -> Division: ...

    def borders(self) -> Borders: ...


def borders(dataset: Holder) -> Borders:
    """Return the neighbours data of *dataset* (read by it on first use)."""
    return dataset.borders()


def parse(raw: bytes, path: str) -> Borders:
    """
    Read the text of a neighbours file.

    Raises:
        DataError: The file is not JSON or does not hold what it should.
    """
    from regionkit.serialization import from_dict  # cattrs loads with this file

    try:
        document = json.loads(raw)
    except ValueError as error:
        raise DataError(path, [f"not JSON: {error}"]) from error
    except RecursionError as error:  # a file of "[[[[…"
        raise DataError(path, ["not JSON: nested too deeply"]) from error
    if not isinstance(document, dict) or not all(
        isinstance(document.get(key), list) for key in ("adjacency", "crossings")
    ):
        raise DataError(path, ["expected an object with 'adjacency' and 'crossings'"])
    pairs = tuple(
        from_dict(Adjacency, item, path=f"{path}: adjacency[{i}]")
        for i, item in enumerate(document["adjacency"])
    )
    points = tuple(
        from_dict(Crossing, item, path=f"{path}: crossings[{i}]")
        for i, item in enumerate(document["crossings"])
    )
    by_code: dict[str, list[Adjacency]] = {}
    for pair in pairs:
        by_code.setdefault(pair.a, []).append(pair)
        by_code.setdefault(pair.b, []).append(pair)
    meta = document.get("meta")
    return Borders(
        adjacency=pairs,
        crossings=points,
        by_code={code: tuple(found) for code, found in by_code.items()},
        meta=dict(meta) if isinstance(meta, dict) else {},
    )


def _kinds(sea: bool) -> frozenset[AdjacencyKind]:
    if parse_flag(sea, "sea"):
        return frozenset(AdjacencyKind)
    return frozenset({AdjacencyKind.LAND})


def _country_of(code: str) -> str:
    return code.partition("-")[0]


def neighbours_in(
    dataset: Holder,
    division: Division,
    *,
    across_borders: bool = False,
    sea: bool = False,
    perspective: Perspective | str = Perspective.NATIONAL,
) -> tuple[Division, ...]:
    """Return the units that touch *division*; see `Division.neighbours`."""
    if not isinstance(division, Division):
        raise TypeError(f"expected a Division, not {shorten(division)}")
    across = parse_flag(across_borders, "across_borders")
    kinds = _kinds(sea)
    view = parse_perspective(perspective)
    if division.level != 1:
        raise ValueError(
            f"neighbours are known for level-1 units only, not {division.code}"
        )
    codes = sorted(
        pair.other(division.code)
        for pair in dataset.borders().by_code.get(division.code, ())
        if pair.kind in kinds
        and (across or _country_of(pair.other(division.code)) == division.country)
    )
    found = (dataset.get(code) for code in codes)
    return tuple(d for d in found if d.in_view(view))


def border_pairs_in(
    dataset: Holder,
    first: str,
    second: str,
    *,
    sea: bool = False,
    perspective: Perspective | str = Perspective.NATIONAL,
) -> tuple[Adjacency, ...]:
    """`regionkit.border_pairs` on *dataset*."""
    one, two = parse_country(first), parse_country(second)
    kinds = _kinds(sea)
    view = parse_perspective(perspective)
    found: list[Adjacency] = []
    for pair in dataset.borders().adjacency:
        if pair.kind not in kinds:
            continue
        countries = (_country_of(pair.a), _country_of(pair.b))
        if countries == (one, two):
            oriented = pair
        elif countries == (two, one):
            oriented = attrs.evolve(pair, a=pair.b, b=pair.a)
        else:
            continue
        if all(dataset.get(code).in_view(view) for code in oriented.codes):
            found.append(oriented)
    return tuple(sorted(found, key=lambda p: p.codes))


def crossings_in(
    dataset: Holder,
    *,
    between: Iterable[str] = ("RU", "CN"),
    division: Division | str | None = None,
    mode: CrossingMode | str | None = None,
) -> tuple[Crossing, ...]:
    """`regionkit.crossings` on *dataset*."""
    if isinstance(between, str) or not isinstance(between, Iterable):
        raise TypeError(f"between must be two country codes, not {shorten(between)}")
    countries = [parse_country(c) for c in between]
    if len(countries) != 2 or countries[0] == countries[1]:
        raise ValueError(f"between must name two different countries, not {countries}")
    wanted = None if mode is None else parse_member(mode, CrossingMode, "crossing mode")
    if division is None:
        where: Division | None = None
    elif isinstance(division, Division):
        where = division
    else:
        where = dataset.get(division)
    found = [
        c
        for c in dataset.borders().crossings
        if {c.ru_unit[:2], c.cn_unit[:2]} == set(countries)
        and (wanted is None or wanted in c.modes)
        and (where is None or _in(c, where, dataset))
    ]
    return tuple(sorted(found, key=lambda c: c.id))


def _in(crossing: Crossing, division: Division, dataset: Holder) -> bool:
    """Whether *crossing* lies in *division* (a unit on either side, or below)."""
    code = division.code
    if code in (crossing.ru_unit, crossing.cn_unit, crossing.cn_county):
        return True
    if crossing.cn_county is None or division.country != "CN":
        return False
    county = dataset.get(crossing.cn_county)
    return any(a.code == code for a in county.ancestors())
