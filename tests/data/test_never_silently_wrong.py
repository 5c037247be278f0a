"""The examples of issue 16: foreign names are not found, ours are found right."""

from __future__ import annotations

import datetime

import pytest

import regionkit
from regionkit import AmbiguousName, MatchKind, NotFound


@pytest.mark.parametrize(
    "text",
    [
        # Other countries' regions, once read as ours through a shared suffix.
        "Киевская область",
        "Харьковская область",
        "Львовская область",
        "Алматинская область",
        "Волынская область",
        "Ошская область",
        # Capitals and foreign places, once read as Chinese counties.
        "Dushanbe",
        "Wyoming",
        "Pyongyang",
        "Yangon",
    ],
)
def test_foreign_and_far_names_are_not_found(text: str) -> None:
    with pytest.raises(NotFound):
        regionkit.lookup(text)


def test_kyzyl_is_tuva_s_capital_now_that_localities_are_held() -> None:
    # Issue 16 wanted "Кызыл" out of China (Kizilsu); with Russia's localities
    # (issue 17) it is the city of Kyzyl in Tuva.
    kyzyl = regionkit.lookup("Кызыл")
    assert (kyzyl.category.value, kyzyl.parent_code) == ("city", "RU-TY")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Московскаяобласть", "RU-MOS"),  # the category word run together
        ("Region Perm", "RU-PER"),  # today's krai, not the former oblast
        ("Perm Region", "RU-PER"),
        ("Khabarovsk Kari", "RU-KHA"),  # a typo in the category word
        ("Khabarvosk", "RU-KHA"),
        ("Sverdlovskaya oblst", "RU-SVE"),
        ("St. Petersburg", "RU-SPE"),
        # Postal romanizations, once read as typos of other units.
        ("Воронезька область", "RU-VOR"),  # Ukrainian for Voronezh, not the DPR
        ("Chekiang", "CN-ZJ"),  # not 和康县
        ("Tsinan", "CN-370100"),  # Jinan, not 思南县
        ("Honan", "CN-HA"),  # Henan, not a county
    ],
)
def test_our_names_are_read_right(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize("text", ["Chinkiang", "Sungkiang"])
def test_postal_names_are_no_typos_of_sinkiang(text: str) -> None:
    """Zhenjiang and Songjiang in the postal system are not Xinjiang."""
    assert all(m.division.code != "CN-XJ" for m in regionkit.resolve(text))


def test_a_category_word_that_does_not_fit_rules_a_unit_out() -> None:
    """'Altay Krai' was the Altai Republic, 'Oblast Moskau' the city of Moscow."""
    assert all(m.division.code != "RU-AL" for m in regionkit.resolve("Altay Krai"))
    assert all(m.division.code != "RU-MOW" for m in regionkit.resolve("Oblast Moskau"))
    assert regionkit.lookup("Moscow Oblast").code == "RU-MOS"
    assert regionkit.lookup("Altai Krai").code == "RU-ALT"


@pytest.mark.parametrize(
    "text",
    [
        "Moscow Region",
        "Region Moskau",
        "Région de Moscou",
        "Región de Moscú",
        "Regione di Mosca",
    ],
)
def test_a_region_word_in_any_word_order_helps_the_oblast(text: str) -> None:
    """'Region Moskau' was the city of Moscow; the Romance forms were NotFound."""
    (first, second) = regionkit.resolve(text)
    assert (first.division.code, first.score) == ("RU-MOS", 0.93)
    assert (second.division.code, second.score) == ("RU-MOW", 0.92)


def test_typos_say_so_and_can_be_refused() -> None:
    (match,) = regionkit.resolve("Tatarstn")
    assert (match.division.code, match.kind, match.score) == (
        "RU-TA",
        MatchKind.FUZZY,
        0.6667,
    )
    with pytest.raises(NotFound):
        regionkit.lookup("Tatarstn", fuzzy=False)
    with pytest.raises(NotFound):
        regionkit.lookup("Tatarstn", min_score=0.8)
    assert regionkit.resolve("Tatarstn", min_score=0.8) == ()
    assert regionkit.lookup("Tatarstan", min_score=0.8).code == "RU-TA"


def test_bulk_results_carry_kind_score_and_reason() -> None:
    typo, exact, miss, shared = regionkit.lookup_many(
        ["Tatarstn", "Татарстан", "Atlantis", "朝阳区"]
    )
    assert (typo.kind, typo.score) == (MatchKind.FUZZY, 0.6667)
    assert exact.kind is not MatchKind.FUZZY
    assert exact.score is not None
    assert exact.score >= 0.9
    assert (miss.kind, miss.score, miss.reason) == (
        None,
        None,
        "no division matches 'Atlantis'",
    )
    assert isinstance(shared.error, AmbiguousName)
    assert shared.reason is not None
    assert "CN-110105" in shared.reason
    refused = regionkit.lookup_many(["Tatarstn"], min_score=0.8)
    assert [r.code for r in refused] == [None]


@pytest.mark.parametrize(
    ("argument", "value", "error"),
    [
        ("min_score", 1.5, ValueError),
        ("min_score", "high", TypeError),
        ("fuzzy", 1, TypeError),
    ],
)
def test_options_are_checked(
    argument: str, value: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        regionkit.lookup("Tatarstan", **{argument: value})  # type: ignore[arg-type]
    with pytest.raises(error):  # checked before the lookup, not only after a match
        regionkit.lookup("Atlantis", **{argument: value})  # type: ignore[arg-type]
    with pytest.raises(error):
        regionkit.lookup_many(["Tatarstan"], **{argument: value})  # type: ignore[arg-type]


def test_chinese_text_gets_no_typo_matching() -> None:
    """One character more or less is another name: 黑龙 is not 黑龙江."""
    for text in ("黑龙", "黑龙江江", "黒龙江"):
        kinds = {m.kind for m in regionkit.resolve(text)}
        assert MatchKind.FUZZY not in kinds, text


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("Changhua", "CN-510108"),  # Taiwan's county; one letter from Chenghua
        ("Pingtung", "CN-522727"),  # Taiwan's county; Pingtang County
        ("Zhanghua", "CN-371603"),  # Changhua in pinyin; Zhanhua District
        ("Тингир", "CN-540223"),  # Tinghir, Morocco; Tingri County
        ("Anyang-si", "CN-410500"),  # a city of Korea; Anyang, "si" for "shi"
    ],
)
def test_a_place_elsewhere_is_no_typo_of_ours(text: str, near: str) -> None:
    with pytest.raises(NotFound):
        regionkit.lookup(text)
    # The unit it is near is still found by its own typos.
    assert regionkit.lookup(regionkit.get(near).name("en")).code == near


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Chenhgua", "CN-510108"),  # a typo still finds its unit
        # Accents are evidence: one letter from 宁海县 Nínghǎi and from 滨海县
        # Bīnhǎi, but only Nínghǎi has these tones.
        ("Nínhǎi Xiàn", "CN-330226"),
        ("Sígǔ Qū", "CN-430407"),  # 石鼓区 Shígǔ, not 西固区 Xīgù
        ("Jǐnjisāng", "CN-510104"),  # 锦江区 Jǐnjiāng, not 晋江市 Jìnjiāng
        # A typo of a name means what the name means: "Tacheng" is the city.
        ("Tachneg", "CN-654201"),
        ("Kleamayi", "CN-650200"),  # as "Kelamayi": the city, not its district
        # A mistyped category word of several words.
        ("Tibet Autonomous Regiony", "CN-XZ"),
        ("Inner Mongolia Autopomous Region", "CN-NM"),
        ("Perm Regoin", "RU-PER"),
        # Pinyin beside a category word that fits: one substitution.
        ("Oroqhn Qi", "CN-150723"),
    ],
)
def test_typos_find_the_unit_a_careful_reader_would(text: str, code: str) -> None:
    found = regionkit.lookup(text)
    assert (found.code, regionkit.lookup_many([text])[0].kind) == (
        code,
        MatchKind.FUZZY,
    )


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # One letter from Wuchang District and from Wucheng District: a tie,
        # whatever the lengths of the two names.
        ("Wuchng District", {"CN-420106", "CN-330702"}),
        ("Anming Qu", {"CN-520102", "CN-621102"}),
    ],
)
def test_typos_as_close_are_a_tie(text: str, codes: set[str]) -> None:
    with pytest.raises(AmbiguousName) as raised:
        regionkit.lookup(text)
    assert codes <= {d.code for d in raised.value.candidates}


