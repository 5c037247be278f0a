"""
Write the Simplified Chinese names of Russia's localities: ``places_names_zh.csv``.

    python tools/update_ru_place_zh.py           # rewrite the table
    python tools/update_ru_place_zh.py --check   # exit 1 if it is stale

GeoNames' alternate names are unlabelled; ``update_ru_places.py`` keeps those
in Han script as the ``zh`` aliases of ``places_names.csv``. This tool chooses
among them the name `Division.name` serves for ``zh`` (locale ``zh-Hans``,
form ``full``), by one rule:

1. A place that China's Ministry of Natural Resources names in its norms for
   public maps (2023, art. 14: the transliterated name, the former Chinese
   name in brackets) takes that name: the hand-written
   ``places_names_zh_map.csv``, six places ("符拉迪沃斯托克", not "海参崴"),
   where the bracketed name is an alias ("双城子" is Ussuriysk, "庙街"
   Nikolayevsk-on-Amur). This tool writes nothing for them.
2. Else the candidates are the place's ``zh`` aliases written in Simplified
   characters: Han characters of GB 2312 (with "-" or "·" between them) that
   OpenCC's ``t2s`` leaves as they are. Where the place has none, its
   Traditional forms converted with ``t2s`` ("伊爾庫茨克" → "伊尔库茨克"), as
   CLDR's Traditional entries are for the subjects (``names_zh.csv``), that are
   then such forms, unless one is the Chinese name of a subdivision of
   another country (pycountry's catalogues: "卢加" is Senegal's Louga before
   it is Luga). Japanese forms ("豊原", "ホール町") are never candidates.
   A trailing "_" (a namesake's mark: "别洛戈尔斯克_") is left out, so that
   namesakes share their Chinese name as they share their Russian one.
3. One candidate: it. Several: the one whose reading (pypinyin, toneless)
   comes nearest the Russian name as iuliia's Wikipedia schema spells it, the
   name's parts in either order (difflib's ratio), if that is 0.4 or more: a
   transcription, as the Xinhua Russian-Chinese table makes them, rather than a
   former Chinese name ("丰原") or a translation. The check against the Xinhua
   table itself is not made (no source of it is read). Where no candidate
   reads that near ("游击队城", "苏常" for Partizansk), the place gets no row.

A place without a row has no ``zh`` name: `Division.name` falls back to
English. Every ``zh`` alias stays an alias. The tool reads only project
tables; rules: ``data/NAMES.md``.
"""

from __future__ import annotations

import difflib
import gettext
import itertools
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import iuliia
import opencc
import pycountry
import pypinyin
from tables import DATA, read_csv, render_csv, update_main

OUTPUT = DATA / "ru" / "places_names_zh.csv"
MAP_NAMES = DATA / "ru" / "places_names_zh_map.csv"
COLUMNS = ("code", "locale", "form", "text", "source", "note")
Row = tuple[str, str, str, str, str, str]
NEAREST = 0.4  # the least reading similarity of a form chosen among several
JOINERS = "-·"


def is_simplified(text: str, t2s: opencc.OpenCC) -> bool:
    """Whether *text* is Han characters of GB 2312 that ``t2s`` leaves alone."""
    if not text or text[0] in JOINERS or text[-1] in JOINERS:
        return False
    if not all(
        c in JOINERS or unicodedata.name(c, "").startswith("CJK UNIFIED IDEOGRAPH")
        for c in text
    ):
        return False
    try:
        re.sub(f"[{JOINERS}]", "", text).encode("gb2312")
    except UnicodeEncodeError:  # "豊": a Japanese form, not in the national set
        return False
    return bool(t2s.convert(text) == text)


