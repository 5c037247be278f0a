"""Issue 17: Russia's localities, the subjects' centres, their locations and zones."""

from __future__ import annotations

import zoneinfo
from collections import Counter
from pathlib import Path

import pytest

import regionkit
from regionkit import AmbiguousName, Category, Dataset, NotFound

DATA = Path(regionkit.__file__).parent / "_data"


def localities() -> tuple[regionkit.Division, ...]:
    return regionkit.divisions("RU", level=2)


def test_counts_per_status() -> None:
    tally = Counter(d.category for d in localities())
    assert tally == {Category.CITY: 1109, Category.INHABITED_LOCALITY: 4725}
    # The subjects stay 89, and the groupings are unchanged.
    assert len(regionkit.divisions("RU", level=1)) == 89
    assert len(regionkit.divisions("RU", category="federal_district")) == 8


@pytest.mark.parametrize(
    ("subject", "cities", "others"),
    [
        ("RU-KHA", 7, 43),
        ("RU-PRI", 12, 88),
        ("RU-SA", 13, 65),
        ("RU-ZAB", 10, 68),
        ("RU-AMU", 10, 40),
        ("RU-TA", 23, 39),
        ("RU-MOS", 74, 291),
        ("RU-CRIMEA", 15, 481),
        # The federal cities' own towns are not in the list's copy (NOTES.md).
        ("RU-SPE", 0, 57),
        # Of the subjects of 2022, only the centres and seats.
        ("RU-DONETSK", 0, 1),
        ("RU-KHERSON", 0, 2),
    ],
)
def test_counts_per_subject(subject: str, cities: int, others: int) -> None:
    tally = Counter(d.category for d in regionkit.get(subject).children)
    assert tally[Category.CITY] == cities
    assert tally[Category.INHABITED_LOCALITY] == others
    assert len(tally) <= 2


def test_a_locality_is_inside_one_subject() -> None:
    subjects = {d.code for d in regionkit.divisions("RU", level=1)}
    for place in localities():
        assert place.parent_code in subjects
        assert place.code.startswith(f"{place.parent_code}-GN")
        assert place.location is not None
        assert place.name("en")


def test_the_federal_cities_are_subjects_not_localities() -> None:
    for text, code in [("Moscow", "RU-MOW"), ("Санкт-Петербург", "RU-SPE")]:
        assert regionkit.lookup(text).code == code
    assert regionkit.lookup("Sevastopol").code == "RU-SEVASTOPOL"
    names = {d.name("en") for d in localities()}
    assert not {"Moscow", "Saint Petersburg", "Sevastopol"} & names


def test_every_subject_s_centre_and_seat_is_a_record() -> None:
    subjects = regionkit.divisions("RU", level=1)
    assert len(subjects) == 89
    for subject in subjects:
        places = [c for c in subject.centres]
        assert places, subject.code
        for centre in places:
            assert centre.code is not None, (subject.code, centre.role)
            place = regionkit.get(centre.code)
            if place.level == 1:  # a federal city: its own centre, or a seat
                assert place.category is Category.FEDERAL_CITY
                continue
            assert place.parent_code == subject.code
            assert centre.name("ru") in {n.text for n in place.names}
        assert subject.seat is not None
        assert subject.seat.code is not None


@pytest.mark.parametrize(
    ("subject", "centre"),
    [
        ("RU-AD", "Майкоп"),
        ("RU-PRI", "Владивосток"),
        ("RU-SVE", "Екатеринбург"),
        ("RU-KK", "Абакан"),
        ("RU-TY", "Кызыл"),
        ("RU-KHA", "Хабаровск"),
        ("RU-AL", "Горно-Алтайск"),
        ("RU-LEN", "Гатчина"),
        ("RU-CRIMEA", "Симферополь"),
        ("RU-ZAPOROZHYE", "Мелитополь"),
    ],
)
def test_the_centres_are_found_by_name(subject: str, centre: str) -> None:
    found = regionkit.lookup(centre)
    assert found.code == regionkit.get(subject).centre.code  # type: ignore[union-attr]
    assert found.parent_code == subject
    assert regionkit.lookup(centre, level=1).code == subject


def test_seats_that_are_not_centres() -> None:
    mos = regionkit.get("RU-MOS")
    assert mos.centre is None
    assert [c.code for c in mos.centres] == ["RU-MOS-GN542374", "RU-MOW"]
    assert regionkit.get("RU-MOS-GN542374").name("ru") == "Красногорск"
    kherson = regionkit.get("RU-KHERSON")
    assert regionkit.get(kherson.seat.code).name("ru") == "Геническ"  # type: ignore[union-attr,arg-type]


