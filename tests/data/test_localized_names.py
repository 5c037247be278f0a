"""Facts about the packaged names: coverage, text hygiene, scripts, spot checks."""

import gettext
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pycountry
import pytest

import regionkit
from regionkit import Division, Name, NameForm
from regionkit._api import supported_locales
from regionkit._names import division_name

FIXTURES = Path(__file__).parent.parent / "fixtures"
TOP = tuple(
    regionkit.divisions(level=1) + regionkit.divisions(category="federal_district")
)
LOWER = regionkit.divisions("CN", level=2) + regionkit.divisions("CN", level=3)
EVERY = TOP + LOWER
CORE = ("ru", "en", "zh-Hans", "zh-Hant")
STRAY_SPACE = re.compile(r"^\s|\s$|\s{2}|[\t\n\r\u00a0\u200b\u3000]")


def names_of(divisions: tuple[Division, ...]) -> Iterator[tuple[Division, Name]]:
    for division in divisions:
        for name in division.names:
            yield division, name


def stored(division: Division, locale: str, form: str = "full") -> str | None:
    return next(
        (n.text for n in division.names if n.locale == locale and n.form.value == form),
        None,
    )


# -- coverage ------------------------------------------------------------------


@pytest.mark.parametrize("division", TOP, ids=lambda d: d.code)
def test_top_level_units_have_full_and_short_names_in_core_locales(
    division: Division,
) -> None:
    """Every subject, district and provincial unit has ru/en/zh names, both forms."""
    for locale in CORE:
        for form in ("full", "short"):
            assert stored(division, locale, form), (locale, form)


def test_lower_level_units_have_english_and_chinese_names() -> None:
    """China's lower levels have en, zh-Hans, zh-Hant, full and short (no ru yet)."""
    missing = [
        (d.code, locale, form)
        for d in LOWER
        for locale in ("en", "zh-Hans", "zh-Hant")
        for form in ("full", "short")
        if not stored(d, locale, form)
    ]
    assert missing == []


@pytest.mark.parametrize(
    "division", [d for d in TOP if d.country == "RU"], ids=lambda d: d.code
)
def test_russian_units_have_three_romanizations(division: Division) -> None:
    """BGN/PCGN, GOST 7.79 B and ISO 9 of both forms are stored for every unit."""
    for locale in ("ru-Latn-x-bgnpcgn", "ru-Latn-x-gost779b", "ru-Latn-x-iso9"):
        for form in ("full", "short"):
            text = stored(division, locale, form)
            assert text is not None
            assert not re.search(r"[\u0400-\u04ff]", text), text


@pytest.mark.parametrize(
    "division", [d for d in TOP if d.country == "CN"], ids=lambda d: d.code
)
def test_chinese_units_have_pinyin(division: Division) -> None:
    """Toned and plain pinyin of both forms; the plain one has no tone marks."""
    for form in ("full", "short"):
        toned = stored(division, "zh-Latn-pinyin", form)
        plain = stored(division, "zh-Latn-pinyin-x-plain", form)
        assert toned
        assert plain
        assert plain.isascii() or "ü" in plain


# -- hygiene -------------------------------------------------------------------


def test_every_name_is_nfc_without_stray_whitespace() -> None:
    """No name anywhere is un-normalized or carries stray or odd whitespace."""
    bad = [
        (d.code, n.locale, n.text)
        for d, n in names_of(EVERY)
        if not n.text
        or unicodedata.normalize("NFC", n.text) != n.text
        or STRAY_SPACE.search(n.text)
    ]
    assert bad == []


def test_no_unit_has_two_full_or_short_names_in_one_locale() -> None:
    """Full and short are one per locale; only the other forms may repeat."""
    seen: set[tuple[str, str, NameForm]] = set()
    for division, name in names_of(EVERY):
        if name.form in (NameForm.FULL, NameForm.SHORT):
            key = (division.code, name.locale, name.form)
            assert key not in seen, key
            seen.add(key)


# -- scripts ---------------------------------------------------------------------

SCRIPTS = json.loads((FIXTURES / "han_scripts.json").read_text(encoding="utf-8"))


def test_simplified_names_hold_no_traditional_only_characters() -> None:
    """Checked against the stored OpenCC character list (no OpenCC needed)."""
    traditional = set(SCRIPTS["traditional_only"])
    assert len(traditional) > 100
    bad = [
        (d.code, n.text)
        for d, n in names_of(EVERY)
        if n.locale == "zh-Hans" and traditional & set(n.text)
    ]
    assert bad == []


def test_traditional_names_hold_no_simplified_only_characters() -> None:
    """The stored list catches 亚 or 边 in a Traditional name."""
    simplified = set(SCRIPTS["simplified_only"])
    assert {"亚", "边", "区", "龙"} <= simplified
    bad = [
        (d.code, n.text)
        for d, n in names_of(EVERY)
        if n.locale == "zh-Hant" and simplified & set(n.text)
    ]
    assert bad == []


