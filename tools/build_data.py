"""
Build the packaged data: ``data/<cc>/*.csv`` -> ``src/regionkit/_data/*.json``.

Each data file comes with its lookup name index (``*.index``), tied to the
file by its CRC-32. Every row is structured with regionkit's own converter, so
the build is the validation gate: a bad category, a missing parent, an unknown
source id or a name that is not NFC stops it with ``file:row: problem``.

    python tools/build_data.py          # rebuild
    python tools/build_data.py --check  # fail if a rebuild would change a byte

Uses only the standard library and regionkit itself.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from build_answers import build_answers  # noqa: E402
from build_neighbours import NeighboursError, build_neighbours  # noqa: E402
from build_reporting import ReportingDataError, reporting_file  # noqa: E402
from build_townships import TownshipError, townships_file  # noqa: E402
from datafile import MANIFEST, encode_division_file, encode_manifest  # noqa: E402
from tables import (  # noqa: E402
    DATA,
    Row,
    TableError,
    cited,
    load_sources,
    source_ids,
    table_rows,
)

from regionkit._index import NameIndex  # noqa: E402 (path fix)
from regionkit._models import Category, Change, Division, NameForm  # noqa: E402
from regionkit._normalize import fold, set_learned_category_words  # noqa: E402
from regionkit.errors import DataError  # noqa: E402
from regionkit.serialization import from_dict  # noqa: E402

OUT = ROOT / "src" / "regionkit" / "_data"
WORDS_MODULE = ROOT / "src" / "regionkit" / "_category_words.py"
DATA_VERSION = (DATA / "VERSION").read_text(encoding="utf-8").strip()

# Output file -> (country, division tables, name tables).
# Name tables are globs: hand-written and generated tables sit side by side.
FILES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "ru.json": ("RU", ("ru/divisions.csv", "ru/former.csv"), "ru/names*.csv"),
    "ru-places.json": ("RU", ("ru/places.csv",), "ru/places_names*.csv"),
    "cn.json": ("CN", ("cn/divisions.csv", "cn/former.csv"), "cn/names*.csv"),
    # The SARs' districts and parishes (sar_units.csv) join the MCA's units.
    "cn-lower.json": ("CN", ("cn/units.csv", "cn/sar_units.csv"), "cn/unit_names*.csv"),
    "cn-history.json": ("CN", ("cn/history.csv",), "cn/history_names*.csv"),
}
# Per output file: the tables of validity dates and of changes it takes.
HISTORY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ru.json": (("ru/validity.csv",), ("ru/changes.csv",)),
    "ru-places.json": ((), ()),
    "cn.json": (("cn/validity.csv",), ("cn/changes.csv",)),
    "cn-lower.json": (("cn/unit_validity.csv",), ()),
    "cn-history.json": ((), ("cn/history_changes.csv",)),
}
# A division's dates: its bounds, and the precision and basis of each.
DATE_FIELDS = tuple(
    f"{bound}{part}"
    for bound in ("valid_from", "valid_to")
    for part in ("", "_precision", "_basis")
)
LOCALITIES = frozenset({Category.CITY, Category.INHABITED_LOCALITY})
ISO_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
PROJECT_KEY = re.compile(r"[A-Z]{2}-[A-Z0-9][A-Z0-9-]{3,}")
_ONE_PER_LOCALE = frozenset({NameForm.FULL, NameForm.SHORT})


class BuildError(Exception):
    """The source tables are wrong; the message says where."""


def read_csv(relative: str) -> Iterator[tuple[str, Row]]:
    """Yield ``("file:row", row)`` for each data row of a table, checking its text."""
    return table_rows(DATA / relative)


def optional_csv(relative: str) -> Iterator[tuple[str, Row]]:
    """Like `read_csv`, for a table that a country may not have."""
    if (DATA / relative).exists():
        yield from read_csv(relative)


def grouped(rows: Iterable[tuple[str, Row]]) -> dict[str, list[tuple[str, Row]]]:
    """Group rows by their ``code`` column."""
    by_code: dict[str, list[tuple[str, Row]]] = defaultdict(list)
    for where, row in rows:
        by_code[row["code"]].append((where, row))
    return by_code


def build_country_file(
    name: str, sources: dict[str, Row], known: dict[str, Division]
) -> tuple[dict[str, Any], list[Division], list[Change]]:
    """Build one output file; *known* holds the divisions built so far."""
    country, tables, name_glob = FILES[name]
    cc = country.lower()
    name_tables = [str(p.relative_to(DATA)) for p in sorted(DATA.glob(name_glob))]
    used: set[str] = set()
    names = grouped(r for t in name_tables for r in read_csv(t))
    validity_tables, change_tables = HISTORY[name]
    validity = grouped(r for t in validity_tables for r in optional_csv(t))
    # The centres and seats of the top level; of China's prefectures, their own.
    centre_table = "unit_centres" if name == "cn-lower.json" else "centres"
    centres = grouped(optional_csv(f"{cc}/{centre_table}.csv"))
    figures = grouped(optional_csv(f"{cc}/statistics.csv"))
    claims = grouped(optional_csv(f"{cc}/claims.csv"))
    ranks = grouped(optional_csv(f"{cc}/city_ranks.csv"))
    top_level = name == f"{cc}.json"
    # Subjects' locations, zones and the places their centres are.
    links = grouped(optional_csv(f"{cc}/subject_places.csv")) if top_level else {}
    # China's zones by scope: the country, or a provincial unit and all below it.
    zones = (
        {
            row["scope"]: (
                row["time_zones"].split(),
                source_ids(w, row["source"], sources, used),
            )
            for w, row in optional_csv(f"{cc}/time_zones.csv")
        }
        if name in ("cn.json", "cn-lower.json")
        else {}
    )
    # Chinese units' points (update_cn_locations); each file takes its own.
    points = (
        {
            code: rows
            for code, rows in grouped(optional_csv(f"{cc}/locations.csv")).items()
            if (len(code) > len("CN-XX")) == (name == "cn-lower.json")
        }
        if name in ("cn.json", "cn-lower.json")
        else {}
    )
    built: list[Division] = []
    places: dict[str, str] = {}
    for table in tables:
        for where, row in optional_csv(table):
            code = row["code"]
            dates = {k: row.get(k, "") for k in DATE_FIELDS}
            linked = links.pop(code, [])
            for w, v in validity.pop(code, []):
                dates = {k: dates[k] or v.get(k, "") for k in dates}
                source_ids(w, v["source"], sources, used)
            for bound in ("valid_from", "valid_to"):
                # A table without a precision column gives dates to the day.
                if dates[bound] and not dates[f"{bound}_precision"]:
                    dates[f"{bound}_precision"] = "day"
            record: dict[str, Any] = {
                "code": code,
                "country": country,
                "category": row["category"],
                "level": int(row["level"]) if row["level"] else None,
                "source": source_ids(where, row["source"], sources, used),
                "iso_3166_2": row.get("iso_3166_2") or None,
                "national_code": row.get("national_code") or None,
                "okato": row.get("okato") or None,
                "oktmo": row.get("oktmo") or None,
                "parent_code": row["parent"] or None,
                "within_code": row.get("within") or None,
                "grouping_codes": row.get("groupings", "").split(),
                "valid_from": dates["valid_from"] or None,
                "valid_to": dates["valid_to"] or None,
                "valid_from_precision": dates["valid_from_precision"] or None,
                "valid_from_basis": dates["valid_from_basis"],
                "valid_to_precision": dates["valid_to_precision"] or None,
                "valid_to_basis": dates["valid_to_basis"],
                "names": [
                    {
                        "locale": n["locale"],
                        "form": n["form"],
                        "text": n["text"],
                        "source": source_ids(w, n["source"], sources, used),
                        "valid_from": n.get("valid_from") or None,
                        "valid_to": n.get("valid_to") or None,
                    }
                    for w, n in names.pop(code, [])
                ],
                "centres": [
                    {
                        "role": c["role"],
                        "names": [
                            {
                                "locale": loc,
                                "form": "full",
                                "text": c[col],
                                "source": c["source"],
                            }
                            for loc, col in (
                                ("en", "name_en"),
                                ("ru", "name_ru"),
                                ("zh-Hans", "name_zh"),
                            )
                            if c[col]
                        ],
                        "note": c["note"],
                        "source": source_ids(w, c["source"], sources, used),
                        "code": c.get("place") or place_of(c, linked),
                    }
                    for w, c in centres.pop(code, [])
                ],
                "figures": [
                    {
                        "measure": f["measure"],
                        "value": number(w, f["value"]),
                        # No year where the source states none (the 2022 subjects).
                        "year": int(f["year"]) if f["year"] else None,
                        "source": source_ids(w, f["source"], sources, used),
                    }
                    for w, f in figures.pop(code, [])
                ]
                + place_figures(where, row, sources, used),
                **where_it_lies(where, row, linked, sources, used),
                "claims": [
                    {
                        "party": c["party"],
                        "stance": c["stance"],
                        "party_code": c["party_code"],
                        "note": c["note"],
                        "source": source_ids(w, c["source"], sources, used),
                    }
                    for w, c in claims.pop(code, [])
                ],
                "designations": [
                    {
                        "rank": r["rank"],
                        "note": r["note"],
                        "source": source_ids(w, r["source"], sources, used),
                    }
                    for w, r in ranks.pop(code, [])
                ],
            }
            for w, p in points.pop(code, []):
                record["location"] = {
                    "latitude": float(p["latitude"]),
                    "longitude": float(p["longitude"]),
                    "source": source_ids(w, p["source"], sources, used),
                }
            if zones and record["level"] is not None:  # groupings have none
                record["time_zones"] = zones_of(record, zones, known)
            record["names"].sort(key=lambda n: (n["locale"], n["form"], n["text"]))
            try:
                division = from_dict(Division, record, path=where)
            except DataError as error:
                raise BuildError(str(error)) from error
            check_division(where, division, known)
            known[code] = division
            built.append(division)
            places[code] = where
    for division in built:
        check_references(places[division.code], division, known)
    # Every row of a table must find its division; ranks of lower-level units
    # wait for the lower-level file.
    leftovers: tuple[dict[str, list[tuple[str, Row]]], ...] = (names,)
    if top_level:
        leftovers = (names, centres, figures, claims, links)
    elif name == "cn-lower.json":
        leftovers = (names, ranks, centres)
    for leftover in (*leftovers, validity, points):
        for code, rows in leftover.items():
            raise BuildError(f"{rows[0][0]}: no division has the code {code}")
    change_rows = [r for t in change_tables for r in optional_csv(t)]
    changes = []
    for where, row in change_rows:
        try:
            changes.append(
                from_dict(
                    Change,
                    {
                        "date": row["date"],
                        "kind": row["kind"],
                        "before": row["before"].split(),
                        "after": row["after"].split(),
                        "note": row["note"],
                        "source": source_ids(where, row["source"], sources, used),
                        # Tables without these columns give dates to the day.
                        "precision": row.get("precision") or "day",
                        "basis": row.get("basis", ""),
                    },
                    path=where,
                )
            )
        except DataError as error:
            raise BuildError(str(error)) from error
    edition = {row["file"]: row for _, row in read_csv("editions.csv")}[name]
    meta = {
        "about": "Generated by tools/build_data.py from data/; do not edit.",
        "as_of": edition["as_of"],
        "country": country,
        "data_version": DATA_VERSION,
        "edition": edition["edition"],
        "sources": cited(sources, used),
    }
    return meta, built, changes


def zones_of(
    record: dict[str, Any],
    zones: dict[str, tuple[list[str], str]],
    known: dict[str, Division],
) -> list[str]:
    """Return a Chinese unit's zones: its provincial unit's row, else the country's."""
    code, parent = record["code"], record["parent_code"]
    while parent is not None:  # up to the provincial level
        code, parent = parent, known[parent].parent_code
    return (zones.get(code) or zones[record["country"]])[0]


