import babel
import pytest

import regionkit
from regionkit import Category, Dataset, Name, NameForm, UnknownLocaleError
from regionkit._api import supported_locales
from regionkit._names import (
    category_name,
    describe,
    division_name,
    fallback_chain,
    pick_name,
)


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
        regionkit.get("RU-KHA").name("en", form="tiny")  # type: ignore[arg-type]


# -- negotiation over a hand-made set of names ------------------------------------

NAMES = (
    Name("en", NameForm.FULL, "Khabarovsk Krai", "s"),
    Name("en", NameForm.SHORT, "Khabarovsk", "s"),
    Name("ru", NameForm.FULL, "Хабаровский край", "s"),
    Name("ru", NameForm.SHORT, "Хабаровский", "s"),
    Name("zh-Hans", NameForm.FULL, "哈巴罗夫斯克边疆区", "s"),
    Name("zh-Hant", NameForm.FULL, "哈巴羅夫斯克邊疆區", "s"),
    Name("ru-Latn-x-bgnpcgn", NameForm.FULL, "Khabarovskiy kray", "s"),
    Name("ru-Latn-x-iso9", NameForm.FULL, "Habarovskij kraj", "s"),
    Name("tt", NameForm.FULL, "Хабаровск крае", "s"),
    Name("ru", NameForm.ABBREVIATION, "ХК", "s"),
)
EN, RU = "Khabarovsk Krai", "Хабаровский край"
HANS, HANT = "哈巴罗夫斯克边疆区", "哈巴羅夫斯克邊疆區"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_Hant_HK", HANT),
        ("zh-TW", HANT),
        ("zh-HK", HANT),
        ("zh-MO", HANT),
        ("zh-Hant", HANT),
        ("zh-SG", HANS),
        ("zh", HANS),
        ("zh-CN", HANS),
        ("zh-Hans-HK", HANS),
        ("zh-cmn-Hant", HANT),
        ("ru-RU", RU),
        ("ru", RU),
        ("ru_UA", RU),
        ("en_US", EN),
        ("en-GB", EN),
        ("de", EN),
        ("fr-CA", EN),
        ("ja", EN),
        ("uk", EN),
        ("tt", "Хабаровск крае"),
        ("tt-RU", "Хабаровск крае"),
        ("ru-Latn", "Khabarovskiy kray"),
        ("ru-Latn-x-iso9", "Habarovskij kraj"),
        ("ru-Latn-x-unknown", "Khabarovskiy kray"),
        ("de-CH-1996", EN),
        ("en-u-ca-gregory", EN),
        ("sr@latin", EN),
        ("und", EN),
        ("i-klingon", EN),
    ],
)
def test_negotiation(locale: str, expected: str) -> None:
    """Each spelling of a tag reaches the name its language and script call for."""
    assert pick_name(NAMES, locale) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (babel.Locale.parse("zh_TW"), HANT),
        (babel.Locale.parse("zh_HK"), HANT),
        (babel.Locale.parse("zh_SG"), HANS),
        (babel.Locale.parse("zh_Hant"), HANT),
        (babel.Locale("ru"), RU),
        (babel.Locale("de", "AT"), EN),
    ],
)
def test_negotiation_with_babel_locales(locale: babel.Locale, expected: str) -> None:
    """babel.Locale objects negotiate like their tags (babel alone sends zh_TW away)."""
    assert pick_name(NAMES, locale) == expected


def test_traditional_is_never_served_simplified() -> None:
    """Without a Traditional name, a Traditional request gets English, not Hans."""
    hans_only = [n for n in NAMES if n.locale != "zh-Hant"]
    assert pick_name(hans_only, "zh-TW") == EN
    assert pick_name(hans_only, "zh-Hant-HK") == EN


def test_latin_request_never_gets_cyrillic() -> None:
    """ru-Latn falls to English, not to the Cyrillic name, when no romanization."""
    cyrillic_only = [n for n in NAMES if not n.locale.startswith("ru-Latn")]
    assert pick_name(cyrillic_only, "ru-Latn") == EN


