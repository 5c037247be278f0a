"""Counts per category, level and perspective, as the law and ISO give them."""

from collections import Counter

import pytest

import regionkit
from regionkit import Category, Perspective

RU_NATIONAL = {
    "republic": 24,
    "krai": 9,
    "oblast": 48,
    "federal_city": 3,
    "autonomous_oblast": 1,
    "autonomous_okrug": 4,
}
RU_ISO = {
    "republic": 21,
    "krai": 9,
    "oblast": 46,
    "federal_city": 2,
    "autonomous_oblast": 1,
    "autonomous_okrug": 4,
}
CN_PROVINCIAL = {
    "province": 23,
    "autonomous_region": 5,
    "municipality": 4,
    "special_administrative_region": 2,
}


def tally(perspective: str, country: str) -> dict[str, int]:
    units = regionkit.divisions(country, level=1, perspective=perspective)
    return dict(Counter(d.category.value for d in units))


def test_russia_counts_89_subjects_under_its_own_law() -> None:
    assert tally("national", "RU") == RU_NATIONAL
    assert sum(RU_NATIONAL.values()) == 89


def test_iso_3166_2_counts_83_russian_subjects() -> None:
    assert tally("iso", "RU") == RU_ISO
    assert sum(RU_ISO.values()) == 83


@pytest.mark.parametrize("perspective", ["national", "iso"])
def test_china_counts_34_provincial_units_in_both_views(perspective: str) -> None:
    assert tally(perspective, "CN") == CN_PROVINCIAL


def test_default_perspective_is_national() -> None:
    assert regionkit.divisions("RU", level=1) == regionkit.divisions(
        "RU", level=1, perspective=Perspective.NATIONAL
    )


def test_the_iso_view_drops_exactly_the_six_contested_subjects() -> None:
    national = set(regionkit.divisions("RU", level=1))
    iso = set(regionkit.divisions("RU", level=1, perspective="iso"))
    dropped = sorted(d.code for d in national - iso)
    assert dropped == [
        "RU-CRIMEA",
        "RU-DONETSK",
        "RU-KHERSON",
        "RU-LUGANSK",
        "RU-SEVASTOPOL",
        "RU-ZAPOROZHYE",
    ]


def test_eight_federal_districts_are_a_grouping_not_a_level() -> None:
    districts = regionkit.divisions("RU", category=Category.FEDERAL_DISTRICT)
    assert len(districts) == 8
    assert all(d.level is None for d in districts)
    assert not set(districts) & set(regionkit.divisions("RU", level=1))


# No published decree assigns the four subjects Russia proclaimed in 2022 to a
# federal district (see data/ru/NOTES.md); they belong to none.
NO_DISTRICT = {"RU-DONETSK", "RU-KHERSON", "RU-LUGANSK", "RU-ZAPOROZHYE"}


def test_every_other_subject_is_in_exactly_one_federal_district() -> None:
    for subject in regionkit.divisions("RU", level=1):
        districts = [
            g for g in subject.groupings if g.category is Category.FEDERAL_DISTRICT
        ]
        if subject.code in NO_DISTRICT:
            assert districts == []
            assert subject.federal_district is None
        else:
            assert len(districts) == 1, subject.code
            assert subject in districts[0].children
            assert subject.federal_district == districts[0]


def test_federal_district_sizes() -> None:
    sizes = {
        d.code: len(d.children)
        for d in regionkit.divisions("RU", category="federal_district")
    }
    # Southern: 6 subjects, plus Crimea and Sevastopol since 2016.
    assert sizes == {
        "RU-FD-CENTRAL": 18,
        "RU-FD-FAR-EASTERN": 11,
        "RU-FD-NORTH-CAUCASIAN": 7,
        "RU-FD-NORTHWESTERN": 11,
        "RU-FD-SIBERIAN": 10,
        "RU-FD-SOUTHERN": 8,
        "RU-FD-URAL": 6,
        "RU-FD-VOLGA": 14,
    }
    assert sum(sizes.values()) == 89 - len(NO_DISTRICT)