def place_of(centre: Row, linked: list[tuple[str, Row]]) -> str | None:
    """Return the code of the place a centre or seat is (``subject_places.csv``)."""
    for _, link in linked:
        if link["role"] == centre["role"] and link["name_ru"] == centre["name_ru"]:
            return link["place"] or None
    return None


def place_figures(
    where: str, row: Row, sources: dict[str, Row], used: set[str]
) -> list[dict[str, Any]]:
    """Return a locality's population: GeoNames' figure, whose year it does not give."""
    if not row.get("population"):
        return []
    source = source_ids(where, row["source"].split()[0], sources, used)
    return [
        {
            "measure": "population",
            "value": number(where, row["population"]),
            "year": None,
            "source": source,
        }
    ]


def where_it_lies(
    where: str,
    row: Row,
    linked: list[tuple[str, Row]],
    sources: dict[str, Row],
    used: set[str],
) -> dict[str, Any]:
    """Return a record's ``location`` and ``time_zones``, where the tables give them."""
    if "latitude" in row:  # a locality: its own point and zone
        point, zones, source = row, row["time_zone"], row["source"].split()[0]
    else:  # a subject: its row of subject_places.csv
        found = [r for w, r in linked if r["role"] == "location"]
        if not found:
            return {}
        point, zones, source = found[0], found[0]["time_zones"], found[0]["source"]
    location = {
        "latitude": float(point["latitude"]),
        "longitude": float(point["longitude"]),
        "source": source_ids(where, source, sources, used),
    }
    return {"location": location, "time_zones": zones.split()}


