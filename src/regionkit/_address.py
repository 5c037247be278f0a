"""
Reading addresses: the divisions named inside Chinese, Russian and Latin address text.

Two readers share one table of names per country (`_Names`, built once per
dataset from every loaded stage's records, so that levels the data gains are
read with no change here):

- Chinese text is read left to right, as people write it, from the largest
  unit down ("江苏淮安清江浦区人民路111号"). Each name must lie inside the units
  read so far (levels may be skipped); the first text that continues no such
  chain ends the divisions, and the rest (street, house number, POI, a
  development zone) is the remainder. Every name in the text is found in one
  pass of an Aho-Corasick automaton (`_Names.finder`, pyahocorasick), and
  only the positions where names begin are read, so the work is bounded by
  the text's length and the names in it, never by the number of names held.
- Russian and Latin text is read by comma-separated parts ("Респ Адыгея, г
  Адыгейск"; "Chaoyang District, Beijing 100101, PRC"): each part is a name
  the data holds (exactly, or as `Dataset.resolve` reads it without typos),
  a locality, a street or a postcode; the answer is the deepest unit that
  every named part agrees with.

Nothing is guessed: several readings give ``candidates`` and no deepest unit,
and a name or postcode that contradicts the rest is reported in ``conflicts``.
Units that no longer exist are read where no unit of today bears the name as
written (腾冲县), as `MatchKind.FORMER`; with a date, the units of that day.

Readings are remembered, bounded (`_STEPS`, `_ROWS`, `_CACHE`): a Chinese step by the
chain so far and what it looks at; a Chinese chain, with its parts, by the text
before its first digit (no name holds one, `_read_row`), and again by what it
depends on, from its first name to its last (`_read_remembered`; a street
named after a unit, 中山路, left out where it changes nothing); a part of
Latin or Russian text by its text.
"""

from __future__ import annotations

import bisect
import csv
import datetime
import io
import re
import sys
import threading
import weakref
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick
import attrs

from regionkit._index import MatchKind
from regionkit._lookup import Match, check_text, no_cyclic_gc
from regionkit._models import (
    COUNTRIES,
    Category,
    Division,
    NameForm,
    name_texts,
    parse_country,
    parse_day,
)
from regionkit._normalize import fold
from regionkit._store import Dataset, default_dataset

__all__ = [
    "Address",
    "AddressConflict",
    "AddressPart",
    "parse_address",
    "parse_address_frame",
    "parse_addresses",
]


@attrs.frozen
class AddressPart:
    """
    One division of an address, as the text names it or implies it.

    Attributes:
        division: The division.
        start: Where its name begins in the text (``None`` if implied).
        end: Where its name ends (exclusive; ``None`` if implied).
        matched: The text as written (``None`` if implied).
        kind: How the name matched (``None`` if implied).
        score: 0–1, as `regionkit.lookup` scores kinds; an implied unit has
            the score of what implies it.
        implied_by: ``None`` for a unit the text names; ``"container"`` for a
            unit that contains a named one (福建省鼓楼区 implies 福州市);
            ``"centre"`` for a subject implied by its centre ("г. Хабаровск");
            ``"postcode"`` for a subject implied by the postcode alone.
    """

    division: Division
    start: int | None
    end: int | None
    matched: str | None
    kind: MatchKind | None
    score: float
    implied_by: str | None = None

    @property
    def code(self) -> str:
        """The division's code."""
        return self.division.code


@attrs.frozen
class AddressConflict:
    """
    A part of an address that contradicts the divisions read.

    Attributes:
        what: ``"name"`` (a unit named outside the others) or ``"postcode"``.
        text: The conflicting text as written.
        divisions: The units that text names or implies.
        message: One sentence saying what contradicts what.
    """

    what: str
    text: str
    divisions: tuple[Division, ...]
    message: str


@attrs.frozen
class Address:
    """
    What `regionkit.parse_address` read in an address.

    Attributes:
        text: The address as given.
        parts: The divisions from the top down (province → prefecture →
            county …; subject → locality), each with its span and how it
            matched. Empty when the text names no single chain.
        remainder: The text after the divisions: street, house number,
            building, POI (and a development zone the data does not hold;
            one between two names is passed over: 河北省雄安新区容城县).
        prefix: The text before the first division ("收货地址：").
        postcode: The postcode found in the text, or ``None``.
        postcode_implies: The units the postcode implies (Russia: the subject
            of its first three digits; China: the province of its first two,
            as Google's example postcodes show them; several where these
            overlap, as 13 for Jilin and Inner Mongolia's Hinggan League).
        locality: A locality that the text names with its marker ("г
            Майкоп") but that the data does not hold as a division, else ``None``.
        candidates: The units the text may mean when it allows several
            readings (朝阳区 alone: Beijing's and Changchun's); ``parts`` then
            holds only what they share.
        conflicts: Parts that contradict the divisions read; never resolved
            silently.
        reason: Why no deepest unit was found, else ``None``.
    """

    text: str
    parts: tuple[AddressPart, ...]
    remainder: str
    prefix: str = ""
    postcode: str | None = None
    postcode_implies: tuple[Division, ...] = ()
    locality: str | None = None
    candidates: tuple[Division, ...] = ()
    conflicts: tuple[AddressConflict, ...] = ()
    reason: str | None = None

    @property
    def chain(self) -> tuple[Division, ...]:
        """The divisions from the top down."""
        return tuple(part.division for part in self.parts)

    @property
    def division(self) -> Division | None:
        """The deepest division read, or ``None``."""
        return self.parts[-1].division if self.parts and not self.candidates else None

    @property
    def code(self) -> str | None:
        """The code of the deepest division, or ``None``."""
        division = self.division
        return None if division is None else division.code

    @property
    def ok(self) -> bool:
        """Whether one chain was read with nothing contradicting it."""
        return self.division is not None and not self.conflicts

    @property
    def score(self) -> float | None:
        """The weakest score among the parts the text names, or ``None``."""
        scores = [part.score for part in self.parts]
        return min(scores) if scores else None

    def level(self, level: int) -> Division | None:
        """Return the division of *level* in the chain, or ``None``."""
        return next((d for d in self.chain if d.level == level), None)


# -- the names of a country --------------------------------------------------------

_FORM_SCORES = {
    NameForm.FULL: (MatchKind.EXACT, 1.0),
    NameForm.SHORT: (MatchKind.EXACT, 0.99),
    NameForm.ABBREVIATION: (MatchKind.ABBREVIATION, 0.94),
    NameForm.ALIAS: (MatchKind.ALIAS, 0.94),
    NameForm.FORMER: (MatchKind.FORMER, 0.935),
}
_FORMER_SCORE = 0.935  # a unit that no longer exists, read without a date
# code, score, kind, whether the name has the unit's category word (a full name)
_Entry = tuple[str, float, MatchKind, bool]
# What the Chinese reader needs of an entry, at hand: the unit, its code,
# score, kind, whether the name is full, the unit's level, whether it exists.
_Han = tuple[Division, str, float, MatchKind, bool, int, bool]
_CACHE = 20_000  # parts of Latin and Russian text remembered per country
_MAX_NAMED = 8  # parts of one text read as names; an address has fewer levels
_MAX_PIECES = 16  # parts of one text looked at; the rest is remainder


