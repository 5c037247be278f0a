"""The packed data files: written stably, read strictly, names built on first read."""

import datetime
import importlib.resources
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import regionkit
from regionkit import DataError, Division, NameForm
from regionkit._datafile import read_division_file
from regionkit._models import PackedNames

# The writer is a build tool: tools/ is not a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from datafile import encode_division_file

DATA = importlib.resources.files("regionkit") / "_data"
Document = dict[str, Any]


def packaged(name: str) -> Document:
    document: Document = json.loads((DATA / name).read_bytes())
    return document


def read(document: Document) -> tuple[Division, ...]:
    raw = json.dumps(document, ensure_ascii=False).encode()
    return read_division_file(raw, "test.json", dataset=None)[1]


def row_of(document: Document, code: str) -> list[Any]:
    row: list[Any] = next(r for r in document["divisions"] if r[0] == code)
    return row


def set_field(code: str, column: str, value: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        row_of(document, code)[document["columns"].index(column)] = value

    return change


def test_a_packed_file_reads_back_what_was_written() -> None:
    document = packaged("cn-lower.json")
    divisions = read(document)
    assert len(divisions) == 3178 + 18 + 7  # the MCA's units and the SARs'
    text = encode_division_file(document["meta"], divisions)
    again = read_division_file(text.encode(), "again.json", dataset=None)[1]
    assert again == divisions
    assert text == (DATA / "cn-lower.json").read_text(encoding="utf-8")


def test_names_of_a_packed_file_are_the_heads_with_their_texts() -> None:
    harbin = next(d for d in read(packaged("cn-lower.json")) if d.code == "CN-230100")
    by_form = {(n.locale, n.form.value): n.text for n in harbin.names}
    assert by_form[("zh-Hans", "full")] == "哈尔滨市"
    assert by_form[("ru", "short")] == "Харбин"
    assert by_form[("zh-Latn-pinyin", "full")] == "Hā'ěrbīn Shì"
    assert {n.source for n in harbin.names if n.locale == "zh-Hans"} == {"mca-2024"}


def test_dated_names_keep_their_dates() -> None:
    # Russia's former official names carry the days they were borne.
    kemerovo = next(d for d in read(packaged("ru.json")) if d.code == "RU-KEM")
    (former,) = (
        n for n in kemerovo.names if n.valid_to is not None and n.locale == "ru"
    )
    assert (former.text, former.form, former.valid_from, former.valid_to) == (
        "Кемеровская область",
        NameForm.FORMER,
        datetime.date(1993, 12, 25),
        datetime.date(2019, 3, 26),
    )


def drop_column(column: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        at = document["columns"].index(column)
        del document["columns"][at]
        for row in document["divisions"]:
            del row[at]

    return change


FAULTS: list[tuple[str, Callable[[Document], None], str]] = [
    ("a level as text", set_field("RU-KHA", "level", "1"), "level"),
    ("a code as a number", set_field("RU-KHA", "code", 27), "code"),
    ("an unknown category", set_field("RU-KHA", "category", "canton"), "category"),
    ("a bad date", set_field("RU-KHA", "valid_from", "1938-02-30"), "valid_from"),
    ("one text too few", set_field("RU-KHA", "names", "Khabarovsk"), "RU-KHA"),
    ("a head out of range", set_field("RU-KHA", "name_heads", 999), "RU-KHA"),
    ("a head as text", set_field("RU-KHA", "name_heads", "0"), "RU-KHA"),
    (
        "a row too short",
        lambda d: row_of(d, "RU-KHA").pop(),
        "fields",
    ),
    (
        "an unknown column",
        lambda d: d["columns"].__setitem__(0, "colour"),
        "columns",
    ),
    ("no level column", drop_column("level"), "level"),
    (
        "an unknown name form",
        lambda d: d["name_heads"][0][0].__setitem__(1, "nickname"),
        "name_heads[0][0]",
    ),
]


@pytest.mark.parametrize(
    ("change", "named"), [f[1:] for f in FAULTS], ids=[f[0] for f in FAULTS]
)
def test_a_fault_in_a_packed_file_raises_data_error_naming_it(
    change: Callable[[Document], None], named: str
) -> None:
    document = packaged("ru.json")
    change(document)
    with pytest.raises(DataError) as caught:
        read(document)
    assert caught.value.path == "test.json"
    assert named in str(caught.value)


def test_names_are_not_built_until_read() -> None:
    harbin = next(d for d in read(packaged("cn-lower.json")) if d.code == "CN-230100")
    packed = harbin._names
    assert isinstance(packed, PackedNames)
    assert packed._built is None
    assert harbin.name("en") == "Harbin"
    assert harbin._names is packed  # the record is unchanged
    assert packed._built is harbin.names


def test_the_packaged_data_reads_the_same_through_the_public_form() -> None:
    # The packed file and the public form say the same of every division.
    for division in regionkit.divisions("RU"):
        assert regionkit.from_dict(Division, regionkit.to_dict(division)) == division


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda c: c.__setitem__("role", "capital"), "RU-KHA: centres: [0]: role"),
        (lambda c: c.pop("note"), "missing ['note']"),
        (lambda c: c.__setitem__("colour", "red"), "unknown ['colour']"),
        (lambda c: c["names"][0].__setitem__(1, "nickname"), "[0]: form"),
    ],
    ids=["an unknown role", "a key missing", "an unknown key", "a bad name form"],
)
def test_a_fault_in_a_small_record_names_the_record_and_field(
    change: Callable[[dict[str, Any]], None], named: str
) -> None:
    # The readers of centres, figures, claims… follow their classes' fields.
    document = packaged("ru.json")
    centres = row_of(document, "RU-KHA")[document["columns"].index("centres")]
    change(centres[0])
    with pytest.raises(DataError) as caught:
        read(document)
    assert named in str(caught.value)


