"""Issue 17: where China's units lie (GeoNames' points and cpca's)."""

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
BOTH = "geonames-cities500 cpca-adcodes"
# The third sources of county_points.csv: Wikipedia's points, governments' own.
PAGE_SOURCES = frozenset(
    {"wikipedia-cn-county-points", "cn-gov-county-points", "cn-gazetteer-county-points"}
)


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
        assert location.source == BOTH


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
    """Every provincial unit and prefecture; 2,829 of 2,870 counties."""
    located = Counter(d.level for d in units() if d.location is not None)
    everything = Counter(d.level for d in units())
    assert located == {1: 34, 2: 333, 3: 2829}
    # 2,845 MCA county-level units (2,805 located: 1,740 by two sources, 992
    # by one, 73 by a stored page's point) and the SARs' 25 districts and
    # parishes (23: Hong Kong's 18, five of Macao's seven).
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
        if row["basis"] == "two_sources":
            assert float(row["difference"]) <= TOLERANCE[level[row["code"]]], row


def test_a_unit_whose_sources_disagree_has_no_location() -> None:
    """Yuhang District: GeoNames' Yuhang lies 0.36° from cpca's point: no location."""
    rejected = table("locations_rejected.csv")
    reasons = Counter(r["reason"] for r in rejected)
    assert reasons == {
        "no_place": 19,
        "unchecked": 3,
        "ambiguous": 4,
        "disagrees": 14,
        "implausible": 1,
    }
    for row in rejected:
        assert regionkit.get(row["code"]).location is None, row
    yuhang = {r["code"]: r for r in rejected}["CN-330110"]
    assert yuhang["reason"] == "disagrees"
    # Both points are plausible, so neither is taken; English Wikipedia's
    # point (30°09′N 119°40′E) is near neither.
    assert yuhang["detail"].endswith(
        "; both points pass the gate; the page's point lies 0.27° from the nearest"
    )
    # Every unit is in one table or the other.
    located = {r["code"] for r in table("locations.csv")}
    assert located.isdisjoint(r["code"] for r in rejected)
    assert located | {r["code"] for r in rejected} == {d.code for d in units()}


