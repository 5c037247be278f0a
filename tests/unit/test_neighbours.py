import io
import json
import shutil
from pathlib import Path

import pytest

import regionkit
from regionkit import (
    Adjacency,
    AdjacencyKind,
    Crossing,
    CrossingMode,
    DataError,
    Dataset,
    UnknownCode,
)
from regionkit._neighbours import borders
from regionkit.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures" / "mini"


def codes(divisions: tuple[regionkit.Division, ...]) -> list[str]:
    return [d.code for d in divisions]


def copy_of_mini(tmp_path: Path, neighbours: object) -> Dataset:
    """A copy of the mini fixture with another neighbours file (or none)."""
    for name in ("ru.json", "cn.json", "cn-lower.json"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    if neighbours is not None:
        text = neighbours if isinstance(neighbours, str) else json.dumps(neighbours)
        (tmp_path / "neighbours.json").write_text(text, encoding="utf-8")
    return Dataset.from_path(tmp_path)


def pair(a: str, b: str, kind: str = "land") -> dict[str, str]:
    return {"a": a, "b": b, "kind": kind, "source": "test", "note": ""}


def test_neighbours_stay_within_the_country_by_default(mini: Dataset) -> None:
    """Without across_borders, only units of the division's own country."""
    assert codes(mini.get("RU-AMU").neighbours()) == ["RU-KHA"]


def test_neighbours_across_borders_add_the_other_country(mini: Dataset) -> None:
    """across_borders=True adds the units on the far side, in code order."""
    assert codes(mini.get("RU-AMU").neighbours(across_borders=True)) == [
        "CN-HL",
        "RU-KHA",
    ]


def test_neighbours_resolve_through_the_dataset_of_the_division(
    mini: Dataset,
) -> None:
    """The records returned come from the division's own dataset."""
    (found,) = mini.get("RU-MOW").neighbours()
    assert found is mini.get("RU-MOS")


def test_the_neighbours_file_is_read_once_per_dataset(mini: Dataset) -> None:
    """Loading is lazy and cached per dataset."""
    assert borders(mini) is borders(mini)
    assert borders(mini) is not borders(Dataset.from_path(FIXTURES))


def test_a_unit_without_neighbours_gets_an_empty_tuple(mini: Dataset) -> None:
    """A level-1 unit the file does not mention has no neighbours."""
    assert mini.get("CN-TW").neighbours(across_borders=True) == ()


@pytest.mark.parametrize("code", ["CN-230100", "RU-FD-FAR-EASTERN"])
def test_neighbours_of_other_than_level_one_raise(mini: Dataset, code: str) -> None:
    """Prefectures and groupings are not covered: a ValueError, not an empty tuple."""
    with pytest.raises(ValueError, match=code):
        mini.get(code).neighbours()


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_flags_must_be_booleans(mini: Dataset, value: object) -> None:
    """across_borders and sea take True or False only."""
    with pytest.raises(TypeError, match="across_borders"):
        mini.get("RU-AMU").neighbours(across_borders=value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sea"):
        mini.get("RU-AMU").neighbours(sea=value)  # type: ignore[arg-type]


def test_unknown_perspective_raises_value_error(mini: Dataset) -> None:
    """The perspective is checked like everywhere else."""
    with pytest.raises(ValueError, match="perspective"):
        mini.get("RU-AMU").neighbours(perspective="mine")


def test_sea_contact_is_returned_only_when_asked(tmp_path: Path) -> None:
    """A sea pair is no land neighbour; sea=True adds it."""
    dataset = copy_of_mini(
        tmp_path,
        {
            "adjacency": [pair("RU-AMU", "RU-KHA"), pair("RU-ARK", "RU-KHA", "sea")],
            "crossings": [],
        },
    )
    assert codes(dataset.get("RU-KHA").neighbours()) == ["RU-AMU"]
    assert codes(dataset.get("RU-KHA").neighbours(sea=True)) == ["RU-AMU", "RU-ARK"]


def test_the_iso_perspective_leaves_out_units_iso_lists_elsewhere(
    tmp_path: Path,
) -> None:
    """Crimea, listed by ISO under Ukraine, drops out of the ISO view."""
    dataset = copy_of_mini(
        tmp_path,
        {"adjacency": [pair("RU-CRIMEA", "RU-KHA")], "crossings": []},
    )
    kha = dataset.get("RU-KHA")
    assert codes(kha.neighbours()) == ["RU-CRIMEA"]
    assert kha.neighbours(perspective="iso") == ()


def test_a_dataset_without_a_neighbours_file_raises_data_error(
    tmp_path: Path,
) -> None:
    """Other data without neighbours.json: a DataError naming the file."""
    dataset = copy_of_mini(tmp_path, None)
    with pytest.raises(DataError, match=r"neighbours\.json"):
        dataset.get("RU-AMU").neighbours()


@pytest.mark.parametrize(
    "document",
    [
        "not json",
        [],
        {"adjacency": []},
        {"adjacency": [pair("RU-AMU", "RU-KHA", "air")], "crossings": []},
        {"adjacency": [{"a": "RU-AMU"}], "crossings": []},
        {"adjacency": [], "crossings": [{"id": "x", "modes": ["teleport"]}]},
    ],
    ids=["text", "list", "no-crossings", "bad-kind", "missing-keys", "bad-mode"],
)
def test_malformed_neighbours_files_raise_data_error(
    tmp_path: Path, document: object
) -> None:
    """Any malformed file is a DataError, never a KeyError or a cattrs error."""
    dataset = copy_of_mini(tmp_path, document)
    with pytest.raises(DataError):
        dataset.get("RU-AMU").neighbours()


def test_other_returns_the_unit_across() -> None:
    """Adjacency.other gives the far side; a stranger is a ValueError."""
    contact = Adjacency("CN-HL", "RU-AMU", AdjacencyKind.LAND, "src")
    assert contact.other("RU-AMU") == "CN-HL"
    assert contact.other("CN-HL") == "RU-AMU"
    assert contact.codes == ("CN-HL", "RU-AMU")
    with pytest.raises(ValueError, match="RU-KHA"):
        contact.other("RU-KHA")


def test_models_round_trip_through_the_converter() -> None:
    """Adjacency and Crossing serialize like every other record."""
    contact = Adjacency("RU-CRIMEA", "RU-KDA", AdjacencyKind.SEA, "a b", "Kerch")
    crossing = Crossing(
        id="x-y",
        name_en="X–Y",
        ru_town="X",
        ru_unit="RU-AMU",
        cn_town="Y",
        cn_unit="CN-HL",
        modes=(CrossingMode.ROAD, CrossingMode.BRIDGE),
        source="s",
        cn_county="CN-231102",
    )
    assert regionkit.to_dict(contact)["kind"] == "sea"
    assert regionkit.to_dict(crossing)["modes"] == ["road", "bridge"]
    assert regionkit.from_dict(Adjacency, regionkit.to_dict(contact)) == contact
    assert regionkit.loads(regionkit.dumps(crossing), Crossing) == crossing
    assert crossing.units == ("RU-AMU", "CN-HL")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"between": "RU"}, TypeError),
        ({"between": 5}, TypeError),
        ({"between": ("RU", "RU")}, ValueError),
        ({"between": ("RU", "CN", "RU")}, ValueError),
        ({"between": ("RU", "XX")}, ValueError),
        ({"mode": "plane"}, ValueError),
        ({"mode": 3}, TypeError),
        ({"division": "RU-XXX"}, UnknownCode),
        ({"division": 7}, TypeError),
    ],
)
def test_crossings_check_their_arguments(
    kwargs: dict[str, object], error: type[Exception]
) -> None:
    """Bad arguments raise the documented errors."""
    with pytest.raises(error):
        regionkit.crossings(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "second", "error"),
    [("RU", "XX", ValueError), (None, "CN", TypeError), ("RU", b"CN", TypeError)],
)
def test_border_pairs_check_their_countries(
    first: object, second: object, error: type[Exception]
) -> None:
    """Countries are checked like everywhere else."""
    with pytest.raises(error):
        regionkit.border_pairs(first, second)  # type: ignore[arg-type]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_cli_neighbours_lists_the_units_with_their_country() -> None:
    """regionkit neighbours CODE --across-borders tags the other country."""
    status, text = run("neighbours", "RU-AMU", "--across-borders")
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == "RU-AMU  Amur Oblast"
    assert "  CN-HL  Heilongjiang Province  [CN]" in lines
    assert "  RU-ZAB  Zabaykalsky Krai" in lines


