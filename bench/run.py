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
import json
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


# China's township level (issue 18), measured in its own interpreter after the
# levels above it are loaded: what a first call that needs a township adds.
TOWNSHIPS = """
import json, resource, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
import regionkit
regionkit.lookup("Chaoyang, Beijing")
before = rss()
start = time.perf_counter(); regionkit.get("CN-440305007")
load = time.perf_counter() - start
loaded = rss()
start = time.perf_counter(); regionkit.lookup("广东省深圳市南山区粤海街道")
chain = time.perf_counter() - start
start = time.perf_counter(); regionkit.lookup("Yuehai Subdistrict, Nanshan")
latin = time.perf_counter() - start
print(json.dumps({"load": load, "chain": chain, "latin": latin,
    "load_mb": loaded - before, "all_mb": rss() - before}))
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
    parser.add_argument(
        "--distinct-rows",
        type=int,
        default=1_000_000,
        help="rows of the all-distinct memory column (the others are a fraction)",
    )
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else 7
    rows = 100_000 if args.quick else args.rows
    if args.quick:
        args.distinct_rows = min(args.distinct_rows, 50_000)

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

    towns = fresh_measure(TOWNSHIPS)
    for what, key, target in (
        ("load China's townships (41,340)", "load", "< 150 ms"),
        ("first township lookup in a chain (广东省…粤海街道)", "chain", ""),
        ("first Latin township lookup (Latin index built)", "latin", ""),
    ):
        rows_out.append(
            (what, _fmt(towns[key]), "-", f"target {target}" if target else "")
        )
    rows_out.append(
        (
            "memory: townships loaded (resident, more)",
            f"{towns['load_mb']:.1f} MB",
            "-",
            f"target < 30 MB; with the Latin index {towns['all_mb']:.1f} MB",
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
        "exact lookup, cached (pycountry's own names cycling)",
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
    # Typos, misses and columns, honestly: see column_rows.
    dataset = regionkit.Dataset.from_path(_data_path())
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
    for text in worst:  # what they load (townships, say) is another row's
        with contextlib.suppress(LookupError, ValueError):
            dataset.lookup(text)
    dataset._named.clear()  # the work itself, not a cached answer
    dataset._found.clear()
    slowest = 0.0
    for text in worst:
        start = time.perf_counter()
        with contextlib.suppress(LookupError, ValueError):
            dataset.lookup(text)
        slowest = max(slowest, time.perf_counter() - start)
    add(
        "worst input found (500 characters)",
        slowest,
        None,
        "target < 50 ms; data loaded before",
    )
    column_rows(rows_out, rows, repeat, args.distinct_rows)
    # Reading whole addresses (issue 19), side by side with cpca if installed.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import addresses

    rows_out += addresses.rows(100_000 if not args.quick else 20_000)
    _print(rows_out)
    return 0


# -- columns and first sights (issue 20) ----------------------------------------------
# Every row below is measured where it is honest: cold figures in a fresh
# interpreter, first-sight figures on strings never seen before, columns built
# from the data's own names made messy.

MESSY = """
import json, random, sys
import regionkit

def messy_vocabulary(size, seed=2026):
    '''About *size* distinct strings as a real column holds them.'''
    rng = random.Random(seed)
    texts = []
    for division in (*regionkit.divisions("RU"), *regionkit.divisions("CN")):
        for name in division.names:
            if name.locale in ("en", "ru", "zh-Hans", "zh-Hant"):
                texts.append(name.text)
    texts = sorted(set(texts))
    rng.shuffle(texts)
    out = set()
    clean = texts[: int(size * 0.55)]
    out.update(clean)
    for text in texts[: int(size * 0.2)]:  # case and spacing
        mixed = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)
        out.add("  " + mixed + " " if rng.random() < 0.3 else mixed)
    for text in texts[int(size * 0.2) : int(size * 0.35)]:  # one-edit typos
        if len(text) >= 6 and not "\\u4e00" <= text[0] <= "\\u9fff":
            i = rng.randrange(1, len(text) - 1)
            out.add(text[:i] + text[i + 1 :])
    for i in range(int(size * 0.1)):  # junk
        junk = rng.choice(["n/a", "unknown", "-", "???", "Atlantis", "test"])
        out.add(f"{junk} {i}")
    out = sorted(out)
    rng.shuffle(out)
    return out[:size]
