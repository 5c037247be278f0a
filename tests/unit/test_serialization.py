import json
from pathlib import Path

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
