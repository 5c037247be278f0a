"""Category words of other Cyrillic languages, learned from the name sources."""

import csv
from pathlib import Path

import pytest

import regionkit
from regionkit._normalize import learned_category_words

DATA = Path(__file__).parent.parent.parent / "data"


@pytest.mark.parametrize(
    ("word", "categories"),
    [
        ("облысы", {"oblast"}),  # Kazakh
        ("крайы", {"krai"}),  # Kyrgyz
        ("вобласць", {"oblast"}),  # Belarusian
        ("республіка", {"republic"}),  # Ukrainian
        ("област", {"oblast"}),  # Bulgarian, Macedonian, Serbian
        ("муж", {"oblast", "province"}),  # Mongolian, of Russia's and China's
        ("хязгаар", {"krai"}),
        ("республикаһы", {"republic"}),  # Bashkir
        ("провинцияһы", {"province"}),
    ],
)
def test_a_category_word_is_learned(word: str, categories: set[str]) -> None:
    assert learned_category_words()[word] == categories


def test_russian_words_are_not_learned() -> None:
    """регион fits any unit in Russian; районы is the plural of район."""
    learned = learned_category_words()
    assert "регион" not in learned
    assert "районы" not in learned
    assert "область" not in learned  # the hand list's


def test_each_learned_word_has_three_units_and_a_source() -> None:
    for cc in ("ru", "cn"):
        with (DATA / cc / "category_words.csv").open(encoding="utf-8") as file:
            for row in csv.DictReader(file):
                assert int(row["names"]) >= 3, row
                assert set(row["source"].split()) <= {
                    "cldr-subdivisions",
                    "pycountry-l10n",
                }, row


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Новосибирск облысы", "RU-NVS"),  # a Russian core, a Kazakh word
        ("облысы Новосибирская", "RU-NVS"),
        ("Свердловская облысы", "RU-SVE"),
        ("Буриад Улс", "RU-BU"),  # Mongolian, short of its republic's name
        ("Москва область", "RU-MOS"),  # Mongolian Москва муж's core
        ("Cantão (província)", "CN-GD"),  # Província de Cantão's core
        ("Canton Province", "CN-GD"),  # Spanish CLDR: Provincia de Cantón
        ("Аньхой провинция", "CN-AH"),
        ("Хабаровськ край", "RU-KHA"),  # Ukrainian Хабаровський край's stem
        ("Донецька област", "RU-DONETSK"),  # a Bulgarian word read as Russian
    ],
)
def test_a_core_with_a_learned_or_alias_category_word(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        "Киевская область",
        "Алматы облысы",  # Kazakhstan
        "Ош облусу",  # Kyrgyzstan
        "Оская вобласць",  # Osh Region in Belarusian: no typo of Omsk Oblast
        "Мәскеу облысы",  # the city's Kazakh name: no oblast's
        "Эрхүү",  # an alias's core alone: the city of Irkutsk
        "Cherson",  # Obwód Cherson's core alone: the Ukrainian city
    ],
)
def test_a_foreign_or_bare_text_stays_not_found(text: str) -> None:
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup(text)
