"""Divisions through time: counts at dates, former units, successors, as_of."""

import datetime

import pytest

import regionkit
from regionkit import ChangeKind

D = datetime.date


def subjects(day: datetime.date, perspective: str = "national") -> int:
    return len(regionkit.divisions("RU", level=1, as_of=day, perspective=perspective))


@pytest.mark.parametrize(
    ("day", "count"),
    [
        (D(2000, 1, 1), 89),
        (D(2005, 11, 30), 89),
        (D(2005, 12, 1), 88),  # Perm Krai from Perm Oblast and Komi-Permyak AO
        (D(2006, 12, 31), 88),
        (D(2007, 1, 1), 86),  # Krasnoyarsk Krai absorbs Taymyr and Evenk AOs
        (D(2007, 7, 1), 85),  # Kamchatka Krai from Kamchatka Oblast and Koryak AO
        (D(2008, 1, 1), 84),  # Irkutsk Oblast absorbs Ust-Orda Buryat AO
        (D(2008, 2, 29), 84),
        (D(2008, 3, 1), 83),  # Zabaykalsky Krai from Chita Oblast and Agin-Buryat AO
        (D(2014, 3, 17), 83),
        (D(2014, 3, 18), 85),  # Crimea and Sevastopol, under Russian law
        (D(2022, 9, 29), 85),
        (D(2022, 9, 30), 89),  # the four subjects of 2022, under Russian law
        (D(2026, 1, 1), 89),
    ],
)
def test_russias_subject_count_over_time_under_its_own_law(
    day: datetime.date, count: int
) -> None:
    assert subjects(day) == count


@pytest.mark.parametrize("day", [D(2008, 3, 1), D(2015, 1, 1), D(2023, 1, 1)])
def test_the_iso_view_stays_at_83_after_2008(day: datetime.date) -> None:
    assert subjects(day, "iso") == 83


@pytest.mark.parametrize(
    ("day", "count"),
    [
        (D(2000, 6, 1), 7),
        (D(2010, 1, 19), 8),  # North Caucasian FD split from the Southern
        (D(2015, 1, 1), 9),  # with the Crimean FD
        (D(2016, 7, 28), 8),  # Crimean FD merged into the Southern
    ],
)
def test_federal_districts_over_time(day: datetime.date, count: int) -> None:
    districts = regionkit.divisions("RU", category="federal_district", as_of=day)
    assert len(districts) == count


@pytest.mark.parametrize(
    ("day", "count"),
    [
        (D(1987, 1, 1), 30),  # 29 on the mainland, and Taiwan as the PRC counts it
        (D(1990, 1, 1), 31),  # Hainan, 1988
        (D(1998, 1, 1), 33),  # Chongqing and Hong Kong, 1997
        (D(2000, 1, 1), 34),  # Macau, 1999
        (D(2026, 1, 1), 34),
    ],
)
def test_chinas_provincial_count_over_time(day: datetime.date, count: int) -> None:
    assert len(regionkit.divisions("CN", level=1, as_of=day)) == count


def test_the_sars_subdivisions_begin_with_the_sars() -> None:
    """The day before each SAR was established, it had no districts or parishes."""
    before = {d.code for d in regionkit.divisions("CN", level=3, as_of=D(1997, 6, 30))}
    assert not {c for c in before if c.startswith(("CN-HK-", "CN-MO-"))}
    on_1997 = regionkit.divisions("CN", level=3, as_of=D(1997, 7, 1))
    assert sum(d.parent_code == "CN-HK" for d in on_1997) == 18
    assert sum(d.parent_code == "CN-MO" for d in on_1997) == 0
    on_1999 = regionkit.divisions("CN", level=3, as_of=D(1999, 12, 20))
    assert sum(d.parent_code == "CN-MO" for d in on_1999) == 7


@pytest.mark.parametrize(
    ("day", "prefectures", "counties"),
    [
        # The totals of the MCA lists (areacodes result.csv) at those dates,
        # and the SARs' 18 districts (since 1997) and 7 parishes (since 1999).
        (D(2000, 12, 31), 333, 2864 + 25),
        (D(2010, 12, 31), 333, 2859 + 25),
    ],
)
def test_chinas_lower_counts_at_two_dates(
    day: datetime.date, prefectures: int, counties: int
) -> None:
    assert len(regionkit.divisions("CN", level=2, as_of=day)) == prefectures
    assert len(regionkit.divisions("CN", level=3, as_of=day)) == counties


def test_chita_oblast_became_zabaykalsky_krai() -> None:
    chita = regionkit.get("RU-CHI")
    assert chita.name("ru") == "Читинская область"
    assert chita.valid_to == D(2008, 2, 29)
    assert not chita.is_current
    assert [d.code for d in chita.successors()] == ["RU-ZAB"]
    assert [d.code for d in regionkit.get("RU-ZAB").predecessors()] == [
        "RU-AGB",
        "RU-CHI",
    ]


