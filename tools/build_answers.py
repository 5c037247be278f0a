"""
Work out the answers of plain lookups of every stored name: ``answers.index``.

`regionkit._answers` describes the file. Each answer is the one the long way
gives, here and now, so the file is right by construction as long as it is
rebuilt with the data and the lookup code (``tools/build_data.py`` does;
``--check`` proves it current).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping

from regionkit import _lookup
from regionkit._answers import Answer, Answers
from regionkit._index import NameIndex
from regionkit._lookup import Match, Scope, code_match
from regionkit._models import COUNTRIES
from regionkit._normalize import fold
from regionkit._store import Dataset, _stage_of

# Every table: its keys are texts people type, and a text none of whose keys
# the file holds is known to need no unread index (`Answers.has_any`).
_TABLES = (
    "exact",
    "normalized",
    "abbreviation",
    "alias",
    "former",
    "inflected",
    "cores",
    "fuzzy",
    "cases",
)
DATA_FILES = (
    "ru.json",
    "ru-places.json",
    "cn.json",
    "cn-lower.json",
    "cn-history.json",
    "cn-townships.tsv",
)


def build_answers(outputs: Mapping[str, str]) -> str:
    """Return the answers file for the built data *outputs* (name -> text)."""
    raw = {name: text.encode() for name, text in outputs.items()}
    dataset = Dataset(lambda name: raw[name], origin="the build")  # no manifest
    scope = Scope(countries=COUNTRIES, level=None, within=None, as_of=None, fuzzy=True)
    keys: set[str] = set()
    for country in COUNTRIES:
        for stage in dataset.stages(country):
            index = dataset.name_index(country, stage)
            assert isinstance(index, NameIndex)  # a stage's index, not townships'
            for table in _TABLES:
                stored = index._table(table).keys()  # a sorted list, not a dict's
                keys.update(fold(key) for key in stored)
    answers: list[tuple[str, Answer]] = []
    for key in sorted(keys):
        if not key or code_match(dataset, key, COUNTRIES) is not None:
            continue  # a code is read as one; left to the long way
        found = _lookup.find(dataset, key, scope)
        answers.append((key, _answer(found, dataset)))
    files = {name: f"{zlib.crc32(raw[name]):08x}" for name in DATA_FILES if name in raw}
    return Answers.encode(answers, files)


def _answer(found: Match | _lookup.Miss, dataset: Dataset) -> Answer:
    if isinstance(found, Match):
        d = found.division
        return (
            d.code,
            _stage(dataset, d.code),
            found.score,
            found.kind.value,
            found.matched,
        )
    if not found.candidates:
        return None
    return tuple((d.code, _stage(dataset, d.code)) for d in found.candidates)


def _stage(dataset: Dataset, code: str) -> int:
    """Return the stage whose file holds *code*."""
    return _stage_of(dataset.get(code))