def test_scripts_with_opencc() -> None:
    """
    Where OpenCC is installed: top-level Hans names are t2s-stable, pair with Hant.

    (Lower levels hold names OpenCC misreads, such as 乾安县; the stored
    character lists cover them.)
    """
    opencc = pytest.importorskip("opencc")
    t2s = opencc.OpenCC("t2s")
    for division in TOP:
        for form in ("full", "short"):
            hans = stored(division, "zh-Hans", form)
            hant = stored(division, "zh-Hant", form)
            assert hans is not None
            assert hant is not None
            assert t2s.convert(hans) == hans, (division.code, hans)
            assert t2s.convert(hant) == hans, (division.code, hant)


# -- spot checks: pycountry, CLDR, standards -------------------------------------

# pycountry's ru catalogue keeps pre-2000s forms ("Республика Тува", lower-case
# "республика"); the Constitution's forms are stored instead.
RU_CATALOGUE_DIFFERS = {"RU-CE", "RU-CU", "RU-KC", "RU-SA", "RU-TA", "RU-TY"}


@pytest.mark.parametrize(("catalogue", "locale"), [("zh_CN", "zh-Hans"), ("ru", "ru")])
def test_names_agree_with_pycountry_translations(catalogue: str, locale: str) -> None:
    """Where iso-codes translates a unit's name, a stored name equals it."""
    translations = gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=[catalogue]
    )
    compared, differ = 0, set()
    for division in TOP:
        if division.iso_3166_2 is None:
            continue
        original = pycountry.subdivisions.get(code=division.code).name
        translated = translations.gettext(original)
        if translated == original:
            continue
        compared += 1
        # The catalogue's own forms are stored too, as aliases: compare ours.
        ours = {
            n.text
            for n in division.names
            if n.locale == locale and n.source != "pycountry-l10n"
        }
        if translated not in ours:
            differ.add(division.code)
    assert compared > 25
    assert differ == (RU_CATALOGUE_DIFFERS if catalogue == "ru" else set())


# ISO 3166-2 names that are not the BGN/PCGN form of the current Russian name:
# ISO keeps the pre-2000s names or inverts them ("Adygeya, Respublika").
ISO_NAME_DIFFERS = {"RU-AD", "RU-CU", "RU-KEM", "RU-KHM", "RU-SA", "RU-SE", "RU-TA"}


def test_bgn_pcgn_names_match_iso_3166_2() -> None:
    """ISO 3166-2:RU romanizes by BGN/PCGN; the stored BGN/PCGN names agree."""
    differ = set()
    for division in TOP:
        if division.country != "RU" or division.iso_3166_2 is None:
            continue
        iso = pycountry.subdivisions.get(code=division.code).name
        if ", " in iso:
            generic_last, generic = iso.split(", ", 1)
            iso = f"{generic} {generic_last}"
        ours = division.name("ru-Latn-x-bgnpcgn").replace("’", "'").lower()
        if ours != iso.lower():
            differ.add(division.code)
    assert differ == ISO_NAME_DIFFERS


