import json
from pathlib import Path

import attrs
import cattrs
import pytest

import regionkit
from regionkit import DataError, Dataset, Division, Name, NameForm
from regionkit.serialization import configure_converter, make_converter

FIXTURES = Path(__file__).parent.parent / "fixtures" / "mini"


@pytest.mark.parametrize("division", regionkit.divisions(), ids=lambda d: d.code)
def test_every_division_round_trips_through_json(division: Division) -> None:
    text = regionkit.dumps(division)
    back = regionkit.loads(text, Division)
    assert back == division
    assert regionkit.to_dict(back) == regionkit.to_dict(division)


def test_unstructured_form_is_plain_json_data() -> None:
    data = regionkit.to_dict(regionkit.get("RU-NEN"))
    assert data["category"] == "autonomous_okrug"
    assert data["within_code"] == "RU-ARK"
    assert "dataset" not in data
    assert "_dataset" not in data
    json.dumps(data)


def test_structuring_reports_which_field_is_wrong() -> None:
    data = regionkit.to_dict(regionkit.get("RU-KHA"))
    data["category"] = "canton"
    data["names"][0]["form"] = "longest"
    with pytest.raises(DataError) as caught:
        regionkit.from_dict(Division, data)
    details = " ".join(caught.value.details)
    assert "$.category" in details
    assert "$.names[0].form" in details


def test_unknown_keys_are_rejected() -> None:
    data = regionkit.to_dict(regionkit.get("RU-KHA"))
    data["capital"] = "Khabarovsk"
    with pytest.raises(DataError, match="capital"):
        regionkit.from_dict(Division, data)


@pytest.mark.parametrize("bad", ["{", "null", "[]", '"RU-KHA"', b"\xff"])
def test_loads_rejects_bad_json_with_data_error(bad: str | bytes) -> None:
    with pytest.raises(DataError):
        regionkit.loads(bad, Division)


def test_booleans_are_not_numbers() -> None:
    data = regionkit.to_dict(regionkit.get("RU-KHA"))
    data["figures"] = [
        {"measure": "population", "value": True, "year": 2021, "source": "x"}
    ]
    with pytest.raises(DataError, match="figures"):
        regionkit.from_dict(Division, data)


def test_configure_converter_serves_a_users_converter() -> None:
    converter = cattrs.Converter()
    configure_converter(converter)
    name = Name(locale="en", form=NameForm.SHORT, text="Tuva", source="s")
    assert converter.unstructure(name) == {
        "locale": "en",
        "form": "short",
        "text": "Tuva",
        "source": "s",
        "valid_from": None,
        "valid_to": None,
    }
    assert make_converter().structure(converter.unstructure(name), Name) == name


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("grouping_codes", "RU-FD-URAL"),
        ("level", True),
        ("level", "1"),
        ("category", "canton"),
        ("names", "Khabarovsk"),
        ("valid_from", 2020),
        ("code", 7),
    ],
)
def test_data_files_are_read_as_strictly_as_from_dict(
    tmp_path: Path, field: str, value: object
) -> None:
    document = json.loads((FIXTURES / "ru.json").read_bytes())
    document["divisions"][0][field] = value
    (tmp_path / "ru.json").write_text(json.dumps(document))
    with pytest.raises(DataError) as caught:
        Dataset.from_path(tmp_path).get("RU-KHA")
    assert any(field in line for line in caught.value.details)


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("names", [], "names: a division has at least one full name"),
        ("parent_code", "", "parent_code: a code is not empty"),
        ("code", "", "code: a code is not empty"),
        ("grouping_codes", [""], "grouping_codes: a code is not empty"),
    ],
)
def test_from_dict_refuses_a_division_no_data_may_hold(
    field: str, value: object, named: str
) -> None:
    """A division without a full name, or with an empty code, is a `DataError`."""
    data = {**regionkit.to_dict(regionkit.get("RU-NEN")), field: value}
    with pytest.raises(DataError) as caught:
        regionkit.from_dict(Division, data)
    assert any(named in line for line in caught.value.details)
    with pytest.raises(DataError) as caught:
        regionkit.from_dict(tuple[Division, ...], [data])
    assert any(named in line and "$[0]" in line for line in caught.value.details)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_from_dict_refuses_figures_that_are_not_finite(value: float) -> None:
    """A NaN or infinite figure is refused, naming the field."""
    data = regionkit.to_dict(regionkit.get("RU-KHA"))
    data["figures"] = [{**data["figures"][0], "value": value}]
    with pytest.raises(DataError) as caught:
        regionkit.from_dict(Division, data)
    assert caught.value.details == (
        f"expected a finite number, got {value} @ $.figures[0].value",
    )


def test_dumps_never_writes_nan() -> None:
    """JSON has no NaN: `dumps` raises `DataError` rather than write one."""
    krai = regionkit.get("RU-KHA")
    figure = attrs.evolve(krai.figures[0], value=float("nan"))
    with pytest.raises(DataError, match="not writable as JSON"):
        regionkit.dumps(attrs.evolve(krai, figures=(figure,)))


def test_loads_refuses_deeply_nested_json_with_data_error() -> None:
    """JSON nested past Python's recursion limit is a `DataError`."""
    with pytest.raises(DataError, match="nested too deeply"):
        regionkit.loads("[" * 100_000, Division)


def test_a_data_file_nested_too_deeply_is_a_data_error(tmp_path: Path) -> None:
    """`Dataset.from_path` reports a deeply nested file as `DataError`."""
    for file in FIXTURES.iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "ru.json").write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(DataError, match="nested too deeply"):
        Dataset.from_path(tmp_path).get("RU-KHA")


def test_dates_round_trip_with_their_precision_and_basis() -> None:
    laiwu = regionkit.get("CN-371200-1992")
    data = regionkit.to_dict(laiwu)
    assert data["valid_to"] == "2019-01-08"
    assert data["valid_to_precision"] == "day"
    assert data["valid_from_precision"] == "year"
    assert "国函〔2018〕163号" in data["valid_to_basis"]
    back = regionkit.loads(regionkit.dumps(laiwu), Division)
    assert back == laiwu
    assert back.valid_to_precision is regionkit.DatePrecision.DAY
    assert back.valid_from_basis == "MCA code list of 1992"
    (change,) = [c for c in regionkit.changes("CN") if "CN-371200-1992" in c.before]
    plain = regionkit.to_dict(change)
    assert (plain["precision"], plain["basis"]) == ("day", change.basis)
    assert regionkit.loads(regionkit.dumps(change), regionkit.Change) == change
    with pytest.raises(DataError, match="precision"):
        regionkit.from_dict(regionkit.Change, {**plain, "precision": "week"})


def test_a_change_without_precision_is_known_to_the_day() -> None:
    plain = regionkit.to_dict(regionkit.changes("RU")[0])
    del plain["precision"], plain["basis"]
    change = regionkit.from_dict(regionkit.Change, plain)
    assert (change.precision, change.basis) == (regionkit.DatePrecision.DAY, "")
