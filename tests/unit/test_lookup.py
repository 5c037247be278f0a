import contextlib

import pytest

import regionkit
from regionkit import AmbiguousName, Dataset, MatchKind, NotFound


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("RU-KHA", "RU-KHA"),
        ("okato:08", "RU-KHA"),
        ("Khabarovsk Krai", "RU-KHA"),
        ("khabarovsk", "RU-KHA"),
        ("Хабаровский край", "RU-KHA"),
        ("в Хабаровском крае", "RU-KHA"),
        ("Хабаровский  КРАЙ, Россия", "RU-KHA"),
        ("Khabarovsk kray", "RU-KHA"),
        ("黑龙江", "CN-HL"),
        ("黑龙江省", "CN-HL"),
        ("Heilongjiang, China", "CN-HL"),
        ("Moscow", "RU-MOW"),
        ("UA-43", "RU-CRIMEA"),
    ],
)
def test_lookup(mini: Dataset, text: str, code: str) -> None:
    assert mini.lookup(text).code == code


def test_full_name_outranks_short_name(mini: Dataset) -> None:
    matches = mini.resolve("Moscow")
    assert [m.division.code for m in matches[:2]] == ["RU-MOW", "RU-MOS"]
    assert matches[0].score > matches[1].score


def test_a_top_level_name_wins_over_lower_levels(mini: Dataset) -> None:
    assert mini.lookup("Heilongjiang").level == 1


def test_level_asks_for_lower_units(mini: Dataset) -> None:
    assert mini.lookup("哈尔滨市", level=2).code == "CN-230100"


def test_within_restricts_the_candidates(mini: Dataset) -> None:
    assert mini.lookup("道里区", within="CN-HL").code == "CN-230102"
    with pytest.raises(NotFound):
        mini.lookup("道里区", within="CN-BJ")


def test_qualified_chinese_name(mini: Dataset) -> None:
    assert mini.lookup("北京市朝阳区").code == "CN-110105"


def test_typos_match_fuzzily_below_exact_matches(mini: Dataset) -> None:
    matches = mini.resolve("Khabarovks")
    assert matches[0].division.code == "RU-KHA"
    assert matches[0].kind is MatchKind.FUZZY
    assert matches[0].score < 0.8


def test_nothing_found(mini: Dataset) -> None:
    with pytest.raises(NotFound) as caught:
        mini.lookup("Atlantis")
    assert caught.value.query == "Atlantis"
    assert mini.resolve("Atlantis") == ()


def test_equal_candidates_raise_ambiguous(mini: Dataset) -> None:
    with pytest.raises(AmbiguousName) as caught:
        mini.lookup("朝阳区")
    assert [d.code for d in caught.value.candidates] == ["CN-110105", "CN-220104"]
    assert isinstance(caught.value, LookupError)


def test_within_or_a_qualifier_settles_an_ambiguity(mini: Dataset) -> None:
    assert mini.lookup("朝阳区", within="CN-JL").code == "CN-220104"
    assert mini.lookup("吉林省朝阳区").code == "CN-220104"
    assert mini.lookup("Chaoyang District, Beijing").code == "CN-110105"


@pytest.mark.parametrize("bad", [None, 3, b"Moscow", ["Moscow"]])
def test_non_strings_raise_type_error(mini: Dataset, bad: object) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        mini.lookup(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 501])
def test_empty_or_huge_text_raises_value_error(mini: Dataset, bad: str) -> None:
    with pytest.raises(ValueError, match="text"):
        mini.lookup(bad)


def test_lookup_many_lines_up_with_inputs_and_reports_failures(mini: Dataset) -> None:
    results = mini.lookup_many(["Moscow", None, "Atlantis", "Moscow", ""])
    assert [r.code for r in results] == ["RU-MOW", None, None, "RU-MOW", None]
    assert [type(r.error).__name__ for r in results] == [
        "NoneType",
        "TypeError",
        "NotFound",
        "NoneType",
        "ValueError",
    ]
    assert results[0] is results[3]  # a repeated value is resolved once


def test_lookup_many_checks_its_filters_up_front(mini: Dataset) -> None:
    with pytest.raises(ValueError, match="country"):
        mini.lookup_many(["Moscow"], country="FR")


