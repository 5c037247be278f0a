"""Junk through every public callable: only documented exceptions may come out."""

import json
import pathlib
import threading
from collections.abc import Callable

import pytest

import regionkit
from regionkit import (
    AmbiguousName,
    DataError,
    Dataset,
    Division,
    NotFound,
    UnknownCode,
    UnknownLocaleError,
)

JUNK: list[object] = [
    None,
    0,
    -1,
    3.5,
    True,
    b"",
    b"RU-KHA",
    bytearray(b"x"),
    "",
    " ",
    "\x00",
    "😴",
    "⑱",
    "RU-" + "Z" * 100,
    "\u200b\u200d",
    "ᚠᛇᚻ",
    "x" * 1_000_000,
    "я" * 1_000_000,
    ["RU-KHA"],
    {"code": "RU-KHA"},
    object(),
]
DATA = pathlib.Path(regionkit.__file__).parent / "_data"
DOCUMENTED = (
    TypeError,
    ValueError,
    UnknownCode,
    NotFound,
    AmbiguousName,
    UnknownLocaleError,
    DataError,
)


def sweep(call: Callable[[object], object], value: object) -> None:
    try:
        call(value)
    except DOCUMENTED as error:
        assert str(error)
        assert len(str(error)) < 500  # the message shortens the bad value


@pytest.mark.parametrize("value", JUNK, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize(
    "call",
    [
        regionkit.get,
        regionkit.lookup,
        regionkit.resolve,
        lambda v: regionkit.lookup_many([v]),
        lambda v: regionkit.divisions(v),
        lambda v: regionkit.divisions(category=v),
        lambda v: regionkit.divisions(level=v),
        lambda v: regionkit.divisions(perspective=v),
        lambda v: regionkit.lookup("Moscow", country=v),
        lambda v: regionkit.lookup("Moscow", within=v),
        lambda v: regionkit.get("RU-KHA").name(v),
        lambda v: regionkit.get("RU-KHA").name("en", form=v),
        lambda v: regionkit.from_dict(Division, v),
        lambda v: regionkit.loads(v, Division),
        lambda v: regionkit.get("RU-KHA", as_of=v),
        lambda v: regionkit.divisions("RU", as_of=v),
        lambda v: regionkit.changes(v),
        lambda v: regionkit.changes(since=v),
        lambda v: regionkit.reporting_line(v),
        lambda v: regionkit.reporting_line("CN-HL", kind=v),
        lambda v: regionkit.subordinates(v),
        lambda v: regionkit.centre(v),
        lambda v: regionkit.reports_directly_to_centre(v),
        lambda v: regionkit.border_pairs(v, "CN"),
        lambda v: regionkit.crossings(division=v),
        lambda v: regionkit.get("RU-KHA").neighbours(across_borders=v),
        lambda v: regionkit.get("RU-KHA").describe(v),
        lambda v: regionkit.category_name(v),
        lambda v: regionkit.lookup_many(["Moscow"], as_of=v),
    ],
    ids=[
        "get",
        "lookup",
        "resolve",
        "lookup_many",
        "divisions-country",
        "divisions-category",
        "divisions-level",
        "divisions-perspective",
        "lookup-country",
        "lookup-within",
        "name-locale",
        "name-form",
        "from_dict",
        "loads",
        "get-as_of",
        "divisions-as_of",
        "changes-country",
        "changes-since",
        "reporting_line",
        "reporting_line-kind",
        "subordinates",
        "centre",
        "reports_directly_to_centre",
        "border_pairs",
        "crossings",
        "neighbours",
        "describe",
        "category_name",
        "lookup_many-as_of",
    ],
)
def test_junk_raises_only_documented_errors(
    call: Callable[[object], object], value: object
) -> None:
    sweep(call, value)


def test_lookup_many_reports_every_junk_value_and_never_raises() -> None:
    results = regionkit.lookup_many(JUNK)
    assert len(results) == len(JUNK)
    assert all(r.division is None and isinstance(r.error, DOCUMENTED) for r in results)


def test_public_collections_are_immutable() -> None:
    division = regionkit.get("CN-HL")
    for value in (
        division.names,
        division.children,
        division.descendants(),
        division.ancestors(),
        division.siblings(),
        division.grouping_codes,
        regionkit.divisions("RU"),
    ):
        assert isinstance(value, tuple)
    with pytest.raises(AttributeError):
        division.code = "CN-XX"  # type: ignore[misc]
    dataset = Dataset.from_path(DATA)
    meta = dataset.meta("CN")
    meta["country"] = "XX"
    assert dataset.meta("CN")["country"] == "CN"


@pytest.mark.parametrize(
    "document",
    [
        {"meta": {}, "divisions": [{"code": 1}]},
        {"meta": {}, "divisions": [None]},
        {"meta": {}, "divisions": [[]]},
        {"meta": [], "divisions": []},
        {"meta": {}, "divisions": [{"names": "x" * 10}]},
    ],
)
def test_malformed_data_files_raise_data_error(
    tmp_path: pathlib.Path, document: object
) -> None:
    (tmp_path / "ru.json").write_text(json.dumps(document))
    with pytest.raises(DataError):
        Dataset.from_path(tmp_path).get("RU-KHA")


def test_a_failed_load_does_not_corrupt_the_dataset(tmp_path: pathlib.Path) -> None:
    (tmp_path / "ru.json").write_text("{")
    dataset = Dataset.from_path(tmp_path)
    for _ in range(2):
        with pytest.raises(DataError):
            dataset.get("RU-KHA")
    assert "nothing" in repr(dataset)


def test_threads_looking_up_at_once_agree() -> None:
    dataset = Dataset.from_path(DATA)
    barrier = threading.Barrier(16)
    found: list[str] = []

    def work() -> None:
        barrier.wait()
        found.append(dataset.lookup("Хабаровский край").code)

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == ["RU-KHA"] * 16
