"""
Issue 21's readings and names: corrected pinyin, English and Russian forms of
China's units, names for the former units, and a fallback the caller can see.
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest

import regionkit
from regionkit import AmbiguousName, Name, NameForm, NameUnavailable
from regionkit._locales import pick_served

CN = Path(__file__).parents[2] / "data" / "cn"


def rows(name: str) -> list[dict[str, str]]:
    with (CN / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# -- pinyin -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "full", "short"),
    [
        ("CN-419001", "Jǐyuán Shì", "Jǐyuán"),  # named after the 济水
        ("CN-370115", "Jǐyáng Qū", "Jǐyáng"),
        ("CN-370100", "Jǐnán Shì", "Jǐnán"),  # as it was
        ("CN-370800", "Jǐníng Shì", "Jǐníng"),
        ("CN-341500", "Lù'ān Shì", "Lù'ān"),
        ("CN-320116", "Lùhé Qū", "Lùhé"),
        ("CN-340300", "Bèngbù Shì", "Bèngbù"),
        ("CN-440113", "Pānyú Qū", "Pānyú"),
        ("CN-130225", "Làotíng Xiàn", "Làotíng"),
        ("CN-361124", "Yánshān Xiàn", "Yánshān"),
        ("CN-371522", "Shēn Xiàn", "Shēn Xiàn"),
        ("CN-140428", "Zhǎngzǐ Xiàn", "Zhǎngzǐ"),
        ("CN-220100", "Chángchūn Shì", "Chángchūn"),
        ("CN-350200", "Xiàmén Shì", "Xiàmén"),
        ("CN-341621", "Guōyáng Xiàn", "Guōyáng"),
        ("CN-141024", "Hóngtóng Xiàn", "Hóngtóng"),
        ("CN-140924", "Fánshì Xiàn", "Fánshì"),
    ],
)
def test_polyphonic_readings(code: str, full: str, short: str) -> None:
    division = regionkit.get(code)
    assert division.name("zh-Latn-pinyin") == full
    assert division.name("zh-Latn-pinyin", form="short") == short


def test_chongqing_reads_chong() -> None:
    assert regionkit.get("CN-CQ").name("zh-Latn-pinyin", form="short") == "Chóngqìng"


def test_the_audit_lists_every_reading_google_disputes() -> None:
    """readings_audit.csv: the ten readings Google's lname gives otherwise."""
    disputed = {(r["character"], r["reading"]) for r in rows("readings_audit.csv")
                if r["google_other_reading"] != "0"}  # fmt: skip
    assert disputed == {
        ("乐", "lào"), ("六", "lù"), ("勒", "lè"), ("召", "shào"), ("大", "dà"),
        ("棱", "léng"), ("沈", "shěn"), ("禅", "chán"), ("都", "dū"),
        ("长", "cháng"),
    }  # fmt: skip
    readings = {(r["character"], r["reading"]) for r in rows("readings_audit.csv")}
    assert ("济", "jǐ") in readings
    assert ("济", "jì") in readings  # 永济, 惠济 stay jì


# -- English --------------------------------------------------------------------


def test_shangri_la_is_found_and_named() -> None:
    shangri_la = regionkit.get("CN-533401")
    assert shangri_la.name("en") == "Shangri-La"
    assert regionkit.lookup("Shangri-La").code == "CN-533401"
    assert regionkit.lookup("Xianggelila").code == "CN-533401"


@pytest.mark.parametrize(
    ("code", "english", "pinyin_name"),
    [
        ("CN-653125", "Yarkant County", "Shache County"),
        ("CN-653126", "Kargilik County", "Yecheng County"),
        ("CN-653222", "Karakax County", "Moyu County"),
        ("CN-653130", "Maralbexi County", "Bachu County"),
        ("CN-653227", "Niya County", "Minfeng County"),
        ("CN-653124", "Poskam County", "Zepu County"),
        ("CN-652927", "Uqturpan County", "Wushi County"),
        ("CN-653024", "Ulugqat County", "Wuqia County"),
    ],
)
def test_uyghur_names_follow_the_rule(
    code: str, english: str, pinyin_name: str
) -> None:
    """GNC's Uyghur form where English Wikipedia's title uses it; pinyin still finds."""
    assert regionkit.get(code).name("en") == english
    assert regionkit.lookup(english).code == code
    assert regionkit.lookup(pinyin_name).code == code


