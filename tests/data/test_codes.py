"""Codes: agreement with ISO 3166-2 (pycountry), national classifiers, uniqueness."""

import re

import pycountry
import pytest

import regionkit
from regionkit import Category, Division

ALL = regionkit.divisions()
PYCOUNTRY_TYPES = {
    "Republic": Category.REPUBLIC,
    "Administrative territory": Category.KRAI,
    "Administrative region": Category.OBLAST,
    "Autonomous city": Category.FEDERAL_CITY,
    "Autonomous region": Category.AUTONOMOUS_OBLAST,
    "Autonomous district": Category.AUTONOMOUS_OKRUG,
}
PYCOUNTRY_CN_TYPES = {
    "Province": Category.PROVINCE,
    "Autonomous region": Category.AUTONOMOUS_REGION,
    "Municipality": Category.MUNICIPALITY,
    "Special administrative region": Category.SPECIAL_ADMINISTRATIVE_REGION,
}


@pytest.mark.parametrize(
    ("country", "types"), [("RU", PYCOUNTRY_TYPES), ("CN", PYCOUNTRY_CN_TYPES)]
)
def test_every_pycountry_subdivision_is_present_with_its_category(
    country: str, types: dict[str, Category]
) -> None:
    subdivisions = pycountry.subdivisions.get(country_code=country)
    assert len(subdivisions) == {"RU": 83, "CN": 34}[country]
    for subdivision in subdivisions:
        division = regionkit.get(subdivision.code)
        assert division.code == subdivision.code
        assert division.iso_3166_2 == subdivision.code
        assert division.category is types[subdivision.type], subdivision.code


def test_codes_are_unique() -> None:
    codes = [d.code for d in ALL]
    assert len(codes) == len(set(codes))


def test_project_keys_never_collide_with_an_iso_3166_2_code() -> None:
    iso_codes = {s.code for s in pycountry.subdivisions}
    keys = [d.code for d in ALL if d.iso_3166_2 is None]
    assert keys, "the contested subjects and federal districts have project keys"
    for key in keys:
        assert key not in iso_codes
        # ISO 3166-2 suffixes have at most three characters; keys have four or more.
        assert len(key.split("-", 1)[1]) >= 4, key


def test_iso_coded_units_use_their_iso_code() -> None:
    for division in ALL:
        if division.iso_3166_2 is not None:
            assert division.code == division.iso_3166_2
            assert re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", division.code)


@pytest.mark.parametrize(
    ("code", "subject", "okato", "oktmo"),
    [
        ("RU-KHA", "27", "08", "08000000"),
        ("RU-MOW", "77", "45", "45000000"),
        ("RU-SPE", "78", "40", "40000000"),
        ("RU-TA", "16", "92", "92000000"),
        ("RU-ARK", "29", "11", "11000000"),
        ("RU-NEN", "83", "11100", "11800000"),
        ("RU-KHM", "86", "71100", "71800000"),
        ("RU-YAN", "89", "71140", "71900000"),
        ("RU-CRIMEA", "91", "35", "35000000"),
        ("RU-SEVASTOPOL", "92", "67", "67000000"),
    ],
)
def test_russian_national_codes(
    code: str, subject: str, okato: str, oktmo: str
) -> None:
    division = regionkit.get(code)
    assert (division.national_code, division.okato, division.oktmo) == (
        subject,
        okato,
        oktmo,
    )


@pytest.mark.parametrize(
    ("code", "subject"),
    [
        ("RU-ZAPOROZHYE", "90"),
        ("RU-DONETSK", "93"),
        ("RU-LUGANSK", "94"),
        ("RU-KHERSON", "95"),
    ],
)
def test_subject_codes_of_the_2022_subjects(code: str, subject: str) -> None:
    assert regionkit.get(code).national_code == subject
    assert regionkit.get(f"SUBJECT:{subject}").code == code


def test_russian_subject_codes_are_unique_two_digit_codes() -> None:
    codes = [d.national_code for d in regionkit.divisions("RU", level=1)]
    assert all(c is not None and re.fullmatch(r"\d\d", c) for c in codes)
    assert len(set(codes)) == 89


@pytest.mark.parametrize(
    ("code", "gb"),
    [
        ("CN-BJ", "110000"),
        ("CN-HL", "230000"),
        ("CN-XZ", "540000"),
        ("CN-XJ", "650000"),
        ("CN-TW", "710000"),
        ("CN-HK", "810000"),
        ("CN-MO", "820000"),
    ],
)
def test_chinese_gb_t_2260_codes(code: str, gb: str) -> None:
    assert regionkit.get(code).national_code == gb
    assert regionkit.get(gb).code == code


def test_gb_t_2260_codes_are_provincial_and_unique() -> None:
    codes = [d.national_code for d in regionkit.divisions("CN", level=1)]
    assert all(c is not None and re.fullmatch(r"[1-8]\d0000", c) for c in codes)
    assert len(set(codes)) == 34


def test_level_one_units_have_no_parent_and_no_cycles() -> None:
    for division in ALL:
        seen = {division.code}
        for ancestor in division.ancestors():
            assert ancestor.code not in seen
            seen.add(ancestor.code)
        if division.level == 1:
            assert division.parent is None


def test_every_record_names_its_sources() -> None:
    def sourced(division: Division) -> bool:
        sources = [division.source]
        sources += [n.source for n in division.names]
        sources += [c.source for c in division.centres]
        sources += [c.source for c in division.claims]
        sources += [f.source for f in division.figures]
        return all(s.strip() for s in sources)

    assert all(sourced(d) for d in ALL)
