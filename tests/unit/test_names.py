import babel
import pytest

import regionkit
from regionkit import UnknownLocaleError
from regionkit._names import fallback_chain


@pytest.mark.parametrize(
    ("tag", "chain"),
    [
        ("zh_Hant_HK", ("zh-Hant-HK", "zh-Hant", "en")),
        ("zh-TW", ("zh-Hant-TW", "zh-Hant", "en")),
        ("zh-HK", ("zh-Hant-HK", "zh-Hant", "en")),
        ("zh-MO", ("zh-Hant-MO", "zh-Hant", "en")),
        ("zh-SG", ("zh-Hans-SG", "zh-Hans", "en")),
        ("zh", ("zh-Hans", "en")),
        ("zh-CN", ("zh-Hans-CN", "zh-Hans", "en")),
        ("ru-RU", ("ru-RU", "ru", "en")),
        ("ru_RU", ("ru-RU", "ru", "en")),
        ("ru", ("ru", "en")),
        ("EN-us", ("en-US", "en")),
        ("tlh", ("tlh", "en")),
    ],
)
def test_fallback_chain(tag: str, chain: tuple[str, ...]) -> None:
    assert fallback_chain(tag) == chain


def test_babel_locale_objects_are_accepted() -> None:
    assert fallback_chain(babel.Locale.parse("zh_Hant_TW")) == (
        "zh-Hant-TW",
        "zh-Hant",
        "en",
    )


@pytest.mark.parametrize("tag", ["", "not a locale", "12", "zh--", "ру", "x" * 100])
def test_malformed_tags_raise_value_error(tag: str) -> None:
    with pytest.raises(UnknownLocaleError) as caught:
        fallback_chain(tag)
    assert isinstance(caught.value, ValueError)
    assert caught.value.locale == tag


@pytest.mark.parametrize("tag", [None, 7, b"en"])
def test_non_string_locales_raise_type_error(tag: object) -> None:
    with pytest.raises(TypeError):
        fallback_chain(tag)


def test_unsupported_well_formed_locale_falls_back_to_english() -> None:
    assert regionkit.get("RU-KHA").name("tlh") == "Khabarovsk Krai"


def test_short_form_falls_back_to_full_within_the_locale() -> None:
    assert regionkit.get("CN-HL").name("zh-CN", form="short") == "黑龙江"
    assert regionkit.get("RU-KHA").name("ru", form="short") == "Хабаровский"


def test_unknown_form_raises_value_error() -> None:
    with pytest.raises(ValueError, match="form"):
        regionkit.get("RU-KHA").name("en", form="tiny")