@pytest.mark.parametrize(
    ("code", "english"),
    [
        ("CN-650500", "Hami"),  # GNC Hami (Kumul); English Wikipedia "Hami"
        ("CN-654002", "Yining"),
        ("CN-652822", "Luntai County"),
        ("CN-653226", "Yutian County"),
        ("CN-653129", "Jiashi County"),
        # Issue 21's last pass (titles seen 2026-12): the pinyin titles stay.
        ("CN-650421", "Shanshan County"),
        ("CN-652926", "Baicheng County"),
        ("CN-652823", "Yuli County"),
        ("CN-652829", "Bohu County"),
        ("CN-652701", "Bole"),
        ("CN-654201", "Tacheng"),
        ("CN-654024", "Gongliu County"),
        ("CN-654221", "Emin County"),
        ("CN-654323", "Fuhai County"),
        ("CN-650522", "Yiwu County"),
        ("CN-150400", "Chifeng"),
        ("CN-513226", "Jinchuan County"),
        ("CN-513323", "Danba County"),
        ("CN-513337", "Daocheng County"),
        # The second 15 (titles seen 2026-12): these four are English
        # Wikipedia's titles, Yumin and Jinghe named so in their parents'.
        ("CN-513324", "Jiulong County"),
        ("CN-513336", "Xiangcheng County"),
        ("CN-652723", "Wenquan County"),
        ("CN-654200", "Tacheng Prefecture"),
        ("CN-654225", "Yumin County"),
        ("CN-652722", "Jinghe County"),
    ],
)
def test_uyghur_names_whose_title_is_pinyin_stay_pinyin(
    code: str, english: str
) -> None:
    assert regionkit.get(code).name("en") == english


def test_dorbod_names_two_units_and_says_so() -> None:
    banner, county = regionkit.get("CN-150929"), regionkit.get("CN-230624")
    assert banner.name("en", form="short") == "Dorbod Banner"
    assert county.name("en", form="short") == "Dorbod Mongol Autonomous County"
    with pytest.raises(AmbiguousName) as caught:
        regionkit.lookup("Dorbod")
    assert {d.code for d in caught.value.candidates} == {"CN-150929", "CN-230624"}
    assert regionkit.lookup("Dorbod Banner").code == "CN-150929"
    assert regionkit.lookup("Siziwang Banner").code == "CN-150929"


def test_urumqi_is_spelled_one_way() -> None:
    assert regionkit.get("CN-650100").name("en") == "Ürümqi"
    assert regionkit.get("CN-XJ").centre is not None
    assert regionkit.get("CN-XJ").centre.name("en") == "Ürümqi"  # type: ignore[union-attr]
    assert regionkit.lookup("Urumqi").code == "CN-650100"


def test_children_named_after_their_parent_share_its_english_name() -> None:
    for division in regionkit.divisions(level=3):
        parent = division.parent
        if parent is None or parent.level != 2:
            continue
        if division.name("zh", form="short") == parent.name("zh", form="short"):
            assert division.name("en", form="short") == parent.name("en", form="short")


# -- Russian --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "codes"),
    [
        ("Урад", ("CN-150823", "CN-150824", "CN-150825")),
        ("Чахар", ("CN-150926", "CN-150927", "CN-150928")),
        ("Сунид", ("CN-152523", "CN-152524")),
        ("Байрин", ("CN-150422", "CN-150423")),
        ("Хангин", ("CN-150625", "CN-150826")),
    ],
)
def test_sibling_banners_share_their_russian_stem(
    stem: str, codes: tuple[str, ...]
) -> None:
    for code in codes:
        short = regionkit.get(code).name("ru", form="short")
        assert short.split("-")[0] == stem, (code, short)