def test_sakha_spans_three_zones_its_centre_s_first() -> None:
    sakha = regionkit.get("RU-SA")
    assert sakha.time_zones == ("Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan")
    yakutsk = regionkit.get(sakha.centre.code)  # type: ignore[union-attr,arg-type]
    assert yakutsk.time_zones == ("Asia/Yakutsk",)


def test_every_zone_is_a_tzdata_zone_and_a_subject_s_main_is_its_centre_s() -> None:
    for division in regionkit.divisions("RU"):
        for zone in division.time_zones:
            zoneinfo.ZoneInfo(zone)  # a name tzdata knows
    for subject in regionkit.divisions("RU", level=1):
        if subject.code in {"RU-DONETSK", "RU-LUGANSK", "RU-ZAPOROZHYE", "RU-KHERSON"}:
            assert subject.time_zones == ()  # see data/ru/NOTES.md
            continue
        assert subject.time_zones, subject.code
        place = subject.centre or subject.seat
        record = regionkit.get(place.code)  # type: ignore[union-attr,arg-type]
        assert subject.time_zones[0] == record.time_zones[0]
    assert regionkit.get("RU-KGD").time_zones == ("Europe/Kaliningrad",)
    assert regionkit.get("RU-MOW").time_zones == ("Europe/Moscow",)
    assert regionkit.get("RU-CRIMEA").time_zones == ("Europe/Simferopol",)
    assert regionkit.get("RU-KGN").time_zones == ("Asia/Yekaterinburg",)


def test_zabaykalsk_lies_in_zabaykalsky_krai() -> None:
    for text in ("Забайкальск", "Zabaykalsk"):
        town = regionkit.lookup(text)
        assert town.code == "RU-ZAB-GN2012780"
        assert town.parent_code == "RU-ZAB"
        assert town.time_zones == ("Asia/Chita",)
        assert town.category is Category.INHABITED_LOCALITY  # a пгт, not a город


def test_vladivostok() -> None:
    for text in ("Владивосток", "Vladivostok", "符拉迪沃斯托克", "海参崴"):
        assert regionkit.lookup(text).code == "RU-PRI-GN2013348"
    city = regionkit.get("RU-PRI-GN2013348")
    assert city.category is Category.CITY
    assert city.parent_code == "RU-PRI"
    assert city.location is not None
    # The city's coordinates in Wikipedia's article: 43°08′N 131°54′E.
    assert abs(city.location.latitude - 43.133) < 0.1
    assert abs(city.location.longitude - 131.911) < 0.1
    assert city.time_zones == ("Asia/Vladivostok",)
    assert city.population is not None
    assert city.population.value > 500_000
    assert city.population.year is None  # GeoNames states none


@pytest.mark.parametrize("text", ["г Майкоп", "г. Майкоп", "Майкоп", "Maykop"])
def test_maykop_with_and_without_its_category_word(text: str) -> None:
    assert regionkit.lookup(text).code == "RU-AD-GN528293"


@pytest.mark.parametrize("text", ["пгт Ванино", "п. Ванино", "рп Ванино", "Ванино пгт"])
def test_a_locality_with_its_status_abbreviated(text: str) -> None:
    # Vanino is no город: the abbreviations of the other statuses fit it.
    assert regionkit.lookup(text).code == "RU-KHA-GN2119932"


def test_a_status_that_does_not_fit_finds_nothing() -> None:
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup("г. Ванино")  # Vanino is no город
    with pytest.raises(regionkit.NotFound):
        regionkit.lookup("пгт Хабаровск")  # Khabarovsk is one


def test_a_city_in_its_subject() -> None:
    assert regionkit.lookup("Респ Адыгея, г Адыгейск").code == "RU-AD-GN483142"
    assert regionkit.lookup("г Горно-Алтайск").parent_code == "RU-AL"


def test_a_name_of_a_subject_and_of_its_centre() -> None:
    # The city's exact name finds the city; the krai's names find the krai.
    assert regionkit.lookup("Хабаровск").code == "RU-KHA-GN2022890"
    assert regionkit.lookup("Хабаровский край").code == "RU-KHA"
    assert regionkit.lookup("Хабаровск", level=1).code == "RU-KHA"
    # A name a subject bears means the subject, as "吉林" means the province.
    assert regionkit.lookup("Kaluga").code == "RU-KLU"
    assert regionkit.lookup("Kaluga", level=2).code == "RU-KLU-GN553915"
    assert regionkit.lookup("Калуга").code == "RU-KLU-GN553915"


