"""
The round-trip law: every name regionkit gives out, its lookup reads back.

For a unit *d* and a text it prints or stores, ``lookup(text)`` returns *d*, or
raises `AmbiguousName` listing *d* among the candidates. The law is checked
exhaustively (each test sweeps its whole domain in a few seconds):

- every current level-1 unit × every locale of `supported_locales` × the full
  and short forms of `Division.name`;
- the name `Division.describe` opens with, in every supported locale;
- every stored name of every unit of every level, current ones with a plain
  lookup, former ones with ``as_of`` a day they existed.

Where the matching code breaks the law, the case is listed with its reason in
``tests/corpus/roundtrip_exceptions.csv`` (``code,text,reason``), so that each
failure stays visible; a listed case that holds again fails the test until its
row is removed, so the list only shrinks as lookup improves.
"""

from __future__ import annotations

import csv
import datetime
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import regionkit
from regionkit import AmbiguousName, Category, Division, MatchKind, NameForm, NotFound

Case = tuple[Division, str, dict[str, object]]
LISTED = Path(__file__).parent / "corpus" / "roundtrip_exceptions.csv"
# (code, text) -> why lookup does not find the unit: the matching code's cases.
with LISTED.open(encoding="utf-8", newline="") as _handle:
    EXCEPTIONS = {(r["code"], r["text"]): r["reason"] for r in csv.DictReader(_handle)}


def outcome(division: Division, text: str, **where: object) -> str | None:
    """Return what breaks the law for *text*, or None if it holds."""
    try:
        found = regionkit.lookup(text, **where)  # type: ignore[arg-type]
    except AmbiguousName as error:
        if division.code in {c.code for c in error.candidates}:
            return None
        others = ", ".join(c.code for c in error.candidates[:4])
        return f"ambiguous without it ({others})"
    except NotFound:
        return "not found"
    return None if found.code == division.code else f"found {found.code}"


def broken(cases: Iterator[Case]) -> list[str]:
    """
    Return the cases that break the law unlisted, and the listed ones that hold.

    Each comes as a line of the exceptions table (to add, or to remove).
    """
    failures: list[str] = []
    seen: set[tuple[str, str]] = set()
    for division, text, where in cases:
        key = (division.code, text)
        if key in seen:
            continue
        seen.add(key)
        why = outcome(division, text, **where)
        listed = key in EXCEPTIONS
        if (why is not None) != listed:
            line = f"{division.code},{text},{why or EXCEPTIONS[key]}"
            failures.append(("holds again: " if listed else "") + line)
    return failures


TOP = regionkit.divisions(level=1)
LOCALES = regionkit.supported_locales()


def test_the_locales_cover_every_catalogue_and_stored_language() -> None:
    """The sweep below is as wide as the names served: 70 locales or more."""
    assert len(LOCALES) >= 70
    assert {"ta", "lo", "hi", "th", "vi", "ja", "uk", "de", "fr"} <= set(LOCALES)


def test_every_served_name_of_a_top_level_unit_looks_it_up() -> None:
    """`name(locale, form)` of every level-1 unit finds the unit."""
    cases: Iterator[Case] = (
        (division, division.name(locale, form=form), {})
        for division in TOP
        for locale in LOCALES
        for form in ("full", "short")
    )
    assert broken(cases) == []


def test_the_name_describe_opens_with_looks_the_unit_up() -> None:
    """`describe(locale)` opens with a name of the unit that finds it."""

    def leading() -> Iterator[Case]:
        for division in TOP:
            for locale in LOCALES:
                sentence = division.describe(locale)
                names = {division.name(locale), division.name("en")}
                # A sentence capitalizes its first word: "Провинция Аньхой — …".
                opening = [
                    sentence[: len(n)]
                    for n in names
                    if sentence.casefold().startswith(n.casefold())
                ]
                assert opening, (division.code, locale, sentence)
                yield division, max(opening, key=len), {}

    assert broken(leading()) == []


LOCALITIES = {Category.CITY, Category.INHABITED_LOCALITY}


def current_names() -> Iterator[Case]:
    for division in regionkit.divisions():
        # A Russian locality's name is often another's too (Берёзовка), or a
        # subject's ("Arkhangelsk"): within its subject, it finds the locality.
        where: dict[str, object] = (
            {"within": division.parent_code} if division.category in LOCALITIES else {}
        )
        for name in division.names:
            yield division, name.text, where


def former_names() -> Iterator[Case]:
    """Every former unit, found on the first 1 January it existed."""
    current = {d.code for d in regionkit.divisions()}
    seen: set[str] = set()
    for year in range(1981, datetime.date.today().year + 1):
        day = datetime.date(year, 1, 1)
        for division in regionkit.divisions(as_of=day):
            if division.code in current or division.code in seen:
                continue
            seen.add(division.code)
            for name in division.names:
                yield division, name.text, {"as_of": day}


@pytest.mark.parametrize("names", [current_names, former_names])
def test_every_stored_name_looks_its_unit_up(
    names: Callable[[], Iterator[Case]],
) -> None:
    """Each stored name of each unit, every level, finds that unit."""
    assert broken(names()) == []


def test_no_former_unit_s_name_is_read_as_a_typo_without_a_date() -> None:
    """
    A stored name of a unit that no longer exists is no typo of another unit.

    Without ``as_of`` such a name may find nothing (a former county's
    romanized name, as documented), but never a typo: "Chongwen" (Beijing's
    district until 2010) was Chongren County, "Tanghai County" Tonghai County.
    """
    typos = [
        (division.code, text, match.division.code)
        for division, text, _ in former_names()
        for match in regionkit.resolve(text)
        if match.kind is MatchKind.FUZZY
    ]
    assert typos == []


def folded(text: str) -> str:
    """*text* up to case and accents, as the two names' tie is judged."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def full_name(division: Division, text: str) -> bool:
    """Whether *text* is, up to case and accents, a full name of *division*."""
    return any(
        n.form is NameForm.FULL and folded(n.text) == folded(text)
        for n in division.names
    )


def test_every_listed_exception_is_still_among_the_matches() -> None:
    """
    A listed case is outranked, never lost: `resolve` lists its unit.

    Asked with the unit's country, level and parent named (and a day it existed),
    lookup finds the unit, lists it among equal fits, or finds a unit that
    matched better by a documented rule:
    another unit's full name outranks this one's short name ("Handan" is the
    city, "Handan County" the county), a locality's main name outranks another
    locality's alternate name.
    """
    lost: list[str] = []
    for code, text in EXCEPTIONS:
        division = regionkit.get(code)
        # A former unit without a start date was there when the records begin.
        start = division.valid_from or datetime.date(1981, 1, 1)
        day: dict[str, Any] = {} if division.is_current else {"as_of": start}
        if code not in {m.division.code for m in regionkit.resolve(text, **day)}:
            lost.append(f"{code},{text}: not among resolve's matches")
            continue
        named: dict[str, Any] = {
            "country": division.country,
            "level": division.level,
            "within": division.parent_code,
            **day,
        }
        if outcome(division, text, **named) is None:
            continue
        matches = regionkit.resolve(text, **named)
        ours = next(m for m in matches if m.division.code == code)
        first = matches[0]
        if first.score > ours.score or (
            full_name(first.division, text) and not full_name(division, text)
        ):
            continue
        lost.append(f"{code},{text}: {first.division.code} wins, no rule says why")
    assert lost == []
