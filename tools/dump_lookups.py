"""
Print every answer lookup gives for the test corpora, to diff two versions.

    PYTHONPATH=src python tools/dump_lookups.py > answers.txt

For each distinct text of ``tests/corpus/*.csv`` (and qualified names made
from them: a unit with its parent, typos inside), one line with the text,
`regionkit.lookup`'s match (code, kind, score, matched name) or its error and
candidates, and `regionkit.resolve`'s list; every seventh text also with
``country=``, ``fuzzy=False`` and ``level=``; then `lookup_many` over a third
of them. A change that keeps every answer leaves the output byte for byte.
Stdlib and regionkit only.
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Callable
from pathlib import Path

import regionkit
from regionkit._lookup import Match
from regionkit._store import default_dataset

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
FILES = (
    "lookup.csv",
    "messy.csv",
    "negative.csv",
    "negative_homonyms.csv",
    "roundtrip_exceptions.csv",
    "typos.csv",
)


def _texts() -> list[str]:
    texts: list[str] = []
    for name in FILES:
        with (CORPUS / name).open(encoding="utf-8", newline="") as file:
            texts += [row["text"] for row in csv.DictReader(file)]
    with (CORPUS / "typos.csv").open(encoding="utf-8", newline="") as file:
        typo_of: dict[str, str] = {}
        for row in csv.DictReader(file):
            typo_of.setdefault(row["expected"], row["text"])
    rng = random.Random(5)
    units = [d for c in ("RU", "CN") for d in regionkit.divisions(c) if d.parent_code]
    for unit in rng.sample(units, 3000):
        parent = regionkit.get(unit.parent_code or "")
        name = unit.name("en") if rng.random() < 0.6 else unit.name("ru")
        outer = parent.name("en") if rng.random() < 0.6 else parent.name("zh-Hans")
        typo, outer_typo = typo_of.get(unit.code, name), typo_of.get(parent.code, outer)
        texts += [
            f"{name}, {outer}",
            f"{outer} {name}",
            f"{name} {outer}",
            f"{typo}, {outer}",
            f"{outer} {typo}",
            f"{name}, {outer_typo}",
            f"{typo} {outer_typo}",
            f"{outer}{name}",
            f"{name}, {outer}, Russia",
        ]
    return list(dict.fromkeys(texts))


def _answer(call: Callable[..., object], text: str, **options: object) -> str:
    try:
        found = call(text, **options)
    except Exception as error:  # every error is an answer here
        codes = " ".join(d.code for d in getattr(error, "candidates", ()))
        return f"!{type(error).__name__} {codes} {error}"
    if isinstance(found, regionkit.Division):
        return found.code
    matches = found if isinstance(found, tuple) else (found,)
    return " | ".join(
        f"{m.division.code} {m.kind.value} {m.score!r} {m.matched}"
        for m in matches
        if isinstance(m, Match)
    )


def main() -> int:
    dataset = default_dataset()
    texts = _texts()
    out = sys.stdout
    for at, text in enumerate(texts):
        line = [
            repr(text),
            _answer(dataset.match, text),
            _answer(regionkit.resolve, text),
        ]
        if at % 7 == 0:
            line += [
                _answer(regionkit.resolve, text, country="CN"),
                _answer(regionkit.lookup, text, country="RU"),
                _answer(regionkit.lookup, text, fuzzy=False),
                _answer(regionkit.lookup, text, level=3),
            ]
        out.write("\t".join(line) + "\n")
    for result in regionkit.lookup_many(texts[::3]):
        error = type(result.error).__name__
        out.write(
            f"M {result.query!r} {result.code} {result.kind} {result.score!r} {error}\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
