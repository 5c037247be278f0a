"""Facts about neighbours and border crossings, on the packaged data."""

import importlib.util
from pathlib import Path

import pytest

import regionkit
from regionkit import AdjacencyKind, CrossingMode, Division
from regionkit._neighbours import borders
from regionkit._store import default_dataset

ROOT = Path(__file__).resolve().parents[2]
LEVEL_ONE = regionkit.divisions(level=1)
BORDERS = borders(default_dataset())


def codes(divisions: tuple[Division, ...]) -> set[str]:
    return {d.code for d in divisions}


def touching(a: str, b: str) -> AdjacencyKind | None:
    for pair in BORDERS.by_code.get(a, ()):
        if pair.other(a) == b:
            return pair.kind
    return None


@pytest.mark.parametrize("division", LEVEL_ONE, ids=lambda d: d.code)
def test_adjacency_is_symmetric(division: Division) -> None:
    """A touches B iff B touches A, over both countries and the sea."""
    for other in division.neighbours(across_borders=True, sea=True):
        assert division in other.neighbours(across_borders=True, sea=True)


@pytest.mark.parametrize("division", LEVEL_ONE, ids=lambda d: d.code)
def test_no_unit_touches_itself(division: Division) -> None:
    """No unit is its own neighbour."""
    assert division not in division.neighbours(across_borders=True, sea=True)


def test_every_pair_is_two_level_one_units_in_order_with_a_source() -> None:
    """The table holds each pair once, a < b, sourced from the file's sources."""
    sources = set(BORDERS.meta["sources"])
    known = {d.code for d in LEVEL_ONE}
    seen = set()
    for pair in BORDERS.adjacency:
        assert pair.a < pair.b
        assert {pair.a, pair.b} <= known
        assert pair.codes not in seen
        seen.add(pair.codes)
        assert pair.source.split()
        assert set(pair.source.split()) <= sources


def test_only_islands_and_an_exclave_have_no_land_neighbour() -> None:
    """Kaliningrad (exclave), Sakhalin, Hainan and Taiwan (islands); all else touch."""
    alone = {d.code for d in LEVEL_ONE if not d.neighbours(across_borders=True)}
    assert alone == {"RU-KGD", "RU-SAK", "CN-HI", "CN-TW"}


def test_kaliningrad_has_no_land_neighbour_in_russia() -> None:
    """Kaliningrad Oblast touches only Poland and Lithuania."""
    assert regionkit.get("RU-KGD").neighbours() == ()
    assert regionkit.get("RU-KGD").neighbours(across_borders=True, sea=True) == ()


@pytest.mark.parametrize(("code", "across"), [("CN-HI", "CN-GD"), ("CN-TW", "CN-FJ")])
def test_hainan_and_taiwan_touch_only_across_a_strait(code: str, across: str) -> None:
    """No land neighbour; the mainland province across the strait with sea=True."""
    division = regionkit.get(code)
    assert division.neighbours(across_borders=True) == ()
    assert codes(division.neighbours(sea=True)) == {across}


RU_CN = [
    ("RU-AL", "CN-XJ"),
    ("RU-ZAB", "CN-NM"),
    ("RU-ZAB", "CN-HL"),
    ("RU-AMU", "CN-HL"),
    ("RU-YEV", "CN-HL"),
    ("RU-KHA", "CN-HL"),
    ("RU-PRI", "CN-HL"),
    ("RU-PRI", "CN-JL"),
]


@pytest.mark.parametrize(("ru", "cn"), RU_CN)
def test_cross_border_pair(ru: str, cn: str) -> None:
    """Each Russia–China pair shares a land border, seen from both sides."""
    assert touching(ru, cn) is AdjacencyKind.LAND
    assert regionkit.get(cn) in regionkit.get(ru).neighbours(across_borders=True)
    assert regionkit.get(ru) in regionkit.get(cn).neighbours(across_borders=True)


def test_border_pairs_are_exactly_these_eight_oriented_by_country() -> None:
    """border_pairs("RU", "CN") puts the Russian unit first; reversed, the Chinese."""
    assert sorted((p.a, p.b) for p in regionkit.border_pairs("RU", "CN")) == sorted(
        RU_CN
    )
    assert sorted((p.b, p.a) for p in regionkit.border_pairs("CN", "RU")) == sorted(
        RU_CN
    )


def test_the_argun_shilka_confluence_is_settled() -> None:
    """Zabaykalsky holds the Amur's first 46 km: it touches Heilongjiang, Amur does
    not touch Inner Mongolia."""
    assert touching("RU-ZAB", "CN-HL") is AdjacencyKind.LAND
    assert touching("RU-AMU", "CN-NM") is None


