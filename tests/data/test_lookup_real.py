"""Lookup on the packaged data: inputs as people type them, and what is no match."""

import pytest

import regionkit


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("N. Novgorod", "RU-NIZ-GN520555"),
        ("Н. Новгород", "RU-NIZ-GN520555"),
        ("V. Novgorod", "RU-NGR-GN519336"),
    ],
)
def test_a_name_plus_a_whole_word_is_not_a_typo_of_the_name(
    text: str, code: str
) -> None:
    # "N. Novgorod" is the city of Nizhny Novgorod (its first word cut to its
    # letter), "V. Novgorod" Veliky Novgorod: neither is a typo of Novgorod
    # Oblast's short name.
    found = regionkit.resolve(text)
    assert [m.division.code for m in found] == [code]
    assert found[0].kind is regionkit.MatchKind.ABBREVIATION


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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tianhe District, Guangzhou, Guangdong", "CN-440106"),  # smallest first
        ("Guangdong, Guangzhou, Tianhe District", "CN-440106"),  # largest first
        ("Harbin Daoli District", "CN-230102"),  # no commas: split at a space
        ("Daoli District Harbin", "CN-230102"),
        ("Xinjiang Kashgar", "CN-653101"),
    ],
)
def test_qualified_names_of_three_parts_or_without_commas(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize("text", ["Pushkin street 10 Moscow", "Moscow Kremlin"])
def test_a_known_name_beside_unknown_words_is_no_match(text: str) -> None:
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup(text)


def test_among_former_units_of_one_name_the_last_wins() -> None:
    # 渝北区 was 510218 under Sichuan until 1997, then 500112 under Chongqing
    # until its merger into 两江新区 in 2025.
    found = regionkit.lookup("渝北区")
    assert found.code == "CN-500112-1997"
    assert not found.is_current
    # Its land went to two units of today, so no one unit answers for it.
    (today,) = regionkit.lookup_many(["渝北区"], current=True)
    assert isinstance(today.error, regionkit.AmbiguousName)
    assert [d.code for d in today.error.candidates] == ["CN-500109", "CN-500157"]


@pytest.mark.parametrize(
    ("text", "code"),
    [("27", "RU-KHA"), ("7", "RU-KB"), ("01", "RU-AD"), ("91", "RU-CRIMEA")],
)
def test_bare_subject_codes_read_where_the_country_is_russia(
    text: str, code: str
) -> None:
    assert regionkit.lookup(text, country="RU").code == code


def test_a_bare_number_is_no_code_without_a_country() -> None:
    # "23" is Krasnodar Krai's subject code and the start of Heilongjiang's.
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup("23")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Primorskiy (Maritime) Kray", "RU-PRI"),  # GeoNames' name
        ("Хабаровский край (Россия)", "RU-KHA"),
        ("黑龙江省（中国）", "CN-HL"),
    ],
)
def test_a_gloss_in_brackets_is_no_part_of_the_name(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("北京市市辖区东城区", "CN-110101"),
        ("北京市, 市辖区, 东城区", "CN-110101"),
        ("重庆市县城口县", "CN-500229"),
        ("河南省省直辖县级行政区划济源市", "CN-419001"),
        ("新疆维吾尔自治区自治区直辖县级行政区划石河子市", "CN-659001"),
        ("广东省东莞市东莞市", "CN-441900"),  # a city with no districts, twice
    ],
)
def test_the_statistical_bureaus_placeholder_levels_are_skipped(
    text: str, code: str
) -> None:
    # Lists built on the NBS codes fill a skipped level with 市辖区, 县 or
    # 省直辖县级行政区划; no unit bears those names.
    assert regionkit.lookup(text).code == code


def test_a_placeholder_alone_is_no_unit() -> None:
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup("市辖区")
