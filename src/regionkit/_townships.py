"""
China's township level (乡级): 41,340 townships, read lazily from one text file.

``cn-townships.tsv`` holds one line per township and per statistical zone
(written by ``tools/build_data.py`` from ``data/cn/townships.csv`` and
``statistical_zones.csv``; ``data/cn/NOTES-townships.md`` gives the rules). A
`Townships` keeps the lines as read, as one string with where each line starts
and its number (a string a line would take 7 MB more), and makes a `Division`
only for the lines a call asks for, so that loading costs one pass over the
text and a dictionary of the Chinese names; the Latin names are indexed on the
first Latin query.

Lookup at this level matches names exactly (Chinese full or short names,
Simplified or Traditional; full pinyin with or without tones; full English
names) and never by typo:
with hundreds of 城关镇 and 人民路街道, a near miss is more likely another
township than the one meant.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterator

from regionkit._index import MatchKind
from regionkit._models import Category, Division, NameForm, NameHead, PackedNames
from regionkit._normalize import fold

__all__ = ["CATEGORIES", "FILE", "Townships", "ends_in_township_word"]

FILE = "cn-townships.tsv"
"""The township level's file in the data folder."""

_CATEGORY = {
    "s": Category.SUBDISTRICT,
    "t": Category.TOWN,
    "x": Category.TOWNSHIP,
    "e": Category.ETHNIC_TOWNSHIP,
    "m": Category.SUMU,
    "n": Category.ETHNIC_SUMU,
    "u": Category.TOWNSHIP_LEVEL_UNIT,
}
LETTER = {category: letter for letter, category in _CATEGORY.items()}
"""The one-letter code of each township category in the file."""
CATEGORIES = frozenset(_CATEGORY.values())
"""The categories of the township level."""
ZONE = "Z"  # the first field of a statistical zone's line
_SOURCE = "nbs-2023"
_ENTRY = tuple[str, float, str, MatchKind]

# The generic words that end a township's name, as typed: a text that ends in
# one may name a township, and only such a text (or a lookup with level=4, or
# inside a unit that has townships) makes lookup read this level.
_HAN_WORDS = ("街道", "镇", "鎮", "乡", "鄉", "苏木", "蘇木", "办事处", "辦事處")
_LATIN_WORDS = ("subdistrict", "town", "township", "sumu", "jiedao", "zhen", "xiang")


def ends_in_township_word(text: str) -> bool:
    """Whether *text* ends in a township's generic word ("粤海街道", "X Town")."""
    folded = fold(text).rstrip()
    if folded.endswith(_HAN_WORDS):
        return True
    last = folded.rpartition(" ")
    return bool(last[1]) and last[2] in _LATIN_WORDS


# Each toned vowel of pinyin and its plain letter (ü keeps its dots).
_TONED = {
    "a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ",
    "A": "ĀÁǍÀ", "E": "ĒÉĚÈ", "I": "ĪÍǏÌ", "O": "ŌÓǑÒ", "U": "ŪÚǓÙ", "Ü": "ǕǗǙǛ",
}  # fmt: skip
_UNTONE = str.maketrans({t: plain for plain, toned in _TONED.items() for t in toned})


def _plain(text: str) -> str:
    """*text* without tone marks (ü kept), as the plain pinyin spells it."""
    if text.isascii():  # most texts: no marks to drop, and `translate` walks each
        return text
    plain = text.translate(_UNTONE)
    if plain.isascii() or max(plain) < "\u0300":
        return plain
    # Decomposed marks (typed text): drop the four tone marks, keep the rest.
    decomposed = unicodedata.normalize("NFD", plain)
    kept = "".join(c for c in decomposed if c not in "\u0300\u0301\u0304\u030c")
    return unicodedata.normalize("NFC", kept)


