"""Lookup does work linear in the length of any text: counted, not timed."""

from __future__ import annotations

import contextlib
import csv
import importlib.resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from regionkit import Dataset, NotFound, _index, _lookup
from regionkit._lookup import MAX_INPUT, Names


class Counting(Dataset):
    """The package's data, counting each probe of a name index."""

    probes = 0

    def name_index(self, country: str, stage: int) -> Names:
        self.probes += 1
        return super().name_index(country, stage)


@pytest.fixture(scope="module")
def dataset() -> Counting:
    folder = Path(str(importlib.resources.files("regionkit") / "_data"))
    counting = Counting(lambda name: (folder / name).read_bytes(), str(folder))
    counting.lookup("北京市朝阳区")  # load everything once
    return counting


def probes(dataset: Counting, text: str) -> int:
    dataset.probes = 0
    with contextlib.suppress(LookupError, ValueError):
        dataset.lookup(text)
    return dataset.probes


@pytest.mark.parametrize(
    "unit",
    [
        *("龘", "北京市朝阳区", "朝阳", "Moskva ", "a", "Chaoyang, ", "ab ", "市"),
        # China's township level: shared names, containers and towns (issue 18)
        *("城关镇", "南山区", "南山区粤海街道", "朝阳区城关镇", "Chengguan Town, "),
    ],
)
def test_probes_grow_at_most_linearly(dataset: Counting, unit: str) -> None:
    counts = {}
    for size in (50, 100, 200, MAX_INPUT):
        text = (unit * (size // len(unit) + 1))[:size]
        counts[size] = probes(dataset, text)
    # At most a fixed number of probes per character, whatever the length.
    assert all(count <= 40 * size for size, count in counts.items()), counts
    assert counts[MAX_INPUT] <= counts[50] * (MAX_INPUT // 50) * 2, counts


def test_long_chinese_text_reads_a_chain_of_names_in_linear_work(
    dataset: Counting,
) -> None:
    """The text that cost 32 s before ("龘" * 200) now takes a bounded count."""
    assert probes(dataset, "龘" * 200) <= 200 * 40
    with pytest.raises(NotFound):
        dataset.lookup("龘" * MAX_INPUT)
    assert dataset.lookup("吉林省长春市朝阳区").code == "CN-220104"


def test_a_typo_is_compared_with_few_keys(
    dataset: Counting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    A first-sight typo is compared with a handful of the 11,000 typo keys.

    One edit: only the keys that share a form with a letter left out
    (`_index._by_shortened`); two edits (ten letters or more): the keys of the
    text's length give or take two with its first or last letter. Counted:
    every key rapidfuzz compares, alone or in a list.
    """
    fuzz = _index._rapidfuzz()
    compared = [0]
    osa, process = fuzz.OSA, fuzz.process

    def distance(text: str, key: str, **options: int) -> int:
        compared[0] += 1
        return int(osa.distance(text, key, **options))

    def extract(text: str, keys: list[str], **options: object) -> list[Any]:
        compared[0] += len(keys)
        return list(process.extract(text, keys, **options))

    monkeypatch.setattr(fuzz, "OSA", SimpleNamespace(distance=distance))
    monkeypatch.setattr(fuzz, "process", SimpleNamespace(extract=extract))
    corpus = Path(__file__).parent.parent / "corpus" / "typos.csv"
    with corpus.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))[::100]  # 200 typos of every kind
    counts = []
    for row in rows:
        dataset._named.pop(row["text"], None)  # first sight
        compared[0] = 0
        with contextlib.suppress(LookupError):
            dataset.lookup(row["text"])
        counts.append(compared[0])
    counts.sort()
    # Before the shortened forms: a median of 383 keys, a mean of 643.
    assert counts[len(counts) // 2] <= 20, counts
    assert sum(counts) / len(counts) <= 150, counts
    assert counts[-1] <= 2_000, counts
    assert dataset.lookup("Khabarovks Krai").code == "RU-KHA"
    assert dataset.lookup("Tatarstn").code == "RU-TA"


def test_a_typo_beside_a_name_reads_no_container(
    dataset: Counting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    "Anj Xian" reads no container Xi'an: no index finds "Anj" in any scope.

    A "name, container" reading reads its containers only where some index
    may find the name (`_lookup._may_be_inside`); a qualified name still does.
    """
    read: list[str] = []
    containers = _lookup._containers

    def counted(source: Any, text: str, *args: Any) -> Any:
        read.append(text)
        return containers(source, text, *args)

    monkeypatch.setattr(_lookup, "_containers", counted)
    assert _lookup._is_name(dataset, "Xian", ("CN", "RU"))  # Xi'an: a container
    dataset._named.pop("Anj Xian", None)
    with pytest.raises(NotFound):
        dataset.lookup("Anj Xian")
    assert read == []
    dataset._named.pop("Chaoyang, Beijing", None)
    assert dataset.lookup("Chaoyang, Beijing").code == "CN-110105"
    assert read == ["Beijing"]


@pytest.fixture(scope="module")
def checked() -> Dataset:
    """The package's data as `regionkit` reads it: with its prebuilt answers."""
    folder = Path(str(importlib.resources.files("regionkit") / "_data"))
    return Dataset.from_path(folder)


def test_the_answers_hold_every_key_of_every_index(checked: Dataset) -> None:
    """
    A text none of whose keys the answers hold is searched in no index.

    `Dataset.may_be_key` relies on it: "Wenshgng" (a typo) is no key of any
    table of any index, so lookup searches only for its typos.
    """
    dataset = checked
    answers = dataset._read_answers()
    assert answers is not None
    tables: tuple[str, ...] = ("exact", "normalized", "abbreviation", "alias")
    tables += ("former", "inflected", "cores", "fuzzy")
    for country in ("CN", "RU"):
        for stage in dataset.stages(country):
            index = dataset._names(country, stage)
            for table in tables:
                keys = index._table(table).keys()
                missing = [key for key in keys if not answers.has_any([key])]
                assert missing == [], (country, stage, table, missing[:5])
    assert not dataset.may_be_key("Wenshgng")
    assert dataset.may_be_key("Wenshan")


def test_a_typo_searches_no_index_for_its_exact_names(
    checked: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typo whose keys no index holds is searched only for its typos."""
    dataset = checked
    searched: list[str] = []
    search = _index.NameIndex.search

    def counted(self: _index.NameIndex, text: str, **options: bool) -> Any:
        searched.append(text)
        return search(self, text, **options)

    monkeypatch.setattr(_index.NameIndex, "search", counted)
    dataset._named.pop("Wenshgng Qu", None)
    with contextlib.suppress(LookupError):
        dataset.lookup("Wenshgng Qu")
    assert "Wenshgng Qu" not in searched
    assert "wenshgng" not in searched
    # A qualified name is no key either: its pieces are searched.
    dataset._named.pop("Wenshan Shi, Yunnan", None)
    assert dataset.lookup("Wenshan Shi, Yunnan").code == "CN-532601"
    assert "Wenshan Shi" in searched
    assert "Wenshan Shi, Yunnan" not in searched
