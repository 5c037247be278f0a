"""The prebuilt name indices and the names loaded on first read."""

import ast
import copy
import csv
import importlib.resources
import json
import pickle
import shutil
import zlib
from pathlib import Path

import attrs
import pytest

import regionkit
from regionkit import DataError, Dataset, _index, _lookup, _normalize, _townships
from regionkit._datafile import read_division_file
from regionkit._index import NameIndex

DATA = importlib.resources.files("regionkit") / "_data"
FILES = ["ru.json", "cn.json", "cn-lower.json", "cn-history.json"]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the packaged data that a test may edit."""
    for item in DATA.iterdir():
        if item.name.endswith((".json", ".index")):
            (tmp_path / item.name).write_bytes(item.read_bytes())
    return tmp_path


@pytest.mark.parametrize("name", FILES)
def test_each_prebuilt_index_is_the_index_of_its_file(name: str) -> None:
    # Catches a change to normalization that the packaged data was not rebuilt for.
    raw = (DATA / name).read_bytes()
    _, divisions, _ = read_division_file(raw, name, dataset=None)
    prebuilt = NameIndex.decode(
        (DATA / name.replace(".json", ".index")).read_bytes(), zlib.crc32(raw)
    )
    assert prebuilt is not None
    assert prebuilt == NameIndex.build(divisions)


def test_an_index_round_trips_through_its_encoding() -> None:
    divisions = regionkit.divisions("RU", level=1)
    index = NameIndex.build(divisions)
    assert NameIndex.decode(index.encode(7), 7) == index
    assert NameIndex.decode(index.encode(7), 8) is None  # built from other data


def test_an_encoded_index_holds_each_table_once() -> None:
    # The typo table was written twice: once as a kind of match, once by name.
    raw = NameIndex.build(regionkit.divisions("RU", level=1)).encode(7)
    names = [line for line in raw.decode().splitlines() if line.startswith("[")]
    assert names == [
        "[exact]",
        "[normalized]",
        "[abbreviation]",
        "[alias]",
        "[former]",
        "[inflected]",
        "[cores]",
        "[fuzzy]",
        "[cases]",
    ]


def test_the_index_module_imports_only_the_layers_below_it() -> None:
    tree = ast.parse(Path(_index.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    ours = {name for name in imported if name.startswith("regionkit")}
    assert ours <= {
        "regionkit._models",
        "regionkit._normalize",
        "regionkit._sorted_lines",
        "regionkit.errors",
    }


def test_an_index_of_edited_data_is_ignored_and_the_names_indexed_anew(
    data_copy: Path,
) -> None:
    path = data_copy / "cn-lower.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Harbin", "Harbinopolis"), encoding="utf-8")
    edited = Dataset.from_path(data_copy)
    assert edited.lookup("Harbinopolis").code == "CN-230100"
    assert edited.lookup("Harbinopolis Shi").code == "CN-230100"  # the alias
    # The old name is no longer indexed: at most a typo of the pinyin is left.
    with pytest.raises(regionkit.NotFound):
        edited.lookup("Harbin", fuzzy=False)
    assert {m.kind for m in edited.resolve("Harbin")} <= {regionkit.MatchKind.FUZZY}


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-10],  # cut short
        lambda raw: raw.replace(b"harbin", b"harbon", 1),  # checksum fails
        lambda raw: b"not an index\n" + raw,
        lambda raw: b"",
    ],
)
def test_a_damaged_index_raises_data_error(data_copy: Path, damage: object) -> None:
    path = data_copy / "cn-lower.index"
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    dataset = Dataset.from_path(data_copy)
    with pytest.raises(DataError, match=r"cn-lower\.index"):
        dataset.lookup("Harbin", level=2)


def test_a_missing_index_is_built_from_the_data(data_copy: Path) -> None:
    (data_copy / "cn-lower.index").unlink()
    dataset = Dataset.from_path(data_copy)
    assert dataset.lookup("Харбин").code == "CN-230100"
    assert dataset.lookup("北京市朝阳区").code == "CN-110105"


def test_data_without_indices_looks_up_the_same(data_copy: Path) -> None:
    plain = data_copy / "plain"
    plain.mkdir()
    for item in data_copy.glob("*.json"):
        shutil.copy(item, plain / item.name)
    rebuilt, packaged = Dataset.from_path(plain), Dataset.from_path(data_copy)
    for text in ["Moscow", "Хабаровском крае", "吉林", "Chaoyang, Beijing", "Pekin"]:
        assert rebuilt.resolve(text) == packaged.resolve(text)


# -- names loaded on first read --------------------------------------------------


def fresh(code: str) -> regionkit.Division:
    return Dataset.from_path(Path(str(DATA))).get(code)


def test_names_are_built_on_first_read_and_kept() -> None:
    harbin = fresh("CN-230100")
    assert harbin.names is harbin.names
    assert harbin.name("en") == "Harbin"
    assert harbin.name("zh-Hant") == "哈爾濱市"


def test_a_unit_with_unread_names_equals_one_with_read_names() -> None:
    unread, read = fresh("CN-230100"), fresh("CN-230100")
    assert read.names
    assert unread == read
    assert hash(fresh("CN-230100")) == hash(read)
    assert attrs.evolve(fresh("CN-230100")) == read


def test_a_unit_with_unread_names_copies_pickles_and_serializes_whole() -> None:
    expected = fresh("CN-230100").names
    assert copy.copy(fresh("CN-230100")).names == expected
    assert copy.deepcopy(fresh("CN-230100")).names == expected
    assert pickle.loads(pickle.dumps(fresh("CN-230100"))).names == expected
    data = regionkit.to_dict(fresh("CN-230100"))
    assert len(data["names"]) == len(expected)
    assert "_names" not in data


def test_other_missing_attributes_still_raise_attribute_error() -> None:
    harbin = fresh("CN-230100")
    with pytest.raises(AttributeError, match="nonesuch"):
        harbin.nonesuch  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(harbin, "nonesuch")


# -- pickling ----------------------------------------------------------------------


def test_divisions_pickle_and_keep_navigating() -> None:
    harbin = regionkit.get("CN-230100")
    again = pickle.loads(pickle.dumps(harbin))
    assert again == harbin
    assert again.parent == regionkit.get("CN-HL")
    units = regionkit.divisions("CN", level=2)
    assert pickle.loads(pickle.dumps(units)) == units


def test_divisions_of_a_folder_unpickle_into_one_shared_dataset(
    data_copy: Path,
) -> None:
    dataset = Dataset.from_path(data_copy)
    first, second = pickle.loads(
        pickle.dumps([dataset.get("RU-KHA"), dataset.get("RU-MOW")])
    )
    assert first == dataset.get("RU-KHA")
    assert first._dataset is second._dataset
    assert first.federal_district == dataset.get("RU-FD-FAR-EASTERN")


def test_a_dataset_of_a_read_function_does_not_pickle() -> None:
    dataset = Dataset(lambda name: (Path(str(DATA)) / name).read_bytes())
    with pytest.raises(TypeError, match="read function"):
        pickle.dumps(dataset)


def with_khabarovsk_alias(folder: Path, alias: str) -> Dataset:
    """Return the mini fixture, copied to *folder*, with one more alias of RU-KHA."""
    for item in (Path(__file__).parent.parent / "fixtures" / "mini").iterdir():
        shutil.copy(item, folder / item.name)
    document = json.loads((folder / "ru.json").read_text(encoding="utf-8"))
    record = next(d for d in document["divisions"] if d["code"] == "RU-KHA")
    record["names"].append(
        {"locale": "en", "form": "alias", "text": alias, "source": "test"}
    )
    (folder / "ru.json").write_text(json.dumps(document), encoding="utf-8")
    return Dataset.from_path(folder)


def test_names_holding_separators_are_indexed_safely(tmp_path: Path) -> None:
    # Data from elsewhere may hold tabs, line breaks or the index's own
    # separators in a name: the index keeps its shape and finds the name.
    dataset = with_khabarovsk_alias(tmp_path, "Khabarovsk\tland\x1dof\x1fthe\nAmur")
    assert dataset.lookup("Khabarovsk land of the Amur").code == "RU-KHA"
    (match,) = dataset.resolve("khabarovsk  land of the amur")
    assert match.division.code == "RU-KHA"
    assert match.matched == "Khabarovsk land of the Amur"


def test_threads_reading_unread_names_at_once_see_the_same_names() -> None:
    import threading

    harbin = fresh("CN-230100")
    seen: list[tuple[regionkit.Name, ...]] = []
    start = threading.Barrier(16)

    def read() -> None:
        start.wait()
        seen.append(harbin.names)

    threads = [threading.Thread(target=read) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 16
    assert all(names == seen[0] for names in seen)
    assert harbin.names in seen
    assert harbin.name("zh-Hans") == "哈尔滨市"


def test_names_holding_control_characters_are_found(tmp_path: Path) -> None:
    # A control character sorts below the key separator: the lines, not the
    # keys, are what bisection searches.
    dataset = with_khabarovsk_alias(tmp_path, "Khabarovsk\x01")
    assert dataset.lookup("Khabarovsk\x01").code == "RU-KHA"
    assert dataset.lookup("Khabarovsk").code == "RU-KHA"


def test_every_category_word_one_edit_away_is_a_candidate() -> None:
    """
    A mistyped category word ("conty", "uq") finds the word it mistypes.

    `_index._category_words_near` looks only among the words of its first or
    last letter and a length one apart; no word one edit away is left out.
    """
    words = _index._TYPO_CATEGORY_WORDS
    letters = sorted(set("".join(words)))
    for at, word in enumerate(words):
        edited = {word[:i] + word[i + 1 :] for i in range(len(word))} - {""}
        edited |= {
            word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters
        }
        edited |= {
            word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters
        }
        edited |= {
            word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            for i in range(len(word) - 1)
        }
        for typo in edited:
            assert at in _index._category_words_near(typo), (word, typo)


def test_an_index_of_the_earlier_form_is_built_anew() -> None:
    """An index of form 2 (case forms among the aliases) counts as stale."""
    raw = (DATA / "ru.index").read_bytes()
    digest = zlib.crc32((DATA / "ru.json").read_bytes())
    assert NameIndex.decode(raw, digest) is not None
    older = raw.replace(
        b"# regionkit name index 3 of", b"# regionkit name index 2 of", 1
    )
    assert NameIndex.decode(older, digest) is None


def test_the_shortcuts_of_a_typo_s_first_sight_keep_every_result() -> None:
    """
    The quick ways for the common texts give what the long ways give.

    Texts without a Russian letter keep their words as stems; one ASCII word
    reads as no qualified name; a township text is Chinese by one pattern.
    """
    corpus = Path(__file__).parent.parent / "corpus" / "typos.csv"
    with corpus.open(encoding="utf-8", newline="") as file:
        texts = [row["text"] for row in csv.DictReader(file)][::20]
    texts += ["Москва", "в Якутии", "st petersburg", "Xī'ān", "北京（市）", "", " "]
    for text in texts:
        normalized = _normalize.normalize(text) if text.strip() else text
        assert _index._stems_of.__wrapped__(normalized) == (
            (stems,)
            if len((stems := _normalize.russian_stems(normalized)).replace(" ", ""))
            >= 4
            else ()
        ), text
        folded = _normalize.fold(text)
        assert _townships._is_han(folded) == all(
            "\u3400" <= c <= "\u9fff" or c in "（）、-" for c in folded
        ), text
    assert _lookup.split_qualified("Tatarstn") == []
    assert _lookup.split_qualified("Harbin Daoli") == [
        ("daoli", "harbin"),
        ("harbin", "daoli"),
    ]
    assert _townships._is_han("")
    assert _townships._is_han("城关镇（）")
    assert not _townships._is_han("城关镇 ")


def test_a_plain_word_is_probed_by_the_keys_its_forms_give() -> None:
    """
    `probed_keys`' quick way for one plain word gives what its forms give.

    Over every word of every key of the packaged indices and of every corpus
    text, folded (the pieces a qualified name is split into), and as written.
    """
    words: set[str] = set()
    for name in FILES:
        raw = (DATA / name.replace(".json", ".index")).read_bytes()
        index = NameIndex.decode(raw, zlib.crc32((DATA / name).read_bytes()))
        assert index is not None
        for table in _index._TABLES:
            keys = index._table(table).keys()  # a table's sorted keys, no dict
            words.update(w for key in keys for w in key.split())
    corpus = Path(__file__).parent.parent / "corpus"
    for path in sorted(corpus.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.reader(file):
                for text in row:
                    words.update(text.split())
                    words.update(_normalize.fold(text).split())
    # and words each fold or normalization step changes
    words |= {"ёлкино", "семёнов", "yekaterinburg", "zhuangzuzizhiqu", "china"}
    words |= {"udmurtskaja", "khabarovskij", "россия", "московскаяобласть", "рф"}
    words |= {"qūjìng", "lǜliáng", "xiàn", "zhuàngzúzìzhìqū", "yésù", "chinā"}
    plain = [w for w in words if _normalize.plain_word(w) is not None]
    assert len(plain) > 20_000  # the quick way is the common one
    for word in sorted(words):
        assert _index.probed_keys(word) == _index._probed_forms(word), word
        if (form := _normalize.plain_word(word)) is not None:
            assert _normalize.fold(word) == word, word
            assert _normalize.canonical(word) == _normalize.normalize(word) == form
