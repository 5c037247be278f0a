"""
Measure lookup's precision and typo recall on the issue 16 corpora.

Reads ``tests/corpus/negative.csv`` (texts that name none of our units, less the
homonyms of ``negative_homonyms.csv``) and ``tests/corpus/typos.csv`` (one-edit
typos of our names), looks each distinct text up once with `regionkit.lookup`,
and prints:

- per source of the negative corpus, the false positives (texts lookup answers
  with a unit; a homonym counts only when answered with a unit it does not
  name), and the first examples with the best match's kind and score;
- for the typo corpus, how many come back right, not found, wrong or ambiguous,
  the recall and the wrong rate, and the first wrong answers;
- the time per distinct lookup, median and max.

    python tools/measure_precision.py [--sample N] [--examples 30]

Stdlib and regionkit only.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import regionkit  # noqa: E402 (after the path fix above)

CORPUS = ROOT / "tests" / "corpus"
SOURCES = ("iso", "l10n", "cldr", "city", "alt")
ANSWER = "the answer: code, kind, score, stored name"

Outcome = tuple[str, str]  # ("found", code), ("ambiguous", codes), ("not found", "")


def read(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def homonyms() -> dict[str, set[str]]:
    """Return each homonym text with the codes it legitimately names."""
    codes: dict[str, set[str]] = defaultdict(set)
    for row in read("negative_homonyms.csv"):
        codes[row["text"]].add(row["code"])
    return codes


class Timed:
    """Look texts up, each distinct one once, and keep the time each took."""

    def __init__(self) -> None:
        self.outcomes: dict[str, Outcome] = {}
        self.seconds: dict[str, float] = {}

    def __call__(self, text: str) -> Outcome:
        if text not in self.outcomes:
            start = time.perf_counter()
            try:
                outcome: Outcome = ("found", regionkit.lookup(text).code)
            except regionkit.AmbiguousName as error:
                codes = " ".join(d.code for d in error.candidates)
                outcome = ("ambiguous", codes)
            except LookupError:
                outcome = ("not found", "")
            self.seconds[text] = time.perf_counter() - start
            self.outcomes[text] = outcome
        return self.outcomes[text]


def match(text: str, code: str) -> str:
    """Describe how *text* matched the unit *code*: kind, score, stored name."""
    matches = regionkit.resolve(text)
    for found in matches:
        if found.division.code == code:
            return f"{code} {found.kind.value} {found.score:.3f} ({found.matched})"
    return f"{code} (resolve: {', '.join(m.division.code for m in matches[:3])})"


def negative(
    rows: list[dict[str, str]], lookup: Timed, examples: int
) -> dict[str, tuple[int, int]]:
    exact = homonyms()
    totals: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    shown: list[str] = []
    for row in rows:
        text, source = row["text"], row["source"]
        totals[source] += 1
        kind, code = lookup(text)
        if kind == "ambiguous":
            refused[source] += 1
        if kind != "found" or code in exact.get(text, ()):
            continue
        wrong[source] += 1
        if len(shown) < examples:
            shown.append(f"  {text!r} [{source} {row['note']}] -> {match(text, code)}")
    print("Negative corpus: texts answered with one of our units (false positives)")
    print(f"  {'source':<6} {'texts':>7} {'false +':>8} {'rate':>8} {'ambiguous':>10}")
    for source in SOURCES:
        n, bad = totals[source], wrong[source]
        rate = bad / n if n else 0.0
        print(f"  {source:<6} {n:>7} {bad:>8} {rate:>8.3%} {refused[source]:>10}")
    n, bad = sum(totals.values()), sum(wrong.values())
    print(f"  {'all':<6} {n:>7} {bad:>8} {bad / n:>8.3%} {sum(refused.values()):>10}")
    print(f"  homonyms left out of the count: {len(exact)} texts")
    print(f"First {len(shown)} false positives ({ANSWER}):")
    print("\n".join(shown))
    return {source: (totals[source], wrong[source]) for source in SOURCES}


def typos(rows: list[dict[str, str]], lookup: Timed, examples: int) -> None:
    counts: Counter[str] = Counter()
    by_edit: dict[str, Counter[str]] = defaultdict(Counter)
    shown: list[str] = []
    for row in rows:
        text, expected = row["text"], row["expected"]
        kind, code = lookup(text)
        if kind == "found":
            verdict = "right" if code == expected else "wrong"
        else:
            verdict = kind
        counts[verdict] += 1
        by_edit[row["edit"]][verdict] += 1
        if verdict == "wrong" and len(shown) < examples:
            shown.append(
                f"  {text!r} [{expected} {row['edit']}] -> {match(text, code)}"
            )
    n = len(rows)
    print("\nTypo corpus")
    for verdict in ("right", "not found", "wrong", "ambiguous"):
        print(f"  {verdict:<10} {counts[verdict]:>6} {counts[verdict] / n:>8.2%}")
    print(f"  recall {counts['right'] / n:.2%}, wrong rate {counts['wrong'] / n:.2%}")
    for edit, seen in sorted(by_edit.items()):
        total = sum(seen.values())
        print(
            f"  {edit:<10} recall {seen['right'] / total:.2%}, "
            f"wrong {seen['wrong'] / total:.2%} of {total}"
        )
    print(f"First {len(shown)} wrong answers ({ANSWER}):")
    print("\n".join(shown))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, help="a seeded sample of each corpus")
    parser.add_argument("--examples", type=int, default=30)
    args = parser.parse_args(argv)
    negative_rows, typo_rows = read("negative.csv"), read("typos.csv")
    if args.sample:
        rng = random.Random(16)
        negative_rows = rng.sample(negative_rows, min(args.sample, len(negative_rows)))
        typo_rows = rng.sample(typo_rows, min(args.sample, len(typo_rows)))
    regionkit.lookup("Москва")  # load the data before the clock runs
    regionkit.lookup("东城区")
    lookup = Timed()
    negative(negative_rows, lookup, args.examples)
    typos(typo_rows, lookup, args.examples)
    seconds = sorted(lookup.seconds.values())
    slowest = max(lookup.seconds, key=lookup.seconds.__getitem__)
    print(
        f"\nTime per distinct lookup ({len(seconds)} texts): "
        f"median {statistics.median(seconds) * 1000:.2f} ms, "
        f"max {seconds[-1] * 1000:.1f} ms ({slowest!r}), "
        f"total {sum(seconds):.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