"""


def column_rows(
    rows_out: list[Row], rows: int, repeat: int, distinct_rows: int
) -> None:
    """Add the column, first-sight, fresh-process and memory rows (issue 20)."""
    import regionkit

    namespace: dict[str, object] = {}
    exec(MESSY, namespace)  # the same vocabulary the fresh processes build
    vocabulary = namespace["messy_vocabulary"](5_000)  # type: ignore[operator]
    rows_out.append(("-- columns (issue 20) --", "", "", ""))

    # A cold Zipf column in a fresh process: the data loads inside the timing.
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        json.dump(vocabulary, file, ensure_ascii=False)
        file.flush()
        cold = fresh_measure(
            f"""
import json, random, time
with open({file.name!r}, encoding="utf-8") as f:
    vocabulary = json.load(f)
rng = random.Random(7)
weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
column = rng.choices(vocabulary, weights=weights, k={rows})
distinct = len(set(column))
import regionkit
start = time.perf_counter()
regionkit.lookup_many(column)
cold = time.perf_counter() - start
start = time.perf_counter()
regionkit.lookup_many(column)
warm = time.perf_counter() - start
print(json.dumps({{"cold": cold, "warm": warm, "distinct": distinct}}))
"""
        )
    rows_out.append(
        (
            f"lookup_many: {rows:,} rows, Zipf over {cold['distinct']:,.0f} messy"
            " distinct, cold",
            f"{rows / cold['cold']:,.0f} rows/s",
            "-",
            f"target ≥ 2,000,000 rows/s; warm {rows / cold['warm']:,.0f} rows/s",
        )
    )

    # All-distinct columns, every index table already read: matching only.
    distinct = fresh_measure(
        MESSY
        + f"""
import time
for warm in ("Tatarstn", "崇明县", "Atlantis", "道里区", "Читинская область"):
    regionkit.lookup_many([warm])
rng = random.Random(11)
every = (*regionkit.divisions("RU"), *regionkit.divisions("CN"))
names = sorted({{n.text for d in every
    for n in d.names if n.locale in ("en", "ru", "zh-Hans")}})