def test_other_forms_are_served_where_stored_else_the_full_name() -> None:
    """Abbreviations come from the locale's chain; without one, the full name."""
    assert pick_name(NAMES, "ru", "abbreviation") == "ХК"
    assert pick_name(NAMES, "ru-RU", "abbreviation") == "ХК"
    assert pick_name(NAMES, "en", "abbreviation") == EN
    assert pick_name(NAMES, "en", "alias") == EN


def test_short_form_falls_back_to_full_and_full_to_short() -> None:
    """A locale with only one form serves it for both."""
    assert pick_name(NAMES, "zh-TW", "short") == HANT
    only_short = [Name("en", NameForm.SHORT, "Khabarovsk", "s")]
    assert pick_name(only_short, "en", "full") == "Khabarovsk"


@pytest.mark.parametrize(
    "tag", ["x-private", "en-x", "zh-Hant-", "-en", "e", "en@", "en_US.", "zh__TW"]
)
def test_more_malformed_tags_raise(tag: str) -> None:
    """Ill-formed BCP 47 and POSIX spellings raise UnknownLocaleError."""
    with pytest.raises(UnknownLocaleError):
        pick_name(NAMES, tag)


# -- pycountry translations ----------------------------------------------------------


def test_pycountry_translation_serves_unstored_locales() -> None:
    """A German request for an ISO-coded unit gets the iso-codes translation."""
    heilongjiang = [Name("en", NameForm.FULL, "Heilongjiang Province", "s")]
    assert pick_name(heilongjiang, "de", iso_code="CN-HL") == "Heilongjiang"
    assert pick_name(heilongjiang, "uk-UA", iso_code="CN-HL") == "Хейлунцзян"
    assert pick_name(heilongjiang, "de") == "Heilongjiang Province"


def test_untranslated_catalogue_entries_fall_to_english() -> None:
    """gettext returns the untranslated ISO name; that is not a translation."""
    khabarovsk = [Name("en", NameForm.FULL, EN, "s")]
    assert pick_name(khabarovsk, "de", iso_code="RU-KHA") == EN


def test_known_wrong_pycountry_entries_are_skipped() -> None:
    """The uk catalogue calls RU-SA 'Республіка Алтай'; English is served instead."""
    sakha = [Name("en", NameForm.FULL, "Republic of Sakha (Yakutia)", "s")]
    assert pick_name(sakha, "uk", iso_code="RU-SA") == "Republic of Sakha (Yakutia)"


def test_pycountry_never_serves_another_script() -> None:
    """A Latin-script Ukrainian request does not get the Cyrillic catalogue."""
    heilongjiang = [Name("en", NameForm.FULL, "Heilongjiang Province", "s")]
    assert pick_name(heilongjiang, "uk-Latn", iso_code="CN-HL") == (
        "Heilongjiang Province"
    )


def test_division_name_uses_the_iso_code(mini: Dataset) -> None:
    """division_name reaches pycountry through the division's ISO code."""
    assert division_name(mini.get("CN-HL"), "de") == "Heilongjiang"
    assert division_name(mini.get("RU-CRIMEA"), "de") == "Republic of Crimea"


# -- categories and descriptions --------------------------------------------------


@pytest.mark.parametrize(
    ("category", "locale", "plural", "expected"),
    [
        ("krai", "en", False, "krai"),
        ("krai", "en-GB", True, "krais"),
        (Category.OBLAST, "ru", True, "области"),
        (Category.AUTONOMOUS_OKRUG, "ru-RU", False, "автономный округ"),
        ("autonomous_region", "zh", False, "自治区"),
        ("autonomous_region", "zh-HK", True, "自治區"),
        ("federal_district", "zh-Hant", False, "聯邦管區"),
        ("county", "de", True, "counties"),
    ],
)
def test_category_names(
    category: Category | str, locale: str, plural: bool, expected: str
) -> None:
    """Category names negotiate like division names, singular or plural."""
    assert category_name(category, locale, plural=plural) == expected


