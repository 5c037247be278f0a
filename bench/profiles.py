"""
Where the time goes in the workloads whose targets are not met yet.

    python bench/profiles.py [--top N]

Each workload runs in a fresh process under cProfile, as `bench/run.py`
measures it; the table gives the functions with the most time of their own,
and each one's share of the whole. `bench/RESULTS.md` quotes the output.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
from pathlib import Path

BENCH = Path(__file__).resolve().parent
_RUN = textwrap.dedent(
    """
    import cProfile, io, pstats, random, sys
    sys.path.insert(0, {bench!r})
    CORPUS = {corpus!r}
    import run
    import regionkit
    namespace = {{}}
    exec(run.MESSY, namespace)
    {setup}
    profile = cProfile.Profile()
    profile.enable()
    {work}
    profile.disable()
    stats = pstats.Stats(profile)
    total = sum(row[2] for row in stats.stats.values())
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:{top}]
    for (path, line, name), (_, calls, own, cumulative, _) in rows:
        where = f"{{path.rpartition('/src/')[2] or path}}:{{line}}({{name}})"
        print(f"{{own / total:6.1%}}  {{calls:>9,}}  {{where[-70:]}}")
    print(f"{{total:.3f}} s in all")
    """
)
WORKLOADS = {
    "lookup_many: 1,000,000 rows, Zipf over ~5,000 messy distinct, cold": (
        """
vocabulary = namespace["messy_vocabulary"](5000)
rng = random.Random(7)
weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
column = rng.choices(vocabulary, weights=weights, k=1_000_000)
""",
        "regionkit.lookup_many(column)",
    ),
    "all-distinct column: 20,000 valid names in random case": (
        """
for warm in ("Tatarstn", "崇明县", "Atlantis", "道里区", "Читинская область"):
    regionkit.lookup_many([warm])
rng = random.Random(11)
every = (*regionkit.divisions("RU"), *regionkit.divisions("CN"))
names = sorted({n.text for d in every for n in d.names
                if n.locale in ("en", "ru", "zh-Hans")})
rng.shuffle(names)
cased = list(dict.fromkeys(
    "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in n)
    for n in names))[:20_000]
""",
        "regionkit.lookup_many(cased)",
    ),
    "distinct typos, first sight: 2,000 through lookup": (
        """
import csv
for warm in ("Tatarstn", "崇明县", "Atlantis"):
    regionkit.lookup_many([warm])
with open(CORPUS, encoding="utf-8") as f:
    typos = [row[0] for row in list(csv.reader(f))[1:]][:2000]
""",
        """
for text in typos:
    try:
        regionkit.lookup(text)
    except LookupError:
        pass
""",
    ),
    "Arrow codes(), 1,000,000 rows, warm": (
        """
import pyarrow as pa
from regionkit.columns import arrow
vocabulary = namespace["messy_vocabulary"](5000)
rng = random.Random(7)
array = pa.array(rng.choices(vocabulary, k=1_000_000))
arrow.codes(array)
""",
        "arrow.codes(array)",
    ),
    "parse_addresses: 100,000 Chinese addresses, every county alike": (
        """
import addresses
texts = [t for t, _ in addresses.chinese_rows(100_000)]
regionkit.parse_address("北京市朝阳区")
""",
        "regionkit.parse_addresses(texts, country='CN')",
    ),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--only", help="run the workloads whose name holds this")
    args = parser.parse_args(argv)
    for name, (setup, work) in WORKLOADS.items():
        if args.only and args.only not in name:
            continue
        code = _RUN.format(
            bench=str(BENCH),
            corpus=str(BENCH.parent / "tests" / "corpus" / "typos.csv"),
            setup=setup.strip(),
            work=work.strip(),
            top=args.top,
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        print(f"== {name}")
        print(done.stdout.rstrip() or done.stderr.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
