"""
CPU time of first-sight typos, two source trees alternately.

    python bench/first_sight_typos.py [--runs 6] [--typos 2000] SRC [SRC ...]

Each run is a fresh process per source tree (its ``src`` folder, e.g. a
checkout of the main branch and this worktree), in turn, so that the trees
share the machine's minute. A run warms the dataset as `bench/run.py` does,
then looks up a seeded sample of distinct typos of ``tests/corpus/typos.csv``
(every text new to the process) in random order and prints the median, the
90th percentile and the mean of the CPU time per lookup, in µs; the last lines
give each tree's median of the runs' figures.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "typos.csv"
_RUN = """
import contextlib, csv, random, statistics, sys, time
from pathlib import Path
import regionkit
dataset = regionkit.Dataset.from_path(Path(regionkit.__file__).parent / "_data")
with open(sys.argv[1], encoding="utf-8", newline="") as file:
    texts = list(dict.fromkeys(row["text"] for row in csv.DictReader(file)))
sample = random.Random(int(sys.argv[2])).sample(texts, int(sys.argv[3]))
for warm in ("崇明县", "Tatarstn"):
    with contextlib.suppress(LookupError):
        dataset.lookup(warm)
spent = []
for text in sample:
    start = time.process_time_ns()
    with contextlib.suppress(LookupError):
        dataset.lookup(text)
    spent.append(time.process_time_ns() - start)
spent.sort()
print(statistics.median(spent) / 1e3, spent[len(spent) * 9 // 10] / 1e3,
      statistics.mean(spent) / 1e3)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("sources", nargs="+", help="src folders to compare")
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--typos", type=int, default=2000)
    args = parser.parse_args(argv)
    figures: dict[str, list[list[float]]] = {src: [] for src in args.sources}
    for run in range(args.runs):
        for src in args.sources:
            done = subprocess.run(
                [sys.executable, "-c", _RUN, str(CORPUS), str(run), str(args.typos)],
                env={"PYTHONPATH": str(Path(src).resolve())},
                capture_output=True,
                text=True,
                check=True,
            )
            median, p90, mean = map(float, done.stdout.split())
            figures[src].append([median, p90, mean])
            print(f"run {run} {src}: median {median:.1f} p90 {p90:.1f} mean {mean:.1f}")
    for src, rows in figures.items():
        median, p90, mean = (
            statistics.median(column) for column in zip(*rows, strict=True)
        )
        fastest = min(row[0] for row in rows)
        print(
            f"{src}: median {median:.1f} µs (fastest run {fastest:.1f}), "
            f"p90 {p90:.1f}, mean {mean:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
