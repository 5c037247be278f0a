"""
Build the packaged neighbours file: ``data/adjacency_*.csv``, ``data/crossings.csv``
-> ``src/regionkit/_data/neighbours.json``.

`tools/build_data.py` calls `build_neighbours` with the divisions it has just
built, so its ``--check`` covers this file too. The final adjacency is the derived
table with the reviewed overrides applied:

- start from ``data/adjacency_derived.csv`` (``tools/update_adjacency.py``);
- an override ``add`` sets the pair's kind and note and adds its sources to the
  derived ones (an ``add`` of a derived pair confirms it from a second source);
- an override ``remove`` drops a derived pair, and must find one.

Then every code must be a level-1 unit, every source id defined in
``data/sources.csv``, and every crossing must join two units that share
a land border. Uses only the standard library and regionkit itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from tables import DATA, Row, cited, load_sources, source_ids, table_rows

from regionkit._models import Division
from regionkit._neighbours import FILE, Adjacency, AdjacencyKind, Crossing
from regionkit.errors import DataError
from regionkit.serialization import from_dict, to_dict

DERIVED = "adjacency_derived.csv"
OVERRIDES = "adjacency_overrides.csv"
CROSSINGS = "crossings.csv"
CROSSING_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")

Pair = tuple[str, str]


class NeighboursError(Exception):
    """The neighbour tables are wrong; the message says where."""


def build_neighbours(
    known: Mapping[str, Division], data_version: str
) -> dict[str, str]:
    """Return ``{"neighbours.json": text}`` built from the tables in ``data/``."""
    sources = load_sources("")  # the sources of tables about both countries
    used: set[str] = set()

    def cite(where: str, cell: str) -> list[str]:
        return source_ids(where, cell, sources, used).split()

    def unit(where: str, code: str) -> Division:
        division = known.get(code)
        if division is None or division.level != 1:
            raise NeighboursError(f"{where}: {code} is not a level-1 unit")
        return division

    def pair_of(where: str, row: Row) -> Pair:
        a, b = row["a"], row["b"]
        unit(where, a)
        unit(where, b)
        if not a < b:
            raise NeighboursError(f"{where}: a must sort before b")
        return (a, b)

    final: dict[Pair, dict[str, Any]] = {}
    for where, row in table_rows(DATA / DERIVED, ("a", "b", "kind", "source")):
        pair = pair_of(where, row)
        if pair in final or row["kind"] != "land":
            raise NeighboursError(f"{where}: a repeated pair, or not land")
        final[pair] = {"kind": "land", "source": cite(where, row["source"]), "note": ""}
    seen: set[Pair] = set()
    for where, row in table_rows(
        DATA / OVERRIDES, ("a", "b", "kind", "action", "note", "source")
    ):
        pair = pair_of(where, row)
        if pair in seen:
            raise NeighboursError(f"{where}: {pair[0]}–{pair[1]} overridden twice")
        seen.add(pair)
        ids = cite(where, row["source"])
        if row["action"] == "remove":
            if final.pop(pair, None) is None:
                raise NeighboursError(f"{where}: removes a pair that is not derived")
        elif row["action"] == "add":
            old = final.get(pair, {"source": []})
            final[pair] = {
                "kind": row["kind"],
                "source": [*old["source"], *(i for i in ids if i not in old["source"])],
                "note": row["note"],
            }
        else:
            raise NeighboursError(f"{where}: action must be add or remove")
    adjacency: list[Adjacency] = []
    for (a, b), fields in sorted(final.items()):
        record = {"a": a, "b": b, **fields, "source": " ".join(fields["source"])}
        adjacency.append(structure(Adjacency, record, f"data/{OVERRIDES}: {a}–{b}"))
    land = {p.codes for p in adjacency if p.kind is AdjacencyKind.LAND}

    crossings: list[Crossing] = []
    crossing_columns = (
        "id",
        "name_en",
        "ru_town",
        "ru_unit",
        "cn_town",
        "cn_unit",
        "cn_county",
        "modes",
        "note",
        "source",
    )
    for where, row in table_rows(DATA / CROSSINGS, crossing_columns):
        if not CROSSING_ID.fullmatch(row["id"]):
            raise NeighboursError(f"{where}: id must be lower-kebab-case")
        if unit(where, row["ru_unit"]).country != "RU":
            raise NeighboursError(f"{where}: ru_unit is not Russian")
        if unit(where, row["cn_unit"]).country != "CN":
            raise NeighboursError(f"{where}: cn_unit is not Chinese")
        check_county(where, row["cn_county"], row["cn_unit"], known)
        if tuple(sorted((row["cn_unit"], row["ru_unit"]))) not in land:
            raise NeighboursError(f"{where}: its two units share no land border")
        record = {
            **row,
            "cn_county": row["cn_county"] or None,
            "modes": row["modes"].split(),
            "source": " ".join(cite(where, row["source"])),
        }
        crossings.append(structure(Crossing, record, where))
    ids = [c.id for c in crossings]
    if ids != sorted(set(ids)):
        raise NeighboursError(f"data/{CROSSINGS}: ids must be unique and sorted")

    meta = {
        "about": (
            "Generated by tools/build_data.py from data/adjacency_derived.csv, "
            "data/adjacency_overrides.csv and data/crossings.csv; do not edit."
        ),
        "data_version": data_version,
        **edition(),
        "sources": cited(sources, used),
    }
    return {FILE: render(meta, adjacency, crossings)}


def structure(cls: type[Any], record: Mapping[str, Any], where: str) -> Any:
    """Build a record with regionkit's converter; report problems as `where`."""
    try:
        return from_dict(cls, dict(record), path=where)
    except DataError as error:
        raise NeighboursError(str(error)) from error


def check_county(
    where: str, county: str, province: str, known: Mapping[str, Division]
) -> None:
    """Check that *county* (if given) is a unit below *province*."""
    if not county:
        return
    step = known.get(county)
    if step is None or step.level != 3:
        raise NeighboursError(f"{where}: {county} is not a county-level unit")
    while step is not None and step.parent_code is not None:
        step = known.get(step.parent_code)
    if step is None or step.code != province:
        raise NeighboursError(f"{where}: {county} does not lie in {province}")


def edition() -> dict[str, str]:
    """Return the ``as_of`` and ``edition`` of the file from data/editions.csv."""
    for _, row in table_rows(DATA / "editions.csv", ("file", "as_of", "edition")):
        if row["file"] == FILE:
            return {"as_of": row["as_of"], "edition": row["edition"]}
    raise NeighboursError(f"data/editions.csv: no row for {FILE}")


def render(
    meta: Mapping[str, Any], adjacency: list[Adjacency], crossings: list[Crossing]
) -> str:
    """Return the JSON text of the file: sorted, stable, one record a line."""

    def lines(records: list[Any]) -> str:
        return ",\n".join(
            json.dumps(to_dict(r), ensure_ascii=False, sort_keys=True) for r in records
        )

    head = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True)
    return (
        f'{{"meta": {head},\n"adjacency": [\n{lines(adjacency)}\n],\n'
        f'"crossings": [\n{lines(crossings)}\n]}}\n'
    )