def test_towns_of_one_name_in_two_subjects_need_within() -> None:
    with pytest.raises(AmbiguousName) as caught:
        regionkit.lookup("Благовещенск")
    assert {d.code for d in caught.value.candidates} == {
        "RU-AMU-GN2026609",
        "RU-BA-GN576116",
    }
    assert regionkit.lookup("Благовещенск", within="RU-AMU").code == "RU-AMU-GN2026609"
    assert regionkit.lookup("Благовещенск", within="RU-BA").code == "RU-BA-GN576116"
    with pytest.raises(AmbiguousName):
        regionkit.lookup("Донецк")  # Rostov Oblast's town and the DPR's centre


def test_alternate_names_in_russian_and_their_romanizations_are_read() -> None:
    assert regionkit.lookup("Владик").code == "RU-PRI-GN2013348"
    assert regionkit.lookup("Habarovsk").code == "RU-KHA-GN2022890"
    # Names in other languages are not read: "Samar" is an island of the
    # Philippines before it is a German name of Samara.
    with pytest.raises(NotFound):
        regionkit.lookup("Samar")


@pytest.mark.parametrize(
    ("text", "code", "last_day"),
    [
        ("Gorky", "RU-NIZ-GN520555", "1990-10-21"),
        ("Кёнигсберг", "RU-KGD-GN554234", "1946-07-03"),
        ("Königsberg", "RU-KGD-GN554234", "1946-07-03"),
        ("Свердловск", "RU-SVE-GN1486209", "1991-09-22"),
    ],
)
def test_former_names_with_their_dates(text: str, code: str, last_day: str) -> None:
    assert regionkit.lookup(text, level=2).code == code
    former = [n for n in regionkit.get(code).names if n.text == text]
    assert [n.form.value for n in former] == ["former"]
    assert str(former[0].valid_to) == last_day


@pytest.mark.parametrize(
    ("text", "code", "last_day"),
    [
        ("Сталинград", "RU-VGG-GN472757", "1961-11-09"),
        ("Stalingrad", "RU-VGG-GN472757", "1961-11-09"),
        ("Царицын", "RU-VGG-GN472757", "1924-12-31"),  # the year only: 1925
        ("Загорск", "RU-MOS-GN496638", "1991-09-22"),
        ("Zagorsk", "RU-MOS-GN496638", "1991-09-22"),
        ("Симбирск", "RU-ULY-GN479123", "1924-05-08"),
        ("Вятка", "RU-KIR-GN548408", "1934-12-04"),
        ("Брежнев", "RU-TA-GN523750", "1988-01-05"),
        ("Андропов", "RU-YAR-GN500004", "1988-12-31"),  # the year only: 1989
        ("Щербаков", "RU-YAR-GN500004", "1956-12-31"),
        ("Устинов", "RU-UD-GN554840", "1986-12-31"),
        ("Екатеринодар", "RU-KDA-GN542420", "1920-12-06"),
        ("Yekaterinodar", "RU-KDA-GN542420", "1920-12-06"),
        ("Молотов", "RU-PER-GN511196", "1957-10-01"),  # Perm again on 2 October
        ("Molotov", "RU-PER-GN511196", "1957-10-01"),
        ("Чкалов", "RU-ORE-GN515003", "1957-12-03"),  # the decree of 4 December
        ("Chkalov", "RU-ORE-GN515003", "1957-12-03"),
    ],
)
def test_renamed_cities_answer_to_their_former_names(
    text: str, code: str, last_day: str
) -> None:
    """The Soviet-era and older names of renamed cities, with their last day."""
    (match,) = regionkit.resolve(text)
    assert (match.division.code, match.kind) == (code, regionkit.MatchKind.FORMER)
    former = [n for n in regionkit.get(code).names if n.text == text]
    assert [n.form.value for n in former] == ["former"]
    assert str(former[0].valid_to) == last_day


def test_former_names_keep_their_first_day_where_known() -> None:
    names = {n.text: n for n in regionkit.get("RU-UD-GN554840").names}
    assert str(names["Устинов"].valid_from) == "1984-12-27"
    tver = {n.text: n for n in regionkit.get("RU-TVE-GN480060").names}
    assert (str(tver["Калинин"].valid_from), str(tver["Калинин"].valid_to)) == (
        "1931-11-20",
        "1990-07-16",
    )
    assert tver["Калинин"].form.value == "former"  # no longer a plain alias


