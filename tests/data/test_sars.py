"""Hong Kong's 18 districts and Macau's 7 parishes: the SARs' own subdivisions."""

import datetime

import pytest

import regionkit
from regionkit import Category

# The HKSAR Government's district codes (Interoperability Framework code list),
# the English and Chinese names as the government gives them, and the area.
HONG_KONG = [
    ("CW", "Central and Western District", "中西區", "HKI"),
    ("WC", "Wan Chai District", "灣仔區", "HKI"),
    ("EST", "Eastern District", "東區", "HKI"),
    ("STH", "Southern District", "南區", "HKI"),
    ("YTM", "Yau Tsim Mong District", "油尖旺區", "KLN"),
    ("SSP", "Sham Shui Po District", "深水埗區", "KLN"),
    ("KLC", "Kowloon City District", "九龍城區", "KLN"),
    ("WTS", "Wong Tai Sin District", "黃大仙區", "KLN"),
    ("KT", "Kwun Tong District", "觀塘區", "KLN"),
    ("TW", "Tsuen Wan District", "荃灣區", "NT"),
    ("TM", "Tuen Mun District", "屯門區", "NT"),
    ("YL", "Yuen Long District", "元朗區", "NT"),
    ("NTH", "North District", "北區", "NT"),
    ("TP", "Tai Po District", "大埔區", "NT"),
    ("SK", "Sai Kung District", "西貢區", "NT"),
    ("ST", "Sha Tin District", "沙田區", "NT"),
    ("KC", "Kwai Tsing District", "葵青區", "NT"),
    ("ILD", "Islands District", "離島區", "NT"),
]
MACAU = [
    ("FATIMA", "Freguesia de Nossa Senhora de Fátima", "花地瑪堂區"),
    ("ANTONIO", "Freguesia de Santo António", "花王堂區"),
    ("LAZARO", "Freguesia de São Lázaro", "望德堂區"),
    ("LOURENCO", "Freguesia de São Lourenço", "風順堂區"),
    ("SE", "Freguesia da Sé", "大堂區"),
    ("CARMO", "Freguesia de Nossa Senhora do Carmo", "嘉模堂區"),
    ("XAVIER", "Freguesia de São Francisco Xavier", "聖方濟各堂區"),
]


def test_hong_kong_has_its_18_districts_as_children() -> None:
    """The districts are level 3, directly under the SAR, with no national code."""
    children = regionkit.get("CN-HK").children
    assert sorted(d.code for d in children) == sorted(
        f"CN-HK-{c}" for c, *_ in HONG_KONG
    )
    for district in children:
        assert district.level == 3
        assert district.category is Category.SAR_DISTRICT
        assert district.national_code is None
        assert district.iso_3166_2 is None


def test_macau_has_its_7_parishes_as_children() -> None:
    children = regionkit.get("CN-MO").children
    assert sorted(d.code for d in children) == sorted(f"CN-MO-{c}" for c, *_ in MACAU)
    assert {d.category for d in children} == {Category.PARISH}
    assert {d.level for d in children} == {3}


@pytest.mark.parametrize(("code", "english", "chinese", "area"), HONG_KONG)
def test_each_district_is_named_and_grouped(
    code: str, english: str, chinese: str, area: str
) -> None:
    """English and Traditional Chinese as the government gives them; one area."""
    district = regionkit.get(f"CN-HK-{code}")
    assert district.name("en") == english
    assert district.name("zh-Hant") == chinese
    assert district.name("zh-HK") == chinese
    assert [g.code for g in district.groupings] == [f"CN-HK-AREA-{area}"]
    assert district.parent == regionkit.get("CN-HK")


@pytest.mark.parametrize(("code", "portuguese", "chinese"), MACAU)
def test_each_parish_has_its_portuguese_and_chinese_names(
    code: str, portuguese: str, chinese: str
) -> None:
    parish = regionkit.get(f"CN-MO-{code}")
    assert parish.name("pt") == portuguese
    assert parish.name("zh-Hant") == chinese
    assert parish.groupings == ()


def test_simplified_names_and_pinyin() -> None:
    """zh-Hans by OpenCC; Mandarin pinyin kept apart from the English name."""
    ytm = regionkit.get("CN-HK-YTM")
    assert ytm.name("zh-Hans") == "油尖旺区"
    assert ytm.name("zh-Latn-pinyin") == "Yóujiānwàng Qū"
    assert ytm.name("en") == "Yau Tsim Mong District"
    assert regionkit.get("CN-MO-XAVIER").name("zh-Hans") == "圣方济各堂区"


