"""
The dataset: lazy per-country loading, the indices, and the default instance.

Nothing is read at import. A country's top level (``ru.json``, ``cn.json``) is
read the first time anything touches that country; China's lower levels
(``cn-lower.json``) and Russia's localities (``ru-places.json``) only when a
call needs them, and the lower units that no
longer exist (``cn-history.json``) only when a date or a former code asks for
them. Loading is guarded by one lock, so many threads arriving at once cause
one load and see the same objects.

Records of every date live side by side; listings and navigation show today's
units unless an ``as_of`` date asks for another day.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import gc
import itertools
import os
import re
import sys
import threading
import unicodedata
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from regionkit import _hierarchy, _lookup, _townships
from regionkit._answers import Answers
from regionkit._datafile import read_division_file
from regionkit._hierarchy import RecordIndex, by_code
from regionkit._index import core_of, probed_keys
from regionkit._lookup import (
    HISTORY,
    LOWER_LEVELS,
    TOP,
    TOWNSHIPS,
    LookupResult,
    Match,
    MatchKind,
    Miss,
    NameIndex,
    Names,
    Scope,
    check_text,
    current_unit,
    no_cyclic_gc,
)
from regionkit._manifest import CheckedReader
from regionkit._models import (
    COUNTRIES,
    Category,
    Change,
    Division,
    Perspective,
    parse_category,
    parse_country,
    parse_day,
    parse_flag,
    parse_level,
    parse_perspective,
)
from regionkit._sorted_lines import SortedLines
from regionkit.errors import DataError, NotFound, UnknownCode, shorten

if TYPE_CHECKING:
    from regionkit._neighbours import Borders
    from regionkit._reporting import State

__all__ = ["COUNTRIES", "Dataset", "default_dataset"]

# A match kind by its value, as the answers file gives it (a dict, not the
# enum's lookup by value: this is the first-sight lookup's path).
_KIND_OF = {kind.value: kind for kind in MatchKind}

# The files of each country, top level first; later files are loaded on demand.
_FILES: dict[str, tuple[str, ...]] = {
    "RU": ("ru.json", "ru-places.json"),
    "CN": ("cn.json", "cn-lower.json", "cn-history.json"),
}
_ANSWERS = "answers.index"  # prebuilt answers of plain lookups (`_answers`)
_FOREIGN = "foreign-names.txt"  # places elsewhere near ours (`is_foreign_name`)
_MAX_CODE = 64
CACHE_SIZE = 100_000
"""
How many answers of `Dataset.get` and of `Dataset.lookup` a dataset remembers,
each. When a cache is full, its oldest tenth is forgotten. `get` keeps no
failure; `lookup` keeps a failure as a record, and raises a fresh exception.
"""
# Prefixed forms of national codes accepted by `get`.
_PREFIXES = {"OKATO": "okato", "OKTMO": "oktmo", "SUBJECT": "subject", "GB": "gb"}


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
        self._indices: dict[str, RecordIndex] = {}
        self._name_indices: dict[tuple[str, int], NameIndex] = {}
        self._borders: Borders | None = None
        self._reporting: State | None = None
        self._answers: Answers | None = None
        self._answers_read = False
        self._foreign: SortedLines | None = None
        self._townships: _townships.Townships | None = None
        # Bounded caches of answers (CACHE_SIZE): codes as spelled, texts looked
        # up without filters, and texts with filters, keyed after the checks.
        self._got: dict[str, Division] = {}
        self._named: dict[str, Match | Miss] = {}
        self._found: dict[tuple[Any, ...], Match | Miss] = {}
        self._keyed: dict[str, bool] = {}  # `may_be_key`'s answers
        _datasets.add(self)

    @classmethod
    def from_path(cls, path: str | Path) -> Dataset:
        """
        Return a dataset that reads ``ru.json``, ``cn.json``… from *path*.

        Where the folder has a ``MANIFEST`` of checksums, each file is checked
        against it when first read. A relative *path* is resolved once, here:
        changing the working directory later does not change what is read.
        """
        folder = Path(path).resolve()
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
            hit = self._got.get(code)  # the codes a program asks for, as spelled
            if hit is None:
                hit = _remember(self._got, code, self._get(code, None))
            return hit
        return self._get(code, parse_day(as_of))

    def _get(self, code: object, day: datetime.date | None) -> Division:
        key = _code_key(code)
        if _TOWNSHIP_CODE.fullmatch(key):  # China's township level (NBS codes)
            code_of = key if key.startswith("CN-") else f"CN-{key}"
            found = self._township_level().division(code_of)
            if found is not None and (day is None or self._township_on(found, day)):
                return found
            raise UnknownCode(code)
        # Only a code with digits (GB/T 2260) or a SAR's prefix can name a lower
        # unit of China: a miss on "RU-XYZ" or "MOSCOW" must not load the lower
        # files.
        lower = any(c.isdigit() for c in key) or key.startswith(_SAR_PREFIXES)
        stages_of = self.stages if lower else _top_only
        for country in _countries_for(key):
            for stage in stages_of(country):
                found = self._find_code(country, key, stage, day)
                if found is not None:
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
        day = parse_day(as_of)
        countries = COUNTRIES if country is None else (parse_country(country),)
        wanted = None if category is None else parse_category(category)
        view = parse_perspective(perspective)
        level = parse_level(level)
        if parent is not None:
            pool: Iterable[Division] = self.children(self._division(parent), as_of=day)
        elif "CN" in countries and (
            level == 4 or wanted in _townships.CATEGORIES or wanted is _ZONE
        ):  # the township level is listed when asked for by level or category
            pool = self._township_level().divisions()
        else:
            deep = (
                level is None or level > 1 or (wanted is not None and _is_lower(wanted))
            )
            stage = (HISTORY if day else LOWER_LEVELS) if deep else TOP
            pool = (
                d for c in countries for d in self._index(c, stage).records.values()
            )
        if day is not None and parent is None and level in (None, 4):
            # A township has no dates of its own: it is there on a day when
            # the unit it is filed under is (the 2023 list, under today's units).
            pool = self._townships_on(pool, day)
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
                key=by_code,
            )
        )

    def _township_on(self, township: Division, day: datetime.date) -> bool:
        """Whether the unit a township is filed under existed on *day*."""
        if township.parent_code is None:
            return True
        try:
            self._get(township.parent_code, day)
        except UnknownCode:
            return False
        return True

    def _townships_on(
        self, pool: Iterable[Division], day: datetime.date
    ) -> Iterator[Division]:
        """Keep what of *pool* is there on *day* (a township through its parent)."""
        known: dict[str, bool] = {}
        for division in pool:
            if division.level != 4 or division.parent_code is None:
                yield division
                continue
            there = known.get(division.parent_code)
            if there is None:
                there = known[division.parent_code] = self._township_on(division, day)
            if there:
                yield division

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
            # Hong Kong's areas group districts, which the lower file holds.
            stage = LOWER_LEVELS if division.category is _SAR_AREA else TOP
            pool = self._index(division.country, stage).members.get(division.code, ())
        else:
            stage = TOP
            if division.level is not None and _has_lower(division.country):
                stage = (
                    LOWER_LEVELS if as_of is None and division.is_current else HISTORY
                )
            pool = self._index(division.country, stage).children.get(division.code, ())
            if (
                division.country == "CN"
                and division.is_current
                and (division.level == 3 or (division.level == 2 and not pool))
            ):  # its townships; a city with no counties (东莞市) has them itself
                pool = (*pool, *self._township_level().children(division.code))
        day = as_of if as_of is not None else division.valid_to
        if day is None:
            return tuple(d for d in pool if d.is_current)
        return tuple(d for d in pool if d.valid_on(day))

    def township_names(self, division: Division) -> tuple[tuple[str, str], ...]:
        """
        Return the Chinese full names of the townships `children` gives *division*.

        Each as (name, code), Simplified and Traditional, with no record made.
        """
        if division.country != "CN" or not division.is_current:
            return ()
        if division.level == 2:  # a city with no counties has them itself
            if self._index("CN", LOWER_LEVELS).children.get(division.code):
                return ()
        elif division.level != 3:
            return ()
        return self._township_level().full_names(division.code)

    def enclosed(self, division: Division) -> tuple[Division, ...]:
        """Return the subjects that lie inside *division* (while both exist)."""
        day = division.valid_to
        return tuple(
            d
            for d in self._index(division.country, TOP).enclosed.get(division.code, ())
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
        return tuple(sorted((self.get(code) for code in codes), key=by_code))

    def changes(
        self,
        country: str | None = None,
        *,
        since: datetime.date | None = None,
        until: datetime.date | None = None,
    ) -> tuple[Change, ...]:
        """List the changes in date order; see `regionkit.changes`."""
        countries = COUNTRIES if country is None else (parse_country(country),)
        start, end = parse_day(since, "since"), parse_day(until, "until")
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
        self,
        division: Division,
        *,
        as_of: datetime.date | None = None,
        level: int | None = None,
    ) -> tuple[Division, ...]:
        """Return every unit below *division* (of *level* only), depth first."""
        day = parse_day(as_of)
        level = parse_level(level)
        found = _hierarchy.descendants(division, lambda d: self.children(d, as_of=day))
        return found if level is None else tuple(d for d in found if d.level == level)

    def siblings(
        self, division: Division, *, as_of: datetime.date | None = None
    ) -> tuple[Division, ...]:
        """Return the other units that share *division*'s parent and level."""
        day = parse_day(as_of) or division.valid_to
        if division.parent_code is not None:
            pool = self.children(self.get(division.parent_code), as_of=day)
        else:
            # Level-1 units are siblings of each other; a grouping's siblings
            # are the groupings of its own category.
            grouping = division.category.is_grouping
            pool = tuple(
                d
                for d in self._index(division.country, TOP).records.values()
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
                key=by_code,
            )
        )

    # -- names and neighbours ---------------------------------------------------------

    def describe(self, division: Division, locale: object = "en") -> str:
        """Return one sentence about *division*; see `Division.describe`."""
        from regionkit import _names

        return _names.describe(division, locale)

    def neighbours(
        self,
        division: Division,
        *,
        across_borders: bool = False,
        sea: bool = False,
        perspective: Perspective | str = Perspective.NATIONAL,
    ) -> tuple[Division, ...]:
        """Return the level-1 units that touch *division*; see `Division.neighbours`."""
        from regionkit import _neighbours

        return _neighbours.neighbours_in(
            self,
            division,
            across_borders=across_borders,
            sea=sea,
            perspective=perspective,
        )

    def _township_level(self) -> _townships.Townships:
        """Return China's township level, read on first use (`regionkit._townships`)."""
        if self._townships is None:
            try:  # data made by hand may have no township level: then it is empty
                raw = self._read(_townships.FILE)
            except OSError:
                raw = b"\n#R\n"
            with self._lock:
                if self._townships is None:
                    with no_cyclic_gc():
                        try:
                            text = raw.decode("utf-8")
                            self._townships = _townships.Townships(
                                text, self._make_township
                            )
                        except (UnicodeDecodeError, ValueError, IndexError) as error:
                            where = f"{self._origin}/{_townships.FILE}"
                            raise DataError(where, [str(error)]) from None
        return self._townships

    def _make_township(self, **fields: Any) -> Division:
        return Division(country="CN", dataset=self, **fields)

    def borders(self) -> Borders:
        """Return the neighbours and crossings data, read on first use."""
        from regionkit import _neighbours

        if self._borders is None:
            with self._lock:
                if self._borders is None:
                    name = _neighbours.FILE
                    raw = self._read_file(name)
                    self._borders = _neighbours.parse(raw, f"{self._origin}/{name}")
        return self._borders

    def reporting(self) -> State:
        """Return the reporting lines' tables and engine, read on first use."""
        from regionkit import _reporting

        if self._reporting is None:
            name = _reporting.FILE
            raw = self._read_file(name)
            tables = _reporting.parse(raw, f"{self._origin}/{name}")
            with self._lock:
                if self._reporting is None:
                    self._reporting = _reporting.State(self, tables)
        return self._reporting

    # -- lookup ----------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        country: str | None = None,
        level: int | None = None,
        within: Division | str | None = None,
        as_of: datetime.date | None = None,
        fuzzy: bool = True,
        min_score: float = 0.0,
    ) -> tuple[Match, ...]:
        """Return every match for *text*, best first; see `regionkit.resolve`."""
        check_text(text)
        least = _min_score(min_score)
        scope = self._scope(country, level, within, as_of, fuzzy)
        return tuple(m for m in _lookup.resolve(self, text, scope) if m.score >= least)

    def lookup(
        self,
        text: str,
        *,
        country: str | None = None,
        level: int | None = None,
        within: Division | str | None = None,
        as_of: datetime.date | None = None,
        fuzzy: bool = True,
        min_score: float = 0.0,
    ) -> Division:
        """Return the one division *text* names; see `regionkit.lookup`."""
        if (  # the hot path: a text seen before, with no options
            country is None
            and level is None
            and within is None
            and as_of is None
            and fuzzy is True
            and min_score == 0.0
            and type(min_score) is float
            and type(text) is str
        ):
            hit = self._named.get(text)
            if type(hit) is Match:
                return hit.division
        found = self.match(
            text,
            country=country,
            level=level,
            within=within,
            as_of=as_of,
            fuzzy=fuzzy,
            min_score=min_score,
        )
        return found.division

    def match(
        self,
        text: str,
        *,
        country: str | None = None,
        level: int | None = None,
        within: Division | str | None = None,
        as_of: datetime.date | None = None,
        fuzzy: bool = True,
        min_score: float = 0.0,
    ) -> Match:
        """Return how *text* names its one division; `lookup` with the `Match`."""
        least = 0.0 if min_score == 0.0 and type(min_score) is float else None
        if least is None:  # checked before any cache, like every argument
            least = _min_score(min_score)
        if (
            type(text) is str
            and country is None
            and level is None
            and within is None
            and as_of is None
            and fuzzy is True
        ):
            found = self._named.get(text)
            if found is None:
                found = self._find_uncached(text, None, None, None, None, True)
                _remember(self._named, text, found)
        else:
            # Arguments are checked before the cache sees them: True is not 1.
            check_text(text)
            key = (
                text,
                None if country is None else parse_country(country),
                parse_level(level),
                None if within is None else self._division(within).code,
                parse_day(as_of),
                parse_flag(fuzzy, "fuzzy"),
            )
            found = self._found.get(key)
            if found is None:
                found = _remember(self._found, key, self._find_uncached(*key))
        if isinstance(found, Miss):
            raise found.error()
        if found.score < least:
            raise NotFound(text)
        return found

    def _find_uncached(
        self,
        text: object,
        country: str | None,
        level: int | None,
        within: str | None,
        as_of: datetime.date | None,
        fuzzy: bool,
    ) -> Match | Miss:
        check_text(text)
        plain = country is None and level is None and within is None
        if plain and as_of is None and fuzzy is True:
            known = self._prebuilt_answer(text)  # type: ignore[arg-type]  # a str
            if known is not None:
                return known
            scope = _PLAIN_SCOPE  # no option: every plain lookup's
        else:
            scope = self._scope(country, level, within, as_of, fuzzy)
        return _lookup.find(self, text, scope)  # type: ignore[arg-type]  # a str

    def _prebuilt_answer(self, text: str) -> Match | Miss | None:
        """Return the prebuilt answer of a plain lookup of *text*, if one is filed."""
        answers = self._answers if self._answers_read else self._read_answers()
        if answers is None:
            return None
        known, answer = answers.get(text)
        if not known:
            return None
        if answer is None:
            return Miss(text)
        if isinstance(answer[0], str):
            code, stage, score, kind, matched = answer
            # `record`, without its calls where the stage is loaded (no stage
            # of a file is the township level's)
            loaded = self._indices.get(code[:2])
            division = (
                loaded.records.get(code)
                if loaded is not None and loaded.files >= stage
                else self.record(code[:2], stage, code)
            )
            if division is None:  # not the data the answers were made from
                return None
            return Match(division, score, matched, _KIND_OF[kind])
        candidates = [self.record(code[:2], stage, code) for code, stage in answer]
        if None in candidates:
            return None
        return Miss(text, tuple(candidates))  # type: ignore[arg-type]  # no None

    def _read_answers(self) -> Answers | None:
        """
        Read ``answers.index`` once, where the manifest vouches for its data.

        Data without a manifest, or other than the answers were made from, has
        none: every lookup takes the long way.
        """
        with self._lock:
            if not self._answers_read:
                manifest = (
                    self._read.manifest()
                    if isinstance(self._read, CheckedReader)
                    else None
                )
                if manifest is not None and _ANSWERS in manifest.digests:
                    raw = self._read_file(_ANSWERS)
                    try:
                        self._answers = Answers.decode(raw, manifest.digests)
                    except ValueError as error:
                        raise DataError(
                            f"{self._origin}/{_ANSWERS}", [str(error)]
                        ) from None
                self._answers_read = True
        return self._answers

    def lookup_many(
        self,
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
        """Look up many values, each distinct one once; see `regionkit.lookup_many`."""
        if isinstance(values, (str, bytes, bytearray, memoryview)):
            # One text is not a column of its letters.
            raise TypeError(
                f"values must be an iterable of texts, not a {type(values).__name__}"
            )
        self._scope(country, level, within, as_of, fuzzy)  # bad filters fail up front
        _min_score(min_score)
        parse_flag(current, "current")
        if type(values).__module__.startswith("pyarrow") and hasattr(
            values, "to_pylist"
        ):  # an Arrow array iterates Arrow scalars: look up their Python values
            values = values.to_pylist()
        options = {
            "country": country,
            "level": level,
            "within": within,
            "as_of": as_of,
            "fuzzy": fuzzy,
            "min_score": min_score,
        }
        plain = (  # no options: a text seen before is read from lookup's cache
            country is None
            and level is None
            and within is None
            and as_of is None
            and fuzzy is True
            and min_score == 0.0
            and type(min_score) is float
        )
        with no_cyclic_gc():  # many small acyclic results: no collection helps
            return self._lookup_all(values, options, plain, current)

    def _lookup_all(
        self,
        values: Iterable[object],
        options: dict[str, Any],
        plain: bool,
        current: bool,
    ) -> tuple[LookupResult, ...]:
        named = self._named
        done: dict[object, LookupResult] = {}
        results: list[LookupResult] = []
        append = results.append
        for value in values:
            try:
                result = done.get(value)
            except TypeError:  # unhashable: resolve it, don't remember it
                result = None
            if result is None:
                hit = named.get(value) if plain and type(value) is str else None
                if type(hit) is Match and (not current or hit.division.is_current):
                    result = LookupResult(
                        value, hit.division, None, hit.kind, hit.score
                    )
                elif type(hit) is Miss:
                    result = LookupResult(value, None, hit.error())
                elif hit is None and plain and type(value) is str:
                    result = self._first_sight(value, options, current)
                else:
                    result = self._one(value, options, current)
                with contextlib.suppress(TypeError):
                    done[value] = result
            append(result)
        return tuple(results)

    def _first_sight(
        self, text: str, options: dict[str, Any], current: bool
    ) -> LookupResult:
        """`_one` for a text lookup has not seen, with no options: `match`'s work."""
        try:
            found = self._find_uncached(text, None, None, None, None, True)
        except (ValueError, TypeError) as error:
            return LookupResult(text, None, error)
        _remember(self._named, text, found)
        if isinstance(found, Miss):
            return LookupResult(text, None, found.error())
        if current and not found.division.is_current:
            return self._one(text, options, current)
        return LookupResult(text, found.division, None, found.kind, found.score)

    def _one(
        self, value: object, options: dict[str, Any], current: bool
    ) -> LookupResult:
        try:
            found = self.match(value, **options)  # type: ignore[arg-type]  # checked inside
            division = found.division
            if current and not division.is_current:
                division = current_unit(self, value, division)
        except (LookupError, ValueError, TypeError) as error:
            return LookupResult(value, None, error)
        return LookupResult(value, division, None, found.kind, found.score)

    def _scope(
        self,
        country: str | None,
        level: int | None,
        within: Division | str | None,
        as_of: datetime.date | None = None,
        fuzzy: bool = True,
    ) -> Scope:
        return Scope(
            countries=COUNTRIES if country is None else (parse_country(country),),
            level=parse_level(level),
            within=None if within is None else self._division(within),
            as_of=parse_day(as_of),
            fuzzy=parse_flag(fuzzy, "fuzzy"),
        )

    # -- what lookup reads (`regionkit._lookup.Source`) --------------------------------

    def stages(self, country: str) -> tuple[int, ...]:
        """Return the loading stages *country* has, top first."""
        return (TOP, LOWER_LEVELS, HISTORY)[: len(_FILES[country])]

    def may_name(self, text: str, country: str, stage: int) -> bool:
        """
        Whether *country*'s index for *stage* may hold a key *text* is looked up by.

        An index read already is simply searched; one not read yet is read only
        if the prebuilt answers, which hold every key of every index, hold one
        of the text's keys (a typo or a foreign name needs no former units).
        """
        loaded = self._indices.get(country)
        if (
            stage > len(_FILES[country])  # a level of its own, as townships: read it
            or (country, stage) in self._name_indices
            or (loaded is not None and loaded.files >= stage)
        ):
            return True
        return self.may_be_key(text)

    def may_be_key(self, text: str) -> bool:
        """
        Whether some name index may hold a key *text* is looked up by.

        The prebuilt answers hold every key of every index (not the township
        level's): a text none of whose keys they hold is no index's name, nor
        anything but a typo. Data without them may hold any.
        """
        keyed = self._keyed.get(text)
        if keyed is None:
            answers = self._answers if self._answers_read else self._read_answers()
            keyed = answers is None or answers.has_any(probed_keys(text))
            _remember(self._keyed, text, keyed)  # a text's pieces ask again
        return keyed

    def is_read(self, country: str, stage: int) -> bool:
        """Whether the names of *country*'s *stage* are read already."""
        if stage == TOWNSHIPS:
            return country == "CN" and self._townships is not None
        return (country, stage) in self._name_indices

    def record(self, country: str, stage: int, code: str) -> Division | None:
        """Return the record *code* among *country*'s units loaded up to *stage*."""
        if stage == TOWNSHIPS:
            return self._township_level().division(code) if country == "CN" else None
        return self._index(country, stage).records.get(code)

    def stage_units(self, country: str, stage: int) -> tuple[Division, ...]:
        """Return the records that *country*'s file for *stage* holds (any date)."""
        loaded = self._index(country, stage)
        return tuple(d for d in loaded.records.values() if _stage_of(d) == stage)

    def is_foreign_name(self, text: str) -> bool:
        """
        Whether *text* is the name of a place elsewhere that is near one of ours.

        Such a text gets no typo match: "Changhua" is Taiwan's county, not a
        typo of Chenghua District. The table (``foreign-names.txt``) is read on
        the first typo; data without it lists none.
        """
        foreign = self._foreign
        if foreign is None:
            with self._lock:
                if self._foreign is None:  # data from elsewhere may have none
                    raw = self._read_file(_FOREIGN, optional=True)
                    # 8,600 names: as a set of strings, a megabyte
                    names = sorted(set(raw.decode("utf-8").splitlines()))
                    self._foreign = SortedLines(
                        "".join(name + "\n" for name in names).encode(),
                        key_end=b"\n",
                    )
                foreign = self._foreign
        return foreign.has(core_of(text))

    def read_data_file(self, name: str) -> bytes:
        """Return the bytes of the data file *name*; `DataError` if unreadable."""
        return self._read_file(name)

    def name_index(self, country: str, stage: int) -> Names:
        """Return the name index of *country*'s file for *stage*."""
        if stage == TOWNSHIPS:
            return self._township_level()
        return self._names(country, stage)

    def _names(self, country: str, stage: int) -> NameIndex:
        """Return the name index of *country*'s file for *stage*."""
        index = self._name_indices.get((country, stage))
        if index is None:
            self._index(country, TOP)
            # A prebuilt index needs only its data file's checksum: the
            # records of a lower stage are read when a match names one
            # ("Harbin" reads no Russian locality).
            digest = self._digest(country, stage)
            with self._lock:
                index = self._name_indices.get((country, stage))
                if index is None:
                    with no_cyclic_gc():
                        index = self._prebuilt_names(country, stage, digest)
                    if index is not None:
                        self._name_indices[(country, stage)] = index
            if index is None:
                loaded = self._index(country, stage)
                with self._lock:
                    index = self._name_indices.get((country, stage))
                    if index is None:
                        with no_cyclic_gc():
                            index = NameIndex.build(
                                d
                                for d in loaded.records.values()
                                if _stage_of(d) == stage
                            )
                        self._name_indices[(country, stage)] = index
        return index

    def _digest(self, country: str, stage: int) -> int:
        """Return the CRC-32 of *country*'s data file for *stage*, parsing nothing."""
        loaded = self._indices.get(country)
        if loaded is not None and loaded.files >= stage:
            return loaded.digests[stage - 1]
        name = _FILES[country][stage - 1]
        manifest = (
            self._read.manifest() if isinstance(self._read, CheckedReader) else None
        )
        if manifest is not None and name in manifest.digests:
            # The manifest's checksum is the file's: the file is checked
            # against it when it is read, so it need not be read twice.
            return int(manifest.digests[name], 16)
        return zlib.crc32(self._read_file(name))

    def _prebuilt_names(
        self, country: str, stage: int, digest: int
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
            return NameIndex.decode(raw, digest)
        except ValueError as error:
            raise DataError(f"{self._origin}/{name}", [str(error)]) from None

    def _read_file(self, name: str, *, optional: bool = False) -> bytes:
        """
        Return the bytes of the data file *name*; the only place files are read.

        An *optional* file that is missing reads as empty; a damaged one, or
        any other, raises `DataError`.
        """
        try:
            return self._read(name)
        except FileNotFoundError as error:
            if optional:
                return b""
            raise DataError(f"{self._origin}/{name}", [str(error)]) from error
        except OSError as error:
            raise DataError(f"{self._origin}/{name}", [str(error)]) from error

    def meta(self, country: str) -> dict[str, Any]:
        """
        Return the ``meta`` block of *country*'s data files (merged).

        Each call returns a new deep copy: changing it, nested ``sources``
        included, changes nothing the dataset holds.
        """
        return copy.deepcopy(dict(self._index(parse_country(country), TOP).meta))

    # -- loading -------------------------------------------------------------------

    def _division(self, value: Division | str) -> Division:
        if isinstance(value, Division):
            return value
        return self.get(value)

    def _find_code(
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

    def _index(self, country: str, stage: int) -> RecordIndex:
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

    def _load(self, country: str, files: int, old: RecordIndex | None) -> RecordIndex:
        with no_cyclic_gc():
            return self._load_files(country, files, old)

    def _load_files(
        self, country: str, files: int, old: RecordIndex | None
    ) -> RecordIndex:
        records = dict(old.records) if old is not None else {}
        meta = dict(old.meta) if old is not None else {}
        digests = list(old.digests) if old is not None else []
        added: list[Division] = []
        changes: list[Change] = []
        for name in _FILES[country][old.files if old is not None else 0 : files]:
            raw = self._read_file(name)
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
        return _hierarchy.extended(old, records, added, changes, tuple(digests), meta)


def _from_dict(data: object, kind: Any, path: str) -> Any:
    """Read records written as objects with the public strict converter."""
    from regionkit.serialization import from_dict  # cattrs, for such files only

    return from_dict(kind, data, path=path)


_K = TypeVar("_K")
_V = TypeVar("_V")


_PLAIN_SCOPE = Scope(COUNTRIES, None, None, None, True)


def _remember(cache: dict[_K, _V], key: _K, value: _V) -> _V:
    """Keep *value* under *key*; a full cache forgets its oldest tenth first."""
    if len(cache) >= CACHE_SIZE:
        for old in list(itertools.islice(cache, CACHE_SIZE // 10 or 1)):
            del cache[old]
    cache[key] = value
    return value


def _min_score(value: object) -> float:
    """Check a ``min_score`` argument: a number from 0 to 1."""
    if type(value) is not int and type(value) is not float:
        raise TypeError(f"min_score must be a number, not {shorten(value)}")
    if not 0 <= value <= 1:
        raise ValueError(f"min_score must be from 0 to 1, not {shorten(value)}")
    return float(value)


def _code_key(code: object) -> str:
    if not isinstance(code, str):
        raise TypeError(f"code must be a str, not {type(code).__name__}")
    # Width-folded: "ＲＵ－ＫＨＡ" is a code as CJK text types it.
    key = (code if code.isascii() else unicodedata.normalize("NFKC", code)).strip()
    key = key.upper()
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


# The codes of China's township level: NBS's nine digits, and its zones.
_TOWNSHIP_CODE = re.compile(r"(?:CN-)?\d{9}|CN-\d{6}-NBS")
_ZONE = Category.STATISTICAL_ZONE
# The keys of Hong Kong's districts and Macau's parishes (no digits).
_SAR_PREFIXES = ("CN-HK-", "CN-MO-")
_SAR_AREA = Category.SAR_AREA


def _has_lower(country: str) -> bool:
    return len(_FILES[country]) > 1


def _top_only(country: str) -> tuple[int, ...]:
    return (TOP,)


def _full(country: str) -> int:
    """Return the stage that loads everything *country* has."""
    return len(_FILES[country])


def _stage_of(division: Division) -> int:
    """Return the stage whose file holds *division*."""
    if (division.level or 1) == 1:
        return TOP
    return LOWER_LEVELS if division.is_current else HISTORY


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
    Category.SAR_DISTRICT,
    Category.PARISH,
    Category.ADMINISTRATIVE_REGION,
    Category.ISLANDS_OFFICE,
    Category.COUNTY_LEVEL_TOWN,
    Category.CITY,
    Category.INHABITED_LOCALITY,
}


def _is_lower(category: Category) -> bool:
    return category in _LOWER


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
# Every dataset, so that a forked child can free their locks (see `_after_fork`).
_datasets: weakref.WeakSet[Dataset] = weakref.WeakSet()


def _after_fork() -> None:
    """
    Give the child of a fork free locks.

    A thread that held a lock while the process forked (loading a country) does
    not exist in the child, and would never release it: the child's first call
    would wait for ever. A half-done load left nothing behind (indices are
    stored when complete), so the child loads again. The collector that the
    load paused is resumed too.
    """
    global _default_lock
    if _lookup.PAUSES[0]:
        _lookup.PAUSES[0] = 0
        gc.enable()
    _default_lock = threading.Lock()
    for dataset in list(_datasets):
        dataset._lock = threading.Lock()
        if isinstance(dataset._read, CheckedReader):
            dataset._read.reset_lock()


if hasattr(os, "register_at_fork"):  # not on Windows
    os.register_at_fork(after_in_child=_after_fork)


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
