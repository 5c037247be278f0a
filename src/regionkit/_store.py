"""
The dataset: lazy per-country loading, the indices, and the default instance.

Nothing is read at import. A country's top level (``ru.json``, ``cn.json``) is
read the first time anything touches that country; China's lower levels
(``cn-lower.json``) only when a call needs them, and the lower units that no
longer exist (``cn-history.json``) only when a date or a former code asks for
them. Loading is guarded by one lock, so many threads arriving at once cause
one load and see the same objects.

Records of every date live side by side; listings and navigation show today's
units unless an ``as_of`` date asks for another day.
"""

from __future__ import annotations

import contextlib
import datetime
import operator
import os
import re
import sys
import threading
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import attrs

from regionkit import _hierarchy
from regionkit._lookup import (
    LookupResult,
    Match,
    NameIndex,
    check_text,
    code_match,
    drop_placeholders,
    no_cyclic_gc,
    pick,
    split_qualified,
)
from regionkit._manifest import CheckedReader
from regionkit._models import Category, Change, Division, Perspective
from regionkit._normalize import fold
from regionkit.errors import AmbiguousName, DataError, NotFound, UnknownCode, shorten

__all__ = ["COUNTRIES", "Dataset", "default_dataset"]

COUNTRIES = ("CN", "RU")
"""The countries regionkit covers, as ISO 3166-1 alpha-2 codes."""

# The files of each country, top level first; later files are loaded on demand.
_FILES: dict[str, tuple[str, ...]] = {
    "RU": ("ru.json",),
    "CN": ("cn.json", "cn-lower.json", "cn-history.json"),
}
# How much of a country to load: its top level, its current lower levels, or
# also the lower units that no longer exist.
_TOP, _LOWER_LEVELS, _HISTORY = 1, 2, 3
_MAX_CODE = 64
_CONFIDENT = 0.93  # a match at least this good stops lookup at its level
_LOOKUP_CACHE = 100_000  # remembered lookups per dataset; enough for real columns
# Prefixed forms of national codes accepted by `get`.
_PREFIXES = {"OKATO": "okato", "OKTMO": "oktmo", "SUBJECT": "subject", "GB": "gb"}


@attrs.frozen
class _Scope:
    """What a lookup may return: its country, level and container."""

    country: str | None
    countries: tuple[str, ...]
    level: int | None
    within: Division | None
    as_of: datetime.date | None = None

    def accepts(self, division: Division) -> bool:
        if division.country not in self.countries:
            return False
        if self.level is not None and division.level != self.level:
            return False
        if self.as_of is not None and not division.valid_on(self.as_of):
            return False
        if self.within is None:
            return True
        code = self.within.code
        return (
            division.within_code == code
            or code in division.grouping_codes
            or any(a.code == code for a in division.ancestors())
        )


def _ranked(matches: list[Match]) -> list[Match]:
    """Return the best match of each division, best first, ties in code order."""
    best: dict[str, Match] = {}
    for match in matches:
        old = best.get(match.division.code)
        if old is None or match.score > old.score:
            best[match.division.code] = match
    return sorted(best.values(), key=lambda m: (-m.score, m.division.code))


@attrs.frozen
class _Index:
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


