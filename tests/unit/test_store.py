import gc
import json
import multiprocessing
import threading
from pathlib import Path

import pytest

import regionkit
from regionkit import Category, DataError, Dataset, UnknownCode

FIXTURES = Path(__file__).parent.parent / "fixtures" / "mini"


@pytest.mark.parametrize(
    "code",
    ["RU-KHA", "ru-kha", "  RU-KHA ", "SUBJECT:27", "okato:08", "OKTMO:08000000"],
)
def test_get_accepts_every_code_form(mini: Dataset, code: str) -> None:
    assert mini.get(code).code == "RU-KHA"


@pytest.mark.parametrize("code", ["CN-HL", "230000", "GB:230000", "gb: 230000"])
def test_get_accepts_chinese_codes(mini: Dataset, code: str) -> None:
    assert mini.get(code).code == "CN-HL"


def test_get_finds_a_contested_unit_by_the_other_sides_code(mini: Dataset) -> None:
    assert mini.get("UA-43").code == "RU-CRIMEA"


@pytest.mark.parametrize("code", ["RU-XXX", "", "   ", "27", "okato:", "X" * 10_000])
def test_unknown_codes_raise_a_key_error_naming_the_code(
    mini: Dataset, code: str
) -> None:
    with pytest.raises(UnknownCode) as caught:
        mini.get(code)
    assert isinstance(caught.value, KeyError)
    assert caught.value.code == code


@pytest.mark.parametrize("code", [None, 27, b"RU-KHA", ["RU-KHA"]])
def test_get_rejects_non_strings_with_type_error(mini: Dataset, code: object) -> None:
    with pytest.raises(TypeError, match="code must be a str"):
        mini.get(code)


def test_divisions_filters_by_category_string_or_enum(mini: Dataset) -> None:
    by_value = mini.divisions("RU", category="federal_district")
    by_enum = mini.divisions("RU", category=Category.FEDERAL_DISTRICT)
    assert by_value == by_enum
    assert [d.code for d in by_value] == ["RU-FD-FAR-EASTERN", "RU-FD-NORTHWESTERN"]


def test_divisions_level_one_lists_no_groupings(mini: Dataset) -> None:
    assert all(d.level == 1 for d in mini.divisions("RU", level=1))


def test_divisions_order_is_by_code(mini: Dataset) -> None:
    found = mini.divisions()
    assert list(found) == sorted(found, key=lambda d: d.code)


def test_perspective_iso_drops_units_iso_lists_elsewhere(mini: Dataset) -> None:
    national = {d.code for d in mini.divisions("RU", level=1)}
    iso = {d.code for d in mini.divisions("RU", level=1, perspective="iso")}
    assert national - iso == {"RU-CRIMEA"}


def test_divisions_by_parent(mini: Dataset) -> None:
    assert [d.code for d in mini.divisions(parent="CN-HL")] == ["CN-230100"]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"country": "US"}, ValueError),
        ({"country": 7}, TypeError),
        ({"category": "canton"}, ValueError),
        ({"category": 3}, TypeError),
        ({"perspective": "un"}, ValueError),
        ({"level": "1"}, TypeError),
        ({"level": True}, TypeError),
    ],
)
def test_divisions_rejects_bad_arguments(
    mini: Dataset, kwargs: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        mini.divisions(**kwargs)  # type: ignore[arg-type]


def test_navigation(mini: Dataset) -> None:
    harbin = mini.get("CN-230100")
    assert harbin.parent == mini.get("CN-HL")
    assert harbin.ancestors() == (mini.get("CN-HL"),)
    assert mini.get("CN-HL").descendants()[0] == harbin
    assert mini.get("RU-NEN").within == mini.get("RU-ARK")
    assert mini.get("RU-ARK").enclosed == (mini.get("RU-NEN"),)
    assert mini.get("RU-KHA").federal_district == mini.get("RU-FD-FAR-EASTERN")
    assert mini.get("RU-KHA") in mini.get("RU-FD-FAR-EASTERN").children


def test_siblings_share_parent_and_level(mini: Dataset) -> None:
    siblings = mini.get("RU-KHA").siblings()
    assert mini.get("RU-KHA") not in siblings
    assert all(s.level == 1 and s.country == "RU" for s in siblings)
    assert mini.get("RU-NEN") in siblings
    assert [s.code for s in mini.get("RU-FD-NORTHWESTERN").siblings()] == [
        "RU-FD-FAR-EASTERN"
    ]


def test_records_navigate_through_the_dataset_they_came_from(mini: Dataset) -> None:
    assert mini.get("RU-ARK").enclosed[0] is mini.get("RU-NEN")
    assert regionkit.get("RU-NEN") is not mini.get("RU-NEN")


def test_lower_levels_load_only_when_needed(tmp_path: Path) -> None:
    read: list[str] = []

    def reader(name: str) -> bytes:
        read.append(name)
        return (FIXTURES / name).read_bytes()

    dataset = Dataset(reader)
    assert read == []
    dataset.get("CN-HL")
    assert read == ["cn.json"]
    dataset.get("CN-230100")
    assert read == ["cn.json", "cn-lower.json"]


def test_many_threads_cause_one_load_and_see_the_same_objects() -> None:
    reads: list[str] = []
    lock = threading.Lock()

    def reader(name: str) -> bytes:
        with lock:
            reads.append(name)
        return (FIXTURES / name).read_bytes()

    dataset = Dataset(reader)
    barrier = threading.Barrier(32)
    results: list[object] = [None] * 32

    def work(i: int) -> None:
        barrier.wait()
        results[i] = dataset.get("RU-KHA")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert reads == ["ru.json"]
    assert all(r is results[0] for r in results)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "not JSON"),
        (b"[]", r"'meta' and 'divisions'"),
        (b'{"meta": {}, "divisions": [{"code": "RU-KHA"}]}', "required field missing"),
    ],
)
def test_malformed_data_files_raise_data_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    (tmp_path / "ru.json").write_bytes(content)
    dataset = Dataset.from_path(tmp_path)
    with pytest.raises(DataError, match=message):
        dataset.get("RU-KHA")
    # A failed load leaves nothing half-built behind: fixing the file works.
    (tmp_path / "ru.json").write_bytes((FIXTURES / "ru.json").read_bytes())
    assert dataset.get("RU-KHA").code == "RU-KHA"


