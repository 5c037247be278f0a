"""
regionkit benchmarks, side by side with pycountry, printed as one table.

    python bench/run.py            # the full run (about a minute)
    python bench/run.py --quick    # fewer repeats, for a smoke test

Every figure is a median over repeats, measured in this one run, so the ratios
compare like with like on this machine. Targets (issues 4, 6 and 9) are shown
next to each figure; nothing here fails, it only reports.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import json
import random
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

Row = tuple[str, str, str, str]


def median_time(call: Callable[[], object], *, number: int, repeat: int) -> float:
    """Return the median seconds per call of *call*."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            call()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


def in_fresh_process(code: str, repeat: int) -> float:
    """Return the median wall time of running *code* in a fresh interpreter."""
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def fresh_import(module: str, repeat: int) -> float:
    code = textwrap.dedent(
        f"""
        import time
        start = time.perf_counter()
        {"import " + module if module else "pass"}
        print(time.perf_counter() - start)
        """
    )
    return in_fresh_process(code, repeat)


def fresh_measure(body: str) -> dict[str, float]:
    """Run *body* in a fresh interpreter; it prints a JSON dict of figures."""
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(body)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


LOAD = """
import json, resource, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
base = rss()
import regionkit
start = time.perf_counter(); regionkit.get("RU-KHA"); regionkit.get("CN-HL")
top = time.perf_counter() - start
top_rss = rss()
start = time.perf_counter(); regionkit.lookup("Хабаровский край")
first_lookup = time.perf_counter() - start
start = time.perf_counter(); regionkit.lookup("Khabarovsk kray")
first_other = time.perf_counter() - start
start = time.perf_counter(); regionkit.get("CN-230100")
lower = time.perf_counter() - start
lower_rss = rss()
start = time.perf_counter(); regionkit.lookup("道里区")
lower_exact = time.perf_counter() - start
start = time.perf_counter(); regionkit.lookup("Chaoyang, Beijing")
lower_index = time.perf_counter() - start
all_rss = rss()
print(json.dumps({"top": top, "lower": lower, "first_lookup": first_lookup,
    "first_other": first_other, "lower_exact": lower_exact,
    "lower_index": lower_index, "top_mb": top_rss - base,
    "lower_mb": lower_rss - base, "all_mb": all_rss - base,
    "all_rss": all_rss}))
"""