def test_a_fault_in_a_change_names_it() -> None:
    document = packaged("ru.json")
    document["changes"][0]["date"] = "someday"
    with pytest.raises(DataError, match=r"changes\[0\]: date: expected an ISO date"):
        read(document)


def test_every_fault_of_a_column_is_named() -> None:
    document = packaged("ru.json")
    set_field("RU-KHA", "level", "1")(document)
    set_field("RU-MOW", "level", 1.0)(document)
    with pytest.raises(DataError) as caught:
        read(document)
    assert caught.value.details == (
        "RU-KHA: level: expected an integer, got str '1'",
        "RU-MOW: level: expected an integer, got float 1.0",
    )


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ({"latitude": 45, "longitude": 126.65, "source": "x-y"}, "latitude"),
        ({"latitude": 45.75, "longitude": "126.65", "source": "x-y"}, "longitude"),
        ({"latitude": 45.75, "longitude": 126.65}, "missing ['source']"),
        ([45.75, 126.65, "x-y"], "expected a Location object"),
    ],
    ids=["an integer latitude", "a longitude as text", "no source", "a list"],
)
def test_a_fault_in_a_location_names_the_record_and_field(
    value: object, named: str
) -> None:
    """The fast reader of points falls back to the one that names each fault."""
    document = packaged("cn-lower.json")
    set_field("CN-230100", "location", value)(document)
    with pytest.raises(DataError) as caught:
        read(document)
    assert "CN-230100: location" in str(caught.value)
    assert named in str(caught.value)


def test_locations_read_as_the_points_written() -> None:
    """Harbin's point reads back as a `Location`, its source one shared string."""
    divisions = {d.code: d for d in read(packaged("cn-lower.json"))}
    harbin, heihe = divisions["CN-230100"].location, divisions["CN-231100"].location
    both = "geonames-cities500 cpca-adcodes"  # the value's source, then the check
    assert harbin == regionkit.Location(45.75, 126.65, both)
    assert heihe is not None
    assert harbin.source is heihe.source


def test_a_packed_file_is_decoded_a_chunk_of_lines_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """
    Russia's localities decode in pieces of about 64 KB, never the whole file.

    One string of the whole 2.5 MB file (4 MB decoded) stayed resident in the
    allocator after the load: the load took 16 MB more instead of 7.
    """
    from regionkit import _datafile

    raw = (DATA / "ru-places.json").read_bytes()
    sizes: list[int] = []
    loads = json.loads

    def counted(text: bytes) -> Any:
        sizes.append(len(text))
        return loads(text)

    monkeypatch.setattr(json, "loads", counted)  # the module _datafile calls
    divisions = read_division_file(raw, "ru-places.json", dataset=None)[1]
    longest_line = max(map(len, raw.split(b"\n")))
    assert len(divisions) == 5834
    head, chunks = sizes[0], sizes[1:]  # meta, columns and name heads; the lines
    assert head < len(raw) // 10
    rows = len(raw) - head
    assert rows // (_datafile._CHUNK + longest_line) <= len(chunks)
    assert len(chunks) <= rows // _datafile._CHUNK + 1  # 36 today
    assert max(chunks) <= _datafile._CHUNK + longest_line
    assert sum(sizes) < len(raw) + len(sizes) * 2


def test_a_packed_file_read_in_chunks_reads_as_read_whole() -> None:
    """Each chunk's divisions are those of the whole file, in order."""
    from regionkit import _datafile

    for name in ("ru-places.json", "cn-history.json"):
        raw = (DATA / name).read_bytes()
        chunked = _datafile._read_in_chunks(raw, None)
        assert chunked is not None
        whole = json.loads(raw)
        faults: list[str] = []
        divisions = _datafile._packed_divisions(whole, None, faults)
        assert faults == []
        assert chunked[0] == whole["meta"]
        assert chunked[1] == divisions
        assert [d.names for d in chunked[1]] == [d.names for d in divisions]
        assert chunked[2] == _datafile._changes(whole.get("changes", []), faults)


def test_repeated_strings_of_a_packed_file_are_one_copy() -> None:
    """A locality's country, subject and source are shared strings."""
    first, second = read_division_file(
        (DATA / "ru-places.json").read_bytes(), "ru-places.json", dataset=None
    )[1][:2]
    assert (first.parent_code, second.parent_code) == ("RU-AD", "RU-AD")
    assert first.country is second.country
    assert first.parent_code is second.parent_code


def test_a_fault_in_a_chunked_file_is_named_as_in_a_whole_read() -> None:
    """A bad row deep in the file makes the reader read it whole, naming the row."""
    text = (DATA / "ru-places.json").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if '"RU-YAR-' in line)
    code = json.loads(lines[at].rstrip(","))[0]
    lines[at] = lines[at].replace('"inhabited_locality"', '"hamlet"', 1)
    lines[at] = lines[at].replace('"city"', '"hamlet"', 1)
    with pytest.raises(DataError) as caught:
        read_division_file("\n".join(lines).encode(), "bad.json", dataset=None)
    assert f"{code}: category" in str(caught.value)