def test_no_other_russian_unit_touches_china() -> None:
    """Buryatia and Tuva border Mongolia, not China."""
    across = {
        d.code
        for d in regionkit.divisions("RU", level=1)
        if any(n.country == "CN" for n in d.neighbours(across_borders=True))
    }
    assert across == {"RU-AL", "RU-ZAB", "RU-AMU", "RU-YEV", "RU-KHA", "RU-PRI"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("RU-DONETSK", "RU-LUGANSK"),
        ("RU-DONETSK", "RU-ROS"),
        ("RU-LUGANSK", "RU-ROS"),
        ("RU-LUGANSK", "RU-BEL"),
        ("RU-LUGANSK", "RU-VOR"),
        ("RU-DONETSK", "RU-ZAPOROZHYE"),
        ("RU-ZAPOROZHYE", "RU-KHERSON"),
        ("RU-KHERSON", "RU-CRIMEA"),
        ("RU-CRIMEA", "RU-SEVASTOPOL"),
    ],
)
def test_land_pairs_of_the_units_natural_earth_draws_under_ukraine(
    a: str, b: str
) -> None:
    """The overrides give Crimea, Sevastopol and the 2022 subjects their borders."""
    assert touching(a, b) is AdjacencyKind.LAND


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("RU-CRIMEA", "RU-KDA"),  # Kerch Strait; the bridge makes no land border
        ("RU-KHA", "RU-SAK"),  # Nevelskoy (Tatar) Strait
        ("RU-KAM", "RU-SAK"),  # First Kuril Strait
        ("CN-GD", "CN-HI"),  # Qiongzhou Strait
        ("CN-FJ", "CN-TW"),  # Taiwan Strait
    ],
)
def test_contact_across_a_strait_is_sea_not_land(a: str, b: str) -> None:
    """Sea contacts are typed as sea and are no land neighbours."""
    assert touching(a, b) is AdjacencyKind.SEA
    assert regionkit.get(b) not in regionkit.get(a).neighbours(across_borders=True)
    assert regionkit.get(b) in regionkit.get(a).neighbours(sea=True)


def test_a_point_contact_is_no_border() -> None:
    """Saratov and Orenburg meet at a quadripoint with Samara and Kazakhstan only."""
    assert touching("RU-SAR", "RU-ORE") is None


def test_moscow_touches_kaluga_since_the_2012_expansion() -> None:
    """The shapes are recent enough to show New Moscow."""
    assert codes(regionkit.get("RU-MOW").neighbours()) == {"RU-MOS", "RU-KLU"}


def test_hong_kong_and_macau_border_guangdong() -> None:
    """The SARs' land borders, from their own Natural Earth files."""
    assert codes(regionkit.get("CN-HK").neighbours()) == {"CN-GD"}
    assert codes(regionkit.get("CN-MO").neighbours()) == {"CN-GD"}


def test_the_iso_view_drops_the_units_it_lists_under_ukraine() -> None:
    """Rostov's neighbours without Donetsk and Luhansk in the ISO view."""
    rostov = regionkit.get("RU-ROS")
    assert {"RU-DONETSK", "RU-LUGANSK"} <= codes(rostov.neighbours())
    assert not {"RU-DONETSK", "RU-LUGANSK"} & codes(
        rostov.neighbours(perspective="iso")
    )


CROSSINGS = regionkit.crossings()


def test_fifteen_crossings_in_force() -> None:
    """Only crossings a source shows working; closed ones are in NEIGHBOURS.md."""
    assert len(CROSSINGS) == 15
    assert "markovo-hulin" not in {c.id for c in CROSSINGS}


@pytest.mark.parametrize("crossing", CROSSINGS, ids=lambda c: c.id)
def test_a_crossing_joins_units_that_touch_across_the_border(
    crossing: regionkit.Crossing,
) -> None:
    """Its two towns lie in a Russian and a Chinese unit that share a land border."""
    ru, cn = regionkit.get(crossing.ru_unit), regionkit.get(crossing.cn_unit)
    assert (ru.country, cn.country) == ("RU", "CN")
    assert touching(ru.code, cn.code) is AdjacencyKind.LAND
    assert crossing.modes
    assert crossing.source.split()


@pytest.mark.parametrize("crossing", CROSSINGS, ids=lambda c: c.id)
def test_a_crossings_county_lies_in_its_province(crossing: regionkit.Crossing) -> None:
    """The county of the Chinese checkpoint lies in the province given."""
    assert crossing.cn_county is not None
    county = regionkit.get(crossing.cn_county)
    assert county.level == 3
    assert county.ancestors()[-1].code == crossing.cn_unit


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "RU-ZAB",
            ["olochi-shiwei", "starotsurukhaytuy-heishantou", "zabaykalsk-manzhouli"],
        ),
        (
            "CN-231100",
            ["blagoveshchensk-heihe", "kani-kurgan-heihe", "poyarkovo-xunke"],
        ),
        ("CN-150781", ["zabaykalsk-manzhouli"]),
        ("RU-AL", []),
    ],
)
def test_crossings_by_division(code: str, expected: list[str]) -> None:
    """A subject, a prefecture or a county selects its crossings."""
    assert [c.id for c in regionkit.crossings(division=code)] == expected


def test_crossings_by_mode() -> None:
    """The rail crossings, and the road bridges."""
    rail = {c.id for c in regionkit.crossings(mode=CrossingMode.RAIL)}
    assert rail == {
        "zabaykalsk-manzhouli",
        "pogranichny-suifenhe",
        "makhalino-hunchun",
        "nizhneleninskoye-tongjiang",
    }
    assert "kani-kurgan-heihe" in {c.id for c in regionkit.crossings(mode="bridge")}


def test_between_is_order_free() -> None:
    """("CN", "RU") is the same border as ("RU", "CN")."""
    assert regionkit.crossings(between=("CN", "RU")) == CROSSINGS


def test_the_border_picture_is_current() -> None:
    """docs/_static/border.svg is what tools/border_map.py draws from this data."""
    spec = importlib.util.spec_from_file_location(
        "border_map", ROOT / "tools" / "border_map.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    svg = (ROOT / "docs" / "_static" / "border.svg").read_text(encoding="utf-8")
    assert module.render() == svg