class _Names:
    """Every name of a country's units in every stage, by folded text."""

    def __init__(self, dataset: Dataset, country: str) -> None:
        self.dataset = dataset
        self.country = country
        self.by_text: dict[str, list[_Entry]] = {}
        self.han: dict[str, tuple[_Han, ...]] = {}
        # Names in Chinese characters: the lengths of those that begin with
        # each pair of characters, longest first.
        lengths: dict[str, set[int]] = {}
        self.centres: dict[str, list[str]] = {}  # a centre's name -> units
        self.units: dict[str, Division] = {}
        self.lock = threading.Lock()
        self.segments: dict[tuple[str, datetime.date | None], list[_Entry]] = {}
        self.pieces: dict[
            tuple[str, tuple[str, ...], datetime.date | None], _Piece
        ] = {}
        self.splits: dict[
            tuple[str, tuple[str, ...], datetime.date | None],
            tuple[tuple[tuple[str, int], ...], str],
        ] = {}
        self._above: dict[str, frozenset[str]] = {}
        self._lines: dict[str, tuple[str, ...]] = {}
        # A unit's code -> the full Chinese names of its townships and their
        # codes, by first character, longest first.
        self.townships: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {}
        self.steps: dict[_StepKey, _StepRead] = {}
        # (The text before a street's name, the name) -> whether the
        # reading is the same without it (`_street_name`).
        self.street_names: dict[tuple[str, str], bool] = {}
        # A day -> the texts before their first digit, and how each reads.
        self.rows: dict[datetime.date | None, dict[str, _Row]] = {}
        # Units that have a township whose name holds a digit.
        self.numbered: set[str] = set()
        self.heads: dict[_ReadingKey, _Reading] = {}
        self.resolved: dict[
            tuple[tuple[str, ...], tuple[str, ...], datetime.date | None], _Resolved
        ] = {}
        han: dict[str, list[_Han]] = {}
        # Every stage the data has, so that levels it gains are read too.
        for stage in dataset.stages(country):
            for unit in dataset.stage_units(country, stage):
                self.units[unit.code] = unit
                for form, text in name_texts(unit):
                    kind, score = _FORM_SCORES[form]
                    key = fold(text)
                    full = form is NameForm.FULL
                    entry = (unit.code, score, kind, full)
                    entries = self.by_text.setdefault(key, [])
                    if entry not in entries:
                        entries.append(entry)
                    if _HAN_NAME.fullmatch(key):
                        lengths.setdefault(key[:2], set()).add(len(key))
                        level, current = unit.level or 1, unit.is_current
                        item = (unit, unit.code, score, kind, full, level, current)
                        items = han.setdefault(key, [])
                        if not any(i[1] == unit.code for i in items):
                            items.append(item)
                for centre in unit.centres:
                    for name in centre.names:
                        codes = self.centres.setdefault(fold(name.text), [])
                        if unit.code not in codes:
                            codes.append(unit.code)
        self.han = {key: tuple(items) for key, items in han.items()}
        self.han_lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}
        # The pairs of characters that begin names of several lengths.
        self.several = frozenset(k for k, v in lengths.items() if len(v) > 1)
        self.longest = max((len(key) for key in self.han), default=0)
        # Each Chinese name: the units of today that bear it (`today`).
        self._today: dict[str, frozenset[str]] = {}
        # Every Chinese name found in one pass over a text, in C (`_hits`).
        self.finder = ahocorasick.Automaton()
        for key in self.han:
            self.finder.add_word(_coded(key), len(key))
        if self.han:
            self.finder.make_automaton()

    def today(self, key: str) -> frozenset[str]:
        """Return the codes of the units of today that bear the Chinese name *key*."""
        found = self._today.get(key)
        if found is None:
            found = frozenset(item[1] for item in self.han[key] if item[6])
            self._today[key] = found
        return found

    def above(self, code: str) -> frozenset[str]:
        """
        Return the codes of the units that contain *code*'s unit, and its own.

        With the groupings of each: a grouping (Hong Kong's 九龍, Kowloon)
        holds its members and lies in their one parent, so "香港九龍油尖旺區"
        and "Yau Tsim Mong, Kowloon, Hong Kong" agree.
        """
        found = self._above.get(code)
        if found is None:
            line = self.line(code)
            codes = set(line)
            for each in line:
                codes.update(self.division(each).grouping_codes)
            found = self._above[code] = frozenset(codes)
        return found

    def line(self, code: str) -> tuple[str, ...]:
        """Return the codes from the top unit down to *code*'s unit."""
        found = self._lines.get(code)
        if found is None:
            parent = self.division(code).parent_code or self._container(code)
            found = (code,) if parent is None else (*self.line(parent), code)
            self._lines[code] = found
        return found

    def _container(self, code: str) -> str | None:
        """Return the one parent of a grouping's members (九龍: Hong Kong), if any."""
        unit = self.division(code)
        if not unit.category.is_grouping:
            return None
        parents = {member.parent_code for member in unit.children}
        return parents.pop() if len(parents) == 1 else None

    def division(self, code: str) -> Division:
        return self.units.get(code) or self.dataset.get(code)


_tables: weakref.WeakKeyDictionary[Dataset, dict[str, _Names]] = (
    weakref.WeakKeyDictionary()
)
_tables_lock = threading.Lock()
_recent: dict[str, tuple[Dataset, _Names]] = {}


def _names(dataset: Dataset, country: str) -> _Names:
    recent = _recent.get(country)
    if recent is not None and recent[0] is dataset:
        return recent[1]  # a column's rows: no weak reference made a row
    tables = _tables.get(dataset)
    table = None if tables is None else tables.get(country)
    if table is None:
        with _tables_lock:
            tables = _tables.setdefault(dataset, {})
            table = tables.get(country)
            if table is None:
                table = tables[country] = _Names(dataset, country)
    _recent[country] = (dataset, table)  # the table holds its dataset anyway
    return table


_postcode_tables: weakref.WeakKeyDictionary[
    Dataset, dict[str, dict[str, tuple[str, ...]]]
] = weakref.WeakKeyDictionary()
# How many digits of a postcode say where it lies, as the tables give them.
_PREFIX = {"RU": 3, "CN": 2}


def _postcodes(dataset: Dataset, country: str) -> dict[str, tuple[str, ...]]:
    """
    Return a country's postcode prefixes and the units each implies.

    Russia's from Google's per-subject ranges, China's from Google's example
    postcodes of every prefecture and county (``tools/update_postcodes.py``).
    """
    tables = _postcode_tables.setdefault(dataset, {})
    table = tables.get(country)
    if table is None:
        raw = dataset.read_data_file(f"{country.lower()}-postcodes.csv")
        found: dict[str, list[str]] = {}
        for row in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
            found.setdefault(row["prefix"], []).append(row["code"])
        table = {prefix: tuple(sorted(codes)) for prefix, codes in found.items()}
        tables[country] = table
    return table


# -- reading Chinese -------------------------------------------------------------------

