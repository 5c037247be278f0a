"""Issue 17: where China's units lie (GeoNames' points, checked against cpca's)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path

import pytest

import regionkit
from regionkit import cli

TABLES = Path(__file__).resolve().parents[2] / "data" / "cn"
# tools/update_cn_locations.py: how far cpca's point may lie, by level.
TOLERANCE = {1: 0.5, 2: 0.5, 3: 0.25}


def table(name: str) -> list[dict[str, str]]:
    with (TABLES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def units() -> list[regionkit.Division]:
    return [d for level in (1, 2, 3) for d in regionkit.divisions("CN", level=level)]


@pytest.mark.parametrize(
    ("codes", "latitude", "longitude"),
    [
        # Wikipedia's point for Harbin (Heilongjiang Provincial Museum),
        # wikimili.com/en/Harbin: 45°45′27″N 126°38′27″E.
        (("CN-230100", "CN-HL"), 45.7576, 126.6409),
        # countrycoordinate.com/city-beijing-china: 39°54′15″N 116°24′27″E.
        (("CN-BJ",), 39.9042, 116.4074),
        # wikimapia.org/407319 (Ürümqi): 43°49′18″N 87°32′13″E.
        (("CN-650100", "CN-XJ"), 43.8217, 87.5369),
        # mysterioustibet.com/map-of-lhasa-location.html: 29.6528°N 91.1721°E.
        (("CN-540100", "CN-XZ"), 29.6528, 91.1721),
    ],
)
def test_known_cities_lie_where_they_are(
    codes: tuple[str, ...], latitude: float, longitude: float
) -> None:
    """A capital's point, and its province's, is within 0.1° of a published one."""
    for code in codes:
        location = regionkit.get(code).location
        assert location is not None, code
        assert abs(location.latitude - latitude) < 0.1, code
        assert abs(location.longitude - longitude) < 0.1, code
        assert location.source == "geonames-cities500"


def test_a_province_lies_at_its_centre_and_a_city_at_itself() -> None:
    """Heilongjiang's point is Harbin's; a municipality's is the city's own."""
    assert regionkit.get("CN-HL").location == regionkit.get("CN-230100").location
    beijing = regionkit.get("CN-BJ").location
    assert beijing is not None
    # Not its seat's (Tongzhou District, 0.25° east): the city itself.
    tongzhou = regionkit.get("CN-110112").location
    assert tongzhou is not None
    assert tongzhou.longitude - beijing.longitude > 0.2


def test_counts_of_units_with_a_location_per_level() -> None:
    """Every provincial unit; 327 of 333 prefectures; 1,669 of 2,870 counties."""
    located = Counter(d.level for d in units() if d.location is not None)
    everything = Counter(d.level for d in units())
    assert located == {1: 34, 2: 327, 3: 1669}
    # 2,845 MCA county-level units and the SARs' 25 districts and parishes,
    # which the location tables do not cover yet.
    assert everything == {1: 34, 2: 333, 3: 2870}
    # The same counts as the derived table's.
    level = {d.code: d.level for d in units()}
    assert Counter(level[r["code"]] for r in table("locations.csv")) == located


def test_the_packaged_points_are_the_table_s() -> None:
    """Each row of locations.csv is one unit's location, to the digit."""
    for row in table("locations.csv"):
        location = regionkit.get(row["code"]).location
        assert location is not None, row["code"]
        assert (location.latitude, location.longitude) == (
            float(row["latitude"]),
            float(row["longitude"]),
        )
        assert location.source == row["source"]


def test_every_located_unit_agrees_with_the_check_within_the_tolerance() -> None:
    """Provincial and prefecture-level points within 0.5° of cpca's, counties 0.25°."""
    level = {d.code: d.level or 0 for d in units()}
    for row in table("locations.csv"):
        assert float(row["difference"]) <= TOLERANCE[level[row["code"]]], row


def test_a_unit_whose_sources_disagree_has_no_location() -> None:
    """Jiange County: GeoNames' Pu'an lies 0.25° from cpca's point: no location."""
    rejected = table("locations_rejected.csv")
    reasons = Counter(r["reason"] for r in rejected)
    assert reasons == {
        "no_place": 1017,
        "unchecked": 80,
        "shared_name": 4,
        "ambiguous": 28,
        "disagrees": 53,
    }
    for row in rejected:
        assert regionkit.get(row["code"]).location is None, row
    jiange = {r["code"]: r for r in rejected}["CN-510823"]
    assert jiange["reason"] == "disagrees"
    # Every unit is in one table or the other.
    located = {r["code"] for r in table("locations.csv")}
    assert located.isdisjoint(r["code"] for r in rejected)
    sar = {regionkit.Category.SAR_DISTRICT, regionkit.Category.PARISH}
    tabled = {d.code for d in units() if d.category not in sar}
    assert located | {r["code"] for r in rejected} == tabled