def test_county_level_units_by_the_name_that_found_their_place() -> None:
    """914 by the full name, 649 by the short, 2 by a town's, 175 by Latin letters.

    And 73 by a stored page's point: 64 settle between candidates (most
    between GeoNames and cpca), 9 have no candidate at all.
    """
    level = {d.code: d.level for d in units()}
    found_by = Counter(
        (r["found_by"], r["basis"])
        for r in table("locations.csv")
        if level[r["code"]] == 3 and r["code"][3:].isdigit()
    )
    assert found_by == {
        ("full_name", "two_sources"): 914,
        ("short_name", "two_sources"): 649,
        ("town_name", "two_sources"): 2,
        ("latin_name", "two_sources"): 175,
        # cpca's point, found by the unit's code.
        ("code", "cpca_only"): 984,
        ("code", "cpca_over_namesake"): 6,
        ("full_name", "geonames_only"): 2,
        # A page's point settles which candidate is kept (found by its name).
        ("code", "third_source"): 50,
        ("full_name", "third_source"): 1,
        ("short_name", "third_source"): 13,
        ("latin_name", "third_source"): 1,
        # A page's point where neither GeoNames nor cpca has one.
        ("page", "page_only"): 9,
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
    further = [
        r
        for r in table("locations.csv")
        if r["found_by"] not in ("full_name", "seat_unit", "code")
        and r["basis"] == "two_sources"
        and r["code"][3:].isdigit()
    ]
    assert len(further) == 826
    assert max(float(r["difference"]) for r in further) <= 0.1
    # Ninghe District: GeoNames' Ninghe (the old town, not the seat, Lutai)
    # lies 0.13° from cpca's point, too far for a further name; German
    # Wikipedia's point of Lutai (39° 20′ N, 117° 49′ O) keeps cpca's.
    ninghe = {r["code"]: r for r in table("locations.csv")}["CN-120117"]
    assert (ninghe["basis"], ninghe["source"]) == (
        "third_source",
        "cpca-adcodes wikipedia-cn-county-points",
    )
    assert "GeoNames 1799379 0.13° away" in ninghe["note"]


def test_a_place_named_after_another_unit_is_not_taken() -> None:
    """Shenzhen bears 宝安, Zhifang (江夏区's seat) 武昌: neither district takes it."""
    # Wuchang District: its short name finds only Zhifang, which bears 江夏区;
    # it lies at cpca's point alone, 0.21° north of Zhifang's.
    wuchang = regionkit.get("CN-420106").location
    assert wuchang is not None
    assert wuchang.source == "cpca-adcodes"
    assert (wuchang.latitude, wuchang.longitude) == (30.55682, 114.31120)
    # Bao'an District: not Shenzhen's point, but GeoNames' own Bao'an (by Latin).
    baoan = {r["code"]: r for r in table("locations.csv")}["CN-440306"]
    assert (baoan["geonames_id"], baoan["found_by"]) == ("13308620", "latin_name")
    assert regionkit.get("CN-440306").location != regionkit.get("CN-440300").location


@pytest.mark.parametrize(
    ("code", "latitude", "longitude"),
    [
        # English Wikipedia's points for the districts (sar_points.csv).
        ("CN-HK-ST", 22.38715, 114.19534),
        ("CN-HK-WC", 22.27968, 114.17168),
        ("CN-HK-YL", 22.44559, 114.02218),
    ],
)
def test_a_hong_kong_district_lies_at_its_namesake_town(
    code: str, latitude: float, longitude: float
) -> None:
    """Sha Tin District lies at GeoNames' Sha Tin, within 0.05° of Wikipedia's point."""
    location = regionkit.get(code).location
    assert location is not None
    assert location.source == "geonames-cities500 enwiki-hk-district-points"
    assert abs(location.latitude - latitude) <= 0.05
    assert abs(location.longitude - longitude) <= 0.05


def test_the_sars_units_with_and_without_a_location() -> None:
    """All 18 of Hong Kong's districts; five of Macao's seven parishes."""
    sar = {regionkit.Category.SAR_DISTRICT, regionkit.Category.PARISH}
    located = {d.code for d in units() if d.category in sar and d.location}
    hong_kong = {d.code for d in units() if d.code.startswith("CN-HK-")}
    assert len(hong_kong) == 18
    assert hong_kong <= located
    assert sorted(c for c in located if c.startswith("CN-MO-")) == [
        "CN-MO-CARMO",
        "CN-MO-FATIMA",
        "CN-MO-LAZARO",
        "CN-MO-SE",
        "CN-MO-XAVIER",
    ]
    rejected = {r["code"]: r["reason"] for r in table("locations_rejected.csv")}
    # No stored page gives Santo António or São Lourenço a point.
    assert {c: r for c, r in rejected.items() if "-MO-" in c or "-HK-" in c} == {
        "CN-MO-ANTONIO": "no_place",
        "CN-MO-LOURENCO": "no_place",
    }
    # Each located SAR unit has its page's point: two sources where GeoNames
    # has the place, the page's alone (within 0.3° of the SAR's) where not.
    pages = {r["code"]: r for r in table("sar_points.csv")}
    assert set(pages) == located
    rows = {r["code"]: r for r in table("locations.csv")}
    basis = Counter(rows[c]["basis"] for c in located)
    assert basis == {"two_sources": 11 + 3, "page_only": 7 + 2}
    for code in located:
        here = regionkit.get(code).location
        assert here is not None
        sar_point = regionkit.get(code[:5]).location
        assert sar_point is not None
        assert abs(here.latitude - sar_point.latitude) <= 0.3, code
        assert abs(here.longitude - sar_point.longitude) <= 0.3, code
        if rows[code]["basis"] == "page_only":
            assert here.source == pages[code]["source"]
            assert (here.latitude, here.longitude) == (
                float(pages[code]["latitude"]),
                float(pages[code]["longitude"]),
            )


@pytest.mark.parametrize(
    ("code", "latitude", "longitude", "source"),
    [
        # English Wikipedia, Islands District: 22°15′40″N 113°56′46″E.
        ("CN-HK-ILD", 22.26111, 113.94611, "enwiki-hk-district-points"),
        # English Wikipedia, Yau Tsim Mong District: 22°19′17″N 114°10′21″E.
        ("CN-HK-YTM", 22.32138, 114.17260, "enwiki-hk-district-points"),
        # German Wikipedia, Nossa Senhora de Fátima: 22° 12′ 43″ N, 113° 32′ 40″ O.
        ("CN-MO-FATIMA", 22.21194, 113.54444, "wikipedia-mo-parish-points"),
        # English Wikipedia, São Lázaro: 22°11′55″N 113°32′55″E.
        ("CN-MO-LAZARO", 22.19861, 113.54861, "wikipedia-mo-parish-points"),
        # English Wikipedia, Pingcheng District: 40°04′32″N 113°17′53″E
        # (neither GeoNames nor cpca has Datong's district of 2018).
        ("CN-140213", 40.07556, 113.29806, "wikipedia-cn-county-points"),
        # Chinese Wikipedia, Shuicheng District (2020, made of most of
        # Shuicheng County, no one former code): 26°32′46″N 104°57′25″E.
        ("CN-520204", 26.54608, 104.95705, "wikipedia-cn-county-points"),
    ],
)
def test_a_unit_located_by_its_page_alone(
    code: str, latitude: float, longitude: float, source: str
) -> None:
    """The page's point, to the digit, within 0.01° of its degrees and minutes."""
    location = regionkit.get(code).location
    assert location is not None
    assert location.source == source
    assert abs(location.latitude - latitude) < 0.01
    assert abs(location.longitude - longitude) < 0.01
    row = {r["code"]: r for r in table("locations.csv")}[code]
    assert (row["basis"], row["found_by"]) == ("page_only", "page")


@pytest.mark.parametrize(
    ("code", "page", "kept", "source"),
    [
        # Aihui District: English Wikipedia 50°14′28″N 127°29′36″E; cpca's
        # point 0.01° away is kept, GeoNames' 0.26° away is not.
        ("CN-231102", (50.24111, 127.49333), "cpca", "cpca-adcodes"),
        # Suzhou District (Jiuquan): 39°44′28″N 98°30′12″E; GeoNames' 肃州
        # lies 3.86° away.
        ("CN-620902", (39.74111, 98.50333), "cpca", "cpca-adcodes"),
        # Jungar Banner: Russian Wikipedia 39°51′56″N 111°13′36″E, by
        # GeoNames 8051687 (the other 准格尔旗, 1796444, lies 0.37° away).
        ("CN-150622", (39.86556, 111.22667), "GeoNames", "geonames-cities500"),
        # Mengjin District (2021, no cpca point): GeoNames' 孟津, found by its
        # short name, checked by English Wikipedia's 34°49′30″N 112°26′42″E.
        ("CN-410308", (34.825, 112.445), "GeoNames", "geonames-cities500"),
        # Sêrxü County: cpca's point lies west of Sichuan's box, but English
        # Wikipedia's (32°58′44″N 98°06′10″E) confirms it.
        ("CN-513332", (32.97889, 98.10278), "cpca", "cpca-adcodes"),
        # Jiange County: Russian Wikipedia 32°17′12″N 105°31′16″E keeps cpca's
        # point (the seat at Xiasi); GeoNames' Pu'an, the old seat, 0.25° away.
        ("CN-510823", (32.28667, 105.52111), "cpca", "cpca-adcodes"),
        # Ninghe District: German Wikipedia's Lutai, 39° 20′ N, 117° 49′ O.
        ("CN-120117", (39.33333, 117.81667), "cpca", "cpca-adcodes"),
        # Coqên County: Russian Wikipedia 31°01′09″N 85°09′20″E (German
        # Wikipedia's 30° 45′ N, 85° 16′ O lay 0.27° from both points).
        ("CN-542527", (31.01917, 85.15556), "cpca", "cpca-adcodes"),
        # Nyêmo County: English Wikipedia's government point, 29.432°N 90.164°E.
        ("CN-540123", (29.432, 90.164), "cpca", "cpca-adcodes"),
        # Tumed Right Banner: English Wikipedia 40°34′N 110°31′E; GeoNames'
        # two 土默特右旗 lie 0.62° apart.
        ("CN-150221", (40.567, 110.517), "cpca", "cpca-adcodes"),
        # Longhua District (Shenzhen): English Wikipedia's Longhua New
        # District, 22°39′26.58″N 114°0′58.47″E, by GeoNames 1802620.
        ("CN-440309", (22.65738, 114.01624), "GeoNames", "geonames-cities500"),
        # Huicheng District (Huizhou): Chinese Wikipedia 23°04′34″N
        # 114°24′18″E keeps cpca's point; GeoNames' 惠城 (Huilai's Huicheng
        # town) lies 1.88° east.
        ("CN-441302", (23.07611, 114.405), "cpca", "cpca-adcodes"),
        # Gucheng District (Lijiang): Chinese Wikipedia 26.87980°N
        # 100.22464°E; GeoNames' 古城 lies 2.37° away.
        ("CN-530702", (26.8798, 100.22464), "cpca", "cpca-adcodes"),
        # Suiyang County: Chinese Wikipedia 27.95786°N 107.1877°E; GeoNames'
        # 绥阳 lies 0.56° away.
        ("CN-520323", (27.95786, 107.1877), "cpca", "cpca-adcodes"),
        # Huyanghe (2019, no cpca point): GeoNames' Huyanghe, found by its
        # short name, checked by Chinese Wikipedia's 44.6925°N 84.825°E.
        ("CN-659010", (44.6925, 84.825), "GeoNames", "geonames-cities500"),
    ],
)
def test_a_third_source_settles_which_point_is_kept(
    code: str, page: tuple[float, float], kept: str, source: str
) -> None:
    """A page's point within 0.1° of one candidate keeps that one's point."""
    row = {r["code"]: r for r in table("locations.csv")}[code]
    assert row["basis"] == "third_source"
    assert row["source"] == f"{source} wikipedia-cn-county-points"
    assert f"the page's point lies {row['difference']}° from {kept}" in row["note"]
    location = regionkit.get(code).location
    assert location is not None
    assert abs(location.latitude - page[0]) < 0.1
    assert abs(location.longitude - page[1]) < 0.1
    points = {r["code"]: r for r in table("county_points.csv")}[code]
    assert abs(float(points["latitude"]) - page[0]) < 0.01
    assert abs(float(points["longitude"]) - page[1]) < 0.01


def test_a_prefecture_lies_at_a_seat_found_by_its_short_name() -> None:
    """Bortala lies at Bole (GeoNames bears 博乐, not 博乐市): seat's point."""
    bortala, bole = regionkit.get("CN-652700"), regionkit.get("CN-652701")
    assert bortala.location is not None
    assert bortala.location == bole.location
    row = {r["code"]: r for r in table("locations.csv")}["CN-652700"]
    assert (row["found_by"], row["name"]) == ("seat_unit", "博乐")
    # Dali lies at Dali City, its capital (unit_centres.csv).
    assert regionkit.get("CN-532900").location == regionkit.get("CN-532901").location


def test_daxinganling_lies_at_its_seat_in_inner_mongolia_s_territory() -> None:
    """Daxing'anling lies at Jiagedaqi, GeoNames' place in Inner Mongolia.

    Jiagedaqi is no unit of the MCA's and lies outside Heilongjiang, so
    GeoNames' place (admin1 20) is only a candidate; English Wikipedia's point
    of the district government, 0.02° away, keeps it over cpca's point of the
    prefecture, which lies at Tahe, 1.93° north.
    """
    location = regionkit.get("CN-232700").location
    assert location is not None
    assert (location.latitude, location.longitude) == (50.41667, 124.11667)
    assert location.source == "geonames-cities500 wikipedia-cn-county-points"
    row = {r["code"]: r for r in table("locations.csv")}["CN-232700"]
    assert (row["geonames_id"], row["basis"]) == ("2036597", "third_source")
    assert row["note"] == (
        "no_place; the page's point lies 0.02° from GeoNames 2036597's, cpca 1.93° away"
    )


def test_a_province_s_centre_is_its_capital_s_record() -> None:
    """Guangdong's centre is 广州市 (CN-440100); Beijing's seat Tongzhou District."""
    (centre,) = regionkit.get("CN-GD").centres
    assert centre.code == "CN-440100"
    assert regionkit.get(centre.code).name("zh-Hans") == "广州市"
    assert [c.code for c in regionkit.get("CN-BJ").centres] == ["CN-110112"]
    assert [c.code for c in regionkit.get("CN-SH").centres] == ["CN-310101"]
    # Every provincial unit's centre has its record, but Taiwan's (台北市 is no
    # unit of the PRC's lists) and the SARs' (they name none).
    coded = {
        d.code: d.centres[0].code
        for d in regionkit.divisions("CN", level=1)
        if d.centres and d.centres[0].code
    }
    assert len(coded) == 31
    for province, city in coded.items():
        assert regionkit.get(city).parent_code == province, province


def test_a_name_two_units_of_a_province_bear_is_told_apart_by_cpca() -> None:
    """Shanxi's two 城区: GeoNames' one 城区 (Yijing) is Yangquan's, not Jincheng's.

    Yijing lies 0.01° from cpca's point of Yangquan's 城区 and 2.33° from that
    of Jincheng's. Heilongjiang's two 向阳区 each take the one of GeoNames'
    two that lies at its own cpca point.
    """
    yangquan = regionkit.get("CN-140302").location
    assert yangquan is not None
    assert (yangquan.latitude, yangquan.longitude) == (37.83556, 113.60194)
    rows = {r["code"]: r for r in table("locations.csv")}
    assert rows["CN-140302"]["note"] == "shared_name"
    # Jincheng's is settled by English Wikipedia's point of its government,
    # 0.01° from cpca's point.
    assert (rows["CN-140502"]["basis"], rows["CN-140502"]["source"]) == (
        "third_source",
        "cpca-adcodes wikipedia-cn-county-points",
    )
    assert (rows["CN-230402"]["geonames_id"], rows["CN-230803"]["geonames_id"]) == (
        "8523223",
        "8522898",
    )
    assert rows["CN-230402"]["note"] == (
        "shared_name: GeoNames 8522898 lies at CN-230803's cpca point"
    )


def test_a_namesake_outside_the_gate_does_not_make_a_name_ambiguous() -> None:
    """Jiamusi's 郊区 lies at GeoNames' 郊区 there; the other 郊区 is in Xinjiang."""
    row = {r["code"]: r for r in table("locations.csv")}["CN-230811"]
    assert (row["geonames_id"], row["basis"]) == ("8522885", "two_sources")
    assert row["note"] == "ambiguous: GeoNames 8548876 lies outside the gate"
    # Shuangyashan's 宝山区: of GeoNames' three other 宝山, two lie within the
    # gate, so the name still finds no one place.
    assert regionkit.get("CN-230506").location is None


def test_a_prefecture_lies_at_its_seat() -> None:
    """Yanbian lies at Yanji, its capital; Haibei at Haiyan County (Xihai)."""
    for prefecture, seat in (("CN-222400", "CN-222401"), ("CN-632200", "CN-632223")):
        unit = regionkit.get(prefecture)
        assert unit.seat is not None
        assert unit.seat.code == seat
        assert unit.location is not None
        assert unit.location == regionkit.get(seat).location


def test_every_prefecture_seat_is_a_unit_inside_it() -> None:
    """38 prefectures, leagues and autonomous prefectures name their seat."""
    seated = [d for d in regionkit.divisions("CN", level=2) if d.centres]
    assert len(seated) == 38
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
    shown = "location       45.75000, 126.65000 (geonames-cities500 cpca-adcodes)"
    assert shown in out.getvalue()


def single_sourced() -> list[dict[str, str]]:
    """The rows whose point one source alone gives."""
    alone = {"cpca_only", "cpca_over_namesake", "geonames_only", "page_only"}
    return [r for r in table("locations.csv") if r["basis"] in alone]


@pytest.mark.parametrize(
    ("code", "gcj_latitude", "gcj_longitude"),
    [
        # cpca 0.5.5 resources/adcodes.csv, in GCJ-02: 120111000000,西青区,
        # 117.008826,39.141152 (Xiqing's seat, Yangliuqing).
        ("CN-120111", 39.141152, 117.008826),
        # 220882000000,大安市,124.292626,45.506996.
        ("CN-220882", 45.506996, 124.292626),
    ],
)
def test_a_county_located_only_by_cpca(
    code: str, gcj_latitude: float, gcj_longitude: float
) -> None:
    """Its point is cpca's, turned from GCJ-02 into WGS 84: within 0.01°, not equal."""
    location = regionkit.get(code).location
    assert location is not None
    assert location.source == "cpca-adcodes"
    assert abs(location.latitude - gcj_latitude) < 0.01
    assert abs(location.longitude - gcj_longitude) < 0.01
    # GCJ-02 lies east of WGS 84 in China: the stored point is west of cpca's.
    assert 0.003 < gcj_longitude - location.longitude < 0.008


def test_the_basis_of_each_location() -> None:
    """Two sources for 2,120 units; cpca's point alone for 990; GeoNames' for 2.

    A page's point settles 66 more (Daxing'anling among them) and is the only
    point of 18.
    """
    basis = Counter(r["basis"] for r in table("locations.csv"))
    assert basis == {
        "two_sources": 2120,
        "cpca_only": 984,
        "cpca_over_namesake": 6,
        "geonames_only": 2,
        "third_source": 66,
        "page_only": 18,
    }
    source = {
        "cpca_only": "cpca-adcodes",
        "cpca_over_namesake": "cpca-adcodes",
        "geonames_only": "geonames-cities500",
    }
    pages = {
        r["code"]: r["source"]
        for name in ("county_points.csv", "sar_points.csv")
        for r in table(name)
    }
    for row in single_sourced():
        assert row["source"] == source.get(row["basis"], pages.get(row["code"])), row
        # A single-source point: no second one to differ from.
        assert row["difference"] == "" or row["basis"] == "cpca_over_namesake"
    for row in table("locations.csv"):
        if row["basis"] in ("two_sources", "third_source"):
            assert len(row["source"].split()) == 2, row
        if row["basis"] == "third_source":
            # The candidate kept and the page that chose it, 0.1° apart at most.
            assert row["source"].split()[1] in PAGE_SOURCES, row
            assert float(row["difference"]) <= 0.1, row


def test_a_government_s_stated_point_settles_an_unchecked_place() -> None:
    """Guangming District: its government's 22°46′34″N 113°54′44″E checks GeoNames'."""
    row = {r["code"]: r for r in table("locations.csv")}["CN-440311"]
    assert (row["basis"], row["source"]) == (
        "third_source",
        "geonames-cities500 cn-gov-county-points",
    )
    assert (
        row["note"] == "unchecked; the page's point lies 0.02° from GeoNames 1916199's"
    )
    points = {r["code"]: r for r in table("county_points.csv")}["CN-440311"]
    assert abs(float(points["latitude"]) - 22.77611) < 0.01
    assert abs(float(points["longitude"]) - 113.91222) < 0.01
    location = regionkit.get("CN-440311").location
    assert location is not None
    assert abs(location.latitude - 22.77611) < 0.01
    assert abs(location.longitude - 113.91222) < 0.02


def test_cpca_is_taken_over_a_far_namesake() -> None:
    """Da'an City: GeoNames' 大安 lies 3.78° from Baicheng's point, cpca's near it."""
    row = {r["code"]: r for r in table("locations.csv")}["CN-220882"]
    assert row["basis"] == "cpca_over_namesake"
    assert row["note"] == (
        "GeoNames 2038036 (大安, by its short name) lies 3.78° from "
        "CN-220800's point (gate 2.66°)"
    )
    baicheng, daan = regionkit.get("CN-220800").location, regionkit.get("CN-220882")
    assert baicheng is not None
    assert daan.location is not None
    assert abs(daan.location.latitude - baicheng.latitude) < 0.5


def test_a_point_that_fails_the_gate_is_left_out() -> None:
    """Funing (富宁县): cpca's point lies outside Yunnan's box: no location."""
    rejected = {r["code"]: r for r in table("locations_rejected.csv")}
    assert rejected["CN-532628"]["reason"] == "implausible"
    assert rejected["CN-532628"]["detail"] == (
        "cpca's point: outside the province's box 20.46-29.63°N 96.94-105.41°E"
    )
    assert regionkit.get("CN-532628").location is None
    assert [r["code"] for r in rejected.values() if r["reason"] == "implausible"] == [
        "CN-532628"
    ]
    # Sêrxü (石渠县): cpca's point lies west of Sichuan's box 25.50-33.91°N
    # 98.29-108.86°E, but a page's point confirms it (a third source).
    serxu = {r["code"]: r for r in table("locations.csv")}["CN-513332"]
    assert serxu["basis"] == "third_source"
    assert serxu["note"] == "implausible; the page's point lies 0.00° from cpca's"


def test_every_single_source_point_passes_the_gate() -> None:
    """Each lies in its province's two-source box (1° wider) and near its parent."""
    parent = {r["code"]: r["parent"] for r in table("units.csv")}
    prefix = {d.code: (d.national_code or "")[:2] for d in units() if d.national_code}
    both = {
        r["code"]: (float(r["latitude"]), float(r["longitude"]))
        for r in table("locations.csv")
        if r["basis"] == "two_sources" and r["code"] in prefix
    }
    reach: dict[tuple[str, int], float] = {}
    distances = []
    for code, (north, east) in both.items():
        up = parent.get(code, "")
        if up in both:
            far = max(abs(north - both[up][0]), abs(east - both[up][1]))
            key = (prefix[code], regionkit.get(up).level or 0)
            reach[key] = max(reach.get(key, 0.0), far)
            if regionkit.get(code).level == 3:
                distances.append(far)
    distances.sort()
    floor = distances[int(0.95 * (len(distances) - 1))]
    assert round(floor, 2) == 1.64
    for row in single_sourced():
        code = row["code"]
        if code not in prefix:
            continue  # a SAR's unit: within 0.3° of the SAR's point (above)
        north, east = float(row["latitude"]), float(row["longitude"])
        box = [v for c, v in both.items() if prefix[c] == prefix[code]]
        assert min(v[0] for v in box) - 1 <= north <= max(v[0] for v in box) + 1
        assert min(v[1] for v in box) - 1 <= east <= max(v[1] for v in box) + 1
        up = parent[code]
        while up not in both:
            up = parent[up]
        gate = 1.5 * max(reach[prefix[code], regionkit.get(up).level or 0], floor)
        assert max(abs(north - both[up][0]), abs(east - both[up][1])) <= gate, code


def test_a_recoded_unit_is_checked_against_its_former_code() -> None:
    """Luanzhou City (130284, 滦县 130223 until 2018): two sources, not one."""
    row = {r["code"]: r for r in table("locations.csv")}["CN-130284"]
    assert row["basis"] == "two_sources"
    assert row["note"] == "checked against cpca's point of the former code 130223"
    assert float(row["difference"]) <= 0.1  # found by its short name, 滦州
    # Pidu District (510117, 2016, 郫县 510124 before): cpca's point of 510124.
    pidu = {r["code"]: r for r in table("locations.csv")}["CN-510117"]
    assert (pidu["basis"], pidu["source"]) == ("cpca_only", "cpca-adcodes")
    assert pidu["note"] == "cpca's point of the former code 510124"
    # Youhao District (230719, 2019) was made of two: GeoNames' point alone.
    youhao = regionkit.get("CN-230719").location
    assert youhao is not None
    assert youhao.source == "geonames-cities500"


def test_jomda_is_settled_by_the_chamdo_gazetteer() -> None:
    # GeoNames has two places named 江达, 3.81° apart; the gazetteer's seat,
    # 31°33′N 98°12′E, lies 0.05° from cpca's point, which is kept.
    row = {r["code"]: r for r in table("locations.csv")}["CN-540321"]
    assert (row["basis"], row["source"]) == (
        "third_source",
        "cpca-adcodes cn-gazetteer-county-points",
    )
    location = regionkit.get("CN-540321").location
    assert location is not None
    assert abs(location.latitude - 31.55) < 0.1
    assert abs(location.longitude - 98.2) < 0.1
