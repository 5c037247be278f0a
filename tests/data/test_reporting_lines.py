"""Reporting lines on the packaged data: complete lines and golden chains."""

import itertools

import pytest

import regionkit
from regionkit import Authority, Category, Division, LineKind, ReportingLink

CENTRE = {"RU": "RU-CENTRE", "CN": "CN-CENTRE"}
# Russia's localities are no units of government: they take part in no line.
LOCALITIES = {Category.CITY, Category.INHABITED_LOCALITY}
NODES: list[Division | Authority] = [
    *(d for d in regionkit.divisions() if d.category not in LOCALITIES),
    regionkit.centre("RU"),
    regionkit.centre("CN"),
    *regionkit.subordinates("CN-CENTRE", kind="corps"),
]


def steps(links: tuple[ReportingLink, ...]) -> list[tuple[str, str, str]]:
    return [(s.subordinate_code, s.superior_code, s.kind.value) for s in links]


def test_every_unit_has_a_complete_administrative_line() -> None:
    """Every unit's line ends at its country's centre and visits no node twice."""
    checked = 0
    for node in NODES:
        line = regionkit.reporting_line(node)
        if isinstance(node, Authority) and node.code == CENTRE[node.country]:
            assert line == ()
            continue
        if isinstance(node, Division) and node.category in {
            regionkit.Category.ECONOMIC_REGION,
            regionkit.Category.GEOGRAPHIC_REGION,
            regionkit.Category.SAR_AREA,
        }:
            assert line == ()
            continue
        assert line, node.code
        assert line[0].subordinate_code == node.code
        assert line[-1].superior_code == CENTRE[node.country], node.code
        codes = [node.code, *(s.superior_code for s in line)]
        assert len(codes) == len(set(codes)), node.code
        for lower, upper in itertools.pairwise(line):
            assert lower.superior_code == upper.subordinate_code
        checked += 1
    # Subjects, federal districts, provincial units, the MCA's lower units, the
    # SARs' districts and parishes, and the XPCC.
    assert checked == 89 + 8 + 34 + 3178 + 18 + 7 + 1


def test_every_unit_has_exactly_one_administrative_link() -> None:
    """Other kinds run alongside; only a federal district has none of them."""
    from regionkit._reporting import links_in
    from regionkit._store import default_dataset

    for node in NODES:
        links = links_in(default_dataset(), node)
        administrative = [s for s in links if s.kind.is_administrative]
        if isinstance(node, Division) and node.category.is_grouping:
            assert not administrative
        elif isinstance(node, Authority) and node.code == CENTRE[node.country]:
            assert links == ()
        else:
            assert len(administrative) == 1, node.code