def test_a_short_mended_category_word_rules_nothing_in() -> None:
    # "Ara" is one letter from "area", which says no kind: no Ali Prefecture.
    with pytest.raises(NotFound):
        regionkit.lookup("Ara Ali")
    with pytest.raises(NotFound):
        regionkit.lookup("Suda Regiono")  # Suda, a Russian village, not by a typo


@pytest.mark.parametrize("text", ["Mosk obl", "Mosk. obl.", "Mosk oblast"])
def test_a_short_name_with_its_first_letters_swapped_is_no_typo(text: str) -> None:
    # "Mosk." (of Moskovskaya) was read as Omsk Oblast: a swap of its first two
    # letters, allowed for four letters beside a category word.
    with pytest.raises(NotFound):
        regionkit.lookup(text)


def test_a_swap_that_keeps_the_first_letter_is_still_a_typo() -> None:
    (match,) = regionkit.resolve("Omks oblast")
    assert (match.division.code, match.kind) == ("RU-OMS", MatchKind.FUZZY)
    assert regionkit.lookup("aTtarstan").code == "RU-TA"  # nine letters: a typo


@pytest.mark.parametrize(
    "text",
    [
        "Chuvash Republic – Chuvashia",
        "Chuvash Republic - Chuvashia",
        "Chuvashia — Chuvash Republic",
    ],
)
def test_two_names_of_one_unit_joined_by_a_dash_are_that_unit(text: str) -> None:
    match = regionkit.resolve(text)[0]
    assert (match.division.code, match.kind, match.score) == (
        "RU-CU",
        MatchKind.EXACT,
        0.99,  # the weaker side's: "Chuvashia", a short name
    )
    assert regionkit.lookup(text).code == "RU-CU"