@pytest.mark.parametrize(
    ("code", "locale", "form", "text"),
    [
        # CLDR 41 zh (Buryatia is written in Traditional there, normalized here)
        ("RU-KHA", "zh-Hans", "full", "哈巴罗夫斯克边疆区"),
        ("RU-BU", "zh-Hans", "full", "布里亚特共和国"),
        ("RU-BU", "zh-Hant", "full", "布里亞特共和國"),
        ("RU-ME", "zh-Hant", "full", "馬里埃爾共和國"),
        ("RU-SPE", "zh-Hans", "short", "圣彼得堡"),
        ("RU-ALT", "zh-Hans", "short", "阿尔泰边疆区"),
        ("RU-AL", "zh-Hans", "short", "阿尔泰"),
        ("RU-CRIMEA", "zh-Hans", "full", "克里米亚共和国"),
        ("RU-DONETSK", "zh-Hans", "full", "顿涅茨克人民共和国"),
        ("RU-FD-FAR-EASTERN", "zh-Hans", "full", "远东联邦管区"),
        ("RU-FD-CENTRAL", "zh-Hant", "full", "中央聯邦管區"),
        # CLDR 41 yue agrees with the stored Traditional short forms
        ("CN-HL", "zh-Hant", "short", "黑龍江"),
        ("CN-NM", "zh-Hant", "short", "內蒙古"),
        # GB/T 16159-2012 word division
        ("CN-HL", "zh-Latn-pinyin", "full", "Hēilóngjiāng Shěng"),
        ("CN-SN", "zh-Latn-pinyin", "full", "Shǎnxī Shěng"),
        ("CN-SX", "zh-Latn-pinyin", "full", "Shānxī Shěng"),
        ("CN-NM", "zh-Latn-pinyin", "full", "Nèi Měnggǔ Zìzhìqū"),
        ("CN-CQ", "zh-Latn-pinyin", "full", "Chóngqìng Shì"),
        ("CN-HK", "zh-Latn-pinyin", "full", "Xiānggǎng Tèbié Xíngzhèngqū"),
        ("CN-XJ", "zh-Latn-pinyin", "full", "Xīnjiāng Wéiwú'ěr Zìzhìqū"),
        ("CN-SN", "zh-Latn-pinyin-x-plain", "short", "Shaanxi"),
        ("CN-SX", "zh-Latn-pinyin-x-plain", "short", "Shanxi"),
        # romanizations
        ("RU-KHA", "ru-Latn-x-bgnpcgn", "full", "Khabarovskiy kray"),
        ("RU-KHA", "ru-Latn-x-gost779b", "full", "Xabarovskij kraj"),
        ("RU-KHA", "ru-Latn-x-iso9", "full", "Habarovskij kraj"),
        ("RU-YEV", "ru-Latn-x-iso9", "full", "Evrejskaâ avtonomnaâ oblastʹ"),
        ("RU-CE", "ru-Latn-x-gost779b", "full", "Chechenskaya Respublika"),
        ("RU-TY", "ru-Latn-x-gost779b", "short", "Ty`va"),
        # Russian names of Chinese units
        ("CN-HL", "ru", "full", "провинция Хэйлунцзян"),
        ("CN-BJ", "ru", "full", "Пекин"),
        ("CN-NM", "ru", "full", "автономный район Внутренняя Монголия"),
        # titular languages
        ("RU-TA", "tt", "full", "Татарстан Республикасы"),
        ("RU-BA", "ba", "full", "Башҡортостан Республикаһы"),
        ("RU-CU", "cv", "short", "Чӑваш Ен"),
        ("CN-XZ", "bo", "full", "བོད་རང་སྐྱོང་ལྗོངས།"),
        ("CN-GX", "za", "full", "Gvangjsih Bouxcuengh Swcigih"),
        ("CN-NM", "mn", "full", "Өвөр Монголын Өөртөө Засах Орон"),
    ],
)
def test_spot_checks(code: str, locale: str, form: str, text: str) -> None:
    """Names checked by hand against CLDR, the standards and the sources."""
    assert stored(regionkit.get(code), locale, form) == text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Yakutia", "RU-SA"),
        ("ХМАО", "RU-KHM"),
        ("ЯНАО", "RU-YAN"),
        ("Кузбасс", "RU-KEM"),
        ("ДНР", "RU-DONETSK"),
        ("Ленинград", "RU-SPE"),
        ("黑", "CN-HL"),
        ("滇", "CN-YN"),
        ("滬", "CN-SH"),
        ("Peking", "CN-BJ"),
        ("Sinkiang", "CN-XJ"),
        ("Macau", "CN-MO"),
        ("Xizang", "CN-XZ"),
    ],
)
def test_abbreviations_aliases_and_former_names_look_up(text: str, code: str) -> None:
    """The hand-reviewed alias tables reach lookup."""
    assert regionkit.lookup(text).code == code


def test_russian_short_forms_in_chinese_never_shadow_a_chinese_place() -> None:
    """滨海 stays the Chinese county: Primorsky Krai's short form is its full name."""
    chinese = {n.text for d, n in names_of(EVERY) if d.country == "CN"}
    shadowing = [
        (d.code, n.text)
        for d, n in names_of(TOP)
        if d.country == "RU" and n.locale.startswith("zh-Han") and n.text in chinese
    ]
    assert shadowing == []


def test_titular_locales_are_supported() -> None:
    """The titular languages with a source are listed by supported_locales()."""
    expected = {"tt", "ba", "cv", "sah", "ce", "os", "tyv", "bxr", "xal", "kv"}
    expected |= {"udm", "mhr", "myv", "mdf", "kbd", "krc", "ady", "av", "alt"}
    expected |= {"mn", "mn-Mong", "ug", "bo", "za"}
    assert expected <= set(supported_locales())


def test_titular_names_are_served_by_name() -> None:
    """A titular locale reaches its stored name; others fall back to English."""
    assert division_name(regionkit.get("RU-SA"), "sah") == "Саха Өрөспүүбүлүкэтэ"
    assert division_name(regionkit.get("RU-SA"), "tt") == "Republic of Sakha (Yakutia)"
    assert division_name(regionkit.get("CN-NM"), "mn-Mong-CN").startswith("ᠦᠪᠦᠷ")