def foreign_chinese() -> frozenset[str]:
    """
    Return the Chinese names of the subdivisions of other countries.

    pycountry's ``iso3166-2`` catalogues for Chinese: "卢加" is Louga, a region
    of Senegal, as well as Luga as t2s writes GeoNames' "盧加".
    """
    foreign = {
        s.name for s in pycountry.subdivisions if s.country_code not in ("RU", "CN")
    }
    names: set[str] = set()
    for mo in sorted(Path(pycountry.LOCALES_DIR).glob("zh*/LC_MESSAGES/iso3166-2.mo")):
        with mo.open("rb") as file:
            catalogue = gettext.GNUTranslations(file)
        names.update(t for t in map(catalogue.gettext, foreign) if t not in foreign)
    return frozenset(names)


def reading(text: str, russian: str) -> float:
    """Return how near *text*'s pinyin comes to *russian* romanized, 0 to 1."""
    heard = "".join(pypinyin.lazy_pinyin(re.sub(f"[{JOINERS}]", "", text)))
    parts = [
        re.sub("[^a-z]", "", iuliia.WIKIPEDIA.translate(part).lower())
        for part in re.split(r"[\s-]+", russian)
    ]
    return max(
        difflib.SequenceMatcher(None, heard, "".join(order)).ratio()
        for order in itertools.permutations(parts[:4])
    )


def zh_rows() -> list[Row]:
    """Return the rows of the table (see the module's rule)."""
    t2s = opencc.OpenCC("t2s")
    abroad = foreign_chinese()  # a converted form is a new name: not one of these
    mapped = {row["code"] for row in read_csv(MAP_NAMES)}
    names = read_csv(DATA / "ru" / "places_names.csv")
    russian = {
        r["code"]: r["text"]
        for r in names
        if (r["locale"], r["form"]) == ("ru", "full")
    }
    written: dict[str, list[str]] = defaultdict(list)
    for row in names:
        if (row["locale"], row["form"]) == ("zh", "alias") and row[
            "code"
        ] not in mapped:
            # "别洛戈尔斯克_": GeoNames keeps the mark of a namesake's
            # disambiguated title; the name is the same as its namesake's.
            written[row["code"]].append(row["text"].removesuffix("_"))
    rows: list[Row] = []
    for code, texts in sorted(written.items()):
        forms = [t for t in texts if is_simplified(t, t2s)]
        converted = not forms
        if converted:  # Traditional forms only: as t2s writes them
            forms = [
                c
                for c in dict.fromkeys(t2s.convert(t) for t in texts)
                if is_simplified(c, t2s) and c not in abroad
            ]
        if not forms:
            continue
        how = " ".join(f"{t} (t2s)" for t in texts if t2s.convert(t) in forms)
        if len(forms) == 1:
            note = f"from {how}" if converted else ""
            rows.append(
                (code, "zh-Hans", "full", forms[0], "geonames-cities500 opencc", note)
            )
            continue
        name = russian.get(code)
        if name is None:
            continue  # no Russian name to hear: several forms, none chosen
        scored = sorted(
            ((round(reading(f, name), 2), -len(f), f) for f in forms), reverse=True
        )
        best, *others = scored
        if best[0] < NEAREST:
            continue
        note = (
            f"nearest reading of {len(forms)} forms ({best[0]:.2f}; "
            + ", ".join(f"{f} {s:.2f}" for s, _, f in others)
            + ")"
        )
        rows.append(
            (
                code,
                "zh-Hans",
                "full",
                best[2],
                "geonames-cities500 opencc pypinyin iuliia",
                note,
            )
        )
    return rows


def build(shared: Path) -> dict[Path, str]:
    """Return the table's path and text (*shared* is not read)."""
    del shared
    return {OUTPUT: render_csv(COLUMNS, zh_rows())}


def main(argv: list[str] | None = None) -> int:
    """Write the table; with ``--check``, fail if it is stale."""
    return update_main(
        argv,
        doc=__doc__ or "",
        build=build,
        errors=(),
        shared_help="nothing (only project tables are read)",
        tool="tools/update_ru_place_zh.py",
    )


if __name__ == "__main__":
    sys.exit(main())