@pytest.mark.parametrize(
    "text",
    ["Moscow – Moscow Oblast", "Chuvash Republic – Chuvashiaa", "Tatarstan - x - y"],
)
def test_dashed_sides_that_name_two_units_or_none_are_no_reading(text: str) -> None:
    with pytest.raises(NotFound):
        regionkit.lookup(text)
    assert regionkit.resolve(text) == ()


@pytest.mark.parametrize("text", ["Beian County", "Harbin County", "Boshan Shi"])
def test_our_name_with_a_category_that_does_not_fit_is_no_typo(text: str) -> None:
    # Bei'an is a city and Boshan a district: the text names them with the
    # wrong category word; one letter off, Ebian County and Baoshan were read.
    with pytest.raises(NotFound):
        regionkit.lookup(text)
    assert regionkit.resolve(text) == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [("Xinzheng Xian", "CN-410123-1983"), ("Longchang County", "CN-511028-1985")],
)
def test_a_former_county_s_name_is_no_typo_of_another_county(
    text: str, code: str
) -> None:
    # Without a date the former county is not found (its romanized name is a
    # place all over the world), and must not be read as Xincheng or Yongchang.
    with pytest.raises(NotFound):
        regionkit.lookup(text)
    assert regionkit.lookup(text, as_of=datetime.date(1990, 1, 1)).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Guangdong (Canton)", "CN-GD"),  # was Guangzhou: Canton read inside it
        ("Canton (Guangzhou)", "CN-440100"),
        ("Chaoyang (Beijing)", "CN-110105"),  # a container in brackets
        ("Heilongjiang (Harbin)", "CN-HL"),
    ],
)
def test_a_bracket_is_a_gloss_or_a_container_never_a_name_inside(
    text: str, code: str
) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize("text", ["Xiong'an", "Xiongan", "Gui'an"])
def test_a_new_area_that_is_no_unit_is_no_typo_of_one(text: str) -> None:
    # Xiong'an New Area (雄安新区) is no unit of the MCA's list; one letter
    # off, it was Xiang'an District of Xiamen.
    with pytest.raises(NotFound):
        regionkit.lookup(text)
    assert regionkit.lookup("Xiang'an").code == "CN-350213"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Sin-kiang", "CN-XJ"),  # the postal Sinkiang
        ("Sin Kiang", "CN-XJ"),
        ("Hsinchiang", "CN-XJ"),  # Wade-Giles Hsin-chiang
        ("Heilungchiang", "CN-HL"),
        ("Kwang-tung", "CN-GD"),
        ("Pe-king", "CN-BJ"),
        ("Tsing-tao", "CN-370200"),
        ("Chunan", "CN-330127"),  # Chun'an, not Hunan's Czech "Chu-nan"
    ],
)
def test_a_romanization_reads_with_its_syllables_apart_or_together(
    text: str, code: str
) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize("text", ["Taitung", "Lamfun", "Munsan"])
def test_cantonese_syllables_written_together_are_places_elsewhere(text: str) -> None:
    # Datong's, Linfen's and Wenshan's Cantonese "Tai Tung", "Lam Fun", "Mun
    # San" written together are Taiwan's Taitung, Thailand's Lamphun, Korea's
    # Munsan: not read so.
    assert regionkit.resolve(text) == ()
