"""
The name index: every stored name of some divisions, under the keys lookup tries.

`NameIndex.build` files the names; the packaged data comes with each data
file's index prebuilt (`NameIndex.encode`), which `NameIndex.decode` reads one
table at a time, as searches first need them. The kinds of match and their
scores are here too: the index files names by kind and scores what it finds.
"""

from __future__ import annotations

import bisect
import difflib
import enum
import re
import zlib
from collections.abc import Iterable

from regionkit._models import Division, NameForm
from regionkit._normalize import (
    canonical,
    category_hints,
    fold,
    normalize,
    russian_stems,
    strip_category_words,
)
from regionkit.errors import shorten

__all__ = ["FUZZY_THRESHOLD", "SCORES", "MatchKind", "NameIndex"]

FUZZY_THRESHOLD = 0.82
"""The least similarity (difflib ratio, 0–1) at which a typo still matches."""


class MatchKind(enum.Enum):
    """How a text matched a division."""

    CODE = "code"
    EXACT = "exact"
    NORMALIZED = "normalized"
    ABBREVIATION = "abbreviation"
    ALIAS = "alias"
    FORMER = "former"
    INFLECTED = "inflected"
    FUZZY = "fuzzy"


SCORES = {
    MatchKind.CODE: 1.0,
    MatchKind.EXACT: 1.0,
    MatchKind.NORMALIZED: 0.95,
    MatchKind.ABBREVIATION: 0.94,
    MatchKind.ALIAS: 0.94,
    MatchKind.FORMER: 0.935,
    MatchKind.INFLECTED: 0.8,
    MatchKind.FUZZY: 0.75,
}
_FORM_KINDS = {
    NameForm.ABBREVIATION: MatchKind.ABBREVIATION,
    NameForm.ALIAS: MatchKind.ALIAS,
    NameForm.FORMER: MatchKind.FORMER,
}
# A full name outranks a short name of the same kind by this much.
_SHORT_PENALTY = 0.01
# A match on the name without its category word ("Khabarovsk kray" on the core
# "khabarovsk") scores below whole-name matches; a category word in the text
# that fits the unit's category ("Moscow Province": an oblast) adds a little.
_CORE_SCORE = 0.92
_HINT_BONUS = 0.01


_Entry = tuple[str, float, str, MatchKind]  # code, score, matched text, kind
# What a table files under a key: the code, the stored text, and one more field:
# for names, "short" for a short name (it scores a little lower) or "" for a
# full one; for cores, the unit's category value.
_Item = tuple[str, str, str]
_SHORT = "short"

# The tables of an index, by name: the exact names, one per other kind of
# match, the cores (names less their category words) and the typo keys.
_EXACT = MatchKind.EXACT.value
_CORES = "cores"
_FUZZY = "fuzzy"
_TABLES = (
    _EXACT,
    *(
        k.value
        for k in MatchKind
        if k not in {MatchKind.CODE, MatchKind.EXACT, MatchKind.FUZZY}
    ),
    _CORES,
    _FUZZY,
)
# An index file: a header line, then the tables. Control characters separate
# the parts; stored names never hold them (the build checks).
_MAGIC = "regionkit name index 1"
_TABLE_SEP, _KEY_SEP, _ITEM_SEP = "\x1e", "\x1d", "\x1f"
_SPACES = str.maketrans(dict.fromkeys("\t\n\r\x1d\x1e\x1f", " "))


