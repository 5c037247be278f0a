"""Groupings: federal districts, economic regions and China's seven regions."""

import pytest

import regionkit
from regionkit import Category

# ОК 024-95 predates 2014, and no source seen places the subjects Russia admitted
# in 2014 or 2022 in an economic region (data/REPORTING.md): they are in none.
NO_ECONOMIC_REGION = {
    "RU-CRIMEA",
    "RU-SEVASTOPOL",
    "RU-DONETSK",
    "RU-KHERSON",
    "RU-LUGANSK",
    "RU-ZAPOROZHYE",
}
# No published decree assigns the four subjects of 2022 to a federal district.
NO_FEDERAL_DISTRICT = {"RU-DONETSK", "RU-KHERSON", "RU-LUGANSK", "RU-ZAPOROZHYE"}


def _in(division: regionkit.Division, category: Category) -> list[str]:
    return [g.code for g in division.groupings if g.category is category]


@pytest.mark.parametrize(
    ("country", "category", "count"),
    [
        ("RU", Category.FEDERAL_DISTRICT, 8),
        ("RU", Category.ECONOMIC_REGION, 12),
        ("CN", Category.GEOGRAPHIC_REGION, 7),
        ("CN", Category.SAR_AREA, 3),
    ],
)
def test_grouping_counts(country: str, category: Category, count: int) -> None:
    """8 federal districts and 12 economic regions; China's 7 regions; HK's 3 areas."""
    groupings = regionkit.divisions(country, category=category)
    assert len(groupings) == count
    assert all(g.level is None and g.category.is_grouping for g in groupings)
    assert not set(groupings) & set(regionkit.divisions(country, level=1))


def test_every_subject_is_in_one_district_and_one_economic_region() -> None:
    """Each subject is in one of each, but for the units the sources leave out."""
    for subject in regionkit.divisions("RU", level=1):
        districts = _in(subject, Category.FEDERAL_DISTRICT)
        regions = _in(subject, Category.ECONOMIC_REGION)
        assert len(districts) == (subject.code not in NO_FEDERAL_DISTRICT), subject
        assert len(regions) == (subject.code not in NO_ECONOMIC_REGION), subject
        assert len(subject.groupings) == len(districts) + len(regions)


def test_economic_region_sizes() -> None:
    """The twelve regions of ОК 024-95, 83 subjects in all."""
    sizes = {
        d.code: len(d.children)
        for d in regionkit.divisions("RU", category="economic_region")
    }
    assert sizes == {
        "RU-ER-CENTRAL": 13,
        "RU-ER-CENTRAL-BLACK-EARTH": 5,
        "RU-ER-EAST-SIBERIAN": 6,
        "RU-ER-FAR-EASTERN": 9,
        "RU-ER-KALININGRAD": 1,
        "RU-ER-NORTH-CAUCASUS": 10,
        "RU-ER-NORTHERN": 6,
        "RU-ER-NORTHWESTERN": 4,
        "RU-ER-URAL": 7,
        "RU-ER-VOLGA": 8,
        "RU-ER-VOLGA-VYATKA": 5,
        "RU-ER-WEST-SIBERIAN": 9,
    }


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("RU-NEN", "RU-ER-NORTHERN"),  # with Arkhangelsk Oblast
        ("RU-KHM", "RU-ER-WEST-SIBERIAN"),  # with Tyumen Oblast
        ("RU-YAN", "RU-ER-WEST-SIBERIAN"),
        ("RU-KGD", "RU-ER-KALININGRAD"),
        ("RU-BA", "RU-ER-URAL"),  # though in the Volga Federal District
        ("RU-BU", "RU-ER-EAST-SIBERIAN"),  # though in the Far Eastern FD since 2018
        ("RU-ROS", "RU-ER-NORTH-CAUCASUS"),
        ("RU-MOW", "RU-ER-CENTRAL"),
        ("RU-SPE", "RU-ER-NORTHWESTERN"),
    ],
)
def test_economic_regions_of_some_subjects(code: str, region: str) -> None:
    """Economic regions cut across federal districts."""
    assert _in(regionkit.get(code), Category.ECONOMIC_REGION) == [region]