class Dataset:
    """
    A set of divisions, loaded lazily per country and indexed once.

    The top-level functions (`regionkit.get`, `regionkit.divisions`) use the
    default dataset, read from the package's own data. Use `Dataset.from_path` to
    work on data from elsewhere.
    """

    def __init__(self, read: Callable[[str], bytes], origin: str = "regionkit") -> None:
        self._read = read
        self._origin = origin
        self._folder: Path | None = None  # set by `from_path`
        self._lock = threading.Lock()
        self._indices: dict[str, _Index] = {}
        self._name_indices: dict[tuple[str, int], NameIndex] = {}
        self._got: dict[str, Division] = {}
        self._lookups: dict[
            tuple[str, str | None, int | None, str | None, datetime.date | None],
            Division | LookupError,
        ] = {}

    @classmethod
    def from_path(cls, path: str | Path) -> Dataset:
        """
        Return a dataset that reads ``ru.json``, ``cn.json``… from *path*.

        Where the folder has a ``MANIFEST`` of checksums, each file is checked
        against it when first read.
        """
        folder = Path(path)
        read = CheckedReader(lambda name: (folder / name).read_bytes(), str(folder))
        dataset = cls(read, origin=str(folder))
        dataset._folder = folder
        return dataset

    def __reduce__(self) -> tuple[Callable[..., Dataset], tuple[Any, ...]]:
        """
        Pickle a dataset as where it reads from, so that divisions pickle.

        In the receiving process, the records of one source share one dataset.
        A dataset made from a read function cannot be pickled.
        """
        if self is _default:
            return default_dataset, ()
        if self._folder is not None:
            return _shared_dataset, (str(self._folder),)
        raise TypeError("a Dataset made from a read function cannot be pickled")

    def __repr__(self) -> str:
        loaded = ", ".join(sorted(self._indices)) or "nothing"
        return f"<Dataset from {self._origin}; loaded: {loaded}>"

    # -- public operations ---------------------------------------------------------

    def get(self, code: object, *, as_of: datetime.date | None = None) -> Division:
        """Return the division with *code*; see `regionkit.get`."""
        if as_of is None and type(code) is str:
            hit = self._got.get(code)  # the codes a program asks for, as it spells them
            if hit is not None:
                return hit
        key = _code_key(code)
        day = _day(as_of)
        # Only a code with digits (GB/T 2260) can name a lower unit of China:
        # a miss on "RU-XYZ" or "MOSCOW" must not load the lower files.
        stages_of = _stages if any(c.isdigit() for c in key) else _top_only
        for country in _countries_for(key):
            for stage in stages_of(country):
                found = self._find(country, key, stage, day)
                if found is not None:
                    if day is None and len(self._got) < _LOOKUP_CACHE:
                        self._got[code] = found  # type: ignore[index]  # a str here
                    return found
        raise UnknownCode(code)

    def divisions(
        self,
        country: str | None = None,
        *,
        category: Category | str | None = None,
        level: int | None = None,
        parent: Division | str | None = None,
        perspective: Perspective | str = Perspective.NATIONAL,
        as_of: datetime.date | None = None,
    ) -> tuple[Division, ...]:
        """List divisions in code order; see `regionkit.divisions`."""
        day = _day(as_of)
        countries = COUNTRIES if country is None else (_country(country),)
        wanted = None if category is None else _category(category)
        view = _perspective(perspective)
        if level is not None and (
            not isinstance(level, int) or isinstance(level, bool)
        ):
            raise TypeError(f"level must be an int or None, not {shorten(level)}")
        if parent is not None:
            pool: Iterable[Division] = self.children(self._division(parent), as_of=day)
        else:
            deep = (
                level is None or level > 1 or (wanted is not None and _is_lower(wanted))
            )
            stage = (_HISTORY if day else _LOWER_LEVELS) if deep else _TOP
            pool = (
                d for c in countries for d in self._index(c, stage).records.values()
            )
        return tuple(
            sorted(
                (
                    d
                    for d in pool
                    if d.country in countries
                    and (wanted is None or d.category is wanted)
                    and (level is None or d.level == level)
                    and (d.is_current if day is None else d.valid_on(day))
                    and d.in_view(view)
                ),
                key=_by_code,
            )
        )

    def parent(self, division: Division) -> Division | None:
        """Return the parent of *division*."""
        if division.parent_code is None:
            return None
        return self.get(division.parent_code)

    def children(
        self, division: Division, *, as_of: datetime.date | None = None
    ) -> tuple[Division, ...]:
        """
        Return the units one level down, or a grouping's members.

        Without *as_of*: today's children of a current unit, and the last
        children of a unit that no longer exists.
        """
        if division.category.is_grouping:
            pool = self._index(division.country, _TOP).members.get(division.code, ())
        else:
            stage = _TOP
            if division.level is not None and _has_lower(division.country):
                stage = (
                    _LOWER_LEVELS if as_of is None and division.is_current else _HISTORY
                )
            pool = self._index(division.country, stage).children.get(division.code, ())
        day = as_of if as_of is not None else division.valid_to
        if day is None:
            return tuple(d for d in pool if d.is_current)
        return tuple(d for d in pool if d.valid_on(day))

    def enclosed(self, division: Division) -> tuple[Division, ...]:
        """Return the subjects that lie inside *division* (while both exist)."""
        day = division.valid_to
        return tuple(
            d
            for d in self._index(division.country, _TOP).enclosed.get(division.code, ())
            if (d.is_current if day is None else d.valid_on(day))
        )

    def predecessors(self, division: Division) -> tuple[Division, ...]:
        """Return the units *division* was made from."""
        return self._linked(division, successors=False)

    def successors(self, division: Division) -> tuple[Division, ...]:
        """Return the units *division* became."""
        return self._linked(division, successors=True)

    def _linked(self, division: Division, *, successors: bool) -> tuple[Division, ...]:
        """Return the units on the other side of the changes *division* took part in."""
        index = self._index(division.country, _full(division.country))
        changes = (index.before if successors else index.after).get(division.code, ())
        codes = {
            code
            for change in changes
            for code in (change.after if successors else change.before)
            if code != division.code
        }
        return tuple(sorted((self.get(code) for code in codes), key=_by_code))

    def changes(
        self,
        country: str | None = None,
        *,
        since: datetime.date | None = None,
        until: datetime.date | None = None,
    ) -> tuple[Change, ...]:
        """List the changes in date order; see `regionkit.changes`."""
        countries = COUNTRIES if country is None else (_country(country),)
        start, end = _day(since), _day(until)
        return tuple(
            sorted(
                change
                for c in countries
                for change in self._index(c, _full(c)).changes
                if (start is None or change.date >= start)
                and (end is None or change.date <= end)
            )
        )

    def ancestors(self, division: Division) -> tuple[Division, ...]:
        """Return the parents of *division*, nearest first."""
        return _hierarchy.ancestors(division, self.parent)

    def descendants(
        self, division: Division, *, as_of: datetime.date | None = None
    ) -> tuple[Division, ...]:
        """Return every unit below *division*, depth first."""
        day = _day(as_of)
        return _hierarchy.descendants(division, lambda d: self.children(d, as_of=day))

    def siblings(
        self, division: Division, *, as_of: datetime.date | None = None
    ) -> tuple[Division, ...]:
        """Return the other units that share *division*'s parent and level."""
        day = _day(as_of) or division.valid_to
        if division.parent_code is not None:
            pool = self.children(self.get(division.parent_code), as_of=day)
        else:
            # Level-1 units are siblings of each other; a grouping's siblings
            # are the groupings of its own category.
            grouping = division.category.is_grouping
            pool = tuple(
                d
                for d in self._index(division.country, _TOP).records.values()
                if d.parent_code is None
                and d.category.is_grouping == grouping
                and (not grouping or d.category is division.category)
                and (d.is_current if day is None else d.valid_on(day))
            )
        return tuple(
            sorted(
                (
                    d
                    for d in pool
                    if d.code != division.code and d.level == division.level
                ),
                key=_by_code,
            )
        )

    # -- lookup ----------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        country: str | None = None,
        level: int | None = None,
        within: Division | str | None = None,
        as_of: datetime.date | None = None,
    ) -> tuple[Match, ...]:
        """Return every match for *text*, best first; see `regionkit.resolve`."""
        check_text(text)
        scope = self._scope(country, level, within, as_of)
        code = code_match(self, text, scope.countries)
        if code is not None and scope.accepts(code.division):
            return (code,)
        found = self._matches(text, scope, stop_early=False, fuzzy=False)
        if scope.as_of is None and (not found or found[0].score < _CONFIDENT):
            found = _ranked(  # former lower units join weak or no matches
                found
                + self._matches(
                    text, scope, stop_early=False, fuzzy=False, stages=(_HISTORY,)
                )
            )
        if not found:
            found = self._matches(text, scope, stop_early=False)
        return tuple(found)

    def lookup(
        self,
        text: str,
        *,
        country: str | None = None,
        level: int | None = None,
        within: Division | str | None = None,
        as_of: datetime.date | None = None,
    ) -> Division:
        """Return the one division *text* names; see `regionkit.lookup`."""
        key = (
            text,
            country,
            level,
            within.code if isinstance(within, Division) else within,
            as_of,
        )
        try:
            cached = self._lookups.get(key)
        except TypeError:  # an unhashable argument: let the checks below name it
            cached = None
        if cached is None:
            cached = self._lookup(
                text, country=country, level=level, within=within, as_of=as_of
            )
            if len(self._lookups) < _LOOKUP_CACHE:
                self._lookups[key] = cached
        if isinstance(cached, Division):
            return cached
        raise cached.with_traceback(None)  # a remembered miss: don't grow its traceback

    def lookup_many(
        self,
        values: Iterable[object],
        *,
        country: str | None = None,
        level: int | None = None,
        within: Division | str | None = None,
        as_of: datetime.date | None = None,
        current: bool = False,
    ) -> tuple[LookupResult, ...]:
        """Look up many values, each distinct one once; see `regionkit.lookup_many`."""
        self._scope(country, level, within, as_of)  # bad filters fail up front
        done: dict[object, LookupResult] = {}
        results: list[LookupResult] = []
        append = results.append
        for value in values:
            try:
                result = done.get(value)
            except TypeError:  # unhashable: resolve it, don't remember it
                result = None
            if result is None:
                result = self._one(value, country, level, within, as_of, current)
                with contextlib.suppress(TypeError):
                    done[value] = result
            append(result)
        return tuple(results)

    def _one(
        self,
        value: object,
        country: str | None,
        level: int | None,
        within: Division | str | None,
        as_of: datetime.date | None,
        current: bool,
    ) -> LookupResult:
        try:
            found = self.lookup(
                value,  # type: ignore[arg-type]  # checked inside: bad values are reported
                country=country,
                level=level,
                within=within,
                as_of=as_of,
            )
            if current and not found.is_current:
                found = self._today(value, found)
        except (LookupError, ValueError, TypeError) as error:
            return LookupResult(value, None, error)
        return LookupResult(value, found, None)

    def _today(self, query: object, division: Division) -> Division:
        """Follow *division*'s successors to the one unit that exists today."""
        seen = {division.code}
        units = [division]
        while any(not d.is_current for d in units):
            following: list[Division] = []
            for unit in units:
                if unit.is_current:
                    following.append(unit)
                    continue
                for successor in self.successors(unit):
                    if successor.code not in seen:
                        seen.add(successor.code)
                        following.append(successor)
            if not following:
                raise NotFound(query)  # abolished with no successor
            units = following
        found = sorted(set(units))
        if len(found) > 1:
            raise AmbiguousName(query, found)  # split: several units today
        return found[0]

    def _lookup(
        self,
        text: str,
        *,
        country: str | None,
        level: int | None,
        within: Division | str | None,
        as_of: datetime.date | None,
    ) -> Division | LookupError:
        check_text(text)
        scope = self._scope(country, level, within, as_of)
        code = code_match(self, text, scope.countries)
        if code is not None and scope.accepts(code.division):
            return code.division
        # Today's units first; then "name, container" readings; then the lower
        # units that no longer exist (unless a date asked for them already);
        # typos last: a qualified name must not be taken for a typo of its
        # container, nor cost the loading of the code history.
        found = self._matches(text, scope, stop_early=True, fuzzy=False)
        if not found:
            qualified = self._qualified(text, scope)
            if qualified is not None:
                return qualified
        found = self._with_former(text, scope, found)
        try:
            return pick(text, found)
        except AmbiguousName as error:
            return self._qualified(text, scope) or error
        except NotFound:
            pass
        # A gloss in brackets is no part of the name: "Primorskiy (Maritime) Kray".
        bare = " ".join(_BRACKETED.sub(" ", text).split())
        if bare and bare != " ".join(text.split()):
            try:
                return self._strict(bare, scope)
            except AmbiguousName as error:
                return error
            except (NotFound, ValueError):
                pass
        try:
            return pick(text, self._matches(text, scope, stop_early=True, fuzzy=True))
        except (NotFound, AmbiguousName) as error:
            return error

    def _exact(self, text: str, scope: _Scope) -> list[Match]:
        """Return the matches of *text* without typos, best first."""
        found = self._matches(text, scope, stop_early=True, fuzzy=False)
        return self._with_former(text, scope, found)

    def _with_former(self, text: str, scope: _Scope, found: list[Match]) -> list[Match]:
        """
        Return *found*, or the matches of lower units that no longer exist.

        They are consulted, unless a date asked for them already, only where
        today's units give no confident match: "崇明县" (the former county)
        beats the bare core of 崇明区, but "吉林" stays today's province.
        """
        if scope.as_of is None and (not found or found[0].score < _CONFIDENT):
            former = self._matches(
                text, scope, stop_early=True, fuzzy=False, stages=(_HISTORY,)
            )
            if former and (not found or former[0].score > found[0].score):
                return former
        return found

    def _strict(self, text: str, scope: _Scope) -> Division:
        """Return the one division *text* names without typos, or raise."""
        return pick(text, self._exact(text, scope))

    def _qualified(self, text: str, scope: _Scope, depth: int = 0) -> Division | None:
        """
        Try "name, container" and "容器名称" readings of *text*.

        A container must be a name the data holds, or itself a qualified name
        with commas or in Chinese ("Tianhe, Guangzhou, Guangdong"); a reading
        may nest twice more (省 + 市 + 区).
        """
        if depth > 2:
            return None
        for name, container_text in split_qualified(drop_placeholders(text)):
            container = self._container(container_text, scope, depth)
            if container is None:
                continue
            if fold(name) == fold(container_text) and scope.accepts(container):
                return container  # 广东省东莞市东莞市: a city with no districts
            inner = self._scope(scope.country, scope.level, container, scope.as_of)
            try:
                return self._strict(name, inner)
            except (LookupError, ValueError):
                found = self._qualified(name, inner, depth + 1)
                if found is not None:
                    return found
        return None

    def _container(self, text: str, scope: _Scope, depth: int) -> Division | None:
        """Return the one unit *text* names as a container, or ``None``."""
        outer = self._scope(scope.country, None, scope.within, scope.as_of)
        if self._is_name(text, scope.countries):
            try:
                return self._strict(text, outer)
            except (LookupError, ValueError):
                return None
        if "," in text or "，" in text or _is_chinese(text):
            return self._qualified(text, outer, depth + 1)
        return None

    def _is_name(self, text: str, countries: tuple[str, ...]) -> bool:
        """Whether *text* is, up to normalization, a name some division bears."""
        return any(
            self._names(country, stage).knows(text)
            for country in countries
            for stage in _stages(country)
        )

    def _scope(
        self,
        country: str | None,
        level: int | None,
        within: Division | str | None,
        as_of: datetime.date | None = None,
    ) -> _Scope:
        countries = COUNTRIES if country is None else (_country(country),)
        if level is not None and (
            not isinstance(level, int) or isinstance(level, bool)
        ):
            raise TypeError(f"level must be an int or None, not {shorten(level)}")
        container = None if within is None else self._division(within)
        return _Scope(
            country=country if country is None else _country(country),
            countries=countries,
            level=level,
            within=container,
            as_of=_day(as_of),
        )

    def _matches(
        self,
        text: str,
        scope: _Scope,
        *,
        stop_early: bool,
        fuzzy: bool = True,
        stages: tuple[int, ...] | None = None,
    ) -> list[Match]:
        # Today's units first, level by level; the lower units that no longer
        # exist only where a date asks for them, or where asked for by *stages*
        # ("崇明县" is the former county, whose successor is 崇明区).
        if stages is None:
            stages = (_TOP, _LOWER_LEVELS, _HISTORY)
            if scope.as_of is None:
                stages = (_TOP, _LOWER_LEVELS)
        tiers = [
            (c, stage)
            for stage in stages
            for c in scope.countries
            if stage in _stages(c)
            and (scope.level is None or (scope.level > 1) == (stage > _TOP))
        ]
        found: list[Match] = []
        for typos in (False, True) if fuzzy else (False,):
            for country, stage in tiers:
                index = self._names(country, stage)
                for code, score, matched, kind in index.search(
                    text, fuzzy=typos, exact_first=stop_early
                ):
                    division = self._index(country, stage).records.get(code)
                    if division is not None and scope.accepts(division):
                        found.append(Match(division, score, matched, kind))
                # A confident match on a higher level ends the search; a bare
                # core match ("Hebei" in "Hebei Qu") lets lower levels compete.
                if stop_early and found and max(m.score for m in found) >= _CONFIDENT:
                    return _ranked(found)
            if found:
                return _ranked(found)
        return found

    def _names(self, country: str, stage: int) -> NameIndex:
        """Return the name index of *country*'s file for *stage*."""
        index = self._name_indices.get((country, stage))
        if index is None:
            loaded = self._index(country, stage)
            with self._lock:
                index = self._name_indices.get((country, stage))
                if index is None:
                    with no_cyclic_gc():
                        index = self._prebuilt_names(country, stage, loaded)
                        if index is None:
                            index = NameIndex.build(
                                d
                                for d in loaded.records.values()
                                if _stage_of(d) == stage
                            )
                    self._name_indices[(country, stage)] = index
        return index

    def _prebuilt_names(
        self, country: str, stage: int, loaded: _Index
    ) -> NameIndex | None:
        """
        Read the index built with the data file of *stage*, if it is there.

        An index built from other data (a data file edited since) is ignored
        and the names are indexed anew; a damaged one raises `DataError`.
        """
        data_file = _FILES[country][stage - 1]
        name = data_file.removesuffix(".json") + ".index"
        try:
            raw = self._read(name)
        except OSError:
            return None
        try:
            return NameIndex.decode(raw, loaded.digests[stage - 1])
        except ValueError as error:
            raise DataError(f"{self._origin}/{name}", [str(error)]) from None

    def meta(self, country: str) -> dict[str, Any]:
        """Return the ``meta`` block of *country*'s data files (merged)."""
        return dict(self._index(_country(country), _TOP).meta)

    # -- loading -------------------------------------------------------------------

    def _division(self, value: Division | str) -> Division:
        if isinstance(value, Division):
            return value
        return self.get(value)

    def _find(
        self, country: str, key: str, stage: int, day: datetime.date | None
    ) -> Division | None:
        """Return the record *key* names: valid on *day*, else today's or the last."""
        index = self._index(country, stage)
        candidates = [index.records[c] for c in index.aliases.get(key, ())]
        exact = index.records.get(key)
        if exact is not None:
            candidates.insert(0, exact)
        if day is not None:
            return next((d for d in candidates if d.valid_on(day)), None)
        current = [d for d in candidates if d.is_current]
        if current or not candidates:
            return current[0] if current else None
        return max(candidates, key=lambda d: d.valid_to or datetime.date.max)

    def _index(self, country: str, stage: int) -> _Index:
        wanted = min(stage, len(_FILES[country]))
        index = self._indices.get(country)
        if index is not None and index.files >= wanted:
            return index
        with self._lock:
            index = self._indices.get(country)
            if index is None or index.files < wanted:
                index = self._load(country, wanted, index)
                self._indices[country] = index
            return index

    def _load(self, country: str, files: int, old: _Index | None) -> _Index:
        with no_cyclic_gc():
            return self._load_files(country, files, old)

    def _load_files(self, country: str, files: int, old: _Index | None) -> _Index:
        from regionkit._datafile import read_division_file

        records = dict(old.records) if old is not None else {}
        meta = dict(old.meta) if old is not None else {}
        digests = list(old.digests) if old is not None else []
        added: list[Division] = []
        changes: list[Change] = []
        for name in _FILES[country][old.files if old is not None else 0 : files]:
            try:
                raw = self._read(name)
            except OSError as error:
                raise DataError(f"{self._origin}/{name}", [str(error)]) from error
            digests.append(zlib.crc32(raw))
            file_meta, divisions, file_changes = read_division_file(
                raw, f"{self._origin}/{name}", dataset=self, structure=_from_dict
            )
            for key, value in file_meta.items():  # the top file's edition wins
                meta.setdefault(key, value)
            changes += file_changes
            for division in divisions:
                problem = (
                    f"country is not {country}"
                    if division.country != country
                    else "the code is used twice"
                    if division.code in records
                    else None
                )
                if problem:
                    raise DataError(
                        f"{self._origin}/{name}", [f"{division.code}: {problem}"]
                    )
                records[division.code] = division
            added += divisions
        return _build_index(old, records, added, changes, tuple(digests), meta)