_HAN_NAME = re.compile(r"[\u3400-\u9fff]{2,}")
_FULL_WIDTH = re.compile("[\u3000\uff01-\uff5e]")
_HALF_WIDTH = {0x3000: 0x20, **{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}}
_POSTCODE = re.compile(r"(?<![0-9])([0-9]{6})(?![0-9])")
# In Chinese text, six digits that a character follows are a house or a room
# ("人民路100101号"), not a postcode.
_HAN_POSTCODE = re.compile(r"(?<![0-9])([0-9]{6})(?![0-9\u3400-\u9fff])")
_HAN = re.compile(r"[\u3400-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DIGIT = re.compile(r"[0-9]")
# What may stand between the names of a chain: spaces, punctuation.
_BETWEEN = frozenset(" \t,，、;；:：/|-—·.()（）[]【】<>《》\"'“”")
# Words that may stand between a unit's name and a name inside it: 香港特区
# 中西區 (the SAR's short form), 深圳经济特区南山区 (the economic zone).
_BETWEEN_WORDS = ("经济特区", "經濟特區", "特区", "特區")
# What ends the name of a development zone, which is no unit: one between two
# names is passed over (河北省雄安新区容城县, 成都市高新区芳草街街道).
_ZONE_WORDS = (
    "新区", "新區", "开发区", "開發區", "园区", "園區", "高新区", "高新區",
    "实验区", "實驗區", "试验区", "試驗區", "保税区", "保稅區", "示范区", "示範區",
)  # fmt: skip
_LONGEST_ZONE = 12  # characters: 成都高新技术产业开发区 has 11


def _zone_end(text: str, at: int, found_at: dict[int, list[int]]) -> int:
    """
    Return where a development zone that begins at *at* ends, else -1.

    A zone is Chinese characters up to a zone's word (新区, 开发区, 园区 …),
    and counts only where a name begins right after it: else it is the
    remainder, as "苏州工业园区星湖街" leaves 工业园区星湖街.
    """
    for end in range(at + 2, min(len(text), at + _LONGEST_ZONE) + 1):
        if not "\u3400" <= text[end - 1] <= "\u9fff":
            return -1
        if text.endswith(_ZONE_WORDS, at, end) and found_at.get(end):
            return end
    return -1


# What ends a name that is really a street's ("黑龙江路", "北京西路", "中山大道").
_STREET_ONE = frozenset("路街巷弄")
_STREET_TWO = frozenset(
    {"大道", "大街", "中路", "东路", "西路", "南路", "北路", "公路", "胡同", "东街"}
    | {"西街", "南街", "北街", "中街", "一路", "二路", "三路", "四路", "五路"}
)
# The characters that end a phrase introducing an address: "地址是", "位于".
_LEAD_INS = frozenset("是址于在：:到至")
# A bare name followed by one of these is another unit's full name.
_CATEGORY_ONE = frozenset("省市区县旗州盟镇乡")
# Either, as `_word_follows` asks: a street's or category's first character,
# or its two.
_WORD_ONE = _STREET_ONE | _CATEGORY_ONE
_WORD_TWO = _STREET_TWO | {"地区"}


def _valid(unit: Division, day: datetime.date | None) -> bool:
    return unit.is_current if day is None else unit.valid_on(day)


_Found = tuple[Division, float, MatchKind]


# start, end, the units read there, and what the reading saw
_Step = tuple[int, int, tuple[_Found, ...], "_StepKey"]


_StepKey = tuple[
    tuple[str, ...],
    str,
    tuple[frozenset[str], ...],
    tuple[bool, ...],
    bool,
    "datetime.date | None",
]
# What reading at one position found: the name's length, the units read,
# whether a unit of the chain was named again, the units named outside it
# (and that name's length), the codes read, and the names tried.
_StepRead = tuple[
    int, tuple[_Found, ...], bool, tuple[Division, ...], int, tuple[str, ...], int
]
_STEPS = 200_000  # readings remembered per country: chains repeat in a column
# Texts and their parts remembered per country: a column's heads repeat, but
# each row may bring a new one, and each costs about a kilobyte.
_ROWS = 50_000
_DAYS = 16  # the dates (`as_of`) whose rows are remembered at once


def _read_han(
    names: _Names,
    text: str,
    day: datetime.date | None,
    found_at: dict[int, list[int]] | None = None,
) -> tuple[list[_Step], int, int, list[AddressConflict], int]:
    """
    Read a chain of Chinese names in *text* (whose names begin at *found_at*).

    Returns the steps, where the first begins and the last ends, the
    conflicts, and the work done (names tried).
    """
    steps: list[_Step] = []
    frontier: tuple[str, ...] = ()  # the codes the last step read
    conflicts: list[AddressConflict] = []
    at, end, work, first = 0, 0, 0, -1
    zoned = False  # one development zone passed over, at most
    size = len(text)
    if found_at is None:
        found_at = _occurrences(names, text)
    starts = sorted(found_at)
    remembered = names.steps
    while at < size:
        if steps and text[at] in _BETWEEN:
            at += 1
            continue
        lengths = found_at.get(at)
        if lengths is None:
            if steps:
                word = next((w for w in _BETWEEN_WORDS if text.startswith(w, at)), "")
                if word and found_at.get(at + len(word)):
                    at += len(word)
                    continue
                zone = -1 if zoned else _zone_end(text, at, found_at)
                if zone > 0:  # 河北省雄安新区容城县: the county, in Hebei
                    at, zoned = zone, True
                    continue
                break
            later = bisect.bisect_right(starts, at)
            if later == len(starts):
                break
            at = starts[later]  # no name begins before
            continue
        # A name may start inside a word ("嘉義縣" holds "義縣", "新竹市北區"
        # holds "市北區"): the first name read, if a county's, must start the
        # text or follow a word that introduces an address ("地址是", "位于").
        inside_word = (
            not frontier
            and at > 0
            and "\u3400" <= text[at - 1] <= "\u9fff"
            and text[at - 1] not in _LEAD_INS
        )
        # What a reading sees: the chain so far, the longest name here, what
        # follows the names here where it can matter (the units named, and
        # whether a street's or category's word), where it starts, and the
        # day; so the reading of a county is one whatever street follows.
        follows, words = _follows(names, text, at, lengths, found_at)
        key = (frontier, text[at : at + lengths[0]], follows, words, inside_word, day)
        read = remembered.get(key)
        if read is None:
            read = _read_at(
                names, frontier, text, at, lengths, follows, words, day, inside_word
            )
            with names.lock:
                if len(remembered) >= _STEPS:
                    remembered.clear()
                remembered[key] = read
        length, found, _, outside, outside_length, codes, tried = read
        work += tried
        if found:
            if first < 0:
                first = at
            steps.append((at, at + length, found, key))
            frontier = codes
            at = end = at + length
        elif steps:
            if outside:
                named = text[at : at + outside_length]
                conflicts.append(
                    AddressConflict(
                        "name",
                        named,
                        outside,
                        f"{named} ({', '.join(u.code for u in outside)})"
                        f" does not lie in {' or '.join(frontier)}",
                    )
                )
            break
        else:
            at += 1
    return steps, max(first, 0), end, conflicts, work


# What a reading depends on (`_read_remembered`), and where it lies in a text.
_ReadingKey = tuple[str, bool, bool | None, bool, "datetime.date | None"]
# A reading, where its first name begins in the text, and what it depends on.
_Read = tuple["_Reading", int, "_ReadingKey | None"]


# A Chinese text as a row needs it: the parts, the candidates, the conflicts,
# where the divisions begin and end, and whether any were read.
_Row = tuple[
    tuple["AddressPart", ...],
    tuple[Division, ...],
    tuple[AddressConflict, ...],
    int,
    int,
    bool,
]


def _read_row(
    names: _Names, text: str, original: str, day: datetime.date | None
) -> _Row:
    """
    Read the divisions in Chinese *text* (*original* as given), from the top.

    No name holds a digit, so a chain that starts before the first digit
    ends there at the latest: its reading is the head's ("江苏淮安清江浦区
    人民路" of "…人民路111号"), remembered by the head; a chain may begin
    after it if the head has none.
    """
    digit = _DIGIT.search(text)
    head = text if digit is None else text[: digit.start()]
    rows = names.rows.get(day)
    if rows is not None:
        row = rows.get(head)  # a column's heads repeat: "…南山区科技园"
        if row is not None:
            return row
    found = _read_remembered(names, head, day)
    kept = True
    if not found[0][0] and digit is not None:
        found = _read_remembered(names, text, day)
        kept = False  # what follows the head played a part
    (steps, first, end, conflicts, _, _, towns), start, key = found
    parts: tuple[AddressPart, ...] = ()
    candidates: tuple[Division, ...] = ()
    if steps and key is not None:
        first, end = first + start, end + start
        parts, candidates = _chain_of(names, found[0], original, start)
        if towns is not None:
            table, numbered = towns
            town = _township_in(table, original, end) if table else None
            # A township's name without a digit lies in the head, if anywhere.
            kept = kept and not numbered
            if town is not None:
                name, code = town
                part = AddressPart(
                    names.dataset.get(code),
                    end,
                    end + len(name),
                    name,
                    MatchKind.EXACT,
                    1.0,
                )
                parts = (*parts, part)
                end += len(name)
    row = (parts, candidates, conflicts, first, end, bool(steps))
    if kept:
        # Single dict operations, atomic under the GIL: no lock a row; two
        # threads at the bound at most clear a table twice.
        if rows is None:
            if len(names.rows) >= _DAYS:
                names.rows.clear()  # a column of many dates
            rows = names.rows.setdefault(day, {})
        if len(rows) >= _ROWS:
            rows.clear()
        rows[head] = row
    return row


# A unit's townships by first character (`_townships`).
_Townships = dict[str, tuple[tuple[str, str], ...]]
# A chain read, wherever it lies: where each step's name begins and ends,
# where the first begins and the last ends, all counted from the first
# name's start (ints only, which the collector then leaves alone), the
# conflicts, the chain's parts (`_Chain`) if any, its parts where the chain
# begins at each place in a text (`_chain_of`), and, where the chain has one
# deepest unit, its townships and whether a name of one holds a digit.
_Reading = tuple[
    tuple[tuple[int, int], ...],
    int,
    int,
    tuple[AddressConflict, ...],
    "_Chain | None",
    "dict[int, _Placed] | None",
    "tuple[_Townships | None, bool] | None",
]
_Placed = tuple[tuple["AddressPart", ...], tuple[Division, ...]]
_NOTHING: _Reading = ((), 0, 0, (), None, None, None)
_PLACES = 8  # places a reading keeps its parts for: lead-ins of a column


def _read_remembered(names: _Names, text: str, day: datetime.date | None) -> _Read:
    """
    Read a chain of Chinese names in *text*, remembered by what it depends on.

    A reading sees the text from the first name found to the end of the last
    one, whether the character before the first makes it a word's middle,
    and whether a street's or category's word follows the names that end
    there; so a column's "收货地址：江苏淮安清江浦区人民路12号" and "江苏淮安
    清江浦区建设街7号" are read once; and "…清江浦区中山路", whose street's
    name changes nothing (`_street_name`), with them.
    """
    # Where the first name begins and the last ends, and whether a name ends
    # one before: the table of where each begins is made only for a text not
    # read before.
    if not names.han:
        return _NOTHING, 0, None
    start, last, before_last, third, size = len(text), -1, -1, -1, 0
    for end, n in names.finder.iter(_coded(text)):
        if end & 1:  # a match that starts at a character's second byte is none
            end >>= 1  # matches come by where they end
            if end - n < start:
                start = end - n
            if end != last:
                third, before_last, last, size = before_last, last, end, n
            else:
                size = 0  # two names end last: no street's name alone
    if last < 0:
        return _NOTHING, 0, None
    start += 1
    key = _reading_key(text, start, last, before_last, day)
    known = names.heads.get(key)
    cut = None
    if known is None:
        # A street named after a unit that changes nothing (`_street_name`):
        # the reading is remembered as if it named nothing, and by both keys.
        at = last + 1 - size
        after = text[last + 1 : last + 3]
        if (
            size
            and 0 <= before_last < at
            and (after[:1] in _STREET_ONE or after in _STREET_TWO)
            and _street_name(names, text, at, size)
        ):
            cut = _reading_key(text, start, before_last, third, day)
            known = names.heads.get(cut)
    if known is None:
        found_at = _starts(_hits(names, text))
        read, first, end, conflicts, _ = _read_han(names, text, day, found_at)
        chain = _chain_parts(names, read) if read else None
        towns: tuple[_Townships | None, bool] | None = None
        if chain is not None and not chain[1]:
            deepest = chain[0][-1]
            unit = deepest.division if isinstance(deepest, AddressPart) else deepest[0]
            table = _townships(names, unit)  # first, as it notes `numbered`
            towns = table, unit.code in names.numbered
        known = (
            tuple((a - start, b - start) for a, b, _, _ in read),
            first - start if read else 0,
            end - start if read else 0,
            tuple(conflicts),
            chain,
            {} if read else None,
            towns,
        )
        with names.lock:
            if len(names.heads) >= _STEPS:
                names.heads.clear()
            names.heads[key] = known
            if cut is not None:
                names.heads[cut] = known
    elif cut is not None:
        with names.lock:
            if len(names.heads) >= _STEPS:
                names.heads.clear()
            names.heads[key] = known
    return known, start, key


def _reading_key(
    text: str, start: int, last: int, before_last: int, day: datetime.date | None
) -> _ReadingKey:
    """
    Return what a reading of *text* depends on (`_read_remembered`).

    Its first name begins at *start*; the last names end at *last* and
    *before_last* (the indices of their last characters).
    """
    # The names that end at the last end or one before see past it
    # (`_word_follows`, written out: this runs for every row).
    before = text[start - 1 : start]
    after = text[last + 1 : last + 3]
    second_follows: bool | None = None
    if before_last == last - 1:
        one = text[last : last + 2]
        second_follows = one[:1] in _WORD_ONE or one in _WORD_TWO
    return (
        text[start : last + 1],
        after[:1] in _WORD_ONE or after in _WORD_TWO,
        second_follows,
        "\u3400" <= before <= "\u9fff" and before not in _LEAD_INS,
        day,
    )


def _street_name(names: _Names, text: str, at: int, size: int) -> bool:
    """
    Whether the last name in *text*, at *at*, is a street's and changes no reading.

    The caller has seen that a street's word follows it.

    "江苏淮安清江浦区中山路" reads as "…清江浦区人民路": 中山 (Zhongshan's
    short name) is read nowhere, so the reading is remembered without it.
    That holds where no other name ends after it begins, a street's word
    follows it ("路", "大道") and no name begins there, it is no unit's full
    name (a bare name followed by a street's word is never read, `_read_at`),
    it begins with no street's or category's word, and none of the units of
    today that bear it lies inside a unit named just before it (so that no
    shorter name before it is chosen because it goes on: "青岛市北区").
    """
    end = at + size
    before = text[max(at - names.longest, 0) : at]
    key = (before, text[at:end])
    known = names.street_names.get(key)
    if known is None:
        name = key[1]
        today, above, han = names.today(name), names.above, names.han.get
        known = not (
            _word_follows(name, 0)
            or any(item[4] for item in names.han[name])
            or any(
                entry[1] in above(code)
                for n in range(2, len(before) + 1)
                for entry in han(before[-n:], ())
                for code in today
            )
        )
        with names.lock:
            if len(names.street_names) >= _STEPS:
                names.street_names.clear()
            names.street_names[key] = known
    return known


def _read_at(
    names: _Names,
    frontier: tuple[str, ...],
    text: str,
    at: int,
    lengths: list[int],
    follows: tuple[frozenset[str], ...],
    words: tuple[bool, ...],
    day: datetime.date | None,
    inside_word: bool,
) -> _StepRead:
    """
    Read the name at *at* that continues the chain *frontier*.

    The longest such name, unless nothing follows it and a shorter one is
    followed by the name of a unit inside it: "青岛市北区" is 青岛 and 市北区,
    "北京市朝阳区" is 北京市 and 朝阳区. *lengths* are those of the names that
    begin at *at*, longest first; *follows* gives, for each, the units of today
    whose names begin after it, and *words* whether a street's or category's
    word does. A county's name *inside_word* is not read first.
    """
    han, above = names.han.get, names.above
    inside = frozenset(frontier)
    best: tuple[int, list[_Found]] | None = None
    outside: list[Division] = []
    outside_length = tried = 0
    for length, after_units, word in zip(lengths, follows, words, strict=True):
        tried += 1
        entries = han(text[at : at + length])
        if entries is None:
            continue
        # A bare name followed by a street's word is the street's name
        # ("黑龙江路", "北京西路"), and one followed by a category word is
        # another unit's name ("腾冲县" is not 腾冲市, the county it became),
        # unless a name begins there ("唐山路南区", "汉中镇巴县").
        bare_only = word and not after_units
        found: list[_Found] = []
        again: list[_Found] = []
        for unit, code, score, kind, full, level, current in entries:
            if bare_only and not full:
                continue
            if day is None:
                if not current:  # read without a date: as a former unit
                    kind, score = MatchKind.FORMER, min(score, _FORMER_SCORE)
            elif not unit.valid_on(day):
                continue
            if not inside:
                # A county's bare name alone is too often a word or a
                # street: it is read only inside a unit already read.
                if (full or level < 3) and not (level >= 3 and inside_word):
                    found.append((unit, score, kind))
            elif (
                len(inside & above(code)) > 1
                if code in inside
                else not inside.isdisjoint(above(code))
            ):
                found.append((unit, score, kind))  # inside a unit read so far
            elif code in inside:
                # 上海上海市: the unit named again, in full ("鼓楼区鼓楼
                # 医院" names a hospital, not the district twice). Of two
                # units of one name, the one named again is meant (南昌南昌县:
                # the county, not the city).
                if full:
                    again.append((unit, score, kind))
            elif full:
                outside.append(unit)
                outside_length = outside_length or length
        hit = found or again  # the chain goes on with the unit named again
        if hit:
            # Whether the name after this one names a unit inside it (or
            # it again): "青岛市北区" has Hong Kong's 北区 after 青岛市, but
            # Qingdao's 市北区 after 青岛.
            held = {u.code for u, _, _ in hit}
            goes_on = any(not above(code).isdisjoint(held) for code in after_units)
            if best is None:
                best = (length, hit)
                if goes_on:
                    break  # the longest name, and the chain goes on
            elif goes_on:
                best = (length, hit)  # a shorter name that the next continues
                break
    length, found = best if best is not None else (0, [])
    codes = tuple(sorted({unit.code for unit, _, _ in found}))
    return (
        length,
        tuple(found),
        False,
        tuple(sorted(set(outside))) if best is None else (),
        outside_length,
        codes,
        tried,
    )


_NONE: frozenset[str] = frozenset()


def _coded(text: str) -> str:
    """
    Return *text* as two symbols a character, its UTF-16 bytes.

    pyahocorasick finds a node's next one by a linear search: over the
    thousands of characters that begin names, that search was most of a
    pass; over bytes, it looks at a few hundred at most.
    """
    # A lone surrogate (from a bad decode) is two bytes too, and begins no name.
    coded = text.encode("utf-16-be", "surrogatepass")
    if len(coded) != 2 * len(text):  # beyond the BMP, where no name has a character
        coded = _BEYOND_BMP.sub("\ufffd", text).encode("utf-16-be", "surrogatepass")
    return coded.decode("latin-1")


_BEYOND_BMP = re.compile("[^\u0000-\uffff]")


def _hits(names: _Names, text: str) -> list[tuple[int, int]]:
    """Return every Chinese name in *text*: (last index, length), by where each ends."""
    if not names.han:
        return []
    # A match that starts at a character's second byte is none.
    return [(end >> 1, n) for end, n in names.finder.iter(_coded(text)) if end & 1]


def _occurrences(names: _Names, text: str) -> dict[int, list[int]]:
    """Return where Chinese names begin in *text*: their lengths, longest first."""
    return _starts(_hits(names, text))


def _starts(found: list[tuple[int, int]]) -> dict[int, list[int]]:
    """Return where the names *found* (last index, length) begin: longest first."""
    starts: dict[int, list[int]] = {}
    for last, length in found:
        at = last - length + 1
        lengths = starts.get(at)
        if lengths is None:
            starts[at] = [length]
        else:  # found by where they end: a longer one comes later
            lengths.insert(0, length)
    return starts


def _follows(
    names: _Names,
    text: str,
    at: int,
    lengths: list[int],
    found_at: dict[int, list[int]],
) -> tuple[tuple[frozenset[str], ...], tuple[bool, ...]]:
    """
    Return, for each length of a name at *at*, the units named after it.

    Only where it can matter: when names of another length begin with the
    same two characters, or a category or street word follows; and whether
    such a word follows.
    """
    several = text[at : at + 2] in names.several
    found: list[frozenset[str]] = []
    words: list[bool] = []
    for n in lengths:
        after = text[at + n : at + n + 2]
        word = after[:1] in _WORD_ONE or after in _WORD_TWO  # `_word_follows`
        found.append(
            _named_at(names, text, at + n, found_at) if several or word else _NONE
        )
        words.append(word)
    return tuple(found), tuple(words)


def _word_follows(text: str, at: int) -> bool:
    """Whether a street's or a category's word begins at *at* in *text*."""
    after = text[at : at + 2]
    return after[:1] in _WORD_ONE or after in _WORD_TWO


def _named_at(
    names: _Names, text: str, at: int, found_at: dict[int, list[int]]
) -> frozenset[str]:
    """Return the units of today whose names begin at *at* in *text*."""
    lengths = found_at.get(at)
    if lengths is None:
        return _NONE
    today = names.today
    if len(lengths) == 1:
        return today(text[at : at + lengths[0]])
    return frozenset().union(*(today(text[at : at + n]) for n in lengths))


# A chain as its steps read it, wherever they lie in the text: each part, as
# the part itself where the text does not name it (a container), else as the
# unit, the step that names it, its score and kind; and the candidates.
_Chain = tuple[
    tuple[AddressPart | tuple[Division, int, float, MatchKind], ...],
    tuple[Division, ...],
]


def _chain_of(
    names: _Names, reading: _Reading, text: str, shift: int
) -> tuple[tuple[AddressPart, ...], tuple[Division, ...]]:
    """
    Return the parts of the chain a reading found, and candidates if several.

    The reading's steps count from *shift* in *text*; the parts the text
    does not name are shared by every row.
    """
    steps, chain, placed = reading[0], reading[4], reading[5]
    assert chain is not None  # a reading with steps has both
    assert placed is not None
    known = placed.get(shift)
    if known is not None:
        # The names' text is the same in every row of this reading here
        # (Chinese characters, which no full-width form changes).
        return known
    parts = []
    for part in chain[0]:
        if not isinstance(part, AddressPart):
            unit, step, score, kind = part
            start, end = steps[step][0] + shift, steps[step][1] + shift
            part = AddressPart(unit, start, end, text[start:end], kind, score)
        parts.append(part)
    known = tuple(parts), chain[1]
    if len(placed) < _PLACES:
        placed[shift] = known
    return known


def _chain_parts(names: _Names, steps: Sequence[_Step]) -> _Chain:
    last = [unit for unit, _, _ in steps[-1][2]]
    if len(last) > 1 and any(u.is_current for u in last):
        # A name that today's unit and a former one bear: today's, unless
        # the text went on inside the former one (巢湖市含山县).
        last = [u for u in last if u.is_current] or last
    elif len(last) > 1:
        # Former units only: those in a unit of today first (塔城地区沙湾县:
        # the county of today's 塔城地区, not of the former one of that name).
        today = [
            u
            for u in last
            if u.parent_code is not None and names.division(u.parent_code).is_current
        ]
        last = today or last
    if (
        len(last) > 1
        and not any(u.is_current for u in last)
        and len({u.parent_code for u in last}) == 1
    ):
        # Former units only, of one name in one container: the last of them,
        # as `regionkit.get` reads a former code (亚东县 was recorded anew
        # in 1986).
        last = [max(last, key=lambda u: (u.valid_to or datetime.date.max, u.code))]
    if len(last) == 1:
        tops = last
    else:
        # One name for a unit and one inside it ("吉林": the province and its
        # city): the larger, as `lookup` reads the name alone.
        last = list(dict.fromkeys(last))
        tops = [
            u
            for u in last
            if not any(o is not u and o.code in names.above(u.code) for o in last)
        ]
    candidates: tuple[Division, ...] = ()
    codes = names.line(tops[0].code)
    if len(tops) > 1:
        shared = frozenset.intersection(*(names.above(u.code) for u in tops))
        codes = tuple(c for c in codes if c in shared)
        candidates = tuple(sorted(tops))
    named: dict[str, tuple[int, float, MatchKind]] = {}
    for step, (_, _, entries, _) in enumerate(steps):
        for unit, score, kind in entries:
            named[unit.code] = (step, score, kind)
    parts: list[AddressPart | tuple[Division, int, float, MatchKind]] = []
    division = names.division
    for code in codes:
        hit = named.get(code)
        if hit is None:
            parts.append(
                AddressPart(division(code), None, None, None, None, 1.0, "container")
            )
        else:
            parts.append((division(code), *hit))
    return tuple(parts), candidates


# Words that mark a part of Russian or Latin text, folded, without dots.
_LOCALITY = frozenset(
    [
        "г",
        "гор",
        "город",
        "пгт",
        "рп",
        "п",
        "пос",
        "поселок",
        "посёлок",
        "с",
        "село",
        "д",
        "дер",
        "деревня",
        "ст-ца",
        "станица",
        "аул",
        "х",
        "хутор",
        "сл",
        "слобода",
        "нп",
        "городок",
        "мкр",
        "г.о",
    ]
)
# The markers that say the place is a город, not a village of its name.
_CITY_MARKERS = frozenset(["г", "гор", "город"])
_BY_ANOTHER_NAME = frozenset([MatchKind.ALIAS, MatchKind.FORMER])
_DISTRICT = frozenset(
    ["р-н", "район", "муниципальный", "округ", "м.о", "мо", "у", "улус"]
)
_STREET = frozenset(
    [
        "ул",
        "улица",
        "пр",
        "пр-кт",
        "пр-т",
        "проспект",
        "пер",
        "переулок",
        "ш",
        "шоссе",
        "наб",
        "набережная",
        "пл",
        "площадь",
        "б-р",
        "бульвар",
        "проезд",
        "туп",
        "тупик",
        "кв",
        "квартира",
        "корп",
        "корпус",
        "стр",
        "строение",
        "дом",
        "офис",
        "оф",
        "ul",
        "ulitsa",
        "pr",
        "prospekt",
        "per",
        "pereulok",
        "road",
        "rd",
        "street",
        "st",
        "avenue",
        "ave",
        "lane",
        "ln",
        "room",
        "rm",
        "floor",
        "fl",
        "building",
        "bldg",
        "unit",
        "suite",
        "no",
        "house",
        "kv",
    ]
)
_COUNTRY_WORDS = {
    "россия": "RU",
    "российская федерация": "RU",
    "рф": "RU",
    "russia": "RU",
    "russian federation": "RU",
    "china": "CN",
    "prc": "CN",
    "p.r.c": "CN",
    "p.r. china": "CN",
    "pr china": "CN",
    "people's republic of china": "CN",
    "mainland china": "CN",
    "中国": "CN",
    "中华人民共和国": "CN",
    "китай": "CN",
    "кнр": "CN",
    "китайская народная республика": "CN",
}
# Russian words for China, or for kinds of unit that only China has; whole
# words, so that a Russian street or place keeps its country (ул. Китайская,
# Китай-город, Провинциальный пер.).
_RUSSIAN_FOR_CHINA = re.compile(
    r"(?<![а-яё-])(?:китай|кнр|провинци[яи]|уезд)(?![а-яё-])"
    r"|автономн\w* район|специальн\w* администр",
    re.IGNORECASE,
)


def _words(part: str) -> list[str]:
    return [w.strip(".") for w in fold(part).replace(".", ". ").split()]


def _segment_entries(
    dataset: Dataset, names: _Names, part: str, day: datetime.date | None
) -> list[_Entry]:
    """Return the units the whole *part* names (ties of the best kind)."""
    key = (part, day)
    cached = names.segments.get(key)
    if cached is not None:
        return cached
    found = [
        e
        for e in names.by_text.get(fold(part), ())
        if _valid(names.division(e[0]), day)
    ]
    if not found and not _DIGIT.search(part) and len(part.split()) <= 6:
        try:
            matches = dataset.resolve(
                part, country=names.country, as_of=day, fuzzy=False
            )
        except (LookupError, ValueError):
            matches = ()
        if day is None:
            # A former prefecture's romanized name ("Laiwu Shi", in Jinan
            # since 2019) beside today's county would contradict it: in an
            # address, only its Chinese name reads it, as a county's does.
            matches = tuple(m for m in matches if not _romanized_former(m))
        if matches:
            best = matches[0].score
            found = [
                (m.division.code, m.score, m.kind, True)
                for m in matches
                if m.score >= best - 1e-9
                and m.score >= 0.9
                # In pinyin the apostrophe parts syllables: "Yun'an" is not
                # "Yunan", though lookup's normalizing folds them together.
                and ("'" in m.matched or "'" not in part)
            ]
    with names.lock:
        if len(names.segments) >= _CACHE:
            names.segments.clear()
        names.segments[key] = found
    return found


def _romanized_former(match: Match) -> bool:
    """Whether *match* is a former Chinese unit below the top by a name in letters."""
    unit = match.division
    return (
        unit.country == "CN"
        and not unit.is_current
        and (unit.level or 0) >= 2
        and _HAN.search(match.matched) is None
    )


_Piece = tuple[str, str, list[_Found], list[Division]]
_REST: _Piece = ("rest", "", [], [])


def _piece(
    dataset: Dataset,
    tables: dict[str, _Names],
    piece: str,
    day: datetime.date | None,
) -> _Piece:
    """
    Say what one comma-separated part is.

    A country word, a street or other remainder, a name (with its units), or
    a locality (with the subjects it is the centre of). Remembered per text.
    """
    if _DIGIT.search(piece):
        return _REST  # a house, a street with its number, a postcode: not kept
    first = next(iter(tables.values()))
    key = (piece, tuple(tables), day)
    known = first.pieces.get(key)
    if known is not None:
        return known
    found = _classify(dataset, tables, piece, day)
    with first.lock:
        if len(first.pieces) >= _CACHE:
            first.pieces.clear()
        first.pieces[key] = found
    return found


def _city(unit: Division) -> bool:
    """Whether *unit* is a city of some kind (a municipality is one)."""
    return "city" in unit.category.value or unit.category is Category.MUNICIPALITY


def _classify(
    dataset: Dataset,
    tables: dict[str, _Names],
    piece: str,
    day: datetime.date | None,
) -> _Piece:
    folded = fold(piece).strip(".")
    country = _COUNTRY_WORDS.get(folded)
    if country is not None:
        return "country", country, [], []
    words = _words(piece)
    # In Russian, "район" is a Russian municipal district (the remainder), but
    # a Chinese unit's category word: "район Чаоян", "автономный район".
    china = "RU" not in tables
    if (
        not words
        or _DIGIT.search(piece)
        or words[0] in _STREET
        or words[-1] in _STREET
        or (not china and (words[0] in _DISTRICT or words[-1] in _DISTRICT))
    ):
        return "rest", "", [], []
    marker = len(words) > 1 and (words[0] in _LOCALITY or words[-1] in _LOCALITY)
    bare = piece
    if marker:
        drop = words[0] if words[0] in _LOCALITY else words[-1]
        kept = [
            w
            for w in piece.replace(".", ". ").split()
            if w.strip(".").casefold() != drop
        ]
        bare = " ".join(kept)
    entries: list[_Found] = []
    centres: list[Division] = []
    for table in tables.values():
        for code, score, kind, _ in _segment_entries(dataset, table, bare, day):
            unit = table.division(code)
            # A locality's marker asks for a settlement: a level-1 unit
            # only where it is a city (Moscow), else a unit below.
            if marker and (unit.level or 1) == 1 and not _city(unit):
                continue
            # "г. Урумчи" is the city of Ürümqi, not its county 乌鲁木齐县.
            if china and marker and drop in _CITY_MARKERS and not _city(unit):
                continue
            entries.append((unit, score, kind))
        if not entries:  # a subject's centre, with or without its marker
            for code in table.centres.get(fold(bare), ()):
                unit = table.division(code)
                if _valid(unit, day):
                    centres.append(unit)
    if entries:
        return "name", bare, entries, []
    if marker or centres:
        return "locality", bare, [], centres
    return "rest", "", [], []


def _localities_meant(
    deepest: list[Division], named: list[tuple[str, list[_Found]]]
) -> list[Division]:
    """
    Keep, of several Russian localities that agree with the text, those it means.

    As lookup reads a name: a locality that bears it today is meant, not one
    that bore it once or has it as an alternate name ("г Ставрополь" is
    Stavropol, not Tolyatti, Stavropol until 1964). And a город's marker means
    the city, not a village of its name, in one subject ("Воронежская обл, г
    Россошь"). Any others stay candidates.
    """
    if not all(u.country == "RU" and u.level == 2 for u in deepest):
        return deepest
    how: dict[str, tuple[MatchKind, bool]] = {}
    for piece, entries in named:
        words = _words(piece)
        city = len(words) > 1 and (
            words[0] in _CITY_MARKERS or words[-1] in _CITY_MARKERS
        )
        for unit, _, kind in entries:
            how.setdefault(unit.code, (kind, city))
    kept = [u for u in deepest if how[u.code][0] not in _BY_ANOTHER_NAME] or deepest
    # Within one subject only: across subjects a town whose status the data
    # lacks ("г Ростов": Yaroslavl's) would lose to a city of its name.
    if any(how[u.code][1] for u in kept) and len({u.parent_code for u in kept}) == 1:
        kept = [u for u in kept if u.category is Category.CITY] or kept
    return kept


_PIECES = re.compile(r"[^,;\n，；]+")
# How one reading of parts resolved: each unit of the chain with the part
# that names it (or None), its kind, score and what implies it; the
# candidates; the conflicts; the locality named without a division.
_Resolved = tuple[
    tuple[tuple[Division, str | None, MatchKind | None, float, str | None], ...],
    tuple[Division, ...],
    tuple[AddressConflict, ...],
    str | None,
]


_SPACED_WORD = re.compile(r"\S+")
_MAX_WORDS = 8  # words of one part read as names written without commas
_NAME_WORDS = 4  # words of one name at most ("Xinjiang Uyghur Autonomous Region")


def _split(
    tables: dict[str, _Names], piece: str, day: datetime.date | None
) -> tuple[tuple[tuple[str, int], ...], str]:
    """
    Return the names (and where they begin) that a part is made of, and its rest.

    Only a part that begins with two names as stored or more (or country
    words), the longest first ("Nanshan District Shenzhen"); what follows them
    is the rest ("Beijing Haidian Zhongguancun": Zhongguancun), unless it
    begins with a street's word ("Harbin Daoli Road" is a street, named after
    the district). Else none ("Nanshan Science Park" is a place the data does
    not hold). Each try is a dictionary probe: the work is bounded by the
    words, at most four a word.
    """
    words = list(_SPACED_WORD.finditer(piece))
    if not 2 <= len(words) <= _MAX_WORDS:
        return (), ""
    found: list[tuple[str, int]] = []
    at = 0
    while at < len(words):
        for end in range(min(len(words), at + _NAME_WORDS), at, -1):
            text = piece[words[at].start() : words[end - 1].end()]
            key = fold(text).strip(".")
            if key in _COUNTRY_WORDS or any(
                _valid(table.division(e[0]), day)
                for table in tables.values()
                for e in table.by_text.get(key, ())
            ):
                found.append((text, words[at].start()))
                at = end
                break
        else:
            street = fold(words[at].group()).strip(".,") in _STREET
            if len(found) > 1 and not street:
                return tuple(found), piece[words[at].start() :]
            return (), ""
    return (tuple(found), "") if len(found) > 1 else ((), "")


def _read_parts(
    dataset: Dataset,
    text: str,
    countries: tuple[str, ...],
    day: datetime.date | None,
) -> tuple[
    tuple[AddressPart, ...],
    tuple[Division, ...],
    str,
    str | None,
    list[AddressConflict],
]:
    """Read comma-separated Russian or Latin text; see the module docstring."""
    tables = {c: _names(dataset, c) for c in countries}
    first = tables[countries[0]]
    known = first.pieces
    spans: dict[str, tuple[int, int]] = {}  # the parts that count, where first
    rest: list[str] = []
    classified = 0
    for match in _PIECES.finditer(text):
        raw = match.group()
        piece = raw.strip()
        if not piece:
            continue
        if _DIGIT.search(piece) or classified >= _MAX_PIECES:
            rest.append(piece)  # a house, a street with its number: no name
            continue
        classified += 1
        seen = (piece, countries, day)
        read = known.get(seen)
        what = (read or _piece(dataset, tables, piece, day))[0]
        begin = match.start() + len(raw) - len(raw.lstrip())
        named: tuple[tuple[str, int], ...] = ((piece, 0),)
        if what == "rest":  # names without commas: "Hangzhou Zhejiang China"?
            split = first.splits.get(seen)
            if split is None:
                split = _split(tables, piece, day)
                with first.lock:
                    if len(first.splits) >= _CACHE:
                        first.splits.clear()
                    first.splits[seen] = split
            named, after = split
            if not named:
                rest.append(piece)
            elif after:
                rest.append(after)
        for part, at in named:
            if part in spans or len(spans) >= _MAX_NAMED:
                rest.append(part)  # a name once is evidence enough; more is noise
            else:
                spans[part] = (begin + at, begin + at + len(part))
    key = (tuple(spans), countries, day)
    resolved = first.resolved.get(key)
    if resolved is None:
        resolved = _resolve(dataset, tables, tuple(spans), day)
        with first.lock:
            if len(first.resolved) >= _CACHE:
                first.resolved.clear()
            first.resolved[key] = resolved
    chain, candidates, conflicts, locality = resolved
    parts = tuple(
        AddressPart(unit, None, None, None, None, score, implied)
        if piece is None
        else AddressPart(unit, *spans[piece], piece, kind, score, implied)
        for unit, piece, kind, score, implied in chain
    )
    return parts, candidates, ", ".join(rest), locality, list(conflicts)


def _resolve(
    dataset: Dataset,
    tables: dict[str, _Names],
    pieces: tuple[str, ...],
    day: datetime.date | None,
) -> _Resolved:
    """Return the deepest unit that every named part agrees with, and the rest."""
    named: list[tuple[str, list[_Found]]] = []
    centre_of: list[tuple[str, list[Division]]] = []
    locality: str | None = None
    hinted = set(tables)
    for piece in pieces:
        what, bare, entries, centres = _piece(dataset, tables, piece, day)
        if what == "country":
            hinted &= {bare}
        elif entries:
            named.append((piece, entries))
        else:
            locality = locality or bare  # a settlement the data does not hold
            if centres:
                centre_of.append((piece, centres))
    if hinted != set(tables):
        named = [(p, [e for e in es if e[0].country in hinted]) for p, es in named]
        named = [n for n in named if n[1]]
    steps_units = [[u for u, _, _ in es] for _, es in named]
    pool = {u.code: u for units in steps_units for u in units}

    def above(unit: Division) -> frozenset[str]:
        return tables[unit.country].above(unit.code)

    # How many named parts each unit agrees with (it lies in their unit, or
    # theirs in it).
    agrees = {
        u.code: sum(
            any(o.code in above(u) or u.code in above(o) for o in units)
            for units in steps_units
        )
        for u in pool.values()
    }
    most = max(agrees.values(), default=0)
    agreeing = [u for u in pool.values() if agrees[u.code] == most]
    conflicts: list[AddressConflict] = []
    if most < len(steps_units) and most == 1:
        # No two parts agree: the largest unit named stands, as in Chinese
        # text the container read first does, and the others are flagged.
        top = min(u.level or 1 for u in agreeing)
        agreeing = [u for u in agreeing if (u.level or 1) == top]
    # The deepest: those that contain no other (levels differ: Tianjin's 和平区
    # lies in the municipality, Shenyang's in a prefecture).
    deepest = [
        u
        for u in agreeing
        if not any(o is not u and u.code in above(o) for o in agreeing)
    ]
    for piece, es in named:
        if not any(
            e[0].code in above(d) or d.code in above(e[0]) for e in es for d in deepest
        ):
            conflicts.append(
                AddressConflict(
                    "name",
                    piece,
                    tuple(sorted({e[0] for e in es})),
                    f"{piece!r} does not lie with the other parts",
                )
            )
    if len(deepest) > 1:
        deepest = _localities_meant(deepest, named)
    centre_units = [unit for _, units in centre_of for unit in units]
    if not deepest and centre_units:
        deepest = list(dict.fromkeys(centre_units))
    candidates: tuple[Division, ...] = ()
    codes: tuple[str, ...] = ()
    if deepest:
        codes = tables[deepest[0].country].line(deepest[0].code)
        if len(deepest) > 1:
            shared = frozenset.intersection(*(above(u) for u in deepest))
            codes = tuple(c for c in codes if c in shared)
            candidates = tuple(sorted(deepest))
    hits: dict[str, tuple[str, MatchKind | None, float, str | None]] = {}
    for piece, units in centre_of:
        for unit in units:
            hits[unit.code] = (piece, None, 0.9, "centre")
    for piece, es in named:
        for unit, score, kind in es:
            hits[unit.code] = (piece, kind, score, None)
    chain: list[tuple[Division, str | None, MatchKind | None, float, str | None]] = []
    for code in codes:
        unit = tables[deepest[0].country].division(code)
        found = hits.get(code)
        if found is None:
            chain.append((unit, None, None, 1.0, "container"))
        else:
            chain.append((unit, *found))
    return tuple(chain), candidates, tuple(conflicts), locality


def parse_address_in(
    dataset: Dataset,
    text: str,
    *,
    country: str | None = None,
    as_of: datetime.date | None = None,
) -> Address:
    """Read the divisions in *text* with *dataset*; see `regionkit.parse_address`."""
    check_text(text)
    wanted = COUNTRIES if country is None else (parse_country(country),)
    return _parse(dataset, text, wanted, parse_day(as_of), country is None)


def _parse(
    dataset: Dataset,
    text: str,
    wanted: tuple[str, ...],
    day: datetime.date | None,
    any_country: bool,
) -> Address:
    """Read *text*, checked, for the countries *wanted*."""
    original = text
    if not text.isascii() and _FULL_WIDTH.search(text):
        # Full-width digits, letters and punctuation, one character for one,
        # so that spans point into the text as given.
        text = text.translate(_HALF_WIDTH)
    han = _HAN.search(text) is not None
    postcode_match = (_HAN_POSTCODE if han else _POSTCODE).search(text)
    postcode = postcode_match.group(1) if postcode_match else None
    conflicts: list[AddressConflict] = []
    prefix, locality = "", None
    if han and "CN" in wanted:
        names = _names(dataset, "CN")
        parts, candidates, read_conflicts, first, end, read = _read_row(
            names, text, original, day
        )
        conflicts = list(read_conflicts) if read_conflicts else []
        prefix = original[:first].strip() if read else ""
        offset = end if read else 0
        rest = original[offset:]
        if postcode_match is not None and postcode_match.start(1) >= offset:
            a, b = postcode_match.span(1)  # read as the postcode, as in Latin text
            rest = f"{original[offset:a].rstrip()} {original[b:].lstrip()}"
        remainder = rest.strip(" ,，、") if read else rest.strip()
    else:
        countries = tuple(c for c in wanted if not (han and c == "CN"))
        if any_country and _CYRILLIC.search(text):
            # Russian text is Russia's, unless it names China or a kind of
            # unit only China has: "Китай, провинция Хэйлунцзян, г. Харбин".
            countries = ("CN",) if _RUSSIAN_FOR_CHINA.search(text) else ("RU",)
        scrubbed = text
        if postcode_match is not None:
            a, b = postcode_match.span(1)
            scrubbed = text[:a] + " " * (b - a) + text[b:]
        parts, candidates, remainder, locality, conflicts = _read_parts(
            dataset, scrubbed, countries, day
        )
    implies: tuple[Division, ...] = ()
    posted = (
        None if postcode is None else _postcode_country(postcode, parts, wanted, han)
    )
    if postcode is not None and posted is not None:
        codes = _postcodes(dataset, posted).get(postcode[: _PREFIX[posted]], ())
        table = _names(dataset, posted)
        implies = tuple(table.division(c) for c in codes)
    if implies:
        top = next((p.division for p in parts if p.division.level == 1), None)
        if top is not None and top not in implies:
            conflicts.append(
                AddressConflict(
                    "postcode",
                    postcode or "",
                    implies,
                    f"postcode {postcode} lies in {', '.join(d.code for d in implies)},"
                    f" not {top.code}",
                )
            )
        elif not parts and len(implies) == 1 and not candidates:
            parts = (AddressPart(implies[0], None, None, None, None, 0.8, "postcode"),)
    reason = None
    if candidates:
        reason = f"the text may name {len(candidates)} units: " + ", ".join(
            d.code for d in candidates
        )
    elif not parts:
        reason = "the text names no division the data holds"
    return Address(  # by position: a column makes one a row
        original,
        parts,
        remainder,
        prefix,
        postcode,
        implies,
        locality,
        candidates,
        tuple(conflicts),
        reason,
    )


def _postcode_country(
    postcode: str | None,
    parts: tuple[AddressPart, ...],
    wanted: tuple[str, ...],
    han: bool,
) -> str | None:
    """Return the country whose postal system a postcode is read by, or None."""
    if postcode is None:
        return None
    country = parts[0].division.country if parts else None
    if (han or country == "CN" or wanted == ("CN",)) and "CN" in wanted:
        return "CN" if country in (None, "CN") else None
    if "RU" in wanted and country in (None, "RU"):
        return "RU"
    return None


def _townships(names: _Names, unit: Division) -> _Townships | None:
    """
    Return the full Chinese names of *unit*'s townships and their codes.

    By first character, longest first; ``None`` for a unit that has none to
    read (outside China, or a province). Only full names count ("安亭镇", not
    "安亭", which begins "安亭路" too).
    """
    if unit.country != "CN" or (unit.level or 0) < 2:
        return None
    known = names.townships.get(unit.code)
    if known is None:
        # The names by their first character, longest first.
        by_first: dict[str, list[tuple[str, str]]] = {}
        pairs = names.dataset.township_names(unit)
        if _DIGIT.search("".join(name for name, _ in pairs)):
            names.numbered.add(unit.code)
        for _, name, code in sorted({(-len(n), n, c) for n, c in pairs}):
            by_first.setdefault(name[:1], []).append((name, code))
        known = {first: tuple(pairs) for first, pairs in by_first.items()}
        with names.lock:
            if len(names.townships) >= _STEPS:
                names.townships.clear()
            names.townships[unit.code] = known
    return known


def _township_in(known: _Townships, text: str, at: int) -> tuple[str, str] | None:
    """
    Return the township of *known* whose name begins *text* at *at*.

    As its name and code; only where one township bears the longest one
    that fits.
    """
    pairs = known.get(text[at : at + 1], ())
    for index, (name, code) in enumerate(pairs):
        if text.startswith(name, at):  # the longest that fits
            # Two townships of one unit by one name (they come together): no guess.
            other = pairs[index + 1] if index + 1 < len(pairs) else None
            return None if other is not None and other[0] == name else (name, code)
    return None


def parse_address(
    text: str, *, country: str | None = None, as_of: datetime.date | None = None
) -> Address:
    """
    Read the divisions named in an address, from the top down.

    Chinese text is read as written, largest unit first, with or without the
    category words ("江苏淮安清江浦区"), levels skipped, a municipality named
    twice, text before the address and the street, house and POI after it;
    Russian and Latin text by its comma-separated parts, with KLADR
    abbreviations in either order ("Респ Адыгея", "обл. Московская"),
    locality markers ("г Майкоп") and a postcode. Nothing is guessed: a text
    with several readings has `Address.candidates`, and a part that
    contradicts the others is in `Address.conflicts`.

    Args:
        text: The address, at most 500 characters.
        country: Read only ``"RU"`` or ``"CN"``.
        as_of: Read the units of that day, former names included.

    Raises:
        TypeError: *text* is not a str, or an argument has the wrong type.
        ValueError: *text* is empty or too long, or *country* is unknown.

    >>> import regionkit
    >>> address = regionkit.parse_address("我家的地址是江苏淮安清江浦区人民路111号")
    >>> [d.code for d in address.chain], address.remainder
    (['CN-JS', 'CN-320800', 'CN-320812'], '人民路111号')
    >>> regionkit.parse_address("Респ Адыгея, г Адыгейск").chain[0].code
    'RU-AD'
    """
    return parse_address_in(default_dataset(), text, country=country, as_of=as_of)


def parse_addresses(
    values: Iterable[object],
    *,
    country: str | None = None,
    as_of: datetime.date | None = None,
) -> tuple[Address | Exception, ...]:
    """
    Read many addresses; each distinct value is read once and the results line up.

    A value that is not a valid text gives its `TypeError` or `ValueError` in
    its place instead of raising, so that one bad cell does not stop a column.

    Raises:
        TypeError: *values* is a single str, not an iterable of texts.
        ValueError: *country* or *as_of* is invalid.

    >>> import regionkit
    >>> [a.code for a in regionkit.parse_addresses(["上海上海市嘉定区", "重庆重庆市"])]
    ['CN-310114', 'CN-CQ']
    """
    if isinstance(values, (str, bytes, bytearray, memoryview)):
        raise TypeError(
            f"values must be an iterable of texts, not a {type(values).__name__}"
        )
    if country is not None:
        parse_country(country)
    parse_day(as_of)
    with no_cyclic_gc():  # many small acyclic records: no collection helps
        return _parse_many(default_dataset(), values, country, as_of)


def _parse_many(
    dataset: Dataset,
    values: Iterable[object],
    country: str | None,
    as_of: datetime.date | None,
) -> tuple[Address | Exception, ...]:
    wanted = COUNTRIES if country is None else (parse_country(country),)
    day = parse_day(as_of)
    done: dict[object, Address | Exception] = {}
    results: list[Address | Exception] = []
    for value in values:
        try:
            result = done.get(value)
        except TypeError:
            result = None
        if result is None:
            try:
                text = check_text(value)
                result = _parse(dataset, text, wanted, day, country is None)
            except (TypeError, ValueError) as error:
                result = error
            try:  # noqa: SIM105 - suppress() costs a row a context manager
                done[value] = result
            except TypeError:  # an unhashable value, read each time
                pass
        results.append(result)
    return tuple(results)


_FRAME_COLUMNS = (
    "code",
    "level_1",
    "level_2",
    "level_3",
    "remainder",
    "postcode",
    "ok",
    "reason",
)


def parse_address_frame(
    series: Any,
    *,
    country: str | None = None,
    as_of: datetime.date | None = None,
) -> Any:
    """
    Read a pandas Series of addresses into a DataFrame, one row per value.

    Needs pandas, which regionkit does not install (``pip install
    regionkit[pandas]``). The columns: ``code`` (the deepest unit, ``None``
    where several readings or none), ``level_1`` … ``level_3`` (the chain's
    codes by level), ``remainder``, ``postcode``, ``ok`` and ``reason`` (why
    the value is not ``ok``); the index is the input's. Use `parse_addresses`
    for the whole `Address`.

    Raises:
        TypeError: *series* is not a pandas Series (checked before any reading).
    """
    pandas = sys.modules.get("pandas")
    if pandas is None or not isinstance(series, pandas.Series):
        raise TypeError(
            f"series must be a pandas Series, not a {type(series).__name__}"
        )
    rows: list[tuple[object, ...]] = []
    for result in parse_addresses(series, country=country, as_of=as_of):
        if isinstance(result, Exception):
            rows.append((None, None, None, None, "", None, False, str(result)))
            continue
        levels = [result.level(n) for n in (1, 2, 3)]
        reason = result.reason
        if reason is None and result.conflicts:
            reason = "; ".join(c.message for c in result.conflicts)
        rows.append(
            (
                result.code,
                *(None if d is None else d.code for d in levels),
                result.remainder,
                result.postcode,
                result.ok,
                reason,
            )
        )
    return pandas.DataFrame(
        rows, index=series.index, columns=list(_FRAME_COLUMNS), dtype=object
    )