GOLDEN = [
    # A federal city.
    ("RU-SPE", None, [("RU-SPE", "RU-CENTRE", "direct_under_centre")]),
    # An oblast, and its federal-district line.
    ("RU-ARK", None, [("RU-ARK", "RU-CENTRE", "administrative")]),
    (
        "RU-ARK",
        "federal_district",
        [
            ("RU-ARK", "RU-FD-NORTHWESTERN", "federal_district"),
            ("RU-FD-NORTHWESTERN", "RU-CENTRE", "federal_district"),
        ],
    ),
    # A republic, and its autonomy.
    ("RU-TA", None, [("RU-TA", "RU-CENTRE", "administrative")]),
    ("RU-TA", "ethnic_autonomy", [("RU-TA", "RU-CENTRE", "ethnic_autonomy")]),
    # Nenets AO: to the federal centre; inside Arkhangelsk Oblast by membership.
    ("RU-NEN", None, [("RU-NEN", "RU-CENTRE", "administrative")]),
    (
        "RU-NEN",
        "within",
        [
            ("RU-NEN", "RU-ARK", "within"),
            ("RU-ARK", "RU-CENTRE", "administrative"),
        ],
    ),
    # A 2022 subject: no federal district, so that line is the administrative one.
    ("RU-DONETSK", "federal_district", [("RU-DONETSK", "RU-CENTRE", "administrative")]),
    # A municipality, and one of its districts.
    ("CN-SH", None, [("CN-SH", "CN-CENTRE", "direct_under_centre")]),
    (
        "CN-310115",  # Pudong New Area
        None,
        [
            ("CN-310115", "CN-SH", "administrative"),
            ("CN-SH", "CN-CENTRE", "direct_under_centre"),
        ],
    ),
    # A province and an autonomous region.
    ("CN-HL", None, [("CN-HL", "CN-CENTRE", "administrative")]),
    ("CN-XZ", "ethnic_autonomy", [("CN-XZ", "CN-CENTRE", "ethnic_autonomy")]),
    # The SARs.
    ("CN-HK", None, [("CN-HK", "CN-CENTRE", "special_administrative_region")]),
    ("CN-MO", None, [("CN-MO", "CN-CENTRE", "special_administrative_region")]),
    # A prefecture-level city.
    (
        "CN-130100",  # Shijiazhuang
        None,
        [
            ("CN-130100", "CN-HE", "administrative"),
            ("CN-HE", "CN-CENTRE", "administrative"),
        ],
    ),
    # A separately planned city: in its province, planning with the centre.
    (
        "CN-210200",  # Dalian
        None,
        [
            ("CN-210200", "CN-LN", "administrative"),
            ("CN-LN", "CN-CENTRE", "administrative"),
        ],
    ),
    (
        "CN-210200",
        "separate_planning",
        [("CN-210200", "CN-CENTRE", "separate_planning")],
    ),
    # A county-level city administered by Dalian on Liaoning's behalf (代管).
    (
        "CN-210281",  # Wafangdian
        None,
        [
            ("CN-210281", "CN-210200", "on_behalf"),
            ("CN-210200", "CN-LN", "administrative"),
            ("CN-LN", "CN-CENTRE", "administrative"),
        ],
    ),
    # A prefecture (地区) and a league (盟): agencies of the provincial government.
    (
        "CN-232700",  # Da Hinggan Ling Prefecture
        None,
        [
            ("CN-232700", "CN-HL", "agency"),
            ("CN-HL", "CN-CENTRE", "administrative"),
        ],
    ),
    (
        "CN-152201",  # Ulanhot, in Hinggan League
        None,
        [
            ("CN-152201", "CN-152200", "administrative"),
            ("CN-152200", "CN-NM", "agency"),
            ("CN-NM", "CN-CENTRE", "administrative"),
        ],
    ),
    # County-level units directly under a province.
    (
        "CN-419001",  # Jiyuan
        None,
        [
            ("CN-419001", "CN-HA", "directly_under_province"),
            ("CN-HA", "CN-CENTRE", "administrative"),
        ],
    ),
    # An XPCC city: under Xinjiang, and on the Corps line.
    (
        "CN-659001",  # Shihezi
        None,
        [
            ("CN-659001", "CN-XJ", "directly_under_province"),
            ("CN-XJ", "CN-CENTRE", "administrative"),
        ],
    ),
    (
        "CN-659001",
        "corps",
        [
            ("CN-659001", "CN-XPCC", "corps"),
            ("CN-XPCC", "CN-CENTRE", "corps"),
        ],
    ),
    # A county of an autonomous prefecture, and the prefecture's autonomy.
    (
        "CN-222401",  # Yanji
        "ethnic_autonomy",
        [
            ("CN-222401", "CN-222400", "administrative"),
            ("CN-222400", "CN-JL", "ethnic_autonomy"),
            ("CN-JL", "CN-CENTRE", "administrative"),
        ],
    ),
    # Tacheng Prefecture, governed by the Ili Kazakh Autonomous Prefecture.
    (
        "CN-654201",  # Tacheng city
        None,
        [
            ("CN-654201", "CN-654200", "administrative"),
            ("CN-654200", "CN-654000", "agency"),
            ("CN-654000", "CN-XJ", "administrative"),
            ("CN-XJ", "CN-CENTRE", "administrative"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("code", "kind", "expected"),
    GOLDEN,
    ids=[f"{code}-{kind or 'admin'}" for code, kind, _ in GOLDEN],
)
def test_golden_lines(
    code: str, kind: str | None, expected: list[tuple[str, str, str]]
) -> None:
    """The chains the sources describe, link by link."""
    assert steps(regionkit.reporting_line(code, kind=kind)) == expected


@pytest.mark.parametrize(
    ("code", "words", "source"),
    [
        ("RU-SPE", "art. 65(1)", "ru-constitution"),
        ("RU-FD-CENTRAL", "art. 83(к)", "decree-849-2000"),
        ("CN-HK", "art. 12", "hk-basic-law"),
        ("CN-MO", "art. 12", "mo-basic-law"),
        ("CN-230100", "中编〔1994〕1号", "zhongbian-1994"),  # Harbin, sub-provincial
        ("CN-232700", "派出机关", "organic-law-local"),
        ("CN-210281", "代管", "mca-2024"),
        ("CN-TW", "Republic of China administers Taiwan", "bbc-zh-2023-taiwan"),
        ("RU-CRIMEA", "contested", "unga-68-262"),
    ],
)
def test_bases_cite_their_articles(code: str, words: str, source: str) -> None:
    """The first link's basis cites the article and names its source."""
    basis = regionkit.reporting_line(code)[0].basis
    assert words in basis.citation
    assert source in basis.source.split()


def test_who_reports_directly_to_the_centres() -> None:
    """89 subjects and 8 envoys; 34 units; the Corps and 5 planned cities besides."""
    ru = regionkit.subordinates("RU-CENTRE")
    assert len(ru) == 89 + 8
    assert all(regionkit.reports_directly_to_centre(d) for d in ru)
    cn = regionkit.subordinates("CN-CENTRE")
    assert len(cn) == 34 + 1 + 5
    direct = [d.code for d in cn if not regionkit.reports_directly_to_centre(d)]
    assert direct == [
        "CN-210200",
        "CN-330200",
        "CN-350200",
        "CN-370200",
        "CN-440300",
        "CN-XPCC",
    ]


def test_ethnic_autonomy_is_recorded_for_every_autonomous_area() -> None:
    """China's 155 autonomous areas; Russia's 24 republics and 5 okrugs/oblast."""
    from regionkit._reporting import links_in
    from regionkit._store import default_dataset

    autonomous = [
        node
        for node in NODES
        if any(
            s.kind is LineKind.ETHNIC_AUTONOMY
            for s in links_in(default_dataset(), node)
        )
    ]
    counts: dict[str, int] = {}
    for node in autonomous:
        assert isinstance(node, Division)
        key = f"{node.country}:{node.category.value}"
        counts[key] = counts.get(key, 0) + 1
    assert counts == {
        "CN:autonomous_banner": 3,
        "CN:autonomous_county": 117,
        "CN:autonomous_prefecture": 30,
        "CN:autonomous_region": 5,
        "RU:autonomous_oblast": 1,
        "RU:autonomous_okrug": 4,
        "RU:republic": 24,
    }


def test_the_corps_has_its_twelve_cities() -> None:
    """The XPCC cities 6590xx are the Corps's subordinates."""
    cities = [d.code for d in regionkit.subordinates("CN-XPCC", kind="corps")]
    assert cities == [f"CN-6590{n:02}" for n in range(1, 13)]