@pytest.mark.parametrize(
    ("code", "russian"),
    [
        ("CN-650121", "уезд Урумчи"),  # not Улумуци, under Урумчи
        ("CN-650203", "район Карамай"),  # not Кэламаи
        ("CN-653221", "уезд Хотан"),  # not Хэтянь
        ("CN-650205", "район Урхо"),  # Russian Wikipedia, not Уэрхэ
        ("CN-653223", "уезд Гума"),  # not Пишань
        ("CN-653024", "уезд Улугчат"),  # not Уця
        ("CN-652822", "уезд Бугур"),  # not Луньтай
        ("CN-653130", "уезд Маралбаши"),  # not Бачу
    ],
)
def test_russian_corrections(code: str, russian: str) -> None:
    assert regionkit.get(code).name("ru") == russian


def test_children_named_after_their_parent_share_its_russian_name() -> None:
    """Only 阿勒泰市 differs: its short form is the full one, not Алтай."""
    differ = []
    for division in regionkit.divisions(level=3):
        parent = division.parent
        if parent is None or parent.level != 2:
            continue
        same_chinese = division.name("zh", form="short") == parent.name(
            "zh", form="short"
        )
        if same_chinese and division.name("ru", form="short") != parent.name(
            "ru", form="short"
        ):
            differ.append(division.code)
    assert differ == ["CN-654301"]


def test_every_stem_row_applies_to_a_unit() -> None:
    """A russian_stems.csv row that no longer matches a unit is stale."""
    for row in rows("russian_stems.csv"):
        matched = [
            d
            for d in regionkit.divisions(country="CN")
            if d.code.startswith(row["within"])
            and (d.level or 0) > 1
            and d.name("zh", form="short").startswith(row["hanzi"])
        ]
        assert matched, row["hanzi"]
        for division in matched:
            assert division.name("ru", form="short").startswith(row["stem"])


# -- former units ---------------------------------------------------------------


def test_former_chaohu_has_names_in_every_script() -> None:
    chaohu = regionkit.get("CN-341400-1999")  # the prefecture-level city, 1999-2011
    assert not chaohu.is_current
    assert chaohu.name("zh") == "巢湖市"
    assert chaohu.name("en") == "Chaohu"
    assert chaohu.name("zh-Latn-pinyin") == "Cháohú Shì"
    assert chaohu.name("zh-Hant") == "巢湖市"
    assert chaohu.name("ru") == "городской округ Чаоху"
    assert chaohu.served_name("en").locale == "en"


@pytest.mark.parametrize(
    ("code", "english"),
    [
        ("CN-533421-2001", "Shangri-La County"),  # as today's 香格里拉市
        ("CN-152600-1981", "Ulanqab League"),  # as today's 乌兰察布市
        ("CN-542300-1981", "Shigatse Prefecture"),
        ("CN-442100-1981", "Hainan Administrative Region"),
        ("CN-152300-1981", "Jirem League"),  # history_english_exceptions.csv
    ],
)
def test_former_units_follow_today_s_english_names(code: str, english: str) -> None:
    assert regionkit.get(code).name("en") == english


def test_every_former_unit_has_an_english_and_a_pinyin_name() -> None:
    codes = [row["code"] for row in rows("history.csv")]
    assert len(codes) >= 3600
    for code in codes:
        division = regionkit.get(code)
        for locale in ("en", "zh-Latn-pinyin"):
            served = division.served_name(locale)
            assert served.locale == locale, (code, served)
            assert not any("\u3400" <= c <= "\u9fff" for c in served.text), code


def test_a_former_unit_s_romanized_name_needs_a_date() -> None:
    """Undated, only its Chinese name finds a former unit; with as_of, all do."""
    day = datetime.date(2005, 1, 1)
    assert regionkit.lookup("Chaohu", as_of=day).code == "CN-341400-1999"
    assert regionkit.lookup("巢湖市", as_of=day).code == "CN-341400-1999"
    assert regionkit.lookup("Chaohu").code == "CN-340181"  # today's city
    taidong = regionkit.get("CN-370204-1983")  # 台东区 of Qingdao, to 1994
    assert taidong.name("en") == "Taidong District"
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup("Taidong District")
    assert regionkit.lookup("台东区").code == "CN-370204-1983"