def _from_dict(data: object, kind: Any, path: str) -> Any:
    """Read records written as objects with the public strict converter."""
    from regionkit.serialization import from_dict  # cattrs, for such files only

    return from_dict(kind, data, path=path)


_K = TypeVar("_K")
_V = TypeVar("_V")


def _build_index(
    old: _Index | None,
    records: dict[str, Division],
    added: list[Division],
    changes: list[Change],
    digests: tuple[int, ...],
    meta: dict[str, Any],
) -> _Index:
    """Return the index of *records*: *old*'s, with the *added* units and *changes*."""
    aliases: dict[str, list[str]] = {}
    children: dict[str | None, list[Division]] = {}
    members: dict[str, list[Division]] = {}
    enclosed: dict[str, list[Division]] = {}
    for division in sorted(added, key=_by_code):
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
    return _Index(
        records=records,
        aliases=_merged(old.aliases if old else {}, aliases, str),
        children=_merged(old.children if old else {}, children, _by_code),
        members=_merged(old.members if old else {}, members, _by_code),
        enclosed=_merged(old.enclosed if old else {}, enclosed, _by_code),
        changes=tuple(
            sorted((*(old.changes if old else ()), *changes), key=_change_order)
        ),
        after=_merged(old.after if old else {}, after, _change_order),
        before=_merged(old.before if old else {}, before, _change_order),
        files=len(digests),
        digests=digests,
        meta=tuple(sorted(meta.items())),
    )


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


