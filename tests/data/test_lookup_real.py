"""Lookup on the packaged data: inputs as people type them, and what is no match."""

import pytest

import regionkit


@pytest.mark.parametrize("text", ["N. Novgorod", "Н. Новгород", "V. Novgorod"])
def test_a_name_plus_a_whole_word_is_not_a_typo_of_the_name(text: str) -> None:
    # "N. Novgorod" is the city of Nizhny Novgorod: neither it nor "V. Novgorod"
    # (Veliky Novgorod) is a typo of Novgorod Oblast's short name.
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Zaporizhia Oblast", "RU-ZAPOROZHYE"),  # a typo beside a category word
        ("Yakutya", "RU-SA"),  # a typo of a nickname
        ("Nizhnynovgorod", "RU-NIZ"),  # a lost space is a typo
        ("Хабаровский кр.", "RU-KHA"),  # an abbreviated category word
    ],
)
def test_typos_of_cores_and_nicknames_match(text: str, code: str) -> None:
    found = regionkit.lookup(text)
    assert found.code == code


def test_the_other_sides_names_find_a_contested_unit() -> None:
    for text in ["Zaporizka oblast", "Запорізька область", "Zaporizhzhia Oblast"]:
        unit = regionkit.lookup(text)
        assert unit.code == "RU-ZAPOROZHYE"
        assert unit.is_contested