def number(where: str, text: str) -> int | float:
    """Parse a figure: an integer where it is one."""
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            raise BuildError(f"{where}: not a number: {text!r}") from None


def check_division(where: str, division: Division, known: dict[str, Division]) -> None:
    """Check what the converter cannot: codes, uniqueness, parents, names."""
    code = division.code
    if code in known:
        raise BuildError(f"{where}: duplicate code {code}")
    if not code.startswith(f"{division.country}-"):
        raise BuildError(f"{where}: code {code} does not start with its country")
    if division.iso_3166_2 is not None and division.is_current:
        if division.iso_3166_2 != code or not ISO_CODE.fullmatch(code):
            raise BuildError(f"{where}: an ISO-coded unit's code is its ISO code")
    elif code != division.iso_3166_2 and not PROJECT_KEY.fullmatch(code):
        raise BuildError(f"{where}: project key {code} needs a 4+ character suffix")
    if division.category.is_grouping != (division.level is None):
        raise BuildError(f"{where}: groupings, and only groupings, have no level")
    if division.level == 1 and division.parent_code is not None:
        raise BuildError(f"{where}: a level-1 unit has no parent")
    for name in division.names:
        if fold(name.text) != name.text.casefold():  # lookup's exact table needs it
            raise BuildError(f"{where}: {code}: name {name.text!r} is not fold-stable")
    locales = {(n.locale, n.form.value) for n in division.names}
    # Former lower units of China are named in the MCA's Chinese only.
    former_chinese = (
        division.country == "CN"
        and not division.is_current
        and (division.level or 1) > 1
    )
    needed = ("zh-Hans", "full") if former_chinese else ("en", "full")
    if needed not in locales:
        raise BuildError(f"{where}: {code} has no full {needed[0]} name")
    if (
        division.valid_from
        and division.valid_to
        and division.valid_from > division.valid_to
    ):
        raise BuildError(f"{where}: {code} ends before it starts")
    for bound in ("valid_from", "valid_to"):
        dated = getattr(division, bound) is not None
        if dated != (getattr(division, f"{bound}_precision") is not None):
            raise BuildError(f"{where}: {code}: {bound} and its precision go together")
        if not dated and getattr(division, f"{bound}_basis"):
            raise BuildError(f"{where}: {code}: a basis for no {bound}")
    # One full and one short name per locale; abbreviations, aliases and former
    # names may be several ("Leningrad", "Petrograd"), but never the same twice.
    counts = Counter(
        (n.locale, n.form, "" if n.form in _ONE_PER_LOCALE else n.text)
        for n in division.names
    )
    for (locale, form, text), count in counts.items():
        if count > 1:
            what = f"{locale} {form.value} name{'s' if not text else ' ' + repr(text)}"
            raise BuildError(f"{where}: {code} has {count} {what}")