@pytest.mark.parametrize("text", ["Moscow", b"Moscow", bytearray(b"Moscow")])
def test_lookup_many_refuses_one_text_for_a_column(mini: Dataset, text: object) -> None:
    """A bare string is not a column of its letters: `TypeError`, no lookups."""
    with pytest.raises(TypeError, match="iterable of texts"):
        mini.lookup_many(text)  # type: ignore[arg-type]  # the mistake under test


@pytest.mark.parametrize("values", [["Moscow"], ("Moscow",), "Moscow", None, 3])
def test_lookup_series_refuses_what_is_not_a_series(
    monkeypatch: pytest.MonkeyPatch, values: object
) -> None:
    """`lookup_series` checks for a pandas Series before it looks anything up."""
    import regionkit

    def no_lookup(*args: object, **kwargs: object) -> None:
        raise AssertionError("looked up")

    monkeypatch.setattr(Dataset, "match", no_lookup)
    with pytest.raises(TypeError, match="pandas Series"):
        regionkit.lookup_series(values)


@pytest.mark.parametrize(
    "text", ["SUBJECT: 27", "SUBJECT : 27", "okato: 08", "ＲＵ－ＫＨＡ", "２３００００"]
)
def test_lookup_finds_the_codes_get_finds(mini: Dataset, text: str) -> None:
    """A code `get` reads, spaced around its colon or in full width, is a code."""
    found = mini.match(text)
    assert (found.division, found.kind) == (mini.get(text), MatchKind.CODE)


@pytest.mark.parametrize("text", ["Mos\u200dcow", "Mos\u200bcow", "Mos\xadcow"])
def test_lookup_ignores_format_characters_inside_a_word(
    mini: Dataset, text: str
) -> None:
    """A zero-width joiner or space or a soft hyphen does not split a word."""
    assert mini.lookup(text).code == "RU-MOW"


def test_a_pinyin_syllable_break_is_not_read_away() -> None:
    """ "Yun'an" marks yun|an: it is 云安, never 郁南 ("Yunan", yu|nan)."""
    assert regionkit.lookup("Yun'an").code == "CN-445303"
    assert regionkit.lookup("Yún'ān Qū").code == "CN-445303"
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup("Yun'an Xian")  # was 郁南县, silently
    assert regionkit.lookup("Yunan Xian").code == "CN-445322"
    assert regionkit.resolve("Xian")[0].division.code == "CN-610100"


def test_on_a_date_a_unit_of_today_has_no_claim_over_a_former_one() -> None:
    """In 2015 迁西县 (Hebei) and 黔西县 (Guizhou, a city since 2021) both existed."""
    import datetime

    with pytest.raises(AmbiguousName) as raised:
        regionkit.lookup("Qianxi Xian", as_of=datetime.date(2015, 1, 1))
    assert {d.code for d in raised.value.candidates} == {"CN-130227", "CN-520522-2011"}
    assert regionkit.lookup("Qianxi Xian", as_of=datetime.date(2023, 1, 1)).code == (
        "CN-130227"
    )
    assert regionkit.lookup("Qianxi Xian").code == "CN-130227"  # today's, no date


def test_a_former_subjects_name_lets_todays_units_below_compete() -> None:
    """ "Chita" was Chita Oblast's short name (to 2008); today it is the city."""
    import datetime

    assert regionkit.lookup("Chita").code == "RU-ZAB-GN2025339"
    assert regionkit.lookup("Чита").code == "RU-ZAB-GN2025339"  # the same in Cyrillic
    assert regionkit.lookup("Chita Oblast").code == "RU-CHI"  # its own full name
    assert regionkit.lookup("Chita", as_of=datetime.date(2005, 1, 1)).code == "RU-CHI"
    assert regionkit.lookup("Kaluga").code == "RU-KLU"  # a subject of today still wins


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("香港特区", "CN-HK"),
        ("香港特區", "CN-HK"),
        ("澳门特区", "CN-MO"),
        ("澳門特區", "CN-MO"),
    ],
)
def test_a_sars_everyday_short_form_finds_it(text: str, code: str) -> None:
    """特区 is the everyday short form of 特别行政区, and fits only a SAR."""
    assert regionkit.lookup(text).code == code


