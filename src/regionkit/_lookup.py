"""
Free-text lookup: from what people type to the divisions it names.

Matching runs in tiers, best first, and stops at the first tier that matches:

=============  =====  ====================================================
kind           score  what matched
=============  =====  ====================================================
code           1.00   a code `regionkit.get` accepts
exact          1.00   a stored full name (0.99 for a short name), up to
                      case, width and spacing
normalized     0.95   a stored name after normalization: ё/е, look-alike
                      letters, accents, punctuation, a country name at an
                      end; 0.92 on the name without its category words
                      ("Khabarovsk kray"), 0.93 when the text's category
                      word fits the unit ("Moscow Province": the oblast)
abbreviation   0.94   an abbreviation ("ХМАО", "黑")
alias          0.94   a common nickname or variant spelling ("Yakutia")
former         0.935  a former name or old romanization ("Peking")
inflected      0.80   a Russian case form ("в Хабаровском крае")
fuzzy          ≤0.75  a typo: similarity of at least `FUZZY_THRESHOLD`
=============  =====  ====================================================

Within a kind, a full-name match outranks a short-name match: "Moscow" is the
full name of the federal city and only the short name of Moscow Oblast, so it
means the city. Levels are tried from the top: a name that a subject or a
provincial-level unit bears means that unit ("吉林" is Jilin Province, not
Jilin City), and among equal matches below, the higher level wins ("Yanbian"
is the prefecture, not 盐边县); pass ``level=`` or ``within=`` to ask for
another. Units of one level that fit equally (朝阳区 in Beijing and in
Changchun) raise `AmbiguousName`. Qualified names ("北京市朝阳区",
"Chaoyang District, Beijing") are read as a name inside a container before
typos are considered.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import gc
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeAlias, TypeVar

import attrs

from regionkit._models import Division, NameForm
from regionkit._normalize import (
    canonical,
    category_hints,
    fold,
    normalize,
    russian_stems,
    strip_category_words,
)
from regionkit.errors import AmbiguousName, NotFound, UnknownCode, shorten

if TYPE_CHECKING:
    from regionkit._store import Dataset

_T = TypeVar("_T")

__all__ = [
    "FUZZY_THRESHOLD",
    "MAX_INPUT",
    "LookupResult",
    "Match",
    "MatchKind",
    "NameIndex",
]

MAX_INPUT = 500
"""The longest text lookup accepts, in characters; longer input raises ValueError."""
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


_SCORES = {
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


@attrs.frozen
class Match:
    """
    One candidate for a looked-up text.

    Attributes:
        division: The division that matched.
        score: 0–1; higher is better. Kinds score as the module table says.
        matched: The stored name or code that matched.
        kind: How it matched.
    """

    division: Division
    score: float
    matched: str
    kind: MatchKind


_Entry = tuple[str, float, str, MatchKind]  # code, score, matched text, kind
# What the tables hold: one tuple per stored name, shared by every table it is
# filed in (memory matters with 30,000 names): code, text, score penalty.
_Ref = tuple[str, str, float]
_Core = tuple[str, str, str]  # code, text, category value
# A key files one tuple, or a list of them where several names share the key;
# most keys have one, and a bare tuple saves a list per key.
_Filed: TypeAlias = "_T | list[_T]"


_fold_uncached = fold.__wrapped__
_canonical_uncached = canonical.__wrapped__


def _file(table: dict[str, _Filed[_T]], key: str, item: _T) -> None:
    old = table.get(key)
    if old is None:
        table[key] = item
    elif type(old) is list:
        old.append(item)
    elif old != item:
        table[key] = [old, item]  # type: ignore[list-item]  # old is an item here


def _items(filed: _Filed[_T] | None) -> Iterable[_T]:
    if filed is None:
        return ()
    if type(filed) is list:
        return filed
    return (filed,)  # type: ignore[return-value]  # a single item


_Tables: TypeAlias = (
    "tuple[dict[MatchKind, dict[str, _Filed[_Ref]]],"  # every kind but EXACT
    " dict[str, _Filed[_Core]],"  # cores
    " dict[str, _Filed[_Ref]]]"  # fuzzy keys
)


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """
    Pause the cyclic garbage collector while building large acyclic data.

    Loading and indexing make 100,000 objects and no cycles; the collector
    would scan the growing heap again and again for nothing.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class NameIndex:
    """
    Every stored name of some divisions, under the keys lookup tries.

    The exact names are indexed at once; the other keys (normalized forms,
    cores, aliases, case forms, typos) the first time a search needs them, so
    that a first lookup by an exact name pays only for the exact table.
    """

    __slots__ = ("_divisions", "_exact", "_lock", "_rest")

    def __init__(self, divisions: Iterable[Division]) -> None:
        self._divisions = tuple(divisions)
        self._exact = _exact_table(self._divisions)
        self._rest: _Tables | None = None
        self._lock = threading.Lock()

    @classmethod
    def build(cls, divisions: Iterable[Division]) -> NameIndex:
        """Index the names of *divisions*."""
        return cls(divisions)

    def _tables(self) -> _Tables:
        rest = self._rest
        if rest is None:
            with self._lock:
                rest = self._rest
                if rest is None:
                    with no_cyclic_gc():
                        rest = self._rest = _other_tables(self._divisions)
        return rest

    def knows(self, text: str) -> bool:
        """Whether *text* is a stored name (any form) up to normalization."""
        keys = {fold(text), canonical(text), normalize(text)}
        tables, cores, _ = self._tables()
        return any(
            key in table for table in (self._exact, *tables.values()) for key in keys
        ) or bool(cores.get(strip_category_words(normalize(text))))

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
            (code, 1.0 - penalty, matched, MatchKind.EXACT)
            for code, matched, penalty in _items(self._exact.get(folded))
        ]
        if exact and exact_first:
            return exact
        tables, _, _ = self._tables()
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
            table = tables[kind]
            base = _SCORES[kind]
            for key in dict.fromkeys(candidates):
                found.extend(
                    (code, base - penalty, text, kind)
                    for code, text, penalty in _items(table.get(key))
                )
        found.extend(self._cores(normalized))
        if found or not fuzzy:
            return found
        return self._fuzzy(normalized)

    def _cores(self, normalized: str) -> list[_Entry]:
        """Match on names without category words; a matching category word helps."""
        core = strip_category_words(normalized)
        _, cores, _ = self._tables()
        hits = cores.get(core) or cores.get(core.replace(" ", ""))
        if hits is None:
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
            for code, text, category in _items(hits)
        ]

    def _fuzzy(self, normalized: str) -> list[_Entry]:
        if len(normalized) < 3:
            return []
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(normalized)
        found: list[_Entry] = []
        size = len(normalized)
        for key, entries in self._tables()[2].items():
            if abs(len(key) - size) > max(2, size // 4):
                continue
            matcher.set_seq1(key)
            if matcher.real_quick_ratio() < FUZZY_THRESHOLD:
                continue
            if matcher.quick_ratio() < FUZZY_THRESHOLD:
                continue
            ratio = matcher.ratio()
            if ratio >= FUZZY_THRESHOLD:
                score = round(_SCORES[MatchKind.FUZZY] * ratio, 4)
                found.extend(
                    (code, score, text, MatchKind.FUZZY)
                    for code, text, _ in _items(entries)
                )
        return found


def _exact_table(divisions: Iterable[Division]) -> dict[str, _Filed[_Ref]]:
    """
    File every full and short name under its case-folded form.

    Stored names are NFC, stripped and singly spaced (the build checks that
    `fold` of each is its `str.casefold`), so the C method serves here.
    """
    table: dict[str, _Filed[_Ref]] = {}
    full, short = NameForm.FULL, NameForm.SHORT
    for division in divisions:
        code = division.code
        for name in division.names:
            form = name.form
            if form is full:
                _file(table, name.text.casefold(), (code, name.text, 0.0))
            elif form is short:
                _file(table, name.text.casefold(), (code, name.text, _SHORT_PENALTY))
    return table


def _other_tables(divisions: Iterable[Division]) -> _Tables:
    """File every name under the keys other than its exact form."""
    keys: dict[MatchKind, dict[str, _Filed[_Ref]]] = {
        k: {} for k in MatchKind if k is not MatchKind.EXACT
    }
    cores: dict[str, _Filed[_Core]] = {}
    fuzzy: dict[str, _Filed[_Ref]] = {}
    normalized_table = keys[MatchKind.NORMALIZED]
    inflected_table = keys[MatchKind.INFLECTED]
    # The uncached functions: 60,000 stored names would only crowd the caches
    # that serve the queries (and cost megabytes of cache nodes).
    fold, canonical = _fold_uncached, _canonical_uncached
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
                kind = _FORM_KINDS[form]
                ref: _Ref = (code, text, 0.0)
                for key in {fold(text), canonical(text)}:
                    _file(keys[kind], key, ref)
                continue
            if (text, is_full) in seen:  # the same text in several locales
                continue
            seen.add((text, is_full))
            ref = (code, text, 0.0 if is_full else _SHORT_PENALTY)
            if is_full and _COMPOUND.search(text):
                # "Чувашская Республика — Чувашия": each part names the unit.
                for part in _name_parts(text):
                    _file(
                        normalized_table, canonical(part), (code, part, _SHORT_PENALTY)
                    )
            normalized = canonical(text)
            _file(normalized_table, normalized, ref)
            core = strip_category_words(normalized)
            entry: _Core = (code, text, category)
            _file(cores, core, entry)
            if " " in core:
                _file(cores, core.replace(" ", ""), entry)
            locale = name.locale
            if inflect and locale == "ru":
                _file(inflected_table, russian_stems(normalized), ref)
            if not is_full or locale == "zh-Hans":
                _file(fuzzy, normalized, ref)
    return keys, cores, fuzzy


_PARTS = re.compile(r"\s+[—–]\s+|\s*[()]\s*")
_COMPOUND = re.compile(r"[—–()]")


def _name_parts(text: str) -> list[str]:
    """Return the parts of a compound official name, if it is one."""
    parts = [p for p in _PARTS.split(text) if p]
    return parts if len(parts) > 1 else []


def check_text(text: object) -> str:
    """Return *text* if lookup can take it, else raise TypeError or ValueError."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if len(text) > MAX_INPUT:
        raise ValueError(f"text is longer than {MAX_INPUT} characters: {shorten(text)}")
    if not text.strip():
        raise ValueError(f"text is empty: {shorten(text)}")
    return text


def split_qualified(text: str) -> list[tuple[str, str]]:
    """
    Return the (name, container) readings of a qualified name.

    "Chaoyang, Beijing" reads as Chaoyang in Beijing; "北京市朝阳区" as 朝阳区
    in 北京市 (every split of Chinese text is offered, longest container first).
    """
    if "," in text or "，" in text:
        parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
        if len(parts) == 2:
            return [(parts[0], parts[1]), (parts[1], parts[0])]
        if len(parts) > 2:
            return [(parts[0], ", ".join(parts[1:]))]
        return []
    folded = fold(text).replace(" ", "")
    if len(folded) < 4 or not all("\u3400" <= c <= "\u9fff" for c in folded):
        return []
    return [(folded[i:], folded[:i]) for i in range(len(folded) - 2, 1, -1)]


def pick(query: str, matches: Sequence[Match]) -> Division:
    """Return the single best match, or raise NotFound or AmbiguousName."""
    if not matches:
        raise NotFound(query)
    best = matches[0].score
    top = [m.division for m in matches if m.score == best]
    # Among equals, a unit of today beats one that no longer exists ("Perm":
    # Perm Krai, not Perm Oblast), and the higher level wins: "Yanbian" is the
    # prefecture, not the county; groupings count as the top.
    if any(d.is_current for d in top):
        top = [d for d in top if d.is_current]
    highest = min(d.level or 0 for d in top)
    top = [d for d in top if (d.level or 0) == highest]
    if len(top) > 1:
        raise AmbiguousName(query, sorted(top))
    return top[0]


def code_match(dataset: Dataset, text: str) -> Match | None:
    """Return a code match for *text*, if it is a code `get` accepts."""
    stripped = text.strip()
    if len(stripped) > 32 or " " in stripped:
        return None
    try:
        division = dataset.get(stripped)
    except UnknownCode:
        return None
    return Match(division, _SCORES[MatchKind.CODE], division.code, MatchKind.CODE)


@attrs.frozen
class LookupResult:
    """
    The outcome of looking up one value in `regionkit.lookup_many`.

    Exactly one of `division` and `error` is set.

    Attributes:
        query: The value as given.
        division: The division it names, or ``None``.
        error: Why it names none: `NotFound`, `AmbiguousName` (with its
            candidates), or the `TypeError` or `ValueError` of a bad value.
    """

    query: object
    division: Division | None
    error: Exception | None

    @property
    def code(self) -> str | None:
        """The division's code, or ``None`` if the lookup failed."""
        return None if self.division is None else self.division.code

    @property
    def ok(self) -> bool:
        """Whether the value named exactly one division."""
        return self.division is not None