def check_references(
    where: str, division: Division, known: dict[str, Division]
) -> None:
    """Check that the codes a division refers to exist and make sense."""
    for other in (division.parent_code, division.within_code, *division.grouping_codes):
        if other is not None and other not in known:
            raise BuildError(f"{where}: {division.code} refers to unknown {other}")
    parent = known.get(division.parent_code or "")
    if parent is not None and (parent.level or 0) >= (division.level or 0):
        raise BuildError(f"{where}: parent {parent.code} is not above {division.code}")
    for grouping in division.grouping_codes:
        if not known[grouping].category.is_grouping:
            raise BuildError(f"{where}: {grouping} is not a grouping")
    within = known.get(division.within_code or "")
    if within is not None and (within.level != division.level or within is division):
        raise BuildError(
            f"{where}: {division.code} lies within a unit of another level"
        )


def render(
    meta: dict[str, Any], divisions: list[Division], changes: list[Change]
) -> str:
    """Return the JSON text of one output file (stable: sorted, no clock time)."""
    return encode_division_file(meta, divisions, changes)


def category_words() -> dict[str, tuple[str, ...]]:
    """
    Return the learned category words, each with its categories, sorted.

    From ``data/<cc>/category_words.csv`` (tools/update_category_words.py).
    """
    words: dict[str, set[str]] = {}
    for cc in ("ru", "cn"):
        sources = load_sources(cc)
        for where, row in read_csv(f"{cc}/category_words.csv"):
            source_ids(where, row["source"], sources, set())
            try:
                Category(row["category"])
            except ValueError as error:
                raise BuildError(
                    f"{where}: unknown category {row['category']!r}"
                ) from error
            words.setdefault(row["word"], set()).add(row["category"])
    return {word: tuple(sorted(named)) for word, named in sorted(words.items())}