class Townships:
    """The township level of one data file; records made on first request."""

    def __init__(self, text: str, make: Callable[..., Division]) -> None:
        """Read *text*; *make* builds a `Division` from its fields."""
        self._make = make
        self._zones: dict[str, str] = {}  # a zone's code: its line
        self._children: dict[str, list[int | str]] = {}  # where the code says not
        self._names: dict[str, int | list[int]] | None = None  # a name: its rows
        self._stems: dict[str, list[int]] = {}  # short names that end in no generic
        self._simplified: dict[str, str] = {}  # Traditional to Simplified, per char
        self._zone_names: dict[str, list[str]] = {}
        self._latin: dict[str, int | list[int | str]] | None = None
        self._built: dict[str, Division] = {}
        # The head (comments, tables, zones), then the townships in code order.
        head, marker, body = text.partition("\n#R\n")
        if not marker:
            raise ValueError("no township rows")
        rows = body.split("\n")
        if rows and not rows[-1]:
            rows.pop()
        # Row *at* is body[starts[at] : starts[at + 1] - 1]; its nine digits
        # are numbers[at], in order.
        self._body = body
        self._starts = array(
            "q",
            itertools.accumulate(
                map(operator.add, map(len, rows), itertools.repeat(1)), initial=0
            ),
        )
        self._numbers = array("q", map(int, map(_NUMBER, rows)))
        del rows
        placed: list[str] = []
        for line in head.split("\n"):
            if line.startswith("#T\t"):
                pairs = line[3:]
                self._simplified = dict(zip(pairs[1::2], pairs[::2], strict=True))
            elif line.startswith("#P\t"):
                placed = line[3:].split()
            elif line.startswith(ZONE + "\t"):
                fields = line.split("\t", 5)
                key = f"CN-{fields[1]}-NBS"
                self._zones[key] = line
                self._children.setdefault(fields[2], []).append(key)
                for name in fields[3:5]:
                    if name:
                        self._zone_names.setdefault(name, []).append(key)
        for number in placed:  # townships whose parent is not their code's county
            at = self._find(number)
            if at is None:
                raise ValueError(f"no township {number}")
            parent = _parent(number, self._row(at).split("\t", 2)[1])
            self._children.setdefault(parent, []).append(at)

    def __len__(self) -> int:
        return len(self._numbers) + len(self._zones)

    def _row(self, at: int) -> str:
        """Return row *at*, a township's line."""
        return self._body[self._starts[at] : self._starts[at + 1] - 1]

    def _each_row(self) -> Iterator[tuple[int, str]]:
        """Yield every row with its number, a slice of the text at a time."""
        starts, count = self._starts, len(self._numbers)
        for first in range(0, count, _ROWS_AT_ONCE):
            stop = min(first + _ROWS_AT_ONCE, count)
            lines = self._body[starts[first] : starts[stop] - 1].split("\n")
            yield from enumerate(lines, first)

    def codes(self) -> Iterator[str]:
        """Yield every code, zones first, then townships in code order."""
        yield from self._zones
        for number in self._numbers:
            yield f"CN-{number:09d}"

    def divisions(self) -> Iterator[Division]:
        """Yield every record, zones first, then townships in code order."""
        for code in self._zones:
            zone = self.division(code)
            if zone is not None:
                yield zone
        for at in range(len(self._numbers)):
            yield self._at(at)

    def _find(self, number: str) -> int | None:
        """Return the row of township *number* (nine digits), or None."""
        if len(number) != 9 or not number.isascii() or not number.isdigit():
            return None
        value, numbers = int(number), self._numbers
        at = bisect.bisect_left(numbers, value)
        if at == len(numbers) or numbers[at] != value:
            return None
        return at

    def division(self, code: str) -> Division | None:
        """Return the record of *code* ("CN-440305007", "CN-140171-NBS"), or None."""
        found = self._built.get(code)
        if found is not None:
            return found
        line = self._zones.get(code)
        if line is None:
            at = self._find(code[3:])
            if at is None:
                return None
            line = self._row(at)
        return self._built.setdefault(code, self._record(code, line))

    def _at(self, at: int) -> Division:
        line = self._row(at)
        code = f"CN-{line[:9]}"
        found = self._built.get(code)
        if found is None:
            found = self._built.setdefault(code, self._record(code, line))
        return found

    def children(self, code: str) -> tuple[Division, ...]:
        """Return the townships (and statistical zones) directly under *code*."""
        found: list[Division] = []
        for item in self._under(code):
            division = self._at(item) if isinstance(item, int) else self.division(item)
            if division is not None:
                found.append(division)
        return tuple(sorted(found, key=lambda d: d.code))

    def full_names(self, code: str) -> tuple[tuple[str, str], ...]:
        """
        Return the Chinese full names of the townships directly under *code*.

        Each as (name, township code), Simplified and Traditional, read from
        the lines: no record is made (an address names one township of many).
        """
        names: list[tuple[str, str]] = []
        for at in self._under(code):
            if isinstance(at, int):  # a township's row, not a zone's key
                number, _, _, name, hant, _ = self._row(at).split("\t", 5)
                names.append((name, f"CN-{number}"))
                if hant and hant != name:
                    names.append((hant, f"CN-{number}"))
        return tuple(names)

    def _under(self, code: str) -> list[int | str]:
        """Return the rows of the townships under *code*, then zones and others."""
        found: list[int | str] = []
        county = code[3:]
        if len(county) == 6 and county.isascii() and county.isdigit():
            # Its townships lie together, numbered from county * 1000.
            numbers, starts, body = self._numbers, self._starts, self._body
            first = int(county) * 1000
            at = bisect.bisect_left(numbers, first)
            while at < len(numbers) and numbers[at] < first + 1000:
                if body[starts[at] + 9 : starts[at] + 11] == "\t\t":
                    found.append(at)  # the parent its code says
                at += 1
        found.extend(self._children.get(code, ()))
        return found

    def _name_index(self) -> dict[str, int | list[int]]:
        """Return the rows by Simplified full name, built on the first lookup."""
        if self._names is None:
            names: dict[str, int | list[int]] = {}
            for at, line in self._each_row():
                _, _, letter, name, rest = line.split("\t", 4)
                _file_row(names, name, at)
                if letter == "e" or letter == "n":
                    # A short name that is not the full name less a generic
                    # word: 于家务 (于家务回族乡); the others are found by adding it.
                    cut = rest.split("\t")[3]
                    if cut:
                        self._stems.setdefault(name[: int(cut)], []).append(at)
            self._names = names
        return self._names

    def _record(self, code: str, line: str) -> Division:
        fields = line.split("\t")
        if fields[0] == ZONE:
            _, _, parent, name, hant, pinyin, source = fields
            plain = _plain(pinyin)
            texts = [name, hant, pinyin, plain, plain]
            locales = ["zh-Hans", "zh-Hant", "zh-Latn-pinyin"]
            locales += ["zh-Latn-pinyin-x-plain", "en"]
            heads, kept = _heads(locales, texts, None, source)
            return self._make(
                code=code,
                category=Category.STATISTICAL_ZONE,
                level=3,
                names=PackedNames(heads, "\n".join(kept)),
                source=source,
                parent_code=parent,
            )
        number, parent, letter, name, hant, pinyin, english, short, source = fields
        source = source or _SOURCE
        cut = int(short) if short else 0
        plain = _plain(pinyin)
        texts = [name, hant, pinyin, plain, english]
        shorts = None
        if cut:
            stem = pinyin.partition(" ")[0]
            shorts = [name[:cut], hant[:cut] if hant else "", stem, _plain(stem)]
            shorts.append(_plain(stem))
        locales = ["zh-Hans", "zh-Hant", "zh-Latn-pinyin", "zh-Latn-pinyin-x-plain"]
        heads, kept = _heads([*locales, "en"], texts, shorts, source)
        return self._make(
            code=code,
            category=_CATEGORY[letter],
            level=4,
            names=PackedNames(heads, "\n".join(kept)),
            source=source,
            parent_code=_parent(number, parent),
        )

    # -- lookup (the `NameIndex` methods lookup calls) --------------------------------

    def knows(self, text: str) -> bool:
        """Whether *text* is a township's name, exactly."""
        return bool(self._entries(text))

    def search(
        self, text: str, *, fuzzy: bool, exact_first: bool = False
    ) -> list[_ENTRY]:
        """Return the townships *text* names exactly: full names 1.0, short 0.99."""
        return [
            (code, 0.99 if short else 1.0, text, MatchKind.EXACT)
            for code, short in self._entries(text)
        ]

    def typos(self, text: str) -> list[_ENTRY]:
        """Return nothing: the township level has no typo matching."""
        return []

    def _entries(self, text: str) -> list[tuple[str, bool]]:
        folded = fold(text).strip()
        if not folded:
            return []
        if not _is_han(folded):
            return self._latin_entries(folded)
        found = self._han(folded, folded, 3)
        if not found:  # Traditional: found through the Simplified name
            simplified = "".join(self._simplified.get(c, c) for c in folded)
            if simplified != folded:
                found = self._han(folded, simplified, 4)
        return found

    def _han(self, query: str, simplified: str, field: int) -> list[tuple[str, bool]]:
        """Return the units whose name (field 3, or 4: Traditional) is *query*."""
        found: list[tuple[str, bool]] = [
            (code, False) for code in self._zone_names.get(query, ())
        ]
        tries = ((simplified, False), *((simplified + g, True) for g in _GENERICS))
        for name, short in tries:
            rows = self._name_index().get(name)
            for at in [rows] if isinstance(rows, int) else rows or ():
                found += self._fits(at, query, field, short)
        for at in self._stems.get(simplified, ()):
            found += self._fits(at, query, field, True)
        return list(dict.fromkeys(found))

    def _fits(
        self, at: int, query: str, field: int, short: bool
    ) -> list[tuple[str, bool]]:
        """Return row *at* if its name (or short name) is *query*."""
        fields = self._row(at).split("\t", 8)
        own = fields[field]
        if short:
            cut = int(fields[7]) if fields[7] else 0
            fits = bool(cut) and own[:cut] == query
        else:
            fits = own == query
        return [(f"CN-{fields[0]}", short)] if fits else []

    def _latin_index(self) -> dict[str, int | list[int | str]]:
        """
        Return the units by the first word of their English name, lower case.

        A word of one township files its row alone (24,000 lists fewer).
        """
        if self._latin is None:
            latin: dict[str, int | list[int | str]] = {}
            for key, line in self._zones.items():
                word = _first_word(line.split("\t")[5])
                latin.setdefault(word, []).append(key)  # type: ignore[union-attr]
            for at, line in self._each_row():
                word = _first_word(line.split("\t", 7)[6])
                _file_row(latin, word, at)  # type: ignore[arg-type]
            self._latin = latin
        return self._latin

    def _latin_entries(self, folded: str) -> list[tuple[str, bool]]:
        """Return the units a Latin text names in full: English, pinyin."""
        plain = _plain(folded)
        first = _first_word(plain)
        if not _LATIN_LETTER.search(first):
            return []  # every English name starts with a Latin letter: no build
        found: list[tuple[str, bool]] = []
        items = self._latin_index().get(first, ())
        for item in [items] if isinstance(items, int) else items:
            if isinstance(item, int):
                fields = self._row(item).split("\t")
                code, pinyin, forms = f"CN-{fields[0]}", fields[5], [fields[6]]
            else:
                fields = self._zones[item].split("\t")
                code, pinyin, forms = item, fields[5], []
            forms.append(_plain(pinyin))
            # Full forms only: a bare pinyin stem ("Xinhe") is too often a word
            # of another name ("Xīnhé Xiàn", read as Xinhe in a place "Xian").
            if any(fold(form) == plain for form in forms):
                found.append((code, False))
        return found