class _Table:
    """
    Keys in sorted order, each with the items filed under it.

    One line per key: the key, a group separator (U+001D), then its items,
    joined by unit separators (U+001F), each of three tab-separated fields.
    The lines of a prebuilt index become this list with one split, so a table
    loads in milliseconds; a key's line is found by bisection.
    """

    __slots__ = ("_ends", "_keys", "_lines")

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        # For the typo scan, made at its first: the keys, and their positions
        # by first and by last character.
        self._keys: list[str] | None = None
        self._ends: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, filed: dict[str, list[_Item]]) -> _Table:
        # Keys are folded, so they hold no separator (all are whitespace to
        # str.split); in the fields, separators that data from elsewhere may
        # hold become spaces, so that every line keeps its shape. The lines
        # themselves are sorted: bisection finds a key's line among them.
        return cls(
            sorted(
                key
                + _KEY_SEP
                + _ITEM_SEP.join(
                    "\t".join(field.translate(_SPACES) for field in item)
                    for item in items
                )
                for key, items in filed.items()
            )
        )

    @classmethod
    def decode(cls, text: str) -> _Table:
        # Well formed by construction: the index's checksum covers the text.
        return cls(text.split("\n") if text else [])

    def encode(self) -> str:
        return "\n".join(self._lines)

    def get(self, key: str) -> list[_Item]:
        lines, probe = self._lines, key + _KEY_SEP
        at = bisect.bisect_left(lines, probe)
        if at == len(lines) or not lines[at].startswith(probe):
            return []
        return _items(lines[at][len(probe) :])

    def has(self, key: str) -> bool:
        lines, probe = self._lines, key + _KEY_SEP
        at = bisect.bisect_left(lines, probe)
        return at < len(lines) and lines[at].startswith(probe)

    def keys(self) -> list[str]:
        """Return every key, in order."""
        if self._keys is None:
            self._keys = [line.partition(_KEY_SEP)[0] for line in self._lines]
        return self._keys

    def ending(self, first: str, last: str) -> list[int]:
        """Return where the keys that begin with *first* or end with *last* are."""
        ends = self._ends
        if ends is None:
            ends = {}
            for at, key in enumerate(self.keys()):
                if key:
                    ends.setdefault("^" + key[0], []).append(at)
                    ends.setdefault("$" + key[-1], []).append(at)
            self._ends = ends
        return sorted({*ends.get("^" + first, ()), *ends.get("$" + last, ())})

    def row(self, at: int) -> list[_Item]:
        """Return the items of the key at position *at* of `keys`."""
        return _items(self._lines[at].partition(_KEY_SEP)[2])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Table):
            return NotImplemented
        return self._lines == other._lines

    __hash__ = None  # type: ignore[assignment]


def _items(row: str) -> list[_Item]:
    found: list[_Item] = []
    for item in row.split(_ITEM_SEP):
        code, text, extra = item.split("\t")
        found.append((code, text, extra))
    return found


def _penalty(extra: str) -> float:
    return _SHORT_PENALTY if extra == _SHORT else 0.0