def _code_key(code: object) -> str:
    if not isinstance(code, str):
        raise TypeError(f"code must be a str, not {type(code).__name__}")
    key = code.strip().upper()
    if not key or len(key) > _MAX_CODE:
        raise UnknownCode(code)
    prefix, colon, rest = key.partition(":")
    if colon:
        key = f"{prefix.strip()}:{rest.strip()}"
    return key


def _countries_for(key: str) -> tuple[str, ...]:
    """Return the countries whose data may hold *key*, likeliest first."""
    prefix = key.partition("-")[0].partition(":")[0]
    if prefix in COUNTRIES:
        return (prefix,)
    if prefix in {"OKATO", "OKTMO", "SUBJECT"}:
        return ("RU",)
    if prefix == "GB" or key.isdigit():
        return ("CN",)
    return COUNTRIES


_BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）")
_by_code = operator.attrgetter("code")  # sorts as Division's order, in C
# Change's order (attrs compares its fields in turn, the kind by value), in C.
_change_order = operator.attrgetter(
    "date", "kind.value", "before", "after", "note", "source"
)


def _is_chinese(text: str) -> bool:
    return all("\u3400" <= c <= "\u9fff" or c.isspace() for c in text)


def _has_lower(country: str) -> bool:
    return len(_FILES[country]) > 1


