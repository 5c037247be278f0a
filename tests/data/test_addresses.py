"""Reading whole addresses: real codes for every rule of issue 19, and the corpus."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import regionkit
from regionkit import MatchKind

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "addresses"


def chain(text: str, **options: object) -> list[str]:
    return [d.code for d in regionkit.parse_address(text, **options).chain]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "codes", "remainder"),
    [
        # levels in full, or without their category word
        ("广东省深圳市南山区科技园", ["CN-GD", "CN-440300", "CN-440305"], "科技园"),
        (
            "我家的地址是江苏淮安清江浦区人民路111号",
            ["CN-JS", "CN-320800", "CN-320812"],
            "人民路111号",
        ),
        # a municipality written twice
        ("上海上海市嘉定区", ["CN-SH", "CN-310114"], ""),
        ("重庆重庆市", ["CN-CQ"], ""),
        # a level skipped: the prefecture is implied
        ("福建省鼓楼区鼓楼医院", ["CN-FJ", "CN-350100", "CN-350102"], "鼓楼医院"),
        # text before the address
        ("收货地址：北京市朝阳区建国路88号", ["CN-BJ", "CN-110105"], "建国路88号"),
        # development zones stay in the remainder; the real container answers
        ("昆明市高新区昌源中路41号", ["CN-YN", "CN-530100"], "高新区昌源中路41号"),
        (
            "吉林省长春市净月经济开发区生态大街3688号",
            ["CN-JL", "CN-220100"],
            "净月经济开发区生态大街3688号",
        ),
        # Traditional script, full-width digits
        ("廣東省深圳市南山區科技園", ["CN-GD", "CN-440300", "CN-440305"], "科技園"),
        ("上海市浦东新区张杨路５００号", ["CN-SH", "CN-310115"], "张杨路５００号"),
        # Hong Kong, and Taiwan as the data models it (no lower units)
        ("香港", ["CN-HK"], ""),
        ("台湾省台北市", ["CN-TW"], "台北市"),
        # cpca's own test cases (tests/test_cpca.py), with cpca's gold codes
        ("徐汇区虹漕路461号58号楼5楼", ["CN-SH", "CN-310104"], "虹漕路461号58号楼5楼"),
        (
            "泉州市洛江区万安塘西工业区",
            ["CN-FJ", "CN-350500", "CN-350504"],
            "万安塘西工业区",
        ),
        (
            "贵州省黔南布依族苗族自治州长顺县长寨街道和平中路28号",
            ["CN-GZ", "CN-522700", "CN-522729", "CN-522729001"],  # NBS: 长寨街道
            "和平中路28号",
        ),
        ("宁夏", ["CN-NX"], ""),
    ],
)
def test_chinese_addresses(text: str, codes: list[str], remainder: str) -> None:
    address = regionkit.parse_address(text)
    assert [d.code for d in address.chain] == codes
    assert address.remainder == remainder
    assert address.ok


def test_spans_point_into_the_text() -> None:
    text = "我家的地址是江苏淮安清江浦区人民路111号"
    address = regionkit.parse_address(text)
    assert address.prefix == "我家的地址是"
    assert [(p.start, p.end, p.matched) for p in address.parts] == [
        (6, 8, "江苏"),
        (8, 10, "淮安"),
        (10, 14, "清江浦区"),
    ]
    assert all(text[p.start : p.end] == p.matched for p in address.parts)
    assert address.parts[-1].kind is MatchKind.EXACT
    assert address.score == 0.99


def test_a_county_in_two_provinces_is_decided_by_the_province() -> None:
    assert chain("吉林省长春市朝阳区建设街1122号")[-1] == "CN-220104"
    assert chain("北京市朝阳区建国路88号")[-1] == "CN-110105"
    alone = regionkit.parse_address("朝阳区")
    assert alone.division is None
    assert alone.parts == ()
    assert [d.code for d in alone.candidates] == ["CN-110105", "CN-220104"]
    assert alone.reason is not None
    assert not alone.ok


def test_a_province_that_contradicts_the_county_is_flagged() -> None:
    address = regionkit.parse_address("江苏省朝阳区建设路")
    assert [d.code for d in address.chain] == ["CN-JS"]
    assert not address.ok
    (conflict,) = address.conflicts
    assert conflict.what == "name"
    assert conflict.text == "朝阳区"
    assert [d.code for d in conflict.divisions] == ["CN-110105", "CN-220104"]


def test_a_bare_name_before_a_category_word_is_not_the_unit() -> None:
    # 腾冲县 became 腾冲市 in 2015: the county's name is not the city's, and
    # without a date the former county is read, as a former unit.
    address = regionkit.parse_address("云南省保山市腾冲县")
    assert [d.code for d in address.chain] == ["CN-YN", "CN-530500", "CN-530522-2000"]
    assert address.parts[-1].kind is MatchKind.FORMER
    assert address.division is not None
    assert not address.division.is_current
    assert address.remainder == ""


def test_street_names_are_not_divisions() -> None:
    assert chain("上海市嘉定区北京西路1号") == ["CN-SH", "CN-310114"]
    # a full name before a county that begins with a street's word
    assert chain("台州市路桥区科技园") == ["CN-ZJ", "CN-331000", "CN-331004"]
    assert regionkit.parse_address("黑龙江路1号").chain == ()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Респ Адыгея, г Адыгейск", ["RU-AD"]),
        ("обл. Московская, г Химки", ["RU-MOS"]),
        ("Саха /Якутия/ Респ", ["RU-SA"]),
        ("г Москва, ул Тверская 1", ["RU-MOW"]),
        ("Chaoyang District, Beijing 100101, PRC", ["CN-BJ", "CN-110105"]),
        ("Nanshan, Shenzhen, Guangdong, China", ["CN-GD", "CN-440300", "CN-440305"]),
        (
            "Room 501, 88 Keyuan Road, Nanshan District, Shenzhen",
            ["CN-GD", "CN-440300", "CN-440305"],
        ),
    ],
)
def test_russian_and_latin_addresses(text: str, codes: list[str]) -> None:
    assert chain(text)[: len(codes)] == codes


def test_a_locality_implies_its_subject() -> None:
    address = regionkit.parse_address("г. Хабаровск, ул. Ленина 1")
    assert address.chain[0].code == "RU-KHA"
    assert address.remainder == "ул. Ленина 1"
    if not regionkit.divisions("RU", level=2):  # before Russia's localities
        assert address.parts[0].implied_by == "centre"
        assert address.locality == "Хабаровск"


def test_a_postcode_implies_and_checks_the_subject() -> None:
    latin = regionkit.parse_address("ul. Lenina 1, Khabarovsk, Russia 680000")
    assert latin.postcode == "680000"
    assert [d.code for d in latin.postcode_implies] == ["RU-KHA"]
    assert latin.chain[0].code == "RU-KHA"
    assert latin.ok
    alone = regionkit.parse_address("680000, ул. Ленина 1", country="RU")
    assert [p.implied_by for p in alone.parts] == ["postcode"]
    wrong = regionkit.parse_address("680000, Московская обл")
    assert wrong.chain[0].code == "RU-MOS"  # the name is never overruled
    assert [c.what for c in wrong.conflicts] == ["postcode"]
    assert not wrong.ok
    shared = regionkit.parse_address("141000, ул. Ленина 1", country="RU")
    assert [d.code for d in shared.postcode_implies] == ["RU-MOS", "RU-MOW"]
    assert shared.chain == ()  # two subjects share 141: neither is implied


def test_a_chinese_postcode_implies_and_checks_the_province() -> None:
    address = regionkit.parse_address("北京市朝阳区 100101")
    assert address.postcode == "100101"
    assert [d.code for d in address.postcode_implies] == ["CN-BJ"]
    assert address.ok
    wrong = regionkit.parse_address("广东省深圳市南山区科技园 100101")
    assert wrong.code == "CN-440305"  # the names are never overruled
    assert wrong.remainder == "科技园"  # the postcode is read, not left there
    assert [c.message for c in wrong.conflicts] == [
        "postcode 100101 lies in CN-BJ, not CN-GD"
    ]
    assert not wrong.ok
    latin = regionkit.parse_address("Nanshan District, Shenzhen 518057, China")
    assert [d.code for d in latin.postcode_implies] == ["CN-GD"]
    assert latin.code == "CN-440305"
    assert latin.ok
    alone = regionkit.parse_address("邮编：518057")
    assert [(p.code, p.implied_by) for p in alone.parts] == [("CN-GD", "postcode")]
    # 13: Jilin's, and Inner Mongolia's Hinggan League (Ulanhot 137400):
    # both, so that it implies neither alone, and contradicts neither.
    jilin = regionkit.parse_address("吉林省长春市朝阳区 130012")
    assert [d.code for d in jilin.postcode_implies] == ["CN-JL", "CN-NM"]
    assert jilin.ok
    assert regionkit.parse_address("130012", country="CN").chain == ()


def test_six_digits_before_a_character_are_no_chinese_postcode() -> None:
    address = regionkit.parse_address("北京市朝阳区建国路100101号")
    assert address.postcode is None
    assert address.code == "CN-110105"
    assert address.ok


def test_the_chinese_postcode_table_covers_the_mainland_only() -> None:
    import csv

    from regionkit._store import default_dataset

    raw = default_dataset().read_data_file("cn-postcodes.csv").decode("utf-8")
    rows = list(csv.DictReader(raw.splitlines()))
    codes = {row["code"] for row in rows}
    mainland = {d.code for d in regionkit.divisions("CN", level=1)} - {
        "CN-TW",
        "CN-HK",
        "CN-MO",
    }
    assert codes == mainland  # every province has prefixes; the SARs and Taiwan none
    assert len(rows) == 67
    assert len({row["prefix"] for row in rows}) == 60
    assert {r["code"] for r in rows if r["prefix"] == "10"} == {"CN-BJ"}


def test_history_reads_the_units_of_a_day() -> None:
    import datetime

    then = regionkit.parse_address(
        "上海市崇明县长兴镇", as_of=datetime.date(2015, 1, 1)
    )
    assert [d.code for d in then.chain] == ["CN-SH", "CN-310230-1981"]
    assert then.parts[-1].kind is MatchKind.EXACT  # the county's own name that day
    later = regionkit.parse_address(
        "上海市崇明县长兴镇", as_of=datetime.date(2020, 1, 1)
    )
    assert [d.code for d in later.chain] == ["CN-SH"]
    assert later.remainder == "崇明县长兴镇"
    today = regionkit.parse_address("上海市崇明区长兴镇")
    # 长兴镇 is NBS's 310151116, under 崇明区.
    assert [d.code for d in today.chain] == ["CN-SH", "CN-310151", "CN-310151116"]
    former = regionkit.parse_address("上海市崇明县长兴镇")
    assert former.parts[-1].kind is MatchKind.FORMER


def test_russian_localities() -> None:
    address = regionkit.parse_address("Респ Адыгея, г Майкоп")
    assert address.division is not None
    assert (address.division.level or 0) > 1
    assert address.chain[0].code == "RU-AD"


def test_chinese_townships() -> None:
    address = regionkit.parse_address("上海市嘉定区安亭镇园区路1199号")
    assert [d.code for d in address.chain] == ["CN-SH", "CN-310114", "CN-310114103"]
    assert address.remainder == "园区路1199号"
    # Only a full name: 安亭路 is a street, not 安亭镇.
    street = regionkit.parse_address("上海市嘉定区安亭路5号")
    assert [d.code for d in street.chain] == ["CN-SH", "CN-310114"]
    # A prefecture-level city with no counties has its townships directly.
    dongguan = regionkit.parse_address("广东省东莞市东城街道东纵大道1号")
    assert [d.code for d in dongguan.chain] == ["CN-GD", "CN-441900", "CN-441900003"]


def rows(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_corpus_size() -> None:
    counts = {p.name: len(rows(p.name)) for p in CORPUS.glob("*.csv")}
    assert sum(counts.values()) >= 2000
    assert len(counts) >= 3


def test_russian_corpus_subjects() -> None:
    # hflabs' own KLADR region codes are the gold labels.
    wrong = missed = 0
    for row in rows("ru_hflabs_city.csv"):
        top = regionkit.parse_address(row["text"], country="RU").level(1)
        if top is None:
            missed += 1
        elif top.national_code != row["kladr_region"]:
            wrong += 1
    assert wrong == 0
    assert missed <= 10


def test_chinese_corpus_never_silently_wrong_at_the_province() -> None:
    table = rows("cn_google_i18n.csv")
    wrong = 0
    for row in table:
        top = regionkit.parse_address(row["text"], country="CN").level(1)
        names = {n.text for n in top.names} if top is not None else set()
        wrong += top is not None and row["province"] not in names
    assert wrong == 0


def test_a_county_name_inside_a_word_is_not_read() -> None:
    # 嘉義縣 holds 義縣 (Liaoning's 义县), 新竹市北區 holds 市北區 (Qingdao's).
    assert regionkit.parse_address("嘉義縣梅山鄉").chain == ()
    assert regionkit.parse_address("新竹市北區科技园").chain == ()
    # after words that introduce an address, a county starts a reading
    assert chain("我家在徐汇区虹漕路") == ["CN-SH", "CN-310104"]


def test_former_units_where_the_text_goes_on_inside_them() -> None:
    # 巢湖市 is today a county-level city of Hefei; 含山县 lay in the former
    # prefecture of that name (to 2011) and lies in Ma'anshan today.
    assert chain("安徽省巢湖市") == ["CN-AH", "CN-340100", "CN-340181"]
    assert chain("安徽省巢湖市含山县") == ["CN-AH", "CN-341400-1999", "CN-341423-1999"]
    # a former unit's full name beats today's unit's bare name within it
    address = regionkit.parse_address("黑龙江伊春汤旺河区")
    assert [d.code for d in address.chain] == ["CN-HL", "CN-230700", "CN-230712-1984"]
    assert address.parts[-1].kind is MatchKind.FORMER


def test_latin_parts_that_disagree_or_repeat_a_name() -> None:
    # Tianjin's and Shenyang's 和平区 lie at different depths: both are read.
    alone = regionkit.parse_address("Heping District")
    assert [d.code for d in alone.candidates] == ["CN-120101", "CN-210102"]
    # no two parts agree: the largest unit named stands, the other is flagged
    taiwan = regionkit.parse_address("Heping District, Taichung City, Taiwan")
    assert [d.code for d in taiwan.chain] == ["CN-TW"]
    assert [c.text for c in taiwan.conflicts] == ["Heping District"]
    hubei = regionkit.parse_address("Nanshan District, Shenzhen, Hubei")
    assert hubei.code == "CN-440305"
    assert not hubei.ok
    assert [c.text for c in hubei.conflicts] == ["Hubei"]


def test_a_pinyin_apostrophe_parts_syllables() -> None:
    # "Yun'an" (云安) is not "Yunan" (郁南县), whatever lookup's folding says.
    address = regionkit.parse_address("Yun'an Xian, Yunfu Shi, Guangdong Sheng")
    assert [d.code for d in address.chain] == ["CN-GD", "CN-445300"]


def test_russian_markers_and_case_forms() -> None:
    address = regionkit.parse_address(
        "Московская обл, Одинцовский р-н, пгт Большие Вязёмы, ул. Ленина, д. 1"
    )
    # Большие Вязёмы is GeoNames' 573922, in Moscow Oblast.
    assert [d.code for d in address.chain] == ["RU-MOS", "RU-MOS-GN573922"]
    assert address.remainder == "Одинцовский р-н, ул. Ленина, д. 1"
    if not regionkit.divisions("RU", level=2):
        assert address.locality == "Большие Вязёмы"
    assert chain("Хабаровского края, г. Хабаровск")[0] == "RU-KHA"
    assert chain("в Республике Татарстан, с. Большие Кайбицы")[0] == "RU-TA"
    assert chain("Республика Саха (Якутия), г Якутск")[0] == "RU-SA"
    assert chain("Москва, Тверская ул., д. 1") == ["RU-MOW"]


def test_a_centre_without_its_marker_implies_its_subject() -> None:
    assert chain("Казань, ул. Баумана 1")[0] == "RU-TA"
    assert chain("Kazan, Russia")[0] == "RU-TA"
    agreeing = regionkit.parse_address("Tatarstan, Kazan, Russia")
    assert agreeing.chain[0].code == "RU-TA"
    assert agreeing.ok


def test_of_former_units_the_one_in_a_unit_of_today_then_the_last() -> None:
    # 沙湾县 lay in today's 塔城地区 until it became 沙湾市 (2021); a former
    # 沙湾县 of 1981 lay elsewhere.
    assert chain("新疆维吾尔自治区塔城地区沙湾县")[-1] == "CN-654223-1984"
    # 亚东县 was recorded anew in 1986: the last record is read.
    assert chain("西藏自治区日喀则地区亚东县")[-1] == "CN-542334-1986"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a name that a city and its county share, the county named after it
        ("江西南昌南昌县中山路", ["CN-JX", "CN-360100", "CN-360121"]),
        ("吉林吉林蛟河市", ["CN-JL", "CN-220200", "CN-220281"]),
        # a county whose name begins with a category or street word
        ("汉中镇巴县", ["CN-SN", "CN-610700", "CN-610728"]),
        ("河北唐山路南区", ["CN-HE", "CN-130200", "CN-130202"]),
        # 青岛市北区: 青岛 and 市北区, since no unit inside 青岛市 follows it
        # (Hong Kong's 北区 and 南区 do, and are not read there)
        ("山东青岛市北区", ["CN-SD", "CN-370200", "CN-370203"]),
        ("山东青岛市南区建设街514号", ["CN-SD", "CN-370200", "CN-370202"]),
        ("四川内江市中区", ["CN-SC", "CN-511000", "CN-511002"]),
        ("上海市浦东新区张杨路500号", ["CN-SH", "CN-310115"]),
    ],
)
def test_names_that_run_into_each_other(text: str, codes: list[str]) -> None:
    assert chain(text) == codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A locality that bears the name today, not one that bore it once
        # (Tolyatti was Stavropol until 1964; Korolyov was Kaliningrad).
        ("г Ставрополь", "RU-STA-GN487846"),
        ("г Калининград", "RU-KGD-GN554234"),
        # A город's marker in one subject: the town, not the village (GeoNames
        # holds a village Россошь in Voronezh Oblast too).
        ("Воронежская обл, г Россошь", "RU-VOR-GN501231"),
        ("Свердловская обл, г Лесной", "RU-SVE-GN829005"),
        # The subject decides between two towns of one name.
        ("Ярославская обл, г Ростов", "RU-YAR-GN501183"),
    ],
)
def test_a_russian_line_means_the_town_that_bears_the_name(
    text: str, code: str
) -> None:
    address = regionkit.parse_address(text)
    assert address.code == code
    assert address.candidates == ()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("г Ростов", ["RU-ROS-GN501175", "RU-YAR-GN501183"]),  # Rostov-on-Don's too
        ("г Киров", ["RU-KIR-GN548408", "RU-KLU-GN548410"]),
        ("г Благовещенск", ["RU-AMU-GN2026609", "RU-BA-GN576116"]),
    ],
)
def test_two_towns_of_one_name_in_two_subjects_stay_candidates(
    text: str, codes: list[str]
) -> None:
    address = regionkit.parse_address(text)
    assert address.code is None
    assert [d.code for d in address.candidates] == codes