def test_a_former_prefecture_keeps_every_name_as_a_former_province_does() -> None:
    """Xiangfan, Xiangyang's name until 2010, needs no date; nor Bijie Prefecture."""
    assert regionkit.lookup("Xiangfan").code == "CN-420600-1981"
    assert regionkit.lookup("Bijie Prefecture").code == "CN-522400-1981"
    assert regionkit.lookup("Xiangyang").code == "CN-420600"  # today's city


# -- the fallback ---------------------------------------------------------------


def test_a_fallback_is_visible_and_can_be_refused() -> None:
    dongcheng = regionkit.get("CN-110101")
    assert dongcheng.name("ja") == "Dongcheng District"  # unchanged
    assert dongcheng.served_name("ja") == Name(
        "en", NameForm.FULL, "Dongcheng District", "mca-2024 pypinyin"
    )
    with pytest.raises(NameUnavailable) as caught:
        dongcheng.name("ja", fallback=False)
    assert (caught.value.code, caught.value.locale, caught.value.served) == (
        "CN-110101",
        "ja",
        "en",
    )
    assert dongcheng.name("en-GB", fallback=False) == "Dongcheng District"
    assert dongcheng.name("zh-TW", fallback=False) == "東城區"
    assert dongcheng.served_name("zh-Latn").locale == "zh-Latn-pinyin"


def test_pycountry_s_translation_is_no_fallback() -> None:
    heilongjiang = regionkit.get("CN-HL")
    served = heilongjiang.served_name("de")
    assert (served.locale, served.text, served.source) == (
        "de",
        "Heilongjiang",
        "pycountry-l10n",
    )
    assert heilongjiang.name("de", fallback=False) == "Heilongjiang"


def test_a_unit_named_in_one_language_says_so() -> None:
    """The last resort: a record with Chinese names only, asked for English."""
    names = [Name("zh-Hans", NameForm.FULL, "崇文区", "areacodes-history")]
    served = pick_served(names, "en")
    assert (served.locale, served.text, served.fallback) == ("zh-Hans", "崇文区", True)
    assert not pick_served(names, "zh-CN").fallback


@pytest.mark.parametrize(
    ("code", "english", "old"),
    [
        # English Wikipedia's titles, seen 2026-12: "Barkam", "Baiyü County".
        ("CN-513201", "Barkam", "Ma'erkang"),
        ("CN-513331", "Baiyü County", "Baiyu County"),
    ],
)
def test_tibetan_names_where_english_uses_them(
    code: str, english: str, old: str
) -> None:
    assert regionkit.get(code).name("en") == english
    assert regionkit.lookup(english).code == code
    assert regionkit.lookup(old).code == code  # the pinyin form still reads


def test_qinggil_is_english_wikipedias_title() -> None:
    """青河县 (Xinjiang) is Qinggil County; its pinyin is Hebei's 清河县 too."""
    county = regionkit.get("CN-654325")
    assert county.name("en") == "Qinggil County"
    assert regionkit.lookup("Qinggil County").code == "CN-654325"
    # "Qinghe County" is an alias here and Hebei's own name: scoped, it finds it.
    assert regionkit.lookup("Qinghe County").code == "CN-130534"
    assert regionkit.lookup("Qinghe County", within="CN-XJ").code == "CN-654325"


def test_bome_county_is_english_wikipedias_title() -> None:
    """波密县 is Bomê County (Tibetan pinyin, as Dêgê, Baiyü); Bomi still finds it."""
    county = regionkit.get("CN-540424")
    assert (county.name("en"), county.name("en", form="short")) == (
        "Bomê County",
        "Bomê",
    )
    assert regionkit.lookup("Bomê County").code == "CN-540424"
    assert regionkit.lookup("Bomi County").code == "CN-540424"
