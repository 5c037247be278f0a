"""
Free-text lookup: from what people type to the divisions it names.

Matching runs in tiers, best first, and stops at the first tier that matches:

=============  =====  ====================================================
kind           score  what matched
=============  =====  ====================================================
code           1.00   a code `regionkit.get` accepts; with ``country="RU"``
                      also a bare subject code ("27")
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
fuzzy          ≤0.75  a typo of the distinctive part of a name (without
                      its category words) or of its category word; edits
                      bounded by script and length
                      (``regionkit._index.typo_distance``: in Latin letters
                      one insertion, deletion or swap from 7 letters, a
                      substitution from 8, two edits from 12; in other
                      scripts from 6, 7 and 10; never a substitution of the
                      first letter), the first or the last letter kept;
                      never for Chinese characters; a name plus or less
                      whole words is no typo ("V. Novgorod" is not Novgorod
                      Oblast, it is Veliky Novgorod's abbreviation); a typo as
                      close to two names is ambiguous; ``fuzzy=False`` or
                      ``min_score=0.8`` refuses typos
=============  =====  ====================================================

A category word in the text must fit the unit for a match on the name
without it or for a typo: "Altay Krai" is no Altai Republic, "Oblast Moskau"
no city of Moscow ("region" fits any subject; 省 fits an autonomous region).
A category word written together with the name is read
("Московскаяобласть"), and so is a Russian preposition before a case form
("в Якутии", "по Республике Татарстан"). A romanization of a Chinese name
reads with its syllables written apart or together: "Sin-kiang" is the
postal Sinkiang, "Hsinchiang" the Wade-Giles Hsin-chiang.

Within a kind, a full-name match outranks a short-name match: "Moscow" is the
full name of the federal city and only the short name of Moscow Oblast, so it
means the city. Levels are tried from the top: a name that a subject or a
provincial-level unit bears means that unit ("吉林" is Jilin Province, not Jilin
City) if it exists today, or on the day asked for ("Chita", the short name of
Chita Oblast until 2008, is today's city), and among equal matches below, a
unit wins over the namesakes inside it ("乌鲁木齐" is the city, not its county
乌鲁木齐县), while namesakes elsewhere tie ("Yanbian": 延边州 in Jilin and 盐边县
in Sichuan); pass ``level=`` or ``within=`` to ask for another. Units of one
level that fit equally (朝阳区 in Beijing and in Changchun) raise
`AmbiguousName`; among former units that fit equally, the one that ended last
wins ("渝北区": Chongqing's district until 2025, not Sichuan's until 1997); a
former unit that matched by anything but its own name gives way
to its successor ("Perm Region": Perm Krai, not the former Perm Oblast).
Qualified names ("北京市朝阳区", "Chaoyang District, Beijing", "Tianhe District,
Guangzhou, Guangdong", "Harbin Daoli District") are read as a name inside a
container before typos are considered, and so is the text without a gloss in
brackets ("Primorskiy (Maritime) Kray"). Chinese text is read as a chain of
names from the largest unit down, the longest name first, in work linear in its
length. The placeholder levels of the statistical bureau's lists (北京市市辖区东城区,
河南省省直辖县级行政区划济源市) are skipped.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Protocol

import attrs

from regionkit._index import FUZZY_THRESHOLD, MatchKind, NameIndex, core_of
from regionkit._index import SCORES as _SCORES
from regionkit._models import Category, Division
from regionkit._normalize import (
    CATEGORY_WORDS,
    fold,
    normalize,
    russian_reading,
    strong_category_hints,
)
from regionkit._townships import ends_in_township_word
from regionkit.errors import AmbiguousName, NotFound, UnknownCode, shorten

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


# How many `no_cyclic_gc` blocks under way paused the collector: a child forked
# meanwhile has no thread to resume it, and resumes it itself.
PAUSES = [0]


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """
    Pause the cyclic garbage collector while building large acyclic data.

    Loading and indexing make 100,000 objects and no cycles; the collector
    would scan the growing heap again and again for nothing.
    """
    collecting = gc.isenabled()
    gc.disable()
    if collecting:
        PAUSES[0] += 1
    try:
        yield
    finally:
        if collecting:
            PAUSES[0] -= 1
            gc.enable()


def check_text(text: object) -> str:
    """Return *text* if lookup can take it, else raise TypeError or ValueError."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if len(text) > MAX_INPUT:
        raise ValueError(f"text is longer than {MAX_INPUT} characters: {shorten(text)}")
    if not text.strip():
        raise ValueError(f"text is empty: {shorten(text)}")
    return text


# The statistical bureau's lists (and the address data built on them) fill
# the level a unit skips with a placeholder: 北京市/市辖区/东城区, 重庆市/县/城口县,
# 河南省/省直辖县级行政区划/济源市. No unit bears these names.
_PLACEHOLDERS = re.compile(
    r"(?:省|自治区)直辖县级行政区划|市辖区(?=.)|(?<=^北京市|^天津市|^上海市|^重庆市)县(?=.)"
)


