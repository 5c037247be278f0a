"""The MANIFEST of the packaged data: a checksum of each file, checked on first read."""

import collections
import datetime
import importlib.resources
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import regionkit
from regionkit import DataError, Dataset
from regionkit._address import parse_address_in
from regionkit._manifest import Manifest, digest
from regionkit._reporting import line_in

DATA = Path(str(importlib.resources.files("regionkit") / "_data"))
FILES = sorted(p.name for p in DATA.iterdir() if p.name != "MANIFEST")


def uses(dataset: Dataset) -> list[Callable[[], object]]:
    """Calls that read, between them, every file of a data folder."""
    return [
        lambda: dataset.get("RU-KHA"),  # ru.json
        lambda: dataset.lookup("Хабаровский край"),  # cn.json and the top indices
        lambda: dataset.get("CN-230100"),  # cn-lower.json
        lambda: dataset.lookup("Harbin", level=2),  # cn-lower.index
        lambda: dataset.divisions("CN", as_of=datetime.date(2000, 1, 1)),
        lambda: dataset.resolve("崇明县"),  # cn-history.index
        lambda: dataset.get("RU-AMU").neighbours(),
        lambda: line_in(dataset, "RU-NEN"),  # reporting.json
        lambda: dataset.get("CN-440305007"),  # cn-townships.tsv
        lambda: parse_address_in(dataset, "680000, ул. Ленина 1"),  # ru-postcodes.csv
        lambda: parse_address_in(dataset, "北京市朝阳区 100101"),  # cn-postcodes.csv
        lambda: dataset.lookup("Chenhgua"),  # a typo: foreign-names.txt
    ]


def use_all(dataset: Dataset) -> None:
    for use in uses(dataset):
        use()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the whole packaged data folder, its MANIFEST too."""
    folder = tmp_path / "_data"
    shutil.copytree(DATA, folder)
    return folder


def test_the_manifest_lists_exactly_the_files_of_the_data_folder() -> None:
    manifest = Manifest.parse((DATA / "MANIFEST").read_bytes(), "MANIFEST")
    assert sorted(manifest.digests) == FILES
    assert {"ru.json", "cn-lower.index", "neighbours.json"} <= set(FILES)
    for name in FILES:
        assert manifest.digests[name] == digest((DATA / name).read_bytes())


@pytest.mark.parametrize("name", FILES)
def test_a_flipped_bit_in_a_packaged_file_raises_data_error_naming_it(
    data_copy: Path, name: str
) -> None:
    path = data_copy / name
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x04  # one bit, in the middle of the file
    path.write_bytes(bytes(raw))
    dataset = Dataset.from_path(data_copy)
    with pytest.raises(DataError) as caught:
        use_all(dataset)
    assert caught.value.path == f"{data_copy}/{name}"
    assert "does not match its checksum" in str(caught.value)


def test_each_file_is_checked_once(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: collections.Counter[str] = collections.Counter()
    check = Manifest.check

    def counting(self: Manifest, name: str, raw: bytes, path: str) -> None:
        if self.path.startswith(str(data_copy)):  # not the default dataset's
            checked[name] += 1
        check(self, name, raw, path)

    monkeypatch.setattr(Manifest, "check", counting)
    dataset = Dataset.from_path(data_copy)
    use_all(dataset)
    use_all(dataset)
    assert checked == dict.fromkeys(FILES, 1)


def test_the_packaged_data_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    # The default dataset reads the package's own MANIFEST.
    checked: list[str] = []
    check = Manifest.check

    def recording(self: Manifest, name: str, raw: bytes, path: str) -> None:
        checked.append(path)
        check(self, name, raw, path)

    monkeypatch.setattr(Manifest, "check", recording)
    monkeypatch.setattr("regionkit._store._default", None)
    assert regionkit.get("CN-230100").name("en") == "Harbin"
    assert checked == ["regionkit/cn.json", "regionkit/cn-lower.json"]


def test_a_folder_without_a_manifest_is_read_unchecked(data_copy: Path) -> None:
    # Data made or edited by hand: read strictly, but no checksum to match.
    (data_copy / "MANIFEST").unlink()
    path = data_copy / "ru.json"
    path.write_bytes(path.read_bytes().replace(b"Khabarovsk Krai", b"Khabarovsk Kray"))
    assert Dataset.from_path(data_copy).get("RU-KHA").name() == "Khabarovsk Kray"


def test_an_edited_file_of_a_folder_with_a_manifest_raises(data_copy: Path) -> None:
    path = data_copy / "ru.json"
    path.write_bytes(path.read_bytes().replace(b"Khabarovsk Krai", b"Khabarovsk Kray"))
    with pytest.raises(DataError, match=r"ru\.json does not match its checksum"):
        Dataset.from_path(data_copy).get("RU-KHA")


def test_a_file_the_manifest_does_not_list_raises(data_copy: Path) -> None:
    manifest = data_copy / "MANIFEST"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(x for x in lines if "ru.json" not in x))
    with pytest.raises(DataError, match=r"ru\.json is not listed in"):
        Dataset.from_path(data_copy).get("RU-KHA")


@pytest.mark.parametrize(
    "text",
    ["not a manifest\n", f"{'0' * 8} ru.json\n", f"{'0' * 8}  ru.json\n" * 2],
    ids=["junk", "one space", "a file twice"],
)
def test_a_damaged_manifest_raises_data_error_naming_it(
    data_copy: Path, text: str
) -> None:
    (data_copy / "MANIFEST").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        Dataset.from_path(data_copy).get("RU-KHA")
    assert caught.value.path == f"{data_copy}/MANIFEST"
    assert "line 1" in str(caught.value) or "line 2" in str(caught.value)
