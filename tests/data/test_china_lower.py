"""China below the provinces: counts, codes, parents, names and lookup."""

import datetime
from collections import Counter

import pytest

import regionkit
from regionkit import AmbiguousName, Category, Rank

LEVEL_2 = {
    "prefecture_level_city": 293,
    "autonomous_prefecture": 30,
    "prefecture": 7,
    "league": 3,
}
# MCA 2024-12-31: 2,846 county-level units; the 2025 notice merged 江北区 and
# 渝北区 into the new 两江新区 (one district fewer).
LEVEL_3 = {
    "district": 976,
    "county_level_city": 397,
    "county": 1301,
    "autonomous_county": 117,
    "banner": 49,
    "autonomous_banner": 3,
    "special_district": 1,
    "forestry_district": 1,
}
# The SARs' own subdivisions, level 3 under the SAR (tests/data/test_sars.py):
# Hong Kong's 18 districts and Macau's 7 parishes, with no GB/T 2260 code.
SAR_LEVEL_3 = {"sar_district": 18, "parish": 7}
SAR_CATEGORIES = {Category.SAR_DISTRICT, Category.PARISH}
LOWER = regionkit.divisions("CN", level=2) + regionkit.divisions("CN", level=3)
MCA_LOWER = [d for d in LOWER if d.category not in SAR_CATEGORIES]


def test_counts_per_level_and_category() -> None:
    for level, expected in ((2, LEVEL_2), (3, LEVEL_3 | SAR_LEVEL_3)):
        units = regionkit.divisions("CN", level=level)
        assert dict(Counter(d.category.value for d in units)) == expected
    assert len(regionkit.divisions("CN", level=2)) == 333
    # The MCA's 2,845 county-level units, and the SARs' 18 + 7.
    assert len(regionkit.divisions("CN", level=3)) == 2845 + 18 + 7 == 2870


def test_the_2025_changes_are_applied() -> None:
    liangjiang = regionkit.get("500157")
    assert liangjiang.name("zh") == "两江新区"
    assert liangjiang.parent == regionkit.get("CN-CQ")
    current = {d.code for d in regionkit.divisions("CN", level=3)}
    for retired in ("500105", "500112"):
        former = regionkit.get(retired)  # the code of a unit that no longer exists
        assert not former.is_current
        assert former.valid_to == datetime.date(2025, 11, 6)
        assert liangjiang in former.successors()
        assert former.code not in current
    assert {d.code for d in liangjiang.predecessors()} == {
        "CN-500105-1997",
        "CN-500112-1997",
    }


def test_harbin() -> None:
    harbin = regionkit.get("230100")
    assert harbin.code == "CN-230100"
    assert harbin.category is Category.PREFECTURE_LEVEL_CITY
    assert harbin.name("zh") == "哈尔滨市"
    assert harbin.name("zh-TW") == "哈爾濱市"
    assert harbin.name("en") == "Harbin"
    assert harbin.name("zh-Latn-pinyin") == "Hā'ěrbīn Shì"
    assert harbin.parent == regionkit.get("CN-HL")
    assert harbin.has_rank(Rank.SUB_PROVINCIAL)
    assert not harbin.has_rank(Rank.SEPARATELY_PLANNED)


def test_every_code_agrees_with_its_parent() -> None:
    """Every MCA unit's code starts with its parent's; the SARs' units have none."""
    for unit in MCA_LOWER:
        gb = unit.national_code
        assert gb is not None
        assert unit.code == f"CN-{gb}"
        parent = unit.parent
        assert parent is not None, unit.code
        assert parent.national_code is not None
        prefix = 2 if parent.level == 1 else 4
        assert gb[:prefix] == parent.national_code[:prefix], unit.code
        assert parent.level is not None
        assert unit.level is not None
        assert parent.level < unit.level
    for unit in set(LOWER) - set(MCA_LOWER):
        assert unit.national_code is None, unit.code
        assert unit.parent_code in {"CN-HK", "CN-MO"}, unit.code


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("419001", "CN-HA"),  # 济源市, directly under Henan
        ("429021", "CN-HB"),  # 神农架林区
        ("659001", "CN-XJ"),  # 石河子市, an XPCC city
        ("110105", "CN-BJ"),  # 朝阳区 of Beijing: no prefecture in between
        ("500157", "CN-CQ"),
    ],
)
def test_units_directly_under_a_province_have_no_invented_parent(
    code: str, parent: str
) -> None:
    assert regionkit.get(code).parent == regionkit.get(parent)


def test_hong_kong_macau_and_taiwan_have_no_coded_subdivisions() -> None:
    """GB/T 2260 codes none below them; the SARs' own units carry none."""
    assert regionkit.get("CN-TW").children == ()
    for code in ("CN-HK", "CN-MO"):
        children = regionkit.get(code).children
        assert children, code
        assert all(d.national_code is None for d in children), code
        assert {d.category for d in children} <= SAR_CATEGORIES, code


def test_every_unit_has_names_in_the_four_forms() -> None:
    for unit in LOWER:
        stored = {(n.locale, n.form.value) for n in unit.names}
        for locale in ("zh-Hans", "zh-Hant", "zh-Latn-pinyin", "en"):
            assert (locale, "full") in stored, (unit.code, locale)
            assert (locale, "short") in stored, (unit.code, locale)


def test_sub_provincial_and_separately_planned_cities() -> None:
    def ranked(rank: Rank) -> list[str]:
        return sorted(d.name("en") for d in LOWER if d.has_rank(rank))

    assert ranked(Rank.SEPARATELY_PLANNED) == [
        "Dalian",
        "Ningbo",
        "Qingdao",
        "Shenzhen",
        "Xiamen",
    ]
    assert len(ranked(Rank.SUB_PROVINCIAL)) == 15
    assert set(ranked(Rank.SEPARATELY_PLANNED)) < set(ranked(Rank.SUB_PROVINCIAL))


def test_every_unit_looks_up_by_its_name_or_is_among_the_candidates() -> None:
    ambiguous = 0
    for unit in LOWER:
        text = unit.name("zh-Hans")
        try:
            assert regionkit.lookup(text, level=unit.level) == unit, text
        except AmbiguousName as error:
            ambiguous += 1
            assert unit in error.candidates
            parent = unit.parent
            assert parent is not None
            assert regionkit.lookup(text, within=parent) == unit
    assert 0 < ambiguous < len(LOWER) // 5


def test_duplicate_district_names_are_ambiguous_unless_qualified() -> None:
    with pytest.raises(AmbiguousName) as caught:
        regionkit.lookup("朝阳区")
    assert {"CN-110105", "CN-220104"} <= {d.code for d in caught.value.candidates}
    assert regionkit.lookup("朝阳区", within="CN-BJ").code == "CN-110105"
    assert regionkit.lookup("北京市朝阳区").code == "CN-110105"
    assert regionkit.lookup("Chaoyang, Beijing").code == "CN-110105"
    assert regionkit.lookup("吉林省长春市朝阳区").code == "CN-220104"