def test_an_economic_zones_short_form_is_no_sar() -> None:
    """深圳特区 is the Shenzhen Special Economic Zone: 特区 does not fit a city."""
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup("深圳特区")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("베이징", "CN-BJ"),  # CLDR's Korean 베이징 시, less its 시
        ("광둥", "CN-GD"),
        ("広東", "CN-GD"),  # CLDR's Japanese 広東省
        ("黒竜江", "CN-HL"),
        ("アムール", "RU-AMU"),  # アムール州
        ("하바롭스크", "RU-KHA"),  # 하바롭스크 지방
        ("خاباروفسك", "RU-KHA"),  # Arabic, less كراي
    ],
)
def test_a_short_form_in_a_language_without_a_word_list_finds_its_unit(
    text: str, code: str
) -> None:
    """The category words of CLDR's other languages are learned from its names."""
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("헤이룽장성", "CN-HL"),  # CLDR's 헤이룽장 성
        ("베이징시", "CN-BJ"),
        ("노보시비르스크주", "RU-NVS"),
        ("하바롭스크지방", "RU-KHA"),
        ("신장위구르자치구", "CN-XJ"),
    ],
)
def test_a_korean_name_is_read_with_its_category_word_joined(
    text: str, code: str
) -> None:
    """Korean writes the category word spaced (CLDR) or joined, as Wikipedia does."""
    assert regionkit.lookup(text).code == code


def test_a_learned_short_form_of_two_units_is_ambiguous() -> None:
    """アルタイ is the Altai Republic's (共和国) and the Altai Krai's (地方)."""
    with pytest.raises(AmbiguousName) as raised:
        regionkit.lookup("アルタイ")
    assert {d.code for d in raised.value.candidates} == {"RU-AL", "RU-ALT"}


def test_category_affixes_are_learned_per_locale_and_category() -> None:
    from regionkit._index import _category_affixes

    affixes = _category_affixes(list(regionkit.divisions(level=1)))
    assert affixes[("ja", "oblast")] == ((False, "州"),)
    assert affixes[("ko", "krai")] == ((False, " 지방"),)
    assert affixes[("ko", "autonomous_region")] == ((False, " 자치구"),)  # not "구"
    assert ("ru-x-case", "oblast") not in affixes  # generated forms learn none
    assert not any(locale.split("-")[0] in ("en", "ru", "zh") for locale, _ in affixes)


def test_korean_and_japanese_short_forms_are_read() -> None:
    """Of CLDR's Korean and Japanese names, the short forms (less the category word)."""
    cuts = {
        "ko": ("자치구", "공화국", "지방", "시", "성", "주"),
        "ja": ("自治管区", "自治区", "共和国", "地方", "省", "市", "州"),
    }
    right = {"ko": 0, "ja": 0}
    for division in regionkit.divisions(level=1):
        for name in division.names:
            ends = cuts.get(name.locale, ())
            cut = next((c for c in ends if name.text.endswith(c)), None)
            if cut is None or len(name.text) <= len(cut) + 1:
                continue
            with contextlib.suppress(regionkit.NotFound, AmbiguousName):
                short = name.text[: -len(cut)].strip()
                right[name.locale] += regionkit.lookup(short).code == division.code
    assert right == {"ko": 110, "ja": 84}  # were 0 and 1


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hong Kong S.A.R.", "CN-HK"),
        ("Macau S.A.R.", "CN-MO"),
        ("Hong Kong SAR", "CN-HK"),
    ],
)
def test_an_initialism_with_dots_is_one_word(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Еврейская автономная обл", "RU-YEV"),  # обл fits an autonomous oblast
        ("Еврейская авт. обл.", "RU-YEV"),
        ("Архангельская область без АО", "RU-ARK"),  # a table's row, less the AO
        ("Тюменская область без автономных округов", "RU-TYU"),
        ("ЦФО", "RU-FD-CENTRAL"),
        ("СКФО", "RU-FD-NORTH-CAUCASIAN"),
        ("ДФО", "RU-FD-FAR-EASTERN"),
    ],
)
def test_statistical_tables_russian_forms(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Н. Новгород", "RU-NIZ-GN520555"),
        ("Н.Новгород", "RU-NIZ-GN520555"),
        ("N. Novgorod", "RU-NIZ-GN520555"),  # no typo of Novgorod: its abbreviation
        ("Н. Тагил", "RU-SVE-GN520494"),
        ("П-Камчатский", "RU-KAM-GN2122104"),
        ("Н. Челны", "RU-TA-GN523750"),
    ],
)
def test_a_towns_first_word_cut_to_its_letter(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


def test_only_a_towns_two_word_name_is_cut() -> None:
    with pytest.raises(NotFound):
        regionkit.lookup("М. область")  # no subject's name is cut