def test_cli_neighbours_marks_sea_contact() -> None:
    """--sea adds units across a strait, marked as such."""
    status, text = run("neighbours", "RU-KDA", "--sea")
    assert status == 0
    assert "  RU-CRIMEA  Republic of Crimea  (across the sea)" in text.splitlines()


def test_cli_neighbours_of_an_exclave_says_so() -> None:
    """Kaliningrad: an explicit empty answer, status 0."""
    assert run("neighbours", "RU-KGD") == (
        0,
        "RU-KGD  Kaliningrad Oblast\n  (no land neighbours)\n",
    )


def test_cli_neighbours_json_gives_the_pairs_with_sources() -> None:
    """--json prints the pairs as records."""
    status, text = run("neighbours", "CN-XJ", "--across-borders", "--json")
    assert status == 0
    records = json.loads(text)
    assert {"a": "CN-XJ", "b": "RU-AL"}.items() <= records[-1].items()
    assert all(r["source"] for r in records)


def test_cli_unknown_code_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown code is status 1, like `show`."""
    assert run("neighbours", "RU-XXX")[0] == 1
    assert "RU-XXX" in capsys.readouterr().err


def test_cli_crossings_of_a_province() -> None:
    """regionkit crossings CODE lists the crossings on that unit's border."""
    status, text = run("crossings", "CN-JL")
    assert status == 0
    assert text.splitlines() == [
        "kraskino-hunchun  Kraskino (RU-PRI) – Hunchun (CN-JL)  road",
        "makhalino-hunchun  Makhalino (RU-PRI) – Hunchun (CN-JL)  rail",
    ]