def _first_word(text: str) -> str:
    """The first word of *text*, folded, without tones: a `_latin_index` key."""
    word = text.partition(" ")[0]
    if word.isascii():  # most names: `fold` is lower case here
        return word.lower()
    # `fold`'s work without its cache: the index's 41,000 words would crowd
    # out the entries that serve queries.
    return _plain(fold.__wrapped__(word))


# The generic words a short name lacks, tried in turn to find its full name.
_GENERICS = (
    "街道",
    "镇",
    "乡",
    "苏木",
    "地区",
    "办事处",
    "街道办事处",
    "民族乡",
    "民族苏木",
)


_NUMBER = operator.itemgetter(slice(9))  # a row's nine digits


_ROWS_AT_ONCE = 1024  # `Townships._each_row`: not a string for every row at once


def _is_han(text: str) -> bool:
    return _HAN_ONLY.fullmatch(text) is not None


_LATIN_LETTER = re.compile("[a-z]")  # after `fold`: what a `_latin_index` key holds
_HAN_ONLY = re.compile(r"[\u3400-\u9fff（）、\-]*")  # or nothing at all


def _parent(number: str, parent: str) -> str:
    """Return a township's parent code from its line's parent field."""
    if not parent:
        return f"CN-{number[:6]}"
    if parent == ZONE:
        return f"CN-{number[:6]}-NBS"
    return parent