PLACES = """
import json, resource, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
import regionkit
# China's lower levels first (a lower-level name is looked up in both
# countries), so that the figures are the localities' own.
regionkit.lookup("Хабаровский край"); regionkit.lookup("道里区")
before = rss()
start = time.perf_counter(); regionkit.lookup("Владивосток")
first = time.perf_counter() - start
after = rss()
start = time.perf_counter(); regionkit.lookup("г Майкоп")
other = time.perf_counter() - start
print(json.dumps({"first": first, "other": other, "mb": after - before}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else 7
    rows = 100_000 if args.quick else args.rows

    import pycountry

    import regionkit

    rows_out: list[Row] = []

    def add(what: str, ours: float, theirs: float | None, target: str) -> None:
        ratio = f"{theirs / ours:,.0f}x faster" if theirs else ""
        theirs_text = _fmt(theirs) if theirs else "-"
        rows_out.append((what, _fmt(ours), theirs_text, f"{ratio}  {target}".strip()))

    bare = fresh_import("", repeat)
    ours = fresh_import("regionkit", repeat)
    theirs = fresh_import("pycountry", repeat)
    rows_out.append(
        (
            "cold import (over a bare interpreter)",
            _fmt(ours - bare),
            _fmt(theirs - bare),
            "target < 30 ms",
        )
    )
    load = fresh_measure(LOAD)
    for what, key, target in (
        ("first call: load top level (RU + CN)", "top", ""),
        ("first lookup by a name (top exact index)", "first_lookup", "< 50 ms"),
        ("first lookup of another form (top full index)", "first_other", ""),
        ("load China's lower levels", "lower", "< 150 ms"),
        ("first lower-level lookup by a name (exact index)", "lower_exact", "< 50 ms"),
        ("first lower-level lookup of another form (full index)", "lower_index", ""),
    ):
        rows_out.append(
            (what, _fmt(load[key]), "-", f"target {target}" if target else "")
        )
    places = fresh_measure(PLACES)
    rows_out.append(
        (
            "first lookup that needs Russia's localities (issue 17)",
            _fmt(places["first"]),
            "-",
            "target < 100 ms more",
        )
    )
    rows_out.append(
        ("next lookup of a locality (another form)", _fmt(places["other"]), "-", "")
    )
    rows_out.append(
        (
            "memory: Russia's localities loaded",
            f"{places['mb']:.1f} MB",
            "-",
            "target < 15 MB more",
        )
    )
    rows_out.append(("memory: top level loaded", f"{load['top_mb']:.1f} MB", "-", ""))
    rows_out.append(
        (
            "memory: all levels loaded",
            f"{load['lower_mb']:.1f} MB",
            "-",
            f"target beyond top < 30 MB ({load['lower_mb'] - load['top_mb']:.1f} MB)",
        )
    )
    rows_out.append(
        (
            "memory: and every name index read",
            f"{load['all_mb']:.1f} MB",
            "-",
            f"resident {load['all_rss']:.0f} MB (< 50 MB)",
        )
    )

    regionkit.get("RU-KHA")
    pycountry.subdivisions.get(code="RU-KHA")
    add(
        "warm get(code)",
        median_time(lambda: regionkit.get("RU-KHA"), number=100_000, repeat=repeat),
        median_time(
            lambda: pycountry.subdivisions.get(code="RU-KHA"),
            number=100_000,
            repeat=repeat,
        ),
        "target < 1 µs, not slower than pycountry",
    )
    names = []
    for subdivision in pycountry.subdivisions.get(country_code="RU"):
        try:
            regionkit.lookup(subdivision.name)
        except LookupError:
            continue
        names.append(subdivision.name)
    names = names[:40] or ["Moskva"]
    cycle = iter(names * 10_000_000)
    add(
        "exact lookup (pycountry's own names)",
        median_time(
            lambda: regionkit.lookup(next(cycle)), number=20_000, repeat=repeat
        ),
        median_time(
            lambda: pycountry.subdivisions.lookup(names[len(names) // 2]),
            number=200,
            repeat=repeat,
        ),
        "target ≥ 200x faster",
    )
    typos = ["Khabarovks", "Tatarstna", "Heilongjian", "Sverdlovsk oblsat", "Moskwa"]
    dataset = regionkit.Dataset.from_path(_data_path())
    for typo in typos:  # warm the index, not the result cache: a new string each call
        dataset.resolve(typo)
    counter = iter(range(10**9))
    add(
        "fuzzy resolve (uncached)",
        median_time(
            lambda: dataset.resolve(typos[next(counter) % 5] + " "),
            number=20,
            repeat=repeat,
        ),
        None,
        "",
    )
    misses = iter(f"Atlantis {i}" for i in range(10**9))

    def miss() -> None:
        with contextlib.suppress(LookupError):
            dataset.lookup(next(misses), country="RU", level=1)

    add(
        "miss (uncached, top level, with fuzzy)",
        median_time(miss, number=20, repeat=repeat),
        None,
        "",
    )
    # First-sight typos: every text distinct, none seen before (the typo
    # corpus of issue 16: one edit of a stored name each).
    corpus = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "typos.csv"
    with corpus.open(encoding="utf-8", newline="") as file:
        distinct = [row["text"] for row in csv.DictReader(file)][: 200 * repeat]
    for warm in ("崇明县", "Tatarstn"):  # every index read: time the matching only
        with contextlib.suppress(LookupError):
            dataset.lookup(warm)
    spent = []
    for text in distinct:
        start = time.perf_counter()
        with contextlib.suppress(LookupError):
            dataset.lookup(text)
        spent.append(time.perf_counter() - start)
    add(
        "distinct typo, first sight (median)",
        statistics.median(spent),
        None,
        f"target ≤ 100 µs; slowest {_fmt(max(spent))}",
    )
    # The worst inputs found, up to the longest text lookup takes.
    from regionkit._lookup import MAX_INPUT

    limit = MAX_INPUT

    worst = [
        (unit * limit)[:limit]
        for unit in ("龘", "朝阳", "北京市朝阳区", "Moskva ", "a b ", "Chaoyang, ")
    ]
    slowest = 0.0
    for text in worst:
        start = time.perf_counter()
        with contextlib.suppress(LookupError, ValueError):
            dataset.lookup(text)
        slowest = max(slowest, time.perf_counter() - start)
    add("worst input found (500 characters)", slowest, None, "target < 50 ms")
    vocabulary = [
        *names,
        *(s.name for s in pycountry.subdivisions.get(country_code="CN")),
        "Хабаровский край", "黑龙江", "Москва", "г. Москва", "Moscow", "ХМАО",
        "Санкт-Петербург", "Татарстан", "Heilongjiang, China", "not a region",
    ]  # fmt: skip
    rng = random.Random(2026)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf-like
    column = rng.choices(vocabulary, weights=weights, k=rows)
    regionkit.lookup_many(vocabulary)
    gc.collect()
    start = time.perf_counter()
    regionkit.lookup_many(column)
    elapsed = time.perf_counter() - start
    rows_out.append(
        (
            f"lookup_many: {rows:,} realistic rows",
            f"{rows / elapsed:,.0f} rows/s",
            "-",
            "target ≥ 1,000,000 rows/s",
        )
    )
    _print(rows_out)
    return 0


def _data_path() -> str:
    import importlib.resources

    return str(importlib.resources.files("regionkit") / "_data")


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:,.1f} ms"
    return f"{seconds * 1e6:,.2f} µs"


def _print(rows: list[Row]) -> None:
    header: Row = ("operation", "regionkit", "pycountry", "ratio / target")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print(
            "  ".join(
                cell.ljust(width) for cell, width in zip(row, widths, strict=True)
            )
        )
    print(f"\npython {sys.version.split()[0]}; median of repeats; one run")


if __name__ == "__main__":
    sys.exit(main())
