"""Reporting lines: the engine's rules, overrides and checks, on the mini fixture."""

import io
import json
import pathlib
import shutil

import pytest

import regionkit
from regionkit import (
    Authority,
    Basis,
    DataError,
    Dataset,
    LineKind,
    ReportingLink,
    UnknownCode,
)
from regionkit._reporting import (
    Engine,
    Tables,
    centre_in,
    directly_in,
    line_in,
    links_in,
    subordinates_in,
)
from regionkit.cli import main

MINI = pathlib.Path(__file__).parent.parent / "fixtures" / "mini"


def steps(links: tuple[ReportingLink, ...]) -> list[tuple[str, str, str]]:
    return [(s.subordinate_code, s.superior_code, s.kind.value) for s in links]


def test_an_okrug_within_an_oblast_answers_to_the_federal_centre(mini: Dataset) -> None:
    """Nenets AO's administrative line goes straight to Moscow, not via Arkhangelsk."""
    assert steps(line_in(mini, "RU-NEN")) == [("RU-NEN", "RU-CENTRE", "administrative")]
    assert directly_in(mini, "RU-NEN")


def test_the_within_line_is_membership_then_the_oblasts_line(mini: Dataset) -> None:
    """kind="within" takes the okrug to its oblast, then the oblast's own line."""
    assert steps(line_in(mini, "RU-NEN", kind="within")) == [
        ("RU-NEN", "RU-ARK", "within"),
        ("RU-ARK", "RU-CENTRE", "administrative"),
    ]


def test_the_federal_district_line_runs_through_the_envoy(mini: Dataset) -> None:
    """A subject answers to its district's envoy, the envoy to the President."""
    assert steps(line_in(mini, "RU-KHA", kind=LineKind.FEDERAL_DISTRICT)) == [
        ("RU-KHA", "RU-FD-FAR-EASTERN", "federal_district"),
        ("RU-FD-FAR-EASTERN", "RU-CENTRE", "federal_district"),
    ]


def test_a_federal_city_is_directly_under_the_centre(mini: Dataset) -> None:
    """Moscow's one administrative link has the direct-under-centre kind."""
    assert steps(line_in(mini, "RU-MOW")) == [
        ("RU-MOW", "RU-CENTRE", "direct_under_centre")
    ]


def test_a_missing_kind_falls_back_to_the_administrative_line(mini: Dataset) -> None:
    """A kind the unit lacks gives its administrative line."""
    assert line_in(mini, "CN-230102", kind="corps") == line_in(mini, "CN-230102")
    assert steps(line_in(mini, "CN-230102")) == [
        ("CN-230102", "CN-230100", "administrative"),
        ("CN-230100", "CN-HL", "administrative"),
        ("CN-HL", "CN-CENTRE", "administrative"),
    ]


def test_a_municipal_district_goes_through_its_municipality(mini: Dataset) -> None:
    """Chaoyang → Beijing (directly under the centre) → the State Council."""
    assert steps(line_in(mini, "CN-110105")) == [
        ("CN-110105", "CN-BJ", "administrative"),
        ("CN-BJ", "CN-CENTRE", "direct_under_centre"),
    ]


def test_a_sar_has_its_own_kind_and_basic_law_basis(mini: Dataset) -> None:
    """Hong Kong: high degree of autonomy, Basic Law art. 12."""
    (link,) = line_in(mini, "CN-HK")
    assert link.kind is LineKind.SPECIAL_ADMINISTRATIVE_REGION
    assert "art. 12" in link.basis.citation
    assert "hk-basic-law" in link.basis.source.split()


def test_a_hand_written_link_replaces_the_rule_and_its_note(mini: Dataset) -> None:
    """Taiwan's hand-written link says who governs it; no generic note is added."""
    (link,) = line_in(mini, "CN-TW")
    assert "Republic of China administers Taiwan" in link.basis.citation
    assert "contested" not in link.basis.citation


def test_a_contested_unit_carries_the_contested_note(mini: Dataset) -> None:
    """Crimea's rule-made link ends with the note pointing to its claims."""
    (link,) = line_in(mini, "RU-CRIMEA")
    assert link.basis.citation.endswith("reject the annexations).")
    assert "unga-68-262" in link.basis.source.split()


def test_republics_and_okrugs_record_ethnic_autonomy(mini: Dataset) -> None:
    """Crimea (a republic under Russian law) and Nenets AO have an autonomy link."""
    for code in ("RU-CRIMEA", "RU-NEN"):
        kinds = [link.kind for link in links_in(mini, code)]
        assert LineKind.ETHNIC_AUTONOMY in kinds, code
    assert LineKind.ETHNIC_AUTONOMY not in [k.kind for k in links_in(mini, "RU-ARK")]


def test_links_list_the_administrative_one_first(mini: Dataset) -> None:
    """`links_in` puts the one administrative link first."""
    links = links_in(mini, "RU-NEN")
    assert links[0].kind.is_administrative
    assert sum(link.kind.is_administrative for link in links) == 1


def test_subordinates_by_kind(mini: Dataset) -> None:
    """The oblast has the okrug as a member; only by kind "within"."""
    assert [d.code for d in subordinates_in(mini, "RU-ARK")] == ["RU-NEN"]
    assert subordinates_in(mini, "RU-ARK", kind="administrative") == ()
    envoys = subordinates_in(mini, "RU-CENTRE", kind="federal_district")
    assert [d.code for d in envoys] == ["RU-FD-FAR-EASTERN", "RU-FD-NORTHWESTERN"]