def _heads(
    locales: list[str], texts: list[str], shorts: list[str] | None, source: str
) -> tuple[tuple[NameHead, ...], list[str]]:
    """Return the name heads and texts of the given forms, empty texts left out."""
    kept: list[str] = []
    present: list[tuple[int, bool]] = []
    for at, text in enumerate(texts):
        if text:
            present.append((at, False))
            kept.append(text)
        short = shorts[at] if shorts is not None else ""
        if short:
            present.append((at, True))
            kept.append(short)
    key = (tuple(locales), tuple(present), source)
    heads = _HEADS.get(key)
    if heads is None:  # the same few shapes recur: one tuple each
        heads = _HEADS.setdefault(
            key, tuple(_head(locales[at], short, source) for at, short in present)
        )
    return heads, kept


def _head(locale: str, short: bool, source: str) -> NameHead:
    how = source
    if locale == "zh-Hant":
        how = f"{source} opencc"
    elif locale != "zh-Hans":
        how = f"{source} pypinyin"
    return (locale, NameForm.SHORT if short else NameForm.FULL, how, None, None)


_HEADS: dict[tuple[object, ...], tuple[NameHead, ...]] = {}


def _file_row(index: dict[str, int | list[int]], key: str, at: int) -> None:
    """File row *at* under *key*: alone as a number, with others in a list."""
    old = index.setdefault(key, at)
    if old is not at:
        if isinstance(old, int):
            index[key] = [old, at]
        else:
            old.append(at)
