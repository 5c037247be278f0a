"""
The tree of divisions: the record index of a country, and walks over it.

Pure functions and data: the dataset hands in the records it has read, and
asks for parents, children, members and changes by code.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from regionkit._models import Change, Division

__all__ = ["RecordIndex", "ancestors", "by_code", "descendants", "extended"]

by_code = operator.attrgetter("code")  # sorts as Division's order, in C
# Change's order (attrs compares its fields in turn, the kind by value), in C.
_change_order = operator.attrgetter(
    "date", "kind.value", "before", "after", "note", "source"
)


@attrs.frozen
class RecordIndex:
    """Everything loaded so far for one country, and the indices over it."""

    records: dict[str, Division]
    aliases: dict[str, tuple[str, ...]]  # other codes (upper case) -> codes
    children: dict[str | None, tuple[Division, ...]]  # of every date
    members: dict[str, tuple[Division, ...]]  # grouping code -> member units
    enclosed: dict[str, tuple[Division, ...]]  # subject code -> subjects within it
    changes: tuple[Change, ...]
    after: dict[str, tuple[Change, ...]]  # code -> changes that produced it
    before: dict[str, tuple[Change, ...]]  # code -> changes that ended it
    files: int  # how many of the country's files are loaded
    digests: tuple[int, ...]  # CRC-32 of each loaded file, to match its name index
    meta: tuple[tuple[str, Any], ...]


def extended(
    old: RecordIndex | None,
    records: dict[str, Division],
    added: list[Division],
    changes: list[Change],
    digests: tuple[int, ...],
    meta: dict[str, Any],
) -> RecordIndex:
    """Return the index of *records*: *old*'s, with the *added* units and *changes*."""
    aliases: dict[str, list[str]] = {}
    children: dict[str | None, list[Division]] = {}
    members: dict[str, list[Division]] = {}
    enclosed: dict[str, list[Division]] = {}
    for division in sorted(added, key=by_code):
        for alias in _aliases(division):
            if alias != division.code:
                aliases.setdefault(alias, []).append(division.code)
        if not division.category.is_grouping:
            children.setdefault(division.parent_code, []).append(division)
        for grouping in division.grouping_codes:
            members.setdefault(grouping, []).append(division)
        if division.within_code is not None:
            enclosed.setdefault(division.within_code, []).append(division)
    after: dict[str, list[Change]] = {}
    before: dict[str, list[Change]] = {}
    for change in changes:
        for code in change.after:
            after.setdefault(code, []).append(change)
        for code in change.before:
            before.setdefault(code, []).append(change)
    return RecordIndex(
        records=records,
        aliases=_merged(old.aliases if old else {}, aliases, str),
        children=_merged(old.children if old else {}, children, by_code),
        members=_merged(old.members if old else {}, members, by_code),
        enclosed=_merged(old.enclosed if old else {}, enclosed, by_code),
        changes=tuple(
            sorted((*(old.changes if old else ()), *changes), key=_change_order)
        ),
        after=_merged(old.after if old else {}, after, _change_order),
        before=_merged(old.before if old else {}, before, _change_order),
        files=len(digests),
        digests=digests,
        meta=tuple(sorted(meta.items())),
    )


_K = TypeVar("_K")
_V = TypeVar("_V")


def _merged(
    old: dict[_K, tuple[_V, ...]],
    new: dict[_K, list[_V]],
    order: Callable[[_V], Any],
) -> dict[_K, tuple[_V, ...]]:
    """Return *old* with *new*'s items added under each key, kept in *order*."""
    merged = dict(old)
    for key, items in new.items():
        present = merged.get(key)
        items.sort(key=order)
        merged[key] = tuple(sorted((*present, *items), key=order) if present else items)
    return merged


def _aliases(division: Division) -> Iterable[str]:
    """Yield the other codes that `get` accepts for *division*, upper case."""
    if division.iso_3166_2:
        yield division.iso_3166_2.upper()
    if division.country == "CN" and division.national_code:
        yield division.national_code
        yield f"GB:{division.national_code}"
    if division.country == "RU":
        if division.national_code:
            yield f"SUBJECT:{division.national_code}"
        if division.okato:
            yield f"OKATO:{division.okato}"
        if division.oktmo:
            yield f"OKTMO:{division.oktmo}"
    for claim in division.claims:
        # The code another party uses (UA-43 for Crimea) finds the same unit.
        if claim.party_code and claim.party_code.upper() != division.code:
            yield claim.party_code.upper()


def ancestors(
    division: Division, parent: Callable[[Division], Division | None]
) -> tuple[Division, ...]:
    """Return the chain of parents of *division*, nearest first."""
    chain: list[Division] = []
    seen = {division.code}
    step = parent(division)
    while step is not None:
        if step.code in seen:  # the build rejects cycles; never loop on bad data
            raise ValueError(f"cycle in parents at {step.code}")
        seen.add(step.code)
        chain.append(step)
        step = parent(step)
    return tuple(chain)


def descendants(
    division: Division, children: Callable[[Division], tuple[Division, ...]]
) -> tuple[Division, ...]:
    """Return every unit below *division*, depth first, children in code order."""
    found: list[Division] = []
    stack = list(reversed(children(division)))
    while stack:
        step = stack.pop()
        found.append(step)
        stack.extend(reversed(children(step)))
    return tuple(found)