def drop_placeholders(text: str) -> str:
    """
    Return *text* without the statistical bureau's placeholder levels.

    >>> drop_placeholders("北京市市辖区东城区"), drop_placeholders("重庆市, 县, 城口县")
    ('北京市东城区', '重庆市, 城口县')
    """
    if "辖" not in text and "县" not in text:
        return text
    if "," in text or "，" in text:
        parts = [p.strip() for p in text.replace("，", ",").split(",")]
        kept = [p for p in parts if p and not _is_placeholder(p, parts)]
        return ", ".join(kept) if kept else text
    if all("\u3400" <= c <= "\u9fff" or c == " " for c in text):
        return _PLACEHOLDERS.sub("", text.replace(" ", "")) or text
    return " ".join(_PLACEHOLDERS.sub(" ", text).split()) or text


def _is_placeholder(part: str, parts: list[str]) -> bool:
    if part in {"市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
        return True
    return part == "县" and parts[0] in {"北京市", "天津市", "上海市", "重庆市"}


def split_qualified(text: str) -> list[tuple[str, str]]:
    """
    Return the (name, container) readings of a qualified name.

    "Chaoyang, Beijing" reads as Chaoyang in Beijing, and as Beijing in
    Chaoyang; with more parts, the first or the last part is the name
    ("Tianhe District, Guangzhou, Guangdong"), and words without commas split
    at each space, the container first or last ("Harbin Daoli District").
    Chinese text is not split here: it is read as a chain of names (`_chain`).
    """
    if "," in text or "，" in text:
        parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
        if not 2 <= len(parts) <= _MAX_PARTS:
            return []
        return [
            (parts[0], ", ".join(parts[1:])),
            (parts[-1], ", ".join(parts[:-1])),
        ]
    if text.isascii() and len(text.split()) < 2:
        return []  # one word: no reading
    folded = fold(text)
    if is_han(folded.replace(" ", "")):
        return []  # Chinese is read as a chain of names: see `_chain`
    words = folded.split()
    if not 2 <= len(words) <= _MAX_WORDS:
        return []
    readings = [
        reading
        for i in range(1, len(words))
        for reading in (
            (" ".join(words[i:]), " ".join(words[:i])),
            (" ".join(words[:i]), " ".join(words[i:])),
        )
    ]
    if not _OPENING.search(folded):
        return readings
    # A bracket holds a gloss or a container, never a name inside what stands
    # outside it: "Chaoyang (Beijing)" is Chaoyang in Beijing, but "Guangdong
    # (Canton)" is no Canton (Guangzhou) in Guangdong.
    return [
        (name, container)
        for name, container in readings
        if not (_OPENING.search(name) and not _OPENING.search(container))
    ]


_MAX_WORDS = 6  # longer texts are not split at spaces: too many readings
_OPENING = re.compile(r"[(（\[]")
_MAX_PARTS = 6  # nor at more commas
_LONGEST_NAME = 16  # characters: the longest Chinese unit name is shorter
_MAX_CHAIN = 6  # names in a chain: province, prefecture, county, and repeats


def pick(
    query: str,
    matches: Sequence[Match],
    source: Source | None = None,
    *,
    dated: bool = False,
) -> Match:
    """
    Return the single best match, or raise NotFound or AmbiguousName.

    *dated*: the matches are the units of a day the caller asked for, so
    that one that exists today has no claim over one that does not.
    """
    if not matches:
        raise NotFound(query)
    if source is not None:
        matches = _successors_first(matches, source)
    best = matches[0].score
    top = [m for m in matches if m.score == best or _peers(matches[0], m)]
    # Among equals, a unit of today beats one that no longer exists ("Perm":
    # Perm Krai, not Perm Oblast), and among former units the one that ended
    # last wins. On a date asked for, every match existed that day: 迁西县 and
    # 黔西县 ("Qianxi Xian" in 2015) tie.
    if not dated:
        top = _latest(top)
    # A unit wins over the namesakes inside it that fit as well: "乌鲁木齐" is
    # the city, not its county 乌鲁木齐县; "Kaluga" the oblast, not its city.
    # Namesakes elsewhere are a tie for the caller to decide ("Yanbian": 延边州
    # in Jilin, 盐边县 in Sichuan), as are two typos as close. Levels rank
    # within a country: a Russian village (level 2) does not outrank a Chinese
    # banner (level 3) of its name.
    if len(top) > 1 and (top[0].kind is not MatchKind.FUZZY or _one_name(top)):
        kept: list[Match] = []
        for country in dict.fromkeys(m.division.country for m in top):
            own = [m for m in top if m.division.country == country]
            highest = min(m.division.level or 0 for m in own)
            upper = [m for m in own if (m.division.level or 0) == highest]
            codes = {m.division.code for m in upper}
            if all(
                m in upper or any(a.code in codes for a in m.division.ancestors())
                for m in own
            ):
                own = upper
            kept += own
        top = kept
    if len(top) > 1:
        raise AmbiguousName(query, sorted(m.division for m in top))
    return top[0]


def _one_name(matches: Sequence[Match]) -> bool:
    """Whether typos all matched one name: "Kleamayi" is Kelamayi, 克拉玛依市 or 区."""
    return len({core_of(m.matched) for m in matches}) == 1


def _peers(first: Match, other: Match) -> bool:
    """
    Whether *other* ties *first* across the border, though it scores less.

    Below the top level, one country's full name and the other's short name
    of a text are one claim: "Абага" is a village of Sakha (its name) and Abag
    Banner (its short Russian name); neither wins.
    """
    return (
        other.division.country != first.division.country
        and (other.division.level or 1) > 1
        and (first.division.level or 1) > 1
        and other.kind is first.kind
        and first.score - other.score <= _SHORT_GAP
    )


_SHORT_GAP = 0.0101  # a full name's score less a short name's (`_index.SCORES`)


# The kinds of match by which a former unit keeps its own name: "崇明县" is the
# former county, though its successor 崇明区 matches by its core.
_OWN_NAME = frozenset({MatchKind.CODE, MatchKind.EXACT, MatchKind.FORMER})


def _successors_first(matches: Sequence[Match], source: Source) -> Sequence[Match]:
    """
    Let today's unit win over the former unit it succeeded.

    A former unit that matched by anything but its own name ("Perm Region":
    the core of Perm Oblast, with a word that fits an oblast) gives way to a
    successor of it that matched too (Perm Krai).
    """
    first = matches[0]
    if first.division.is_current or first.kind in _OWN_NAME:
        return matches
    following = {d.code for d in source.successors(first.division)}
    heirs = [
        m for m in matches if m.division.is_current and m.division.code in following
    ]
    if not heirs:
        return matches
    # First, with its own score: `pick` takes the first match's score as the best.
    return [heirs[0], *(m for m in matches if m is not heirs[0])]


_SPACED_COLON = re.compile(r"\s*:\s*")


def code_match(
    dataset: Source, text: str, countries: Sequence[str] = ()
) -> Match | None:
    """
    Return a code match for *text*, if it is a code `get` accepts.

    Where the search is limited to Russia, a bare number of one or two digits
    is a subject's code ("27", as KLADR and the tax service write it); without
    a country it is none: "23" is Krasnodar Krai's and, in GB/T 2260, the start
    of Heilongjiang's.
    """
    stripped = text.strip()
    if len(stripped) > 32:
        return None
    if " " in stripped:
        # "SUBJECT: 27" is the prefixed code `get` reads; other spaced texts are names.
        stripped = _SPACED_COLON.sub(":", stripped)
        if " " in stripped:
            return None
    if tuple(countries) == ("RU",) and stripped.isascii() and stripped.isdigit():
        stripped = f"SUBJECT:{stripped.zfill(2)}" if len(stripped) <= 2 else stripped
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
        kind: How the value matched (`MatchKind.FUZZY` for a typo), or ``None``.
        score: How well it matched, 0–1 (see `regionkit._lookup`), or ``None``.
    """

    query: object
    division: Division | None
    error: Exception | None
    kind: MatchKind | None = None
    score: float | None = None

    @property
    def code(self) -> str | None:
        """The division's code, or ``None`` if the lookup failed."""
        return None if self.division is None else self.division.code

    @property
    def ok(self) -> bool:
        """Whether the value named exactly one division."""
        return self.division is not None

    @property
    def reason(self) -> str | None:
        """Why the value names no division, in words; ``None`` if it names one."""
        return None if self.error is None else str(self.error)


# -- the algorithm -------------------------------------------------------------------
# Functions of what they are handed: a `Source` of records and name indices, and
# a `Scope`. Only the dataset knows where the facts live.

TOP, LOWER_LEVELS, HISTORY, TOWNSHIPS = 1, 2, 3, 4
"""
Loading stages: a country's top level, its current lower levels, its former
units; and China's township level, which lookup reads only where a text may
name a township (see `_wants_townships`).
"""
CONFIDENT = 0.93
"""A match at least this good stops lookup at its level."""


class Names(Protocol):
    """What lookup asks a stage's names (`NameIndex`, the township level)."""

    def knows(self, text: str) -> bool: ...

    def search(
        self, text: str, *, fuzzy: bool, exact_first: bool = False
    ) -> list[tuple[str, float, str, MatchKind]]: ...

    def typos(self, text: str) -> list[tuple[str, float, str, MatchKind]]: ...


class Source(Protocol):
    """What lookup reads: records and name indices by country and stage."""

    def get(self, code: str) -> Division: ...

    def stages(self, country: str) -> tuple[int, ...]: ...

    def name_index(self, country: str, stage: int) -> Names: ...

    def record(self, country: str, stage: int, code: str) -> Division | None: ...

    def may_name(self, text: str, country: str, stage: int) -> bool: ...

    def is_read(self, country: str, stage: int) -> bool: ...

    def may_be_key(self, text: str) -> bool: ...

    def successors(self, division: Division) -> tuple[Division, ...]: ...

    def is_foreign_name(self, text: str) -> bool: ...


@attrs.frozen
class Scope:
    """What a lookup may return: its countries, level, container and date."""

    countries: tuple[str, ...]
    level: int | None
    within: Division | None
    as_of: datetime.date | None = None
    fuzzy: bool = True  # whether typos may match

    def accepts(self, division: Division) -> bool:
        """Whether *division* is in scope."""
        if division.country not in self.countries:
            return False
        if self.level is not None and division.level != self.level:
            return False
        if self.as_of is not None and not division.valid_on(self.as_of):
            return False
        if self.within is None:
            return True
        code = self.within.code
        if division.parent_code == code:
            return True
        if division.level == 4 and self.within.level == 3:  # a township's county
            return False  # is its parent (or, for a zone's township, none)
        return (
            division.within_code == code
            or code in division.grouping_codes
            or any(a.code == code for a in division.ancestors())
        )

    def inside(self, container: Division | None, level: int | None) -> Scope:
        """Return this scope limited to *container* and *level*."""
        return Scope(self.countries, level, container, self.as_of, self.fuzzy)


@attrs.frozen
class Miss:
    """
    A lookup that named no single division, as a cache may keep it.

    `error` makes a fresh exception for each caller, so that no caller sees
    another's notes, attributes or traceback.
    """

    query: str
    candidates: tuple[Division, ...] = ()

    def error(self) -> LookupError:
        """Return a new `NotFound` or `AmbiguousName` for this miss."""
        if self.candidates:
            return AmbiguousName(self.query, self.candidates)
        return NotFound(self.query)


def find(source: Source, text: str, scope: Scope) -> Match | Miss:
    """Return the match of the one division *text* names in *scope*, or why not."""
    try:
        try:
            return _find(source, text, scope)
        except NotFound:
            if scope.level != 1:
                raise
            return _subject_of_locality(source, text, scope)
    except AmbiguousName as error:
        return Miss(text, error.candidates)
    except NotFound:
        return Miss(text)


def _subject_of_locality(source: Source, text: str, scope: Scope) -> Match:
    """
    Return the subject of the one Russian locality *text* names, for ``level=1``.

    "Майкоп" with ``level=1`` is the Republic of Adygea; towns of one name in
    two subjects leave it ambiguous. The match keeps the locality's kind, score
    and matched name.
    """
    found = _find(source, text, attrs.evolve(scope, level=2))
    place = found.division
    if place.category not in _LOCALITIES or place.parent_code is None:
        raise NotFound(text)
    subject = source.get(place.parent_code)
    if not scope.accepts(subject):
        raise NotFound(text)
    return Match(subject, found.score, found.matched, found.kind)


def _find(source: Source, text: str, scope: Scope) -> Match:
    code = code_match(source, text, scope.countries)
    if code is not None and scope.accepts(code.division):
        return code
    # Today's units first; then "name, container" readings; then the lower
    # units that no longer exist (unless a date asked for them already);
    # typos last: a qualified name must not be taken for a typo of its
    # container, nor cost the loading of the code history.
    found = _matches(source, text, scope, stop_early=True, fuzzy=False)
    if not found:
        qualified = _qualified(source, text, scope)
        if qualified is not None:
            return qualified
    found = _with_former(source, text, scope, found)
    if found:  # else `pick` finds nothing: on to the other readings
        try:
            return pick(text, found, source, dated=scope.as_of is not None)
        except AmbiguousName:
            qualified = _qualified(source, text, scope)
            if qualified is not None:
                return qualified
            raise
        except NotFound:
            pass
    # A gloss in brackets is no part of the name: "Primorskiy (Maritime) Kray".
    bare = " ".join(_BRACKETED.sub(" ", text).split()) if _BRACKET.search(text) else ""
    if bare and bare != " ".join(text.split()):
        # A gloss of category words says what the name names: "Canton
        # (province)" is Guangdong, though "Canton" alone is its capital.
        hints = _gloss_hints(text)
        try:
            glossed = _strict(source, bare, scope)
            if not hints or glossed.division.category.value in hints:
                return glossed
        except (NotFound, ValueError):
            pass
    dashed = _dashed(source, text, scope)
    if dashed is not None:
        return dashed
    # A Russian core with another language's category word: "Новосибирск
    # облысы" (Kazakh) reads as "Новосибирск область".
    reading = russian_reading(normalize(text))
    if reading:
        try:
            return _strict(source, reading, scope)
        except (LookupError, ValueError):
            pass  # a miss beats a guess between the reading's candidates
    if not scope.fuzzy or _names_a_former_unit(source, text, scope):
        raise NotFound(text)
    typos = _matches(source, text, scope, stop_early=True, typos_only=True)
    return pick(text, typos, source, dated=scope.as_of is not None)


def _names_a_former_unit(source: Source, text: str, scope: Scope) -> bool:
    """
    Whether *text* names a unit that no longer exists, which `_undated` keeps out.

    Such a text is no typo of another unit: "Chongwen", Beijing's district
    until 2010, is not Chongren County, nor "Tanghai County" Tonghai County;
    with ``as_of`` a day it existed, it is the former unit.
    """
    if scope.as_of is not None or not source.may_be_key(text):
        return False  # on a day asked for, former units answer as any other
    return bool(
        _matches(source, text, scope, stop_early=True, fuzzy=False, stages=(HISTORY,))
    )


def resolve(source: Source, text: str, scope: Scope) -> tuple[Match, ...]:
    """Return every match for *text* in *scope*, best first."""
    code = code_match(source, text, scope.countries)
    if code is not None and scope.accepts(code.division):
        return (code,)
    found = _matches(source, text, scope, stop_early=False, fuzzy=False)
    former: list[Match] = []
    if scope.as_of is None and (not found or found[0].score < CONFIDENT):
        former = _matches(
            source, text, scope, stop_early=False, fuzzy=False, stages=(HISTORY,)
        )
        found = _ranked(found + _undated(former))  # former units join weak matches
    dashed = None if found else _dashed(source, text, scope)
    if dashed is not None:
        found = [dashed]
    reading = "" if found else russian_reading(normalize(text))
    if reading:  # "Новосибирск облысы": see `_find`
        found = _matches(source, reading, scope, stop_early=False, fuzzy=False)
    if not found and scope.fuzzy and not former:  # a former unit's name: no typo
        found = _matches(source, text, scope, stop_early=False, typos_only=True)
    return tuple(found)


def current_unit(source: Source, query: object, division: Division) -> Division:
    """
    Follow *division*'s successors to the one unit that exists today.

    Raises:
        NotFound: The unit was abolished with no successor.
        AmbiguousName: It was split: several units exist today.
    """
    seen = {division.code}
    units = [division]
    while any(not d.is_current for d in units):
        following: list[Division] = []
        for unit in units:
            if unit.is_current:
                following.append(unit)
                continue
            for successor in source.successors(unit):
                if successor.code not in seen:
                    seen.add(successor.code)
                    following.append(successor)
        if not following:
            raise NotFound(query)
        units = following
    found = sorted(set(units))
    if len(found) > 1:
        raise AmbiguousName(query, found)
    return found[0]


def _ranked(matches: list[Match]) -> list[Match]:
    """Return the best match of each division, best first, ties in code order."""
    best: dict[str, Match] = {}
    for match in matches:
        old = best.get(match.division.code)
        if old is None or match.score > old.score:
            best[match.division.code] = match
    return sorted(best.values(), key=lambda m: (-m.score, m.division.code))


def _undated(former: list[Match]) -> list[Match]:
    """
    Keep the matches of former units that a lookup without a date may give.

    Without ``as_of`` a former county of China answers only to its Chinese
    name (崇明县): the romanized names of its 3,400 former county-level units
    (Laicheng, Taidong) are the names of places all over the world, so they
    find the unit only on a day it existed. Former provinces and prefectures
    ("Xiangfan", Xiangyang's name until 2010) and Russia's former units keep
    every name.
    """
    return [
        m
        for m in former
        if m.division.country != "CN"
        or (m.division.level or 0) <= 2
        or _HAN.search(m.matched)
    ]


def _with_former(
    source: Source, text: str, scope: Scope, found: list[Match]
) -> list[Match]:
    """
    Return *found*, or the matches of lower units that no longer exist.

    They are consulted, unless a date asked for them already, only where
    today's units give no confident match: "崇明县" (the former county)
    beats the bare core of 崇明区, but "吉林" stays today's province.
    """
    if (
        scope.as_of is None
        and (not found or found[0].score < CONFIDENT)
        and source.may_be_key(text)  # else no index finds it: see `_matches`
    ):
        former = _undated(
            _matches(
                source, text, scope, stop_early=True, fuzzy=False, stages=(HISTORY,)
            )
        )
        if former and (not found or former[0].score > found[0].score):
            return former
    return found


def _dashed(source: Source, text: str, scope: Scope) -> Match | None:
    """
    Read two names of one unit joined by a spaced dash, as one name.

    Official names write a unit's second name so ("Кемеровская область —
    Кузбасс"), and translations follow with names of their own: "Chuvash
    Republic – Chuvashia" is Chuvashia. Each side must name the same unit
    without typos; the weaker side's match is the answer. Sides that name two
    units ("Moscow – Moscow Oblast") are no reading.
    """
    parts = _SPACED_DASH.split(text)
    if len(parts) != 2:
        return None
    matches = []
    for part in parts:
        try:
            matches.append(_strict(source, part, scope))
        except (LookupError, ValueError):
            return None
    first, second = matches
    if first.division != second.division:
        return None
    return second if second.score < first.score else first


def _gloss_hints(text: str) -> frozenset[str]:
    """
    Return the categories a bracketed gloss of category words alone names.

    >>> sorted(_gloss_hints("Cantão (província)"))
    ['autonomous_region', 'province']
    >>> _gloss_hints("Primorskiy (Maritime) Kray")
    frozenset()
    """
    glosses = [
        normalize(g.group()) for g in _BRACKETED.finditer(text) if g.group()[0] in "(（"
    ]
    words = " ".join(glosses).split()
    if not words or not CATEGORY_WORDS.issuperset(words):
        return frozenset()
    return strong_category_hints(" ".join(words))


def _strict(source: Source, text: str, scope: Scope) -> Match:
    """Return the match of the one division *text* names without typos, or raise."""
    found = _matches(source, text, scope, stop_early=True, fuzzy=False)
    found = _with_former(source, text, scope, found)
    return pick(text, found, source, dated=scope.as_of is not None)


def _qualified(source: Source, text: str, scope: Scope, depth: int = 0) -> Match | None:
    """
    Try "name, container" and "容器名称" readings of *text*.

    A container must be a name the data holds, or itself a qualified name
    with commas or in Chinese ("Tianhe, Guangzhou, Guangdong"); a reading
    may nest twice more (省 + 市 + 区).
    """
    if depth > 2:
        return None
    text = drop_placeholders(text)
    if is_han(text.replace(" ", "")):
        return _chain(source, text.replace(" ", ""), scope)
    for name, container_text in split_qualified(text):
        named = _is_name(source, container_text, scope.countries)
        if not named and not _may_qualify(container_text):
            continue  # no container: see `_containers`
        if not _may_be_inside(source, name, container_text, scope, depth):
            continue  # no container could hold it: spare reading them
        containers = _containers(source, container_text, scope, depth, named)
        readings = [
            found
            for container in containers
            if (found := _inside(source, name, container_text, container, scope, depth))
            is not None
        ]
        # A container that several units bear decides where one reading fits.
        if len(readings) == 1:
            return readings[0]
    return None


def _inside(
    source: Source,
    name: str,
    container_text: str,
    container: Match,
    scope: Scope,
    depth: int,
) -> Match | None:
    """Return the match of *name* inside *container*, or ``None``."""
    if fold(name) == fold(container_text) and scope.accepts(container.division):
        return container  # 广东省东莞市东莞市: a city with no districts
    inner = scope.inside(container.division, scope.level)
    try:
        return _strict(source, name, inner)
    except (LookupError, ValueError):
        return _qualified(source, name, inner, depth + 1)


def _may_be_inside(
    source: Source, name: str, container_text: str, scope: Scope, depth: int
) -> bool:
    """
    Whether `_inside` may find *name* inside some container of *container_text*.

    Only where it names the container again, is itself a qualified name that
    may nest one level more, or is a text some index may find without typos:
    else no scope finds it, and the containers need not be read ("Wenshgng
    Qu": "Qu" is a name, "Wenshgng" none).
    """
    if fold(name) == fold(container_text):
        return True
    if depth < 2:  # `_inside` reads it as a qualified name in turn
        bare = drop_placeholders(name)
        if is_han(bare.replace(" ", "")) or split_qualified(bare):
            return True
    return _findable(source, name, scope.countries)


def _findable(source: Source, text: str, countries: tuple[str, ...]) -> bool:
    """
    Whether some index of *countries* may find *text* without typos, in any scope.

    It reads no index: one not read yet that may hold a key of the text counts
    as finding it.
    """
    keyed = source.may_be_key(text)
    for country in countries:
        stages = source.stages(country) if keyed else ()
        if country == "CN":
            stages = (*stages, TOWNSHIPS)
        for stage in stages:
            if not source.may_name(text, country, stage):
                continue
            if not source.is_read(country, stage) or source.name_index(
                country, stage
            ).search(text, fuzzy=False, exact_first=True):
                return True
    return False


def _may_qualify(text: str) -> bool:
    """Whether *text* may be a qualified container: with commas or in Chinese."""
    return "," in text or "，" in text or is_han(text.replace(" ", ""))


def _containers(
    source: Source, text: str, scope: Scope, depth: int, named: bool
) -> list[Match]:
    """
    Return the matches of the units *text* names as a container.

    One unit, or the few units of one level that share the name ("Nanshan":
    Shenzhen's and Hegang's 南山区), or none. *named*: *text* is a name some
    division bears (`_is_name`).
    """
    if named:
        outer = scope.inside(scope.within, None)
        try:
            return [_strict(source, text, outer)]
        except AmbiguousName as error:
            if len(error.candidates) > _MAX_BRANCHES:
                return []
            return [
                Match(unit, _SCORES[MatchKind.EXACT], text, MatchKind.EXACT)
                for unit in error.candidates
            ]
        except (LookupError, ValueError):
            return []
    if _may_qualify(text):
        found = _qualified(source, text, scope.inside(scope.within, None), depth + 1)
        return [] if found is None else [found]
    return []


def _chain(
    source: Source, text: str, scope: Scope, *, branched: bool = False
) -> Match | None:
    """
    Read Chinese text as names from the largest unit down: "吉林省长春市朝阳区".

    At each place the longest name the data holds that lies in the unit read
    so far is taken; a name may repeat its container once (广东省东莞市东莞市: a
    city with no districts). A name that several units bear (南山区: Shenzhen's
    and Hegang's) is read on inside each of them, once per chain: where exactly
    one reading goes through ("南山区粤海街道"), it is the answer. The work is
    bounded: at most `_LONGEST_NAME` names are tried at each of at most
    `_MAX_CHAIN` places, and a name is read on in at most `_MAX_BRANCHES` units,
    where at most two names' length of text is left.
    """
    last: Match | None = None
    at = steps = 0
    repeated = False
    while at < len(text):
        steps += 1
        if steps > _MAX_CHAIN:  # no name runs through more units than that
            return None
        container = scope.within if last is None else last.division
        deep = (
            container is not None
            and container.country == "CN"
            and (container.level or 0) >= 2
        )
        for end in range(min(len(text), at + _LONGEST_NAME), at + 1, -1):
            piece = text[at:end]
            if not _is_name(source, piece, scope.countries, deep):
                continue
            try:
                last = _strict(source, piece, scope.inside(container, None))
            except AmbiguousName as error:
                if not branched and end < len(text) <= end + 2 * _LONGEST_NAME:
                    branched = True  # once per chain, on a short rest: bounded
                    found = _branches(source, text[end:], scope, error.candidates)
                    if found is not None:
                        return found
                continue
            except (LookupError, ValueError):
                if (
                    last is None
                    or repeated
                    or fold(piece) != fold(_name_of(last.division, piece))
                ):
                    continue
                repeated = True  # the container named again, once
            at = end
            break
        else:
            return None
    if last is None or not scope.accepts(last.division):
        return None
    return last


_MAX_BRANCHES = 8  # units a shared name is read on in (南山区: two)


def _branches(
    source: Source, rest: str, scope: Scope, units: Sequence[Division]
) -> Match | None:
    """Return the one reading of *rest* inside one of *units* that goes through."""
    if len(units) > _MAX_BRANCHES:
        return None
    found = [
        match
        for unit in units
        if (
            match := _chain(
                source, rest, scope.inside(unit, scope.level), branched=True
            )
        )
        is not None
    ]
    return found[0] if len(found) == 1 else None


def _name_of(division: Division, text: str) -> str:
    """Return the name of *division* that *text* is, up to folding, else ''."""
    folded = fold(text)
    return next((n.text for n in division.names if fold(n.text) == folded), "")


def is_han(text: str) -> bool:
    """Whether *text* is all Chinese characters (and not empty)."""
    return bool(text) and _NOT_HAN.search(text) is None


_NOT_HAN = re.compile(r"[^\u3400-\u9fff]")


def _is_name(
    source: Source, text: str, countries: tuple[str, ...], townships: bool = False
) -> bool:
    """Whether *text* is, up to normalization, a name some division bears."""
    if source.may_be_key(text):
        for country in countries:
            for stage in source.stages(country):
                if source.may_name(text, country, stage) and source.name_index(
                    country, stage
                ).knows(text):
                    return True
    return (
        townships
        and "CN" in countries
        and source.name_index("CN", TOWNSHIPS).knows(text)
    )


def _wants_townships(text: str, scope: Scope) -> bool:
    """
    Whether lookup reads China's township level for *text*.

    Only where a text may name a township: with ``level=4``, inside a unit of
    China below the top, or for a text that ends in a township's generic word
    ("粤海街道", "Yuehai Subdistrict"). Other lookups never load the level.
    """
    if "CN" not in scope.countries or scope.level not in (None, 4):
        return False
    if scope.level == 4:
        return True
    within = scope.within
    if within is not None and within.country == "CN" and (within.level or 0) >= 2:
        return True
    return ends_in_township_word(text)


def _matches(
    source: Source,
    text: str,
    scope: Scope,
    *,
    stop_early: bool,
    fuzzy: bool = True,
    stages: tuple[int, ...] | None = None,
    typos_only: bool = False,
) -> list[Match]:
    # Today's units first, level by level; the lower units that no longer
    # exist only where a date asks for them, or where asked for by *stages*
    # ("崇明县" is the former county, whose successor is 崇明区).
    if stages is None:
        stages = (TOP, LOWER_LEVELS, HISTORY)
        if scope.as_of is None:
            stages = (TOP, LOWER_LEVELS)
    tiers = _tiers(source, scope, stages)
    if (HISTORY not in stages or scope.as_of is not None) and _wants_townships(
        text, scope
    ):  # the lowest tier, read last
        tiers = (*tiers, ("CN", TOWNSHIPS))
    found: list[Match] = []
    breaks = _breaks(text)
    passes = (True,) if typos_only else (False, True) if fuzzy else (False,)
    # A text none of whose keys any index holds (most typos) is searched for
    # in the township level alone before its typos.
    keyed = typos_only or source.may_be_key(text)
    for typos in passes:
        if typos and source.is_foreign_name(text):
            break  # "Changhua" is Taiwan's county, no typo of Chenghua
        for at, (country, stage) in enumerate(tiers):
            if not typos and (
                not (keyed or stage == TOWNSHIPS)
                or not source.may_name(text, country, stage)
            ):
                continue  # an index that holds none of its keys
            index = source.name_index(country, stage)
            entries = (
                index.typos(text)
                if typos
                else index.search(text, fuzzy=False, exact_first=stop_early)
            )
            before = len(found)
            if entries:
                _add(found, entries, source, country, stage, scope, breaks)
            if stop_early and not typos and entries and len(found) == before:
                # Every exact match lay outside the scope: the other kinds
                # may hold one inside it ("Новый" in Adygea is an alias there).
                entries = index.search(text, fuzzy=False)
                _add(found, entries, source, country, stage, scope, breaks)
            # A confident match on a higher level ends the search; a bare
            # core match ("Hebei" in "Hebei Qu") lets lower levels compete.
            # Below the top, the other country's units of the stage compete
            # too: a Russian village does not hide a Chinese county.
            # On a date asked for, the units that no longer exist compete with
            # today's lower units as one stage: both may be that day's.
            # Without a date, only today's units are confident: the former
            # Chita Oblast's "Chita" lets today's city of Chita compete.
            if (
                stop_early
                and found
                and max(_today_scores(found, scope)) >= CONFIDENT
                and (
                    stage == TOP
                    or at + 1 == len(tiers)
                    or _group(tiers[at + 1][1], scope) != _group(stage, scope)
                )
            ):
                return _ranked(found)
        if found:
            return _ranked(found)
    return found


def _today_scores(found: list[Match], scope: Scope) -> list[float]:
    """Return the scores of the matches of units that exist today (or on the day)."""
    if scope.as_of is not None:
        return [m.score for m in found]
    return [m.score if m.division.is_current else 0.0 for m in found]


def _add(
    found: list[Match],
    entries: Sequence[tuple[str, float, str, MatchKind]],
    source: Source,
    country: str,
    stage: int,
    scope: Scope,
    breaks: frozenset[int],
) -> None:
    """
    Add the matches of *entries* in *scope* to *found*.

    A unit matched again below its best so far adds nothing: `_ranked` keeps
    the first match of each unit at its best score, and so only those are made.
    """
    best: dict[str, float] = {}
    for code, score, matched, kind in entries:
        if breaks and country == "CN" and not breaks <= _breaks(matched):
            continue  # "Yun'an" is 云安, never 郁南 (Yunan)
        if best.get(code, -1.0) >= score:
            continue
        best[code] = score
        division = source.record(country, stage, code)
        if division is not None and scope.accepts(division):
            found.append(Match(division, score, matched, kind))


def _tiers(
    source: Source, scope: Scope, stages: tuple[int, ...]
) -> tuple[tuple[str, int], ...]:
    """Return the (country, stage) pairs `_matches` searches, in order."""
    countries = scope.countries
    key = (countries, scope.level, stages, *map(source.stages, countries))
    tiers = _TIERS.get(key)
    if tiers is None:
        tiers = _TIERS[key] = tuple(
            (country, stage)
            for stage in stages
            for country in countries
            if stage in source.stages(country)
            and (scope.level is None or (scope.level > 1) == (stage > TOP))
        )
    return tiers


# The tiers of each kind of scope: a few dozen at most.
_TIERS: dict[tuple[object, ...], tuple[tuple[str, int], ...]] = {}
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


def _latest(top: list[Match]) -> list[Match]:
    """Return today's units among *top*, else the former ones that ended last."""
    if any(m.division.is_current for m in top):
        return [m for m in top if m.division.is_current]
    # Only former units: the last to bear the name ("渝北区", recoded in 1997).
    last = max(m.division.valid_to or datetime.date.max for m in top)
    return [m for m in top if (m.division.valid_to or datetime.date.max) == last]


def _group(stage: int, scope: Scope) -> int:
    """Return the stage *stage* competes in: former units join the lower levels."""
    return LOWER_LEVELS if stage == HISTORY and scope.as_of is not None else stage


@functools.lru_cache(maxsize=4096)  # a text's passes ask again
def _breaks(text: str) -> frozenset[int]:
    """
    Return where *text* marks pinyin syllable breaks, counted in letters.

    The mark is an apostrophe before a, e or o ("Yun'an": 3). Pinyin writes
    it where a syllable could otherwise run on, so a text that writes one is
    not a name that has none there: "Yun'an" (云安) is not "Yunan" (郁南),
    though names are compared without their apostrophes.
    """
    if "'" not in text and "’" not in text and "ʼ" not in text:
        return _NO_BREAKS
    letters, found = 0, set()
    plain = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    ).lower()
    for at, char in enumerate(plain):
        if char.isalpha():
            letters += 1
        elif (
            char in "'’ʼ"
            and at > 0
            and plain[at - 1].isalpha()
            and plain[at + 1 : at + 2] in {"a", "e", "o"}
        ):
            found.add(letters)
    return frozenset(found)


_NO_BREAKS: frozenset[int] = frozenset()


_LOCALITIES = frozenset({Category.CITY, Category.INHABITED_LOCALITY})
# A gloss: a bracketed remark, or a statistical table's "без АО" (Архангельская
# область без АО: the oblast less its autonomous okrug, a table's row).
_BRACKETED = re.compile(
    r"\([^()]*\)|（[^（）]*）|\s(?:без|кроме)\s+(?:ао|автономн\w*\s+округ\w*)\.?\s*$",
    re.IGNORECASE,
)
_SPACED_DASH = re.compile(r"\s+[-\u2010-\u2015\u2212]\s+")  # a hyphen, dash or minus
_BRACKET = re.compile(r"[(（]|\s(?:без|кроме)\s", re.IGNORECASE)  # worth a look