def test_cli_crossings_by_mode_as_json() -> None:
    """--mode filters and --json prints full records."""
    status, text = run("crossings", "--mode", "rail", "--json")
    assert status == 0
    assert [c["id"] for c in json.loads(text)] == [
        "makhalino-hunchun",
        "nizhneleninskoye-tongjiang",
        "pogranichny-suifenhe",
        "zabaykalsk-manzhouli",
    ]


def test_cli_crossings_of_an_inland_unit_says_none() -> None:
    """Moscow has no crossing: an explicit empty answer."""
    assert run("crossings", "RU-MOW") == (0, "(no crossings)\n")


JUNK: list[object] = [
    None,
    0,
    True,
    b"RU",
    "",
    " ",
    "😴",
    "RU-" + "Z" * 100,
    "x" * 1_000_000,
    ["RU", "CN"],
    {"RU": "CN"},
    object(),
]


@pytest.mark.parametrize("value", JUNK, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize(
    "call",
    [
        lambda v: regionkit.border_pairs(v, "CN"),
        lambda v: regionkit.border_pairs("RU", "CN", sea=v),
        lambda v: regionkit.border_pairs("RU", "CN", perspective=v),
        lambda v: regionkit.crossings(between=v),
        lambda v: regionkit.crossings(division=v),
        lambda v: regionkit.crossings(mode=v),
        lambda v: regionkit.get("RU-AMU").neighbours(across_borders=v),
        lambda v: regionkit.get("RU-AMU").neighbours(perspective=v),
    ],
    ids=[
        "pairs-country",
        "pairs-sea",
        "pairs-perspective",
        "crossings-between",
        "crossings-division",
        "crossings-mode",
        "neighbours-across",
        "neighbours-perspective",
    ],
)
def test_junk_raises_only_documented_errors(call: object, value: object) -> None:
    """Bad values give TypeError, ValueError or a regionkit error, short."""
    assert callable(call)
    try:
        call(value)
    except (TypeError, ValueError, regionkit.RegionkitError) as error:
        assert 0 < len(str(error)) < 500