def test_sverdlovsk_in_english_is_the_oblast_and_level_2_the_city() -> None:
    """The English "Sverdlovsk" is the oblast: its own short name wins."""
    assert regionkit.lookup("Sverdlovsk").code == "RU-SVE"
    assert regionkit.lookup("Sverdlovsk", level=2).code == "RU-SVE-GN1486209"
    assert regionkit.lookup("Свердловск").code == "RU-SVE-GN1486209"
    kinds = {m.division.code: m.kind for m in regionkit.resolve("Sverdlovsk")}
    assert kinds["RU-SVE-GN1486209"] is regionkit.MatchKind.FORMER


def test_a_former_name_that_a_place_bears_today_means_that_place() -> None:
    # Tolyatti was Stavropol until 1964; Tver was Kalinin until 1990.
    assert regionkit.lookup("Ставрополь").code == "RU-STA-GN487846"
    assert regionkit.lookup("Калинин").code == "RU-ROS-GN554269"
    assert regionkit.lookup("Калинин", within="RU-TVE").code == "RU-TVE-GN480060"
    assert regionkit.lookup("Ставрополь", within="RU-SAM").code == "RU-SAM-GN482283"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("в Хабаровске", "RU-KHA-GN2022890"),
        ("Хабаровску", "RU-KHA-GN2022890"),
        ("из Владивостока", "RU-PRI-GN2013348"),
        ("в Екатеринбурге", "RU-SVE-GN1486209"),
        ("по Новосибирску", "RU-NVS-GN1496747"),
        ("в Уфе", "RU-BA-GN479561"),
        ("в Набережных Челнах", "RU-TA-GN523750"),
        ("в Нижнем Новгороде", "RU-NIZ-GN520555"),
        ("в Ростове-на-Дону", "RU-ROS-GN501175"),
        ("в Петропавловске-Камчатском", "RU-KAM-GN2122104"),
        ("в Сосновом Бору", "RU-LEN-GN490172"),
        ("Чебоксарах", "RU-CU-GN569696"),
    ],
)
def test_case_forms_of_a_locality_find_it(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


def test_a_city_s_case_form_beats_its_subject_s_stem() -> None:
    """The city "в Хабаровске" names ranks above the krai its stem reaches."""
    found = regionkit.resolve("в Хабаровске")
    assert [(m.division.code, m.kind.value) for m in found] == [
        ("RU-KHA-GN2022890", "alias"),
        ("RU-KHA", "inflected"),
    ]
    assert regionkit.lookup("в Хабаровске", level=1).code == "RU-KHA"
    # The subject's own case forms stay the subject's.
    assert regionkit.lookup("в Хабаровском крае").code == "RU-KHA"
    assert regionkit.lookup("Алтае").code == "RU-AL"


def test_a_case_form_takes_no_other_unit_s_name() -> None:
    # Поляна (Amur Oblast) declines to "Поляне", a village of Pskov Oblast.
    assert regionkit.lookup("Поляне").code == "RU-PSK-GN506777"
    amur = {n.text for n in regionkit.get("RU-AMU-GN2017778").names}
    assert "Поляне" not in amur
    assert "Поляной" in amur
    # Foreign places' names are left to them: a Ukrainian village, a Turkish
    # province, a district of Uganda (the locative of Сорокино, the dative of
    # Орда, the locative of Kola).
    for text in ("Сорокине", "Орду", "Коле"):
        with pytest.raises(NotFound):
            regionkit.lookup(text)


def test_two_towns_of_one_name_tie_in_their_case_forms_too() -> None:
    with pytest.raises(AmbiguousName) as caught:
        regionkit.lookup("в Ленинске")
    assert {d.code for d in caught.value.candidates} == {
        "RU-CHE-GN536155",
        "RU-VGG-GN536156",
    }


def test_a_former_name_that_a_town_bears_today_means_the_town() -> None:
    # Samara was Kuybyshev until 1991; a town of Novosibirsk Oblast is Kuybyshev.
    assert regionkit.lookup("Куйбышев").code == "RU-NVS-GN1501141"
    assert regionkit.lookup("Куйбышев", within="RU-SAM").code == "RU-SAM-GN499099"


def test_no_typos_of_locality_names() -> None:
    with pytest.raises(NotFound):
        regionkit.lookup("Vladivostol")


def test_localities_load_only_when_needed() -> None:
    read: list[str] = []

    def reader(name: str) -> bytes:
        read.append(name)
        return (DATA / name).read_bytes()

    dataset = Dataset(reader)
    dataset.get("RU-KHA")
    assert len(dataset.divisions("RU", level=1)) == 89
    dataset.lookup("Moscow")
    dataset.lookup("Хабаровский край")
    assert "ru-places.json" not in read
    # A name no locality bears reads their name index, not their records.
    assert dataset.lookup("Harbin").code == "CN-230100"
    assert dataset._indices["RU"].files == 1
    assert dataset.lookup("Владивосток").code == "RU-PRI-GN2013348"
    assert dataset._indices["RU"].files == 2


def test_china_s_units_lie_in_beijing_time_and_xinjiang_says_both() -> None:
    units = [d for d in regionkit.divisions("CN") if d.level is not None]
    zones = Counter(d.time_zones for d in units)
    # Hong Kong and Macau and their 18 + 7 units keep their zones; Taiwan too.
    sars = {"Asia/Hong_Kong": 1 + 18, "Asia/Macau": 1 + 7, "Asia/Taipei": 1}
    assert {z: zones[(z,)] for z in sars} == sars
    assert zones[("Asia/Shanghai",)] == (
        len(units) - zones[("Asia/Shanghai", "Asia/Urumqi")] - sum(sars.values())
    )
    # Xinjiang and every unit in it: the official zone first, the local one next.
    xinjiang = [d for d in units if (d.national_code or "").startswith("65")]
    assert {d.time_zones for d in xinjiang} == {("Asia/Shanghai", "Asia/Urumqi")}
    assert zones[("Asia/Shanghai", "Asia/Urumqi")] == len(xinjiang)
    assert regionkit.get("CN-HK").time_zones == ("Asia/Hong_Kong",)
    assert regionkit.get("CN-MO").time_zones == ("Asia/Macau",)
    assert regionkit.get("CN-TW").time_zones == ("Asia/Taipei",)


def test_how_many_localities_have_a_chinese_name() -> None:
    """886 of the 888 localities with Han-script alternates: not Partizansk, Luga."""
    named = [d for d in localities() if any(n.locale == "zh-Hans" for n in d.names)]
    assert len(named) == 886
    by_source = Counter(
        (n.source, n.form.value)
        for d in named
        for n in d.names
        if n.locale == "zh-Hans"
    )
    # The maps' six names, each with its bracketed former name as an alias.
    assert by_source["mnr-2023-map-norms", "full"] == 6
    assert by_source["mnr-2023-map-norms", "alias"] == 6


@pytest.mark.parametrize(
    ("code", "chinese"),
    [
        ("RU-PRI-GN2013348", "符拉迪沃斯托克"),  # the map norms: not 海参崴
        ("RU-KHA-GN2022890", "哈巴罗夫斯克"),  # the map norms: not 伯力
        ("RU-AMU-GN2026609", "布拉戈维申斯克"),  # the map norms; GeoNames has 海兰泡
        ("RU-IRK-GN2023469", "伊尔库茨克"),  # GeoNames' 伊爾庫茨克, as t2s writes it
        ("RU-NVS-GN1496747", "新西伯利亚"),
        ("RU-SVE-GN1486209", "叶卡捷琳堡"),  # GeoNames' 葉卡捷琳堡, as t2s writes it
        ("RU-TA-GN551487", "喀山"),
        ("RU-SAK-GN2119441", "南萨哈林斯克"),  # it reads nearer than 丰原
    ],
)
def test_a_locality_s_chinese_name(code: str, chinese: str) -> None:
    place = regionkit.get(code)
    assert place.name("zh") == chinese
    assert place.name("zh-CN") == chinese
    assert place.name("zh-Hans", fallback=False) == chinese


def test_a_historical_chinese_name_stays_an_alias_that_finds_the_place() -> None:
    """海参崴 finds Vladivostok; the name served is the map norms' 符拉迪沃斯托克."""
    vladivostok = regionkit.get("RU-PRI-GN2013348")
    assert regionkit.lookup("海参崴") == vladivostok
    assert regionkit.lookup("符拉迪沃斯托克").code == vladivostok.code
    chinese = {(n.locale, n.form.value, n.text) for n in vladivostok.names}
    assert ("zh", "alias", "海参崴") in chinese
    assert ("zh-Hans", "full", "符拉迪沃斯托克") in chinese


@pytest.mark.parametrize(
    ("code", "english"),
    [
        # GeoNames' 游击队城 and 苏常 transcribe neither name.
        ("RU-PRI-GN2018116", "Partizansk"),
        # 盧加 as t2s writes it, 卢加, is Senegal's Louga in pycountry's catalogue.
        ("RU-LEN-GN533690", "Luga"),
    ],
)
def test_no_chinese_name_falls_back_to_english(code: str, english: str) -> None:
    place = regionkit.get(code)
    assert place.name("zh") == english
    assert place.served_name("zh").locale == "en"
    with pytest.raises(LookupError):
        place.name("zh", fallback=False)


def test_a_traditional_request_never_gets_the_simplified_name() -> None:
    """Only Simplified is stored for localities: zh-Hant and zh-TW get English."""
    vladivostok = regionkit.get("RU-PRI-GN2013348")
    assert vladivostok.name("zh-Hant") == "Vladivostok"
    assert vladivostok.name("zh-TW") == "Vladivostok"


def test_subject_centres_with_a_chinese_name() -> None:
    """68 of the 88 centres that are localities have one (not Maykop, Krasnoyarsk)."""
    centres = [
        regionkit.get(c.code)
        for s in regionkit.divisions("RU", level=1)
        for c in s.centres
        if c.role.value == "centre" and c.code and c.code.count("-") == 2
    ]
    assert len(centres) == 88 - 3  # the three federal cities are subjects
    named = {
        c.name("ru"): c.name("zh") for c in centres if c.name("zh") != c.name("en")
    }
    assert len(named) == 68
    assert named["Хабаровск"] == "哈巴罗夫斯克"
    assert "Майкоп" not in named
    assert "Красноярск" not in named


def test_the_case_forms_are_read_only_when_a_text_reaches_the_aliases() -> None:
    """
    A filtered lookup of a locality's name reads no case form; a case form does.

    The localities' index keeps their 19,096 case-form keys in a table of their
    own, decoded the first time a Cyrillic text misses the exact names.
    """
    dataset = Dataset(lambda name: (DATA / name).read_bytes())
    khabarovsk = dataset.lookup("Хабаровск", within="RU-KHA")
    assert khabarovsk.code == "RU-KHA-GN2022890"
    index = dataset._name_indices[("RU", 2)]
    assert set(index._tables) == {"exact"}
    assert dataset.lookup("Vladivostok", within="RU-PRI").code == "RU-PRI-GN2013348"
    assert set(index._tables) == {"exact"}
    assert dataset.lookup("Хабаровске", within="RU-KHA") == khabarovsk
    assert "cases" in index._tables
    # The village Смоленщина's four case forms are Smolensk Oblast's nickname's.
    assert len(index._tables["cases"].keys()) == 19_096
    # GeoNames' alternates, less Молотов and Чкалов, and Ойрот-Тура's two keys
    # (dated former names now), with the large cities' spellings in other
    # languages (1,285 names, 1,428 keys up to accents) and the maps' bracketed
    # names 双城子 and 庙街.
    assert len(index._tables["alias"].keys()) == 10196 - 2 + 1428 + 2


@pytest.mark.parametrize("text", ["пас Ванино", "Ванино дир", "пгн Ванино"])
def test_a_mistyped_status_is_no_typo_reading_of_a_locality(text: str) -> None:
    # Localities are never read by a typo, nor by a mistyped status word.
    assert regionkit.resolve(text) == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Togliatti", "RU-SAM-GN482283"),  # Italian, after Palmiro Togliatti
        ("Jekaterinburg", "RU-SVE-GN1486209"),
        ("Szamara", "RU-SAM-GN499099"),
        ("双城子", "RU-PRI-GN2014006"),  # the maps' bracketed name of Ussuriysk
        ("庙街", "RU-KHA-GN2122850"),
    ],
)
def test_a_large_city_is_read_in_other_languages_spellings(
    text: str, code: str
) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize("text", ["Tsjerkassy", "Nowy", "maykwb"])
def test_other_languages_names_of_small_places_are_not_read(text: str) -> None:
    # A village Черкассы's Dutch name is Ukraine's Cherkasy; "Nowy" a word;
    # "maykwb" a machine romanization of Maykop's Arabic-script name.
    assert regionkit.resolve(text) == ()