class NameIndex:
    """
    Every stored name of some divisions, under the keys lookup tries.

    `NameIndex.build` files the names of any divisions; the packaged data comes
    with each file's index prebuilt (`NameIndex.encode`), which
    `NameIndex.decode` reads one table at a time, as searches first need them:
    a lookup by an exact name reads only the exact table.
    """

    __slots__ = ("_parts", "_raw", "_tables")

    def __init__(
        self,
        tables: dict[str, _Table] | None = None,
        raw: bytes = b"",
        parts: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        self._tables = tables if tables is not None else {}
        self._raw = memoryview(raw)  # a prebuilt file, read without copies
        self._parts = parts if parts is not None else {}  # table -> its offsets

    @classmethod
    def build(cls, divisions: Iterable[Division]) -> NameIndex:
        """Index the names of *divisions*."""
        return cls({name: _Table.of(table) for name, table in _file(divisions).items()})

    def encode(self, digest: int) -> bytes:
        """
        Return the index as a prebuilt index file holds it.

        *digest* is the CRC-32 of the data file the index was built from:
        `NameIndex.decode` accepts the index only with that file.
        """
        body = _TABLE_SEP.join(
            f"{name}\n{self._table(name).encode()}" for name in _TABLES
        ).encode()
        return f"{_MAGIC}\t{digest}\t{zlib.crc32(body)}\n".encode() + body

    @classmethod
    def decode(cls, raw: bytes, digest: int) -> NameIndex | None:
        """
        Read a prebuilt index file; ``None`` if it was built from other data.

        Only the offsets of the tables are read here; each table is decoded
        when a search first needs it.

        Raises:
            ValueError: The file is damaged or not an index.
        """
        start = raw.find(b"\n") + 1
        header = raw[: start - 1].decode("utf-8", "replace").split("\t")
        if not start or len(header) != 3 or header[0] != _MAGIC:
            raise ValueError("not a regionkit name index")
        if header[1] != str(digest):
            return None  # the data changed after the index was built
        if header[2] != str(zlib.crc32(memoryview(raw)[start:])):
            raise ValueError("the index does not match its checksum")
        parts: dict[str, tuple[int, int]] = {}
        while start <= len(raw):  # each table: its name, a line break, its lines
            end = raw.find(_TABLE_SEP.encode(), start)
            end = len(raw) if end < 0 else end
            name_end = raw.find(b"\n", start, end)
            name = raw[start : max(name_end, start)].decode("utf-8", "replace")
            if name not in _TABLES or name_end < 0:
                raise ValueError(f"unknown or damaged table {shorten(name)}")
            parts[name] = (name_end + 1, end)
            start = end + 1
        return cls(raw=raw, parts=parts)

    def _table(self, name: str) -> _Table:
        table = self._tables.get(name)
        if table is None:  # two threads may both decode it: the same result
            start, end = self._parts.get(name, (0, 0))
            text = str(self._raw[start:end], "utf-8")
            table = self._tables[name] = _Table.decode(text)
        return table

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NameIndex):
            return NotImplemented
        return all(self._table(name) == other._table(name) for name in _TABLES)

    __hash__ = None  # type: ignore[assignment]

    def knows(self, text: str) -> bool:
        """Whether *text* is a stored name (any form) up to normalization."""
        keys = {fold(text), canonical(text), normalize(text)}
        tables = [self._table(name) for name in _TABLES if name not in {_CORES, _FUZZY}]
        return any(table.has(key) for table in tables for key in keys) or (
            self._table(_CORES).has(strip_category_words(normalize(text)))
        )

    def search(
        self, text: str, *, fuzzy: bool, exact_first: bool = False
    ) -> list[_Entry]:
        """
        Return the entries of the best kind that *text* reaches.

        With *exact_first*, a text that is a stored name returns those matches
        alone: no other kind can rank above them.
        """
        folded = fold(text)
        exact = [
            (code, 1.0 - _penalty(extra), matched, MatchKind.EXACT)
            for code, matched, extra in self._table(_EXACT).get(folded)
        ]
        if exact and exact_first:
            return exact
        whole = canonical(text)
        normalized = normalize(text)  # less a country name at either end
        tiers: tuple[tuple[MatchKind, tuple[str, ...]], ...] = (
            (MatchKind.NORMALIZED, (whole, normalized)),
            (MatchKind.ABBREVIATION, (folded, whole, normalized)),
            (MatchKind.ALIAS, (folded, whole, normalized)),
            (MatchKind.FORMER, (folded, whole, normalized)),
            (MatchKind.INFLECTED, (russian_stems(normalized),)),
        )
        found = exact
        for kind, candidates in tiers:
            # The normalized table leaves out what the exact table files
            # under the same key: a name whose normalized form is its folded
            # form (most of them) is filed once.
            tables = [self._table(kind.value)]
            if kind is MatchKind.NORMALIZED:
                tables.append(self._table(_EXACT))
            base = SCORES[kind]
            for key in dict.fromkeys(candidates):
                for table in tables:
                    found.extend(
                        (code, base - _penalty(extra), matched, kind)
                        for code, matched, extra in table.get(key)
                    )
        found.extend(self._cores(normalized))
        if found or not fuzzy:
            return found
        return self._fuzzy(normalized)

    def _cores(self, normalized: str) -> list[_Entry]:
        """Match on names without category words; a matching category word helps."""
        core = strip_category_words(normalized)
        cores = self._table(_CORES)
        hits = cores.get(core) or cores.get(core.replace(" ", ""))
        if not hits:
            return []
        hints = category_hints(normalized)
        kind = MatchKind.NORMALIZED
        return [
            (
                code,
                _CORE_SCORE + (_HINT_BONUS if category in hints else 0.0),
                text,
                kind,
            )
            for code, text, category in hits
        ]

    def _fuzzy(self, normalized: str) -> list[_Entry]:
        """
        Match typos against short names and aliases, by the text and its core.

        The core catches a typo beside a category word: "Zaporizhia Oblast" is
        a typo of "Zaporizhzhia". A stored name plus or less whole words is not
        a typo: "N. Novgorod" (Nizhny Novgorod) is not Novgorod.
        """
        best: dict[int, float] = {}  # table position -> best ratio
        table = self._table(_FUZZY)
        keys = table.keys()
        for text in dict.fromkeys((normalized, strip_category_words(normalized))):
            if len(text) < 3:
                continue
            words = set(text.split())
            matcher = difflib.SequenceMatcher(autojunk=False)
            matcher.set_seq2(text)
            size, band = len(text), max(2, len(text) // 4)
            # A typo keeps the first or the last letter ("Ekaterinburg",
            # "Yekaterinburg"), and about the length: cheap tests first.
            for at in table.ending(text[0], text[-1]):
                key = keys[at]
                if abs(len(key) - size) > band:
                    continue
                matcher.set_seq1(key)
                if matcher.quick_ratio() < FUZZY_THRESHOLD:
                    continue
                ratio = matcher.ratio()
                if ratio >= FUZZY_THRESHOLD and ratio > best.get(at, 0.0):
                    key_words = set(key.split())
                    if key_words != words and (key_words < words or words < key_words):
                        continue
                    best[at] = ratio
        return [
            (code, round(SCORES[MatchKind.FUZZY] * ratio, 4), text, MatchKind.FUZZY)
            for at, ratio in best.items()
            for code, text, _ in table.row(at)
        ]


def _file(divisions: Iterable[Division]) -> dict[str, dict[str, list[_Item]]]:
    """File every name of *divisions* under each key lookup tries, by table."""
    tables: dict[str, dict[str, list[_Item]]] = {name: {} for name in _TABLES}

    def file(table: str, key: str, item: _Item) -> None:
        filed = tables[table].setdefault(key, [])
        if item not in filed:
            filed.append(item)

    # The uncached forms: 60,000 stored names would only crowd the caches
    # that serve the queries.
    fold_name, canonical_name = fold.__wrapped__, canonical.__wrapped__
    full, short = NameForm.FULL, NameForm.SHORT
    for division in divisions:
        code = division.code
        category = division.category.value
        # Russian case forms ("в Хабаровском крае") are for Russia's units.
        inflect = division.country == "RU"
        seen: set[tuple[str, bool]] = set()
        for name in division.names:
            text, form = name.text, name.form
            is_full = form is full
            if not is_full and form is not short:  # abbreviations, aliases …
                kind = _FORM_KINDS[form].value
                whole = canonical_name(text)
                for key in dict.fromkeys((fold_name(text), whole)):
                    file(kind, key, (code, text, ""))
                if whole and form is not NameForm.ABBREVIATION:  # nicknames: typos
                    file(_FUZZY, whole, (code, text, ""))
                continue
            extra = "" if is_full else _SHORT
            file(_EXACT, fold_name(text), (code, text, extra))
            if (text, is_full) in seen:  # the same text in several locales
                continue
            seen.add((text, is_full))
            if is_full and _COMPOUND.search(text):
                # "Чувашская Республика — Чувашия": each part names the unit.
                for part in _name_parts(text):
                    file(_NORMALIZED, canonical_name(part), (code, part, _SHORT))
            normalized = canonical_name(text)
            file(_NORMALIZED, normalized, (code, text, extra))
            core = strip_category_words(normalized)
            file(_CORES, core, (code, text, category))
            if " " in core:
                file(_CORES, core.replace(" ", ""), (code, text, category))
            locale = name.locale
            if inflect and locale == "ru":
                file(_INFLECTED, russian_stems(normalized), (code, text, extra))
            if normalized and (not is_full or locale == "zh-Hans"):
                file(_FUZZY, normalized, (code, text, extra))
    exact, normalized_table = tables[_EXACT], tables[_NORMALIZED]
    for key, filed in list(normalized_table.items()):
        left = [item for item in filed if item not in exact.get(key, ())]
        if left:
            normalized_table[key] = left
        else:
            del normalized_table[key]
    return tables


_NORMALIZED = MatchKind.NORMALIZED.value
_INFLECTED = MatchKind.INFLECTED.value


_PARTS = re.compile(r"\s+[—–]\s+|\s*[()]\s*")
_COMPOUND = re.compile(r"[—–()]")


def _name_parts(text: str) -> list[str]:
    """Return the parts of a compound official name, if it is one."""
    parts = [p for p in _PARTS.split(text) if p]
    return parts if len(parts) > 1 else []