rng.shuffle(names)
def random_case(text):
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)
cased = list(dict.fromkeys(random_case(n) for n in names))[: {distinct_rows // 50}]
ru = [n for n in names if "а" <= n[:1].lower() <= "я"][:2000]
addresses = [f"{{rng.choice(ru)}}, ул. Ленина, д. {{i}}"
    for i in range({distinct_rows // 500})]
numbered = [f"{{rng.choice(names)}} {{i}}" for i in range({distinct_rows // 1000})]
out = {{}}
for key, column in (("cased", cased), ("addresses", addresses), ("numbered", numbered)):
    start = time.perf_counter()
    regionkit.lookup_many(column)
    out[key] = len(column) / (time.perf_counter() - start)
    out[key + "_n"] = len(column)
# First sight against cached: exact stored names, each looked up once, then again.
exact = [n for n in names if n not in set(cased)][:2000]
first, again = [], []
for text in exact:
    start = time.perf_counter()
    try:
        regionkit.lookup(text)
    except LookupError:
        pass
    first.append(time.perf_counter() - start)
for text in exact:
    start = time.perf_counter()
    try:
        regionkit.lookup(text)
    except LookupError:
        pass
    again.append(time.perf_counter() - start)
first.sort(); again.sort()
out["first"] = first[len(first) // 2]
out["cached"] = again[len(again) // 2]
misses = [f"Atlantis {{i}}" for i in range(200)]
spent = []
for text in misses:
    start = time.perf_counter()
    try:
        regionkit.lookup(text)
    except LookupError:
        pass
    spent.append(time.perf_counter() - start)
spent.sort()
out["miss"] = spent[len(spent) // 2]
print(json.dumps(out))
"""
    )
    rows_out.append(
        (
            "exact lookup, first sight (stored names, median)",
            _fmt(distinct["first"]),
            "-",
            "target ≤ 5 µs",
        )
    )
    rows_out.append(
        (
            "exact lookup, cached (the same names again)",
            _fmt(distinct["cached"]),
            "-",
            "",
        )
    )
    rows_out.append(
        (
            "miss, first sight, no filter (median)",
            _fmt(distinct["miss"]),
            "-",
            "",
        )
    )
    for key, what, target in (
        ("cased", "valid names in random case", "target ≥ 200,000 rows/s"),
        ("addresses", "Russian addresses", ""),
        ("numbered", "a name and a number", ""),
    ):
        rows_out.append(
            (
                f"all-distinct column: {distinct[key + '_n']:,.0f} {what}",
                f"{distinct[key]:,.0f} rows/s",
                "-",
                target,
            )
        )

    # First calls in a fresh process: the data each reads, and whether China's
    # history file was needed.
    for what, text in (
        ("a typo", "Tatarstn"),
        ("a miss", "Atlantis"),
        ("a case form", "Хабаровского края"),
        ("a qualified Chinese name", "黑龙江省哈尔滨市道里区"),
        ("a former unit", "崇明县"),
    ):
        first = fresh_measure(
            f"""
import json, time
import regionkit
from regionkit._store import default_dataset
start = time.perf_counter()
try:
    regionkit.lookup({text!r})
except LookupError:
    pass
spent = time.perf_counter() - start
history = ("CN", 3) in default_dataset()._name_indices
print(json.dumps({{"spent": spent, "history": history}}))
"""
        )
        rows_out.append(
            (
                f"fresh process: first lookup of {what}",
                _fmt(first["spent"]),
                "-",
                f"{text}; China's history read: {'yes' if first['history'] else 'no'}",
            )
        )

    # Resident memory: every table read, then a column of distinct strings.
    memory = fresh_measure(
        MESSY
        + f"""
import gc, resource, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
for text in ("Хабаровский край", "Khabarovsk kray", "Tatarstn", "Atlantis",
        "道里区", "Chaoyang, Beijing", "Daoli", "崇明县", "Читинская область",
        "Хабаровского края", "黑龙江省哈尔滨市道里区", "Haerbin", "ХМАО"):
    regionkit.lookup_many([text])
tables = rss()
rng = random.Random(5)
every = (*regionkit.divisions("RU"), *regionkit.divisions("CN"))
names = sorted({{n.text for d in every
    for n in d.names if n.locale in ("en", "ru")}})
column = []
seen = set()
while len(column) < {distinct_rows}:
    text = rng.choice(names)
    text = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)
    if text not in seen:
        seen.add(text)
        column.append(text)
del seen
gc.collect()
before = rss()
start = time.perf_counter()
results = regionkit.lookup_many(column)
spent = time.perf_counter() - start
del results
gc.collect()
after = rss()
print(json.dumps({{"tables": tables, "before": before, "after": after,
    "spent": spent}}))
"""
    )
    rows_out.append(
        (
            "resident memory, every index table read",
            f"{memory['tables']:.0f} MB",
            "-",
            "",
        )
    )
    rows_out.append(
        (
            f"memory after a column of {distinct_rows:,} distinct strings",
            f"+{memory['after'] - memory['before']:.0f} MB",
            "-",
            f"target ≤ +100 MB; the column took {memory['spent']:.0f} s",
        )
    )

    _frame_rows(rows_out, vocabulary, rows, repeat)
    _cpca_rows(rows_out, repeat)
    del regionkit


def _frame_rows(
    rows_out: list[Row], vocabulary: list[str], rows: int, repeat: int
) -> None:
    """pandas helper against Series.map(dict); the Arrow path; warm."""
    import regionkit

    try:
        import pandas as pd
        import pyarrow as pa
    except ImportError:
        rows_out.append(("pandas and Arrow rows", "-", "-", "pandas/pyarrow absent"))
        return
    from regionkit.columns import arrow
    from regionkit.columns import pandas as column_pandas

    rng = random.Random(3)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    column = rng.choices(vocabulary, weights=weights, k=rows)
    mapping = {r.query: r.code for r in regionkit.lookup_many(vocabulary)}
    for dtype in ("object", "str"):
        series = pd.Series(column, dtype=dtype)
        column_pandas.codes(series)

        def helper(series: Any = series) -> object:
            return column_pandas.codes(series)

        def by_dict(series: Any = series) -> object:
            return series.map(mapping)

        ours = median_time(helper, number=1, repeat=repeat)
        theirs = median_time(by_dict, number=1, repeat=repeat)
        rows_out.append(
            (
                f"pandas codes(), {rows:,} rows ({dtype} dtype), warm",
                _fmt(ours),
                f"map(dict) {_fmt(theirs)}",
                f"{ours / theirs:.2f}x Series.map(dict); target ≤ 1.5x",
            )
        )
    array = pa.array(column)
    arrow.codes(array)
    spent = median_time(lambda: arrow.codes(array), number=1, repeat=repeat)
    # The floor: pyarrow's own encoding and take, with no lookup at all.
    encoded = array.dictionary_encode()
    table = pa.array(
        [mapping[v] for v in encoded.dictionary.to_pylist()], type=pa.string()
    )
    floor = median_time(
        lambda: table.take(array.dictionary_encode().indices),
        number=1,
        repeat=repeat,
    )
    per_million = 1_000_000 / rows
    rows_out.append(
        (
            f"Arrow codes(), {rows:,} rows, warm",
            _fmt(spent * per_million) + " per 1M",
            "-",
            f"target ≤ 50 ms per 1M rows; pyarrow's encode + take alone "
            f"{_fmt(floor * per_million)}",
        )
    )


def _cpca_rows(rows_out: list[Row], repeat: int) -> None:
    """Qualified Chinese names, regionkit against cpca, all distinct."""
    import regionkit

    try:
        import cpca
    except ImportError:
        rows_out.append(("cpca rows", "-", "-", "cpca absent"))
        return
    counties = [d for d in regionkit.divisions("CN", level=3) if d.is_current][:1000]
    texts = []
    for county in counties:
        chain = [county, *county.ancestors()]
        texts.append("".join(d.name("zh-Hans") for d in reversed(chain)))
    fresh = regionkit.Dataset.from_path(_data_path())
    fresh.lookup_many(["黑龙江省哈尔滨市道里区"])  # every table read
    start = time.perf_counter()
    ours = fresh.lookup_many(texts)
    spent = time.perf_counter() - start
    cpca.transform(texts[:10])
    start = time.perf_counter()
    frame = cpca.transform(texts)
    theirs = time.perf_counter() - start
    right = sum(r.code == c.code for r, c in zip(ours, counties, strict=True))
    theirs_right = sum(
        f"CN-{code}" == c.code
        for code, c in zip(frame["adcode"], counties, strict=True)
    )
    rows_out.append(
        (
            f"qualified Chinese names, {len(texts):,} distinct (province+city+county)",
            f"{len(texts) / spent:,.0f} rows/s",
            f"cpca {len(texts) / theirs:,.0f} rows/s",
            f"counties right: regionkit {right:,}, cpca {theirs_right:,}",
        )
    )


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
    header: Row = (
        "operation",
        "regionkit",
        "other (pycountry, cpca)",
        "ratio / target",
    )
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