def test_the_three_areas_group_9_4_5() -> None:
    """Hong Kong Island 4, Kowloon 5, New Territories 9 districts; all 18 once."""
    areas = regionkit.divisions("CN", category="sar_area")
    sizes = {a.code: len(a.children) for a in areas}
    assert sizes == {"CN-HK-AREA-HKI": 4, "CN-HK-AREA-KLN": 5, "CN-HK-AREA-NT": 9}
    assert all(a.level is None and a.category.is_grouping for a in areas)
    assert regionkit.get("CN-HK-AREA-NT").name("zh-Hant") == "新界"
    assert regionkit.get("CN-HK-AREA-HKI").name("ru") == "Остров Гонконг"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("油尖旺区", "CN-HK-YTM"),
        ("油尖旺區", "CN-HK-YTM"),
        ("Yau Tsim Mong", "CN-HK-YTM"),
        ("Yau Tsim Mong District", "CN-HK-YTM"),
        ("香港油尖旺区", "CN-HK-YTM"),  # the SAR, then the district
        ("Yóujiānwàng", "CN-HK-YTM"),  # Mandarin pinyin finds it too
        ("Sham Shui Po", "CN-HK-SSP"),
        ("Freguesia da Sé", "CN-MO-SE"),
        ("大堂區", "CN-MO-SE"),
        ("Eastern District", "CN-HK-EST"),
        # An area's name finds the area, a grouping, never one of its districts.
        ("Kowloon", "CN-HK-AREA-KLN"),
        ("九龍城", "CN-HK-KLC"),
    ],
)
def test_lookup(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        # Taipa and Coloane are islands, not units: the parish of Taipa
        # (Nossa Senhora do Carmo) leaves out Cotai, which is in no parish.
        "Taipa",
        "氹仔",
        "Cotai",
        "路氹城",
        # A plain word is not the name of the district named by it.
        "Eastern",
        "Southern Region",
    ],
)
def test_no_unit_is_guessed(text: str) -> None:
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup(text)


def test_a_name_shared_with_the_mainland_is_ambiguous() -> None:
    """东区 is Panzhihua's district as well as Hong Kong's Eastern District."""
    with pytest.raises(regionkit.AmbiguousName) as caught:
        regionkit.lookup("东区")
    assert {d.code for d in caught.value.candidates} == {"CN-510402", "CN-HK-EST"}


def test_the_dates() -> None:
    """Districts of the SAR from 1 July 1997; parishes of the SAR from 20 Dec 1999."""
    ytm, se = regionkit.get("CN-HK-YTM"), regionkit.get("CN-MO-SE")
    assert ytm.valid_from == datetime.date(1997, 7, 1)
    assert se.valid_from == datetime.date(1999, 12, 20)
    assert ytm.valid_from_precision is regionkit.DatePrecision.DAY
    with pytest.raises(regionkit.UnknownCode):
        regionkit.get("CN-MO-SE", as_of=datetime.date(1999, 12, 19))


def test_reporting_lines() -> None:
    """The SAR government administers both; the line goes on to the centre."""
    for code, parent in (("CN-HK-YTM", "CN-HK"), ("CN-MO-SE", "CN-MO")):
        line = regionkit.reporting_line(code)
        assert [(s.subordinate_code, s.superior_code, s.kind.value) for s in line] == [
            (code, parent, "administrative"),
            (parent, "CN-CENTRE", "special_administrative_region"),
        ]
    hk = regionkit.reporting_line("CN-HK-YTM")[0].basis
    assert "Cap. 547" in hk.citation
    assert "Basic Law arts. 97-98" in hk.citation
    assert "hk-dc-ordinance" in hk.source.split()
    mo = regionkit.reporting_line("CN-MO-SE")[0].basis
    assert "Law 17/2001" in mo.citation
    assert "Law 9/2018" in mo.citation


def test_time_zones_are_the_sars() -> None:
    assert regionkit.get("CN-HK-SK").time_zones == ("Asia/Hong_Kong",)
    assert regionkit.get("CN-MO-CARMO").time_zones == ("Asia/Macau",)