def test_a_wrong_field_is_named(tmp_path: Path) -> None:
    document = json.loads((FIXTURES / "ru.json").read_bytes())
    document["divisions"][0]["category"] = "canton"
    (tmp_path / "ru.json").write_text(json.dumps(document))
    with pytest.raises(DataError) as caught:
        Dataset.from_path(tmp_path).get("RU-KHA")
    assert any("category" in line for line in caught.value.details)


def test_a_missing_data_folder_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"ru\.json"):
        Dataset.from_path(tmp_path / "nowhere").get("RU-KHA")


def test_a_code_used_twice_raises_data_error(tmp_path: Path) -> None:
    for item in FIXTURES.iterdir():
        (tmp_path / item.name).write_bytes(item.read_bytes())
    lower = json.loads((tmp_path / "cn-lower.json").read_text(encoding="utf-8"))
    lower["divisions"][0]["code"] = "CN-HL"  # a top-level code again
    (tmp_path / "cn-lower.json").write_text(json.dumps(lower), encoding="utf-8")
    dataset = Dataset.from_path(tmp_path)
    assert dataset.get("CN-HL").code == "CN-HL"  # the top level alone is fine
    with pytest.raises(DataError, match="CN-HL: the code is used twice"):
        dataset.divisions("CN", level=3)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("２３００００", "CN-HL"),
        ("ＲＵ－ＫＨＡ", "RU-KHA"),
        ("ＳＵＢＪＥＣＴ：２７", "RU-KHA"),
    ],
)
def test_get_folds_full_width_codes(mini: Dataset, code: str, expected: str) -> None:
    """Codes typed in full width, as in CJK text, are the codes they show."""
    assert mini.get(code).code == expected


def test_meta_is_a_copy_nested_data_included() -> None:
    """Changing what `Dataset.meta` returned, deep inside too, changes nothing."""
    dataset = Dataset.from_path(Path(regionkit.__file__).parent / "_data")
    meta = dataset.meta("RU")
    meta["sources"].clear()
    meta["country"] = "XX"
    assert dataset.meta("RU")["sources"]
    assert dataset.meta("RU")["country"] == "RU"


def test_a_relative_path_is_resolved_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `os.chdir`, a dataset made from a relative path reads the same folder."""
    for name in ("one", "two"):
        (tmp_path / name / "data").mkdir(parents=True)
        for file in FIXTURES.iterdir():
            (tmp_path / name / "data" / file.name).write_bytes(file.read_bytes())
    (tmp_path / "two" / "data" / "cn.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "one")
    dataset = Dataset.from_path("data")
    assert dataset.get("RU-KHA").code == "RU-KHA"
    monkeypatch.chdir(tmp_path / "two")
    assert dataset.get("CN-HL").code == "CN-HL"  # one's cn.json, not two's


# A dataset whose loading thread stops inside the lock, reading, until released.
_reading = threading.Event()
_release = threading.Event()


def _slow_read(name: str) -> bytes:
    if threading.current_thread().name == "loader":
        _reading.set()
        _release.wait(60)
    return (FIXTURES / name).read_bytes()


_loading = {"dataset": Dataset(_slow_read, origin="slow fixtures")}


def _code_in_child(code: str) -> tuple[str, bool]:
    return _loading["dataset"].get(code).code, gc.isenabled()


@pytest.mark.parametrize(
    "method",
    [
        m
        for m in ("fork", "spawn", "forkserver")
        if m in multiprocessing.get_all_start_methods()
    ],
)
def test_a_child_process_does_not_wait_for_a_loading_thread(method: str) -> None:
    """
    A process forked while a thread is loading data loads on its own.

    The loading thread holds the lock and has paused the garbage collector; the
    child has no such thread, so it must neither wait for the lock nor keep the
    collector off.
    """
    dataset = _loading["dataset"] = Dataset(_slow_read, origin="slow fixtures")
    _reading.clear()
    _release.clear()
    loader = threading.Thread(target=dataset.get, args=("RU-KHA",), name="loader")
    loader.start()
    try:
        assert _reading.wait(10)  # the loader holds the lock now
        with multiprocessing.get_context(method).Pool(1) as pool:
            child = pool.apply_async(_code_in_child, ("RU-KHA",))
            assert child.get(timeout=30) == ("RU-KHA", True)
    finally:
        _release.set()
        loader.join(10)
    assert dataset.get("RU-KHA").code == "RU-KHA"