def test_federal_district_still_resolves_with_two_groupings() -> None:
    """`Division.federal_district` picks the district out of `groupings`."""
    khabarovsk = regionkit.get("RU-KHA")
    assert [g.code for g in khabarovsk.groupings] == [
        "RU-FD-FAR-EASTERN",
        "RU-ER-FAR-EASTERN",
    ]
    district = khabarovsk.federal_district
    assert district is not None
    assert district.code == "RU-FD-FAR-EASTERN"


def test_chinas_seven_regions_cover_the_34_units_once() -> None:
    """华北 … 西北 hold every provincial-level unit, each once."""
    for unit in regionkit.divisions("CN", level=1):
        assert len(_in(unit, Category.GEOGRAPHIC_REGION)) == 1, unit
    members = {
        d.code: sorted(m.code for m in d.children)
        for d in regionkit.divisions("CN", category="geographic_region")
    }
    assert members == {
        "CN-GR-CENTRAL": ["CN-HA", "CN-HB", "CN-HN"],
        "CN-GR-EAST": [
            "CN-AH",
            "CN-FJ",
            "CN-JS",
            "CN-JX",
            "CN-SD",
            "CN-SH",
            "CN-TW",
            "CN-ZJ",
        ],
        "CN-GR-NORTH": ["CN-BJ", "CN-HE", "CN-NM", "CN-SX", "CN-TJ"],
        "CN-GR-NORTHEAST": ["CN-HL", "CN-JL", "CN-LN"],
        "CN-GR-NORTHWEST": ["CN-GS", "CN-NX", "CN-QH", "CN-SN", "CN-XJ"],
        "CN-GR-SOUTH": ["CN-GD", "CN-GX", "CN-HI", "CN-HK", "CN-MO"],
        "CN-GR-SOUTHWEST": ["CN-CQ", "CN-GZ", "CN-SC", "CN-XZ", "CN-YN"],
    }


def test_groupings_are_named_in_four_locales() -> None:
    """Every grouping has full and short names in en, ru, zh-Hans and zh-Hant."""
    for category in (
        Category.ECONOMIC_REGION,
        Category.GEOGRAPHIC_REGION,
        Category.SAR_AREA,
    ):
        for grouping in regionkit.divisions(category=category):
            stored = {(n.locale, n.form.value) for n in grouping.names}
            for locale in ("en", "ru", "zh-Hans", "zh-Hant"):
                assert {(locale, "full"), (locale, "short")} <= stored, grouping


@pytest.mark.parametrize(
    ("code", "locale", "name"),
    [
        ("RU-ER-VOLGA", "ru", "Поволжский экономический район"),
        ("RU-ER-CENTRAL-BLACK-EARTH", "en", "Central Black Earth Economic Region"),
        ("RU-ER-CENTRAL", "zh-Hans", "中央经济地区"),
        ("CN-GR-NORTH", "zh-Hans", "华北地区"),
        ("CN-GR-SOUTH", "zh-Hant", "華南地區"),
        ("CN-GR-NORTHEAST", "ru", "Северо-Восточный Китай"),
    ],
)
def test_grouping_names(code: str, locale: str, name: str) -> None:
    """Names as the sources give them."""
    assert regionkit.get(code).name(locale) == name


def test_groupings_other_than_federal_districts_are_in_no_line() -> None:
    """Economic and geographic regions and HK's areas are never superiors."""
    for category in (
        Category.ECONOMIC_REGION,
        Category.GEOGRAPHIC_REGION,
        Category.SAR_AREA,
    ):
        for grouping in regionkit.divisions(category=category):
            assert regionkit.reporting_line(grouping) == ()
            assert regionkit.subordinates(grouping) == ()
            assert not regionkit.reports_directly_to_centre(grouping)