def _top_only(country: str) -> tuple[int, ...]:
    return (_TOP,)


def _stages(country: str) -> tuple[int, ...]:
    """Return the loading stages *country* has, top first."""
    return (_TOP, _LOWER_LEVELS, _HISTORY)[: len(_FILES[country])]


def _full(country: str) -> int:
    """Return the stage that loads everything *country* has."""
    return len(_FILES[country])


def _stage_of(division: Division) -> int:
    """Return the stage whose file holds *division*."""
    if (division.level or 1) == 1:
        return _TOP
    return _LOWER_LEVELS if division.is_current else _HISTORY


def _day(value: object) -> datetime.date | None:
    """Check an ``as_of`` argument: a date (not a datetime) or None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"as_of must be a datetime.date, not {type(value).__name__}")
    return value


_LOWER = {
    Category.PREFECTURE_LEVEL_CITY,
    Category.PREFECTURE,
    Category.AUTONOMOUS_PREFECTURE,
    Category.LEAGUE,
    Category.DISTRICT,
    Category.COUNTY,
    Category.COUNTY_LEVEL_CITY,
    Category.AUTONOMOUS_COUNTY,
    Category.BANNER,
    Category.AUTONOMOUS_BANNER,
    Category.FORESTRY_DISTRICT,
    Category.SPECIAL_DISTRICT,
    Category.ADMINISTRATIVE_REGION,
    Category.ISLANDS_OFFICE,
    Category.COUNTY_LEVEL_TOWN,
}


def _is_lower(category: Category) -> bool:
    return category in _LOWER


def _country(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"country must be a str, not {type(value).__name__}")
    country = value.strip().upper()
    if country not in COUNTRIES:
        raise ValueError(
            f"country must be one of {', '.join(COUNTRIES)}, not {shorten(value)}"
        )
    return country


_E = TypeVar("_E", Category, Perspective)


def _member(value: object, enum: type[_E], what: str) -> _E:
    """Return the *enum* member *value* names (a member or its value string)."""
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"{what} must be a {enum.__name__} or str, not {type(value).__name__}"
        )
    try:
        return enum(value.strip().lower())
    except ValueError:
        raise ValueError(f"unknown {what} {shorten(value)}") from None


def _category(value: object) -> Category:
    return _member(value, Category, "category")


def _perspective(value: object) -> Perspective:
    return _member(value, Perspective, "perspective")


def _read_package_file(name: str) -> bytes:
    # The package's own loader reads its data (from a zip too), as pkgutil
    # does; importlib.resources would cost its imports on every first call.
    spec = sys.modules["regionkit"].__spec__
    get_data = getattr(spec and spec.loader, "get_data", None)
    if spec is None or spec.origin is None or get_data is None:
        import importlib.resources

        return (
            importlib.resources.files("regionkit").joinpath("_data", name).read_bytes()
        )
    data: bytes = get_data(os.path.join(os.path.dirname(spec.origin), "_data", name))
    return data


_default: Dataset | None = None
_default_lock = threading.Lock()


_shared: dict[str, Dataset] = {}


def _shared_dataset(folder: str) -> Dataset:
    """Return the one dataset of *folder* that unpickled records share."""
    with _default_lock:
        dataset = _shared.get(folder)
        if dataset is None:
            dataset = _shared[folder] = Dataset.from_path(folder)
        return dataset


def default_dataset() -> Dataset:
    """Return the dataset read from the package's own data (made once)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Dataset(CheckedReader(_read_package_file, "regionkit"))
    return _default