def test_centres_are_authorities_with_a_seat(mini: Dataset) -> None:
    """The centres are nodes of their own, with names and a seat."""
    moscow = centre_in(mini, "ru")
    assert isinstance(moscow, Authority)
    assert moscow.code == "RU-CENTRE"
    assert moscow.seat.name("ru") == "Москва"
    assert line_in(mini, moscow) == ()
    assert not directly_in(mini, moscow)


def test_codes_divisions_and_authorities_are_accepted(mini: Dataset) -> None:
    """A code in any case, a Division or an Authority all work."""
    division = mini.get("RU-NEN")
    assert line_in(mini, " ru-nen ") == line_in(mini, division)
    assert subordinates_in(mini, centre_in(mini, "CN"), kind="direct_under_centre")


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (3, TypeError),
        (None, TypeError),
        (b"RU-NEN", TypeError),
        ("XX-NOWHERE", UnknownCode),
        ("", UnknownCode),
    ],
)
def test_bad_divisions_raise_documented_errors(
    mini: Dataset, value: object, error: type[Exception]
) -> None:
    """Wrong types are TypeErrors; unknown codes are UnknownCode."""
    with pytest.raises(error):
        line_in(mini, value)


@pytest.mark.parametrize(
    ("kind", "error"), [("sideways", ValueError), (3, TypeError), ([], TypeError)]
)
def test_bad_kinds_raise(mini: Dataset, kind: object, error: type[Exception]) -> None:
    """A kind is a LineKind or one of its values."""
    with pytest.raises(error):
        line_in(mini, "RU-NEN", kind=kind)  # type: ignore[arg-type]  # the test


@pytest.mark.parametrize("country", ["XX", "", 7])
def test_bad_countries_raise(mini: Dataset, country: object) -> None:
    """`centre` takes RU or CN only."""
    with pytest.raises((ValueError, TypeError)):
        centre_in(mini, country)  # type: ignore[arg-type]  # the test


def test_a_missing_reporting_file_is_a_data_error(tmp_path: pathlib.Path) -> None:
    """Data without reporting.json raises DataError naming the file."""
    shutil.copy(MINI / "ru.json", tmp_path / "ru.json")
    with pytest.raises(DataError, match=r"reporting\.json"):
        line_in(Dataset.from_path(tmp_path), "RU-KHA")


@pytest.mark.parametrize(
    "document",
    ["{", "[]", '{"authorities": [], "rules": [], "links": []}'],
)
def test_a_malformed_reporting_file_is_a_data_error(
    tmp_path: pathlib.Path, document: str
) -> None:
    """Bad JSON or a bad shape raises DataError."""
    shutil.copy(MINI / "ru.json", tmp_path / "ru.json")
    (tmp_path / "reporting.json").write_text(document)
    with pytest.raises(DataError):
        line_in(Dataset.from_path(tmp_path), "RU-KHA")


def test_a_cycle_is_reported(mini: Dataset) -> None:
    """Two units that answer to each other make a DataError, not a loop."""
    document = json.loads((MINI / "reporting.json").read_text())
    basis = {"citation": "test", "source": "test"}
    document["links"] = [
        {"subordinate_code": a, "superior_code": b, "kind": "agency", "basis": basis}
        for a, b in (("RU-ARK", "RU-NEN"), ("RU-NEN", "RU-ARK"))
    ]
    engine = Engine(Tables.from_document(document, "test"), mini.get)
    with pytest.raises(DataError, match="cycle"):
        engine.line(mini.get("RU-NEN"), None)


def test_line_kinds_split_into_administrative_and_other() -> None:
    """Six kinds make the administrative line; the other five run alongside."""
    administrative = {k.value for k in LineKind if k.is_administrative}
    assert administrative == {
        "administrative",
        "direct_under_centre",
        "special_administrative_region",
        "agency",
        "on_behalf",
        "directly_under_province",
    }
    assert len(LineKind) == 11


def test_links_serialize_and_come_back_equal(mini: Dataset) -> None:
    """A link is plain data: to_dict and from_dict round-trip it."""
    link = line_in(mini, "RU-NEN", kind="within")[0]
    data = regionkit.to_dict(link)
    assert data["kind"] == "within"
    assert regionkit.from_dict(ReportingLink, data) == link
    assert regionkit.from_dict(Basis, data["basis"]) == link.basis
    assert repr(link) == "<ReportingLink RU-NEN -> RU-ARK (within)>"


def test_the_line_command_prints_one_link_a_line() -> None:
    """`regionkit line CODE --kind K` prints the chain with kinds and bases."""
    out = io.StringIO()
    assert main(["line", "RU-NEN", "--kind", "within"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("RU-NEN  Nenets Autonomous Okrug -> RU-ARK  ")
    assert "[within]" in lines[0]
    assert "(art. 66(4))" in lines[0]
    assert "[administrative]" in lines[1]


def test_the_line_command_localizes_and_prints_json() -> None:
    """--locale names the nodes in that language; --json prints the links."""
    out = io.StringIO()
    assert main(["line", "CN-HK", "--locale", "zh-Hans"], out=out) == 0
    assert "中央人民政府（国务院）" in out.getvalue()
    out = io.StringIO()
    assert main(["line", "RU-KHA", "--json"], out=out) == 0
    assert json.loads(out.getvalue())[0]["superior_code"] == "RU-CENTRE"


def test_the_line_command_reports_groupings_and_bad_input() -> None:
    """A grouping prints that it is in no line; unknown codes and kinds fail."""
    out = io.StringIO()
    assert main(["line", "RU-ER-URAL"], out=out) == 0
    assert "a grouping, in no line" in out.getvalue()
    assert main(["line", "XX-NOWHERE"], out=io.StringIO()) == 1
    assert main(["line", "RU-NEN", "--kind", "sideways"], out=io.StringIO()) == 2