def test_every_category_has_a_name_in_each_language() -> None:
    """The table covers every Category in en, ru, zh-Hans and zh-Hant."""
    for category in Category:
        for locale in ("en", "ru", "zh-Hans", "zh-Hant"):
            assert category_name(category, locale)
            assert category_name(category, locale, plural=True)


def test_unknown_category_raises() -> None:
    """A string that is no Category value is a ValueError; a non-string a TypeError."""
    with pytest.raises(ValueError, match="category"):
        category_name("canton")
    with pytest.raises(TypeError):
        category_name(3)  # type: ignore[arg-type]  # the wrong type is the test


def test_describe_in_english(mini: Dataset) -> None:
    """The English sentence names the category, country, district and figures."""
    assert describe(mini.get("RU-KHA")) == (
        "Khabarovsk Krai, a krai of Russia in the Far Eastern Federal District."
    )
    assert describe(mini.get("RU-MOW"), "en") == (
        "Moscow, a federal city of Russia; area 2,561 km²; "
        "population 13,010,112 (2021 census)."
    )
    assert describe(mini.get("RU-NEN"), "en-US").startswith(
        "Nenets Autonomous Okrug, an autonomous okrug of Russia"
    )


def test_describe_in_russian(mini: Dataset) -> None:
    """The Russian sentence uses Russian number formatting and the genitive."""
    assert describe(mini.get("RU-MOW"), "ru") == (
        "Москва — город федерального значения России; площадь 2\xa0561 км²; "
        "население 13\xa0010\xa0112 чел. (перепись 2021 года)."
    )
    assert describe(mini.get("RU-KHA"), "ru-RU") == (
        "Хабаровский край — край России, входит в Дальневосточный федеральный округ."
    )


def test_describe_in_chinese(mini: Dataset) -> None:
    """Both Chinese scripts get their own sentence; figures keep their decimals."""
    assert describe(mini.get("CN-HK"), "zh") == (
        "香港特别行政区，中国的特别行政区；面积1,114.57平方公里；"
        "人口7,413,070（2021年人口普查）。"
    )
    assert describe(mini.get("CN-HK"), "zh-TW") == (
        "香港特別行政區，中國的特別行政區；面積1,114.57 平方公里；"
        "人口7,413,070（2021年人口普查）。"
    )
    assert describe(mini.get("CN-230100"), "zh-Hans").endswith("，属黑龙江省。")


def test_describe_formats_numbers_for_the_requested_region(mini: Dataset) -> None:
    """en-IN groups digits the Indian way; other languages get English text."""
    assert "1,30,10,112" in describe(mini.get("RU-MOW"), "en-IN")
    assert describe(mini.get("RU-MOW"), "de").startswith("Moscow, a federal city")


def test_describe_rejects_malformed_locales(mini: Dataset) -> None:
    """describe parses the locale like name() does."""
    with pytest.raises(UnknownLocaleError):
        describe(mini.get("RU-MOW"), "not a locale")


def test_supported_locales_lists_stored_and_pycountry_locales() -> None:
    """Stored locales and pycountry's translating catalogues are both listed."""
    locales = supported_locales()
    assert list(locales) == sorted(set(locales))
    assert {"en", "ru", "zh-Hans", "zh-Hant", "zh-Latn-pinyin", "de", "uk"} <= set(
        locales
    )


def test_describe_says_who_else_claims_or_governs_a_unit(mini: Dataset) -> None:
    """A contested unit's sentence names the other state and its code."""
    crimea = mini.get("RU-CRIMEA")
    assert describe(crimea).endswith("; contested: claimed by Ukraine (UA-43).")
    assert describe(crimea, "ru").endswith(
        "; спорная территория: на неё претендует Украина (UA-43)."
    )
    assert describe(crimea, "zh").endswith("；存在争议：乌克兰（UA-43）主张主权。")
    assert describe(mini.get("CN-TW"), "en").endswith(
        "; contested: governed by Taiwan (TW)."
    )
    assert "contested" not in describe(mini.get("RU-KHA"))
