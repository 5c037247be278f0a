"""The records' argument parsers: one per kind of argument, shared by every function."""

from __future__ import annotations

import datetime

import pytest

import regionkit
from regionkit import Category, Dataset, Perspective
from regionkit._models import (
    parse_category,
    parse_country,
    parse_day,
    parse_form,
    parse_level,
    parse_perspective,
)


@pytest.mark.parametrize("spelling", ["krai", "Krai", " KRAI ", Category.KRAI, "KRAI"])
def test_every_function_taking_a_category_reads_the_same_spellings(
    spelling: object,
) -> None:
    assert parse_category(spelling) is Category.KRAI
    assert len(regionkit.divisions("RU", category=spelling)) == 9  # type: ignore[arg-type]
    assert regionkit.category_name(spelling, "ru") == "край"  # type: ignore[arg-type]


@pytest.mark.parametrize("spelling", ["iso", " ISO ", "Iso", Perspective.ISO])
def test_every_function_taking_a_perspective_reads_the_same_spellings(
    spelling: object,
) -> None:
    assert parse_perspective(spelling) is Perspective.ISO
    crimea = regionkit.get("RU-CRIMEA")
    assert crimea.in_view(spelling) is False  # type: ignore[arg-type]
    assert len(regionkit.divisions("RU", level=1, perspective=spelling)) == 83  # type: ignore[arg-type]


def test_words_of_a_value_may_be_spaced_or_hyphenated() -> None:
    assert parse_category("federal district") is Category.FEDERAL_DISTRICT
    assert parse_category("Autonomous-Okrug") is Category.AUTONOMOUS_OKRUG
    assert parse_form(" Short ").value == "short"
    # Read at run time too, though the type says the exact values.
    spaced = " SHORT "
    assert regionkit.get("CN-HL").name("zh", form=spaced) == "黑龙江"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("parse", "bad", "error"),
    [
        (parse_category, "canton", ValueError),
        (parse_category, 3, TypeError),
        (parse_perspective, "un", ValueError),
        (parse_form, "shortest", ValueError),
        (parse_country, "ua", ValueError),
        (parse_country, None, TypeError),
        (parse_level, True, TypeError),
        (parse_level, 1.0, TypeError),
        (parse_day, datetime.datetime(2020, 1, 1), TypeError),
        (parse_day, "2020-01-01", TypeError),
    ],
)
def test_parsers_refuse_what_they_cannot_read(
    parse: object, bad: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        parse(bad)  # type: ignore[operator]


def test_the_error_names_the_choices_of_a_small_enum() -> None:
    with pytest.raises(
        ValueError, match="unknown perspective 'un'; one of: national, iso"
    ):
        parse_perspective("un")


def test_a_division_without_a_dataset_names_itself_but_cannot_navigate(
    mini: Dataset,
) -> None:
    from regionkit import serialization

    data = regionkit.to_dict(mini.get("RU-NEN"))
    loose = serialization.from_dict(regionkit.Division, data)
    assert loose.name("en") == mini.get("RU-NEN").name("en")
    with pytest.raises(ValueError, match="belongs to no Dataset"):
        _ = loose.within
    bound = serialization.from_dict(regionkit.Division, data, dataset=mini)
    assert bound.within == mini.get("RU-ARK")
    assert regionkit.from_dict(regionkit.Division, data).within.code == "RU-ARK"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "day", ["garbage", "2020-01-01", None, 20200101, datetime.datetime(2020, 1, 1)]
)
def test_valid_on_refuses_what_is_not_a_date(day: object) -> None:
    """`Division.valid_on` takes a `datetime.date` only; anything else: TypeError."""
    division = regionkit.get("RU-MOW")
    with pytest.raises(TypeError, match=r"day must be a datetime\.date"):
        division.valid_on(day)  # type: ignore[arg-type]  # the mistake under test
