import sys
import unicodedata

import pytest

from regionkit._normalize import (
    canonical,
    fold,
    normalize,
    russian_stems,
    strip_category_words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Хабаровский   КРАЙ ", "хабаровский край"),
        ("Хабaровский край", "хабаровский край"),  # Latin a inside a Cyrillic word
        ("Khаbarovsk", "khabarovsk"),  # Cyrillic а inside a Latin word
        ("Ёлкино", "елкино"),
        ("Ürümqi", "urumqi"),
        ("Xī'ān", "xian"),
        ("Heilongjiang, China", "heilongjiang"),
        ("Россия, Москва", "москва"),
        ("ＨＥＩＬＯＮＧＪＩＡＮＧ", "heilongjiang"),  # full-width
        ("黑龙江 省", "黑龙江省"),
        (
            "Khanty-Mansi Autonomous Okrug – Yugra",
            "khanty mansi autonomous okrug yugra",
        ),
        ("Республика Саха (Якутия)", "республика саха якутия"),
        ("China", "china"),  # a country name alone is kept
        ("Чечня", "чечня"),
        ("Йошкар-Ола", "йошкар ола"),  # й keeps its breve
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize("text", ["Хабаровский край", "Xī'ān, China", "ЁЖ", "a  b"])
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


def test_fold_keeps_accents_and_punctuation() -> None:
    assert fold("Xī'ān  ") == "xī'ān"


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("khabarovskiy kray", "khabarovskiy"),
        ("moscow oblast", "moscow"),
        ("respublika tatarstan", "tatarstan"),
        ("黑龙江省", "黑龙江"),
        ("广西壮族自治区", "广西"),
        ("香港特别行政区", "香港"),
        ("oblast", "oblast"),  # nothing left: keep the text
    ],
)
def test_strip_category_words(text: str, core: str) -> None:
    assert strip_category_words(text) == core


@pytest.mark.parametrize(
    ("inflected", "nominative"),
    [
        ("в хабаровском крае", "хабаровский край"),
        ("москвы", "москва"),
        ("из татарстана", "татарстан"),
        ("по свердловской области", "свердловская область"),
    ],
)
def test_russian_case_forms_share_a_stem(inflected: str, nominative: str) -> None:
    assert russian_stems(inflected) == russian_stems(nominative)


def test_canonical_drops_every_format_character() -> None:
    """Each character of Unicode category Cf (as this Python knows it) is invisible."""
    kept = [
        f"U+{c:04X}"
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Cf" and canonical(f"ab{chr(c)}cd") != "abcd"
    ]
    assert kept == []


@pytest.mark.parametrize("text", ["0×\u0300", "a (\u0301b)", "\u0300"])
def test_a_mark_without_its_letter_is_dropped(text: str) -> None:
    """A combining mark after punctuation is dropped at once: normalizing is stable."""
    assert normalize(normalize(text)) == normalize(text)
    assert "\u0300" not in normalize(text)
    assert "\u0301" not in normalize(text)