def category_words_module(words: dict[str, tuple[str, ...]]) -> str:
    """Return the text of ``regionkit/_category_words.py`` (formatted as ruff does)."""
    lines = [
        f"    {json.dumps(word, ensure_ascii=False)}: "
        f"({', '.join(json.dumps(c) for c in named)}{',' if len(named) == 1 else ''}),"
        for word, named in words.items()
    ]
    return (
        '"""\n'
        "The category words lookup learned from the names, with their categories.\n"
        "\n"
        "Generated by tools/build_data.py from data/*/category_words.csv.\n"
        "Do not edit.\n"
        '"""\n\n'
        "WORDS: dict[str, tuple[str, ...]] = {\n" + "\n".join(lines) + "\n}\n"
    )


def build() -> dict[str, str]:
    """Return every output file's name and text."""
    known: dict[str, Division] = {}
    outputs: dict[str, str] = {}
    # Lookup's learned category words first: the indices are built with them.
    words = category_words()
    set_learned_category_words(words)
    for name in FILES:
        sources = load_sources(FILES[name][0].lower())
        meta, divisions, changes = build_country_file(name, sources, known)
        outputs[name] = render(meta, divisions, changes)
        # Lookup's name index, prebuilt: it loads faster than it is made.
        digest = zlib.crc32(outputs[name].encode())
        # In the file's order (sorted), as a reader rebuilds it: names that two
        # units share (Tianjin then and now) keep their order either way.
        index = NameIndex.build(sorted(divisions)).encode(digest, source=name)
        outputs[name.removesuffix(".json") + ".index"] = index.decode()
        tally = Counter(d.category.value for d in divisions)
        print(f"{name}: {len(divisions)} divisions: {dict(sorted(tally.items()))}")
    # Places elsewhere near our names, which get no typo match
    # (tools/update_foreign_names.py): their cores, one a line.
    with (DATA / "foreign_names.csv").open(encoding="utf-8", newline="") as file:
        cores = sorted({row["core"] for row in csv.DictReader(file)})
    outputs["foreign-names.txt"] = "".join(f"{core}\n" for core in cores)
    if set(FILES) <= set(outputs):  # reporting lines need every division
        # Lines and neighbours are today's: units that no longer exist have none.
        # Russia's localities are no units of government, and have no neighbours.
        current = {
            code: d
            for code, d in known.items()
            if d.is_current and d.category not in LOCALITIES
        }
        try:
            outputs["reporting.json"] = reporting_file(current)
        except ReportingDataError as error:
            raise BuildError(str(error)) from error
        try:  # China's township level: its parents are today's units
            outputs["cn-townships.tsv"] = townships_file(current)
        except TownshipError as error:
            raise BuildError(str(error)) from error
        try:  # neighbours and crossings name units of both countries
            outputs.update(build_neighbours(current, DATA_VERSION))
        except NeighboursError as error:
            raise BuildError(str(error)) from error
        # Last: the answers are worked out by looking the names up in all of it.
        outputs["answers.index"] = build_answers(outputs)
    # Address reading's postcode table, as reviewed (tools/update_postcodes.py).
    outputs["ru-postcodes.csv"] = (DATA / "ru" / "postcodes.csv").read_text("utf-8")
    outputs["cn-postcodes.csv"] = (DATA / "cn" / "postcodes.csv").read_text("utf-8")
    return outputs


def main(argv: list[str] | None = None) -> int:
    """Rebuild the packaged data, or with ``--check`` prove it current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if stale"
    )
    args = parser.parse_args(argv)
    try:
        outputs = build()
    except (BuildError, TableError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    # The manifest lists every file of _data/: those built, and any others there.
    kept = {p.name: p.read_text(encoding="utf-8") for p in OUT.glob("*") if p.is_file()}
    kept.pop(MANIFEST, None)
    outputs[MANIFEST] = encode_manifest({**kept, **outputs})
    stale = [
        name
        for name, text in outputs.items()
        if not (OUT / name).exists() or (OUT / name).read_text(encoding="utf-8") != text
    ]
    # The learned category words are a module: normalization reads no files.
    module = category_words_module(category_words())
    module_stale = (
        not WORDS_MODULE.exists() or WORDS_MODULE.read_text(encoding="utf-8") != module
    )
    if args.check:
        for name in stale:
            print(
                f"stale: src/regionkit/_data/{name}; run tools/build_data.py",
                file=sys.stderr,
            )
        if module_stale:
            print(f"stale: {WORDS_MODULE.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale or module_stale else 0
    if module_stale:
        WORDS_MODULE.write_text(module, encoding="utf-8")
        print(f"wrote {WORDS_MODULE.relative_to(ROOT)}")
    OUT.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (OUT / name).write_text(outputs[name], encoding="utf-8")
        print(f"wrote src/regionkit/_data/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
