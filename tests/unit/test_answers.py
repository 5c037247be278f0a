"""The prebuilt answers of plain lookups are the long way's answers, faster."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import regionkit
from regionkit import _answers as _answers_module
from regionkit import _lookup
from regionkit._answers import Answers
from regionkit._index import NameIndex
from regionkit._lookup import Match, Miss
from regionkit._manifest import digest
from regionkit._store import Dataset, _read_package_file
from regionkit.errors import DataError


def _long_way() -> Dataset:
    return Dataset(_read_package_file)  # no manifest, so no prebuilt answers


def _shape(found: Match | Miss) -> tuple[object, ...]:
    if isinstance(found, Match):
        return (found.division.code, found.score, found.matched, found.kind)
    return tuple(d.code for d in found.candidates)


def _answers() -> Answers:
    dataset = Dataset.from_path(regionkit.__path__[0] + "/_data")
    answers = dataset._read_answers()
    assert answers is not None
    return answers


def test_the_package_data_has_answers_for_every_stored_name() -> None:
    keys = _answers().keys()
    assert len(keys) > 45_000
    assert "хабаровский край" in keys
    assert "朝阳区" in keys


@pytest.mark.parametrize("variant", [str, str.upper, str.title, lambda t: f"  {t} "])
def test_a_prebuilt_answer_is_the_long_way_s_answer(
    variant: object,
) -> None:
    slow, fast = _long_way(), Dataset.from_path(regionkit.__path__[0] + "/_data")
    scope = fast._scope(None, None, None, None, True)
    keys = _answers().keys()[::40]  # about 1,200 names of every kind and script
    differ, unknown = [], []
    for key in keys:
        text = variant(key)  # type: ignore[operator]
        prebuilt = fast._prebuilt_answer(text)
        if prebuilt is None:  # "TÜMEN OBLASTI" folds to another text: the long way
            unknown.append(text)
            continue
        expected = _lookup.find(slow, text, scope)
        if _shape(prebuilt) != _shape(expected):
            differ.append((text, _shape(prebuilt), _shape(expected)))
    assert differ == []
    assert len(unknown) < len(keys) / 100


def test_a_first_sight_lookup_of_a_stored_name_searches_no_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dataset = Dataset.from_path(regionkit.__path__[0] + "/_data")
    searches: list[str] = []
    search = NameIndex.search

    def counted(self: NameIndex, text: str, **options: bool) -> object:
        searches.append(text)
        return search(self, text, **options)

    monkeypatch.setattr(NameIndex, "search", counted)
    assert dataset.lookup("Хабаровский край").code == "RU-KHA"
    assert dataset.lookup("ХАБАРОВСКИЙ КРАЙ").code == "RU-KHA"
    assert dataset.match("Haidian District").division.code == "CN-110108"
    with pytest.raises(regionkit.AmbiguousName) as raised:
        dataset.lookup("朝阳区")
    assert {d.code for d in raised.value.candidates} == {"CN-110105", "CN-220104"}
    assert searches == []
    dataset.lookup("Khabarovsk Krai, Russia")  # no stored name: the long way
    assert searches


def test_answers_made_from_other_data_are_not_used() -> None:
    raw = _read_package_file("answers.index")
    assert Answers.decode(raw, {"ru.json": "00000000"}) is None


def _copy_with_answers(tmp_path: Path, answers: bytes, *, vouch: bool) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(regionkit.__path__[0] + "/_data", folder)
    (folder / "answers.index").write_bytes(answers)
    if vouch:  # the manifest agrees with the edited file
        lines = (folder / "MANIFEST").read_text().splitlines()
        crc = digest(answers)
        (folder / "MANIFEST").write_text(
            "".join(
                f"{crc}  answers.index\n"
                if line.endswith("answers.index")
                else line + "\n"
                for line in lines
            )
        )
    return folder


def test_a_damaged_answers_file_is_a_data_error(tmp_path: Path) -> None:
    damaged = _read_package_file("answers.index").replace(b"RU-KHA", b"RU-KHB", 1)
    folder = _copy_with_answers(tmp_path, damaged, vouch=False)
    with pytest.raises(DataError, match=r"answers\.index does not match"):
        Dataset.from_path(folder).lookup("Хабаровский край")


def test_an_answers_file_that_is_none_is_a_data_error(tmp_path: Path) -> None:
    folder = _copy_with_answers(tmp_path, b"not answers\n", vouch=True)
    with pytest.raises(DataError, match="not a regionkit answers file"):
        Dataset.from_path(folder).lookup("Хабаровский край")


def _outcome(dataset: Dataset, text: str) -> str:
    try:
        return dataset.match(text).division.code
    except regionkit.AmbiguousName as error:
        return "tie: " + " ".join(sorted(d.code for d in error.candidates))
    except (LookupError, ValueError, TypeError) as error:
        return type(error).__name__


def test_answers_and_unread_indices_change_no_answer_on_the_corpora() -> None:
    """Every corpus of real texts gets the same answers as the long way gives."""
    import csv
    import random

    corpus = Path(__file__).parent.parent / "corpus"
    texts: list[str] = []
    for name in ("negative.csv", "lookup.csv", "messy.csv", "typos.csv"):
        with (corpus / name).open(encoding="utf-8", newline="") as handle:
            texts += [row[0] for row in list(csv.reader(handle))[1:]]
    sample = random.Random(16).sample(texts, 3000)
    fast = Dataset.from_path(regionkit.__path__[0] + "/_data")
    slow = _long_way()
    differ = [t for t in sample if _outcome(fast, t) != _outcome(slow, t)]
    assert differ == []


@pytest.mark.parametrize("text", ["Tatarstn", "Atlantis", "Kyiv Oblast", "Erduosi"])
def test_a_typo_or_a_foreign_name_reads_no_former_units(text: str) -> None:
    dataset = Dataset.from_path(regionkit.__path__[0] + "/_data")
    _outcome(dataset, text)
    assert dataset._indices["CN"].files < 3  # cn-history.json unread
    assert _outcome(dataset, "崇明县") == "CN-310230-1981"  # a former unit's name
    assert dataset._indices["CN"].files == 3


def test_the_bitmap_of_the_keys_misses_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """
    Once the file is asked often, one bit rules out most texts; never a key.

    The answers with the bitmap are the answers without it, for every key and
    for texts that are none.
    """
    monkeypatch.setattr(_answers_module, "_ASKS_BEFORE_BITS", 1)
    answers = _answers()
    slices = -(-answers._lines.blocks // _answers_module._BLOCKS_PER_ASK)
    # Made a slice a question: no one question reads every line.
    assert [answers._filter() is None for _ in range(slices)] == [True] * (
        slices - 1
    ) + [False]
    assert answers._filter() is not None
    keys = answers.keys()
    assert all(answers.has_any([key]) for key in keys)
    assert all(answers.get(key)[0] for key in keys[::50])
    assert not answers.has_any(["tatarstn", "wenshgng qu", "kazan tatarstan"])
    assert answers.get("Tatarstn") == (False, None)
    missed = sum(not answers._may_hold(f"{key}x".encode()) for key in keys[::10])
    assert missed > 0.95 * len(keys[::10])  # about 1% of the bits are set