def test_county_level_units_by_the_name_that_found_their_place() -> None:
    """901 by the full name, 610 by the short, 2 by a town's, 156 by Latin letters."""
    level = {d.code: d.level for d in units()}
    found_by = Counter(
        r["found_by"] for r in table("locations.csv") if level[r["code"]] == 3
    )
    assert found_by == {
        "full_name": 901,
        "short_name": 610,
        "town_name": 2,
        "latin_name": 156,
    }


@pytest.mark.parametrize(
    ("code", "found_by", "name", "latitude", "longitude"),
    [
        # Xingtang County: GeoNames' Longzhou (龙州镇, the seat) bears 行唐.
        ("CN-130125", "short_name", "行唐", 38.43814, 114.54953),
        # Qingcheng County: GeoNames' place bears 庆城镇, its seat, not 庆城县.
        ("CN-621021", "town_name", "庆城镇", 35.99890, 107.88547),
        # Kuandian County: GeoNames' Kuandian has no Chinese name.
        ("CN-210624", "latin_name", "kuandian", 40.72861, 124.78472),
    ],
)
def test_a_county_found_by_a_further_name(
    code: str, found_by: str, name: str, latitude: float, longitude: float
) -> None:
    """A county-level unit found by its short, town or Latin name has that point."""
    row = {r["code"]: r for r in table("locations.csv")}[code]
    assert (row["found_by"], row["name"]) == (found_by, name)
    location = regionkit.get(code).location
    assert location is not None
    assert (location.latitude, location.longitude) == (latitude, longitude)


def test_a_further_name_is_checked_more_strictly() -> None:
    """A point found by a further name lies within 0.1° of cpca's, not 0.25°."""
    further = [r for r in table("locations.csv") if r["found_by"] != "full_name"]
    assert len(further) == 768
    assert max(float(r["difference"]) for r in further) <= 0.1
    # Ninghe District: GeoNames' Ninghe (the old town, not the seat, Lutai)
    # lies 0.13° from cpca's point: no location.
    ninghe = {r["code"]: r for r in table("locations_rejected.csv")}["CN-120117"]
    assert ninghe["reason"] == "disagrees"
    assert regionkit.get("CN-120117").location is None


def test_a_place_named_after_another_unit_is_not_taken() -> None:
    """Shenzhen bears 宝安, Zhifang (江夏区's seat) 武昌: neither district takes it."""
    # Wuchang District: its short name finds only Zhifang, which bears 江夏区.
    assert regionkit.get("CN-420106").location is None
    # Bao'an District: not Shenzhen's point, but GeoNames' own Bao'an (by Latin).
    baoan = {r["code"]: r for r in table("locations.csv")}["CN-440306"]
    assert (baoan["geonames_id"], baoan["found_by"]) == ("13308620", "latin_name")
    assert regionkit.get("CN-440306").location != regionkit.get("CN-440300").location


def test_a_name_two_units_of_a_province_bear_locates_neither() -> None:
    """Shanxi's two 城区 (Yangquan's, Jincheng's): one GeoNames 城区, no guess."""
    for code in ("CN-140302", "CN-140502"):
        assert regionkit.get(code).location is None


def test_a_prefecture_lies_at_its_seat() -> None:
    """Yanbian lies at Yanji, its capital; Haibei at Haiyan County (Xihai)."""
    for prefecture, seat in (("CN-222400", "CN-222401"), ("CN-632200", "CN-632223")):
        unit = regionkit.get(prefecture)
        assert unit.seat is not None
        assert unit.seat.code == seat
        assert unit.location is not None
        assert unit.location == regionkit.get(seat).location


def test_every_prefecture_seat_is_a_unit_inside_it() -> None:
    """35 prefectures, leagues and autonomous prefectures name their seat."""
    seated = [d for d in regionkit.divisions("CN", level=2) if d.centres]
    assert len(seated) == 35
    for unit in seated:
        (seat,) = unit.centres
        if unit.code == "CN-232700":  # Jiagedaqi: no county-level unit of the MCA
            assert seat.code is None
            continue
        assert seat.code is not None
        assert regionkit.get(seat.code).parent_code == unit.code
        assert regionkit.lookup(seat.name("zh-Hans") or "-").code == seat.code
    # A prefecture-level city is its own centre: it names none.
    assert not regionkit.get("CN-230100").centres


def test_the_cli_shows_a_chinese_unit_s_location() -> None:
    """``regionkit show CN-230100`` prints Harbin's point and its source."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["show", "CN-230100"]) == 0
    assert "location       45.75000, 126.65000 (geonames-cities500)" in out.getvalue()