def test_a_reused_iso_code_gives_the_unit_of_the_date() -> None:
    assert regionkit.get("RU-PER").category.value == "krai"
    assert regionkit.get("RU-PER", as_of=D(2000, 1, 1)).code == "RU-PERM-OBLAST"
    with pytest.raises(KeyError):
        regionkit.get("RU-ZAB", as_of=D(2000, 1, 1))


def test_a_former_name_finds_the_former_unit_and_its_successor() -> None:
    chita = regionkit.lookup("Читинская область")
    assert chita.code == "RU-CHI"
    assert [
        r.code for r in regionkit.lookup_many(["Читинская область"], current=True)
    ] == ["RU-ZAB"]
    assert regionkit.lookup("Perm").code == "RU-PER"  # today's unit wins a tie


def test_lookup_as_of_a_date() -> None:
    assert regionkit.lookup("崇明县", as_of=D(2010, 1, 1)).national_code == "310230"
    assert regionkit.lookup("崇明", as_of=D(2020, 1, 1)).code == "CN-310151"


def test_every_successor_exists_the_day_after_its_predecessor_ends() -> None:
    for change in regionkit.changes():
        for code in change.after:
            successor = regionkit.get(code, as_of=change.date)
            assert successor.valid_on(change.date), (change, code)
        for code in change.before:
            predecessor = regionkit.get(code, as_of=change.date - datetime.timedelta(1))
            assert predecessor.code  # it existed the day before


def test_changes_between_dates() -> None:
    changes = regionkit.changes("RU", since=D(2005, 1, 1), until=D(2008, 12, 31))
    merged = [c for c in changes if c.kind is ChangeKind.MERGED]
    assert [c.date for c in merged] == [
        D(2005, 12, 1),
        D(2007, 1, 1),
        D(2007, 7, 1),
        D(2008, 1, 1),
        D(2008, 3, 1),
    ]


def test_navigation_as_of_a_date() -> None:
    krasnoyarsk = regionkit.get("RU-KYA")
    assert [d.code for d in krasnoyarsk.enclosed] == []
    chongqing = regionkit.get("CN-CQ")
    districts_2010 = {d.name("zh") for d in chongqing.children_on(D(2010, 1, 1))}
    assert "江北区" in districts_2010
    assert "两江新区" not in districts_2010
    assert "两江新区" in {d.name("zh") for d in chongqing.children}


def test_former_names_carry_their_dates() -> None:
    kemerovo = regionkit.get("RU-KEM")
    former = [n for n in kemerovo.names if n.form.value == "former"]
    assert [(n.text, n.valid_to) for n in former if n.locale == "ru"] == [
        ("Кемеровская область", D(2019, 3, 26))
    ]
    # Its romanizations (every iuliia schema, the informal ones) keep its dates.
    latin = {n.text: (n.valid_from, n.valid_to) for n in former if n.locale != "ru"}
    assert len(latin) == 9
    assert latin["Kemerovskaja oblast'"] == (D(1993, 12, 25), D(2019, 3, 26))
    assert set(latin.values()) == {(D(1993, 12, 25), D(2019, 3, 26))}
    assert kemerovo.name("ru") == "Кемеровская область — Кузбасс"
    assert regionkit.lookup("Ингушская Республика").code == "RU-IN"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("в Горьковской области", "RU-NIZ"),
        ("Куйбышевской области", "RU-SAM"),
        ("в Татарской АССР", "RU-TA"),
        ("в Ленинграде", "RU-SPE"),
        ("по Чкаловской области", "RU-ORE"),
    ],
)
def test_a_former_name_s_case_forms_find_its_unit(text: str, code: str) -> None:
    (match,) = regionkit.resolve(text)
    assert (match.division.code, match.kind, match.score) == (
        code,
        regionkit.MatchKind.INFLECTED,
        0.8,
    )


def test_the_altai_republic_was_the_oyrot_autonomous_oblast() -> None:
    altai = regionkit.get("RU-AL")
    oyrot = next(n for n in altai.names if n.text == "Ойротская автономная область")
    assert (oyrot.valid_from, oyrot.valid_to) == (D(1922, 6, 1), D(1948, 1, 6))
    assert regionkit.lookup("Oyrot Autonomous Oblast").code == "RU-AL"
    town = regionkit.lookup("Oirot-Tura")  # Gorno-Altaysk in 1932-48
    assert (town.code, town.parent_code) == ("RU-AL-GN1506271", "RU-AL")


@pytest.mark.parametrize("text", ["Еврейская АО", "Jewish AO"])
def test_ao_fits_the_autonomous_oblast_too(text: str) -> None:
    assert regionkit.lookup(text).code == "RU-YEV"


@pytest.mark.parametrize(
    "text", ["Чечено-Ингушская АССР", "Checheno-Ingush ASSR", "в Чечено-Ингушской АССР"]
)
def test_the_checheno_ingush_assr_is_both_of_its_successors(text: str) -> None:
    # Divided into the Chechen and Ingush Republics: the name is both of theirs.
    with pytest.raises(regionkit.AmbiguousName) as raised:
        regionkit.lookup(text)
    assert [c.code for c in raised.value.candidates] == ["RU-CE", "RU-IN"]
