"""
Address reading benchmarks, side by side with cpca when it is installed.

    python bench/addresses.py [--rows N]     # alone; bench/run.py runs it too

The Chinese rows are made from the corpus's Google province/prefecture/county
texts (tests/corpus/addresses/cn_google_i18n.csv), written as people write
them: with or without the category words, with a street and house number
after them and sometimes text before; every row is distinct, so no cache
helps. The county-level accuracy of both readers is measured on the same rows
against Google's own labels. The Russian rows are hflabs' address lines with a
street added.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "addresses"
Row = tuple[str, str, str, str]
# The category words people leave out ("江苏淮安"); an autonomous region's or
# prefecture's name is shortened otherwise ("广西", "红河"), which Google's
# keys do not give, so those stay whole.
_STRIP = ("省", "市")


def _read(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def chinese_rows(
    count: int, seed: int = 2026, *, skewed: bool = False
) -> list[tuple[str, str]]:
    """
    Return (address, gold county name) pairs, all distinct.

    Every county is equally likely, or with *skewed* as in a real column,
    where a few places are most of the rows (Zipf-like weights, 1/rank).
    """
    rng = random.Random(seed)
    table = _read("cn_google_i18n.csv")
    if skewed:
        rng.shuffle(table)
        weights = [1 / (rank + 1) for rank in range(len(table))]
        table = rng.choices(table, weights=weights, k=count)
    streets = [
        "人民路",
        "解放大道",
        "建设街",
        "中山路",
        "科技园",
        "工业园区",
        "幸福小区",
    ]
    lead = ["", "", "", "收货地址：", "我家的地址是", "地址:"]
    rows = []
    for number in range(count):
        row = table[number] if skewed else rng.choice(table)
        province, prefecture, county = row["province"], row["prefecture"], row["county"]
        if rng.random() < 0.4:  # written without the category words
            for suffix in _STRIP:
                province = province.removesuffix(suffix)
                prefecture = prefecture.removesuffix(suffix)
        if rng.random() < 0.2:
            province = ""  # the province left out
        street = f"{rng.choice(streets)}{number % 997 + 1}号{number // 997}室"
        text = f"{rng.choice(lead)}{province}{prefecture}{county}{street}"
        rows.append((text, row["county"]))
    return rows


# cpca as its users run it: in a process of its own, which regionkit's tables
# do not share. (In one process cpca ran at 40-60% of this speed, its garbage
# collections walking regionkit's records too, which flattered the ratio.)
_PEER = """
import json, sys, time
sys.path.insert(0, {bench!r})
import addresses, cpca
texts = [t for t, _ in addresses.chinese_rows({count}, skewed={skewed})]
cpca.transform(texts[:10])
spent, got = 0.0, []
for at in range(0, len(texts), 10_000):
    start = time.perf_counter()
    frame = cpca.transform(texts[at : at + 10_000])
    spent += time.perf_counter() - start
    got += [v if isinstance(v, str) else "" for v in frame["区"]]
print(json.dumps([spent, got]))
"""


def _cpca(count: int, skewed: bool) -> tuple[float, list[str]] | None:
    """Return cpca's time on the rows and its county names; None if not installed."""
    import importlib.util
    import json
    import subprocess

    if importlib.util.find_spec("cpca") is None:
        return None
    code = _PEER.format(bench=str(Path(__file__).parent), count=count, skewed=skewed)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    spent, got = json.loads(done.stdout.splitlines()[-1])
    return float(spent), [str(g) for g in got]


def _chinese_row(count: int, skewed: bool) -> Row:
    """Read the Chinese rows with regionkit, and cpca in its own process."""
    import regionkit

    pairs = chinese_rows(count, skewed=skewed)
    texts = [t for t, _ in pairs]
    # cpca before and after, so that a machine whose speed changes from
    # minute to minute is seen; its faster run is compared.
    peer = [_cpca(count, skewed)]
    found: list[object] = []
    start = time.perf_counter()
    for at in range(0, count, 10_000):
        found += regionkit.parse_addresses(texts[at : at + 10_000], country="CN")
    ours = time.perf_counter() - start
    peer.append(_cpca(count, skewed))
    right = sum(
        _county_is(a, gold) is True for a, (_, gold) in zip(found, pairs, strict=True)
    )
    wrong = sum(
        _county_is(a, gold) is False for a, (_, gold) in zip(found, pairs, strict=True)
    )
    theirs_text = "-"
    note = f"county right {right / count:.1%} ({wrong} wrong); cpca not installed"
    runs = [run for run in peer if run is not None]
    if runs:
        theirs, got = min(runs)
        their_right = sum(
            _same(g, gold) for g, (_, gold) in zip(got, pairs, strict=True)
        )
        their_wrong = sum(
            bool(g) and not _same(g, gold)
            for g, (_, gold) in zip(got, pairs, strict=True)
        )
        theirs_text = f"{count / theirs:,.0f} rows/s"
        note = (
            f"county right: ours {right / count:.1%} ({wrong} wrong),"
            f" cpca {their_right / count:.1%} ({their_wrong} wrong);"
            f" cpca's two runs {', '.join(f'{count / r[0]:,.0f}' for r in runs)}"
        )
    what = "skewed as a real column" if skewed else "every county alike"
    return (
        f"parse_addresses: {count:,} Chinese addresses ({what})",
        f"{count / ours:,.0f} rows/s",
        theirs_text,
        note,
    )


def russian_rows(count: int) -> list[str]:
    lines = [r["text"] for r in _read("ru_hflabs_city.csv")]
    return [f"{lines[i % len(lines)]}, ул. Ленина, д. {i}" for i in range(count)]


def rows(count: int = 100_000) -> list[Row]:
    import regionkit
    from regionkit._address import parse_address_in
    from regionkit._store import default_dataset

    out: list[Row] = []
    dataset = default_dataset()
    start = time.perf_counter()
    regionkit.parse_address("北京市朝阳区")
    first = time.perf_counter() - start
    out.append(
        ("address: first Chinese parse (loads, builds names)", _ms(first), "-", "")
    )
    out.append(("address: names table, memory (CN + RU)", _names_memory(), "-", ""))
    for skewed in (False, True):
        out.append(_chinese_row(count, skewed))
    lines = russian_rows(count // 2)
    parse_address_in(dataset, lines[0], country="RU")
    start = time.perf_counter()
    regionkit.parse_addresses(lines, country="RU")
    spent = time.perf_counter() - start
    speed = f"{len(lines) / spent:,.0f} rows/s"
    what = f"parse_addresses: {len(lines):,} Russian lines"
    out.append((what, speed, "-", "target ≥ 50,000 rows/s"))
    units = (
        "北京",
        "朝阳区",
        "江苏淮安",
        "龘",
        "Chaoyang, ",
        "г Москва, ",
        "a, ",
        "ул. 1, ",
    )
    for unit in units:  # every table built and index read: time the reading only
        parse_address_in(dataset, unit * 3)
    slowest = 0.0
    distinct = ", ".join(f"x{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(166))
    # Parts of a few distinct names each, never seen: each part is looked up
    # as a whole (a qualified name?) and its words probed as names.
    rng = random.Random(1)
    latin = sorted(
        {
            n.text
            for d in regionkit.divisions("CN", level=2)
            for n in d.names
            if n.locale == "en" and " " not in n.text
        }
    )
    worded = [
        ", ".join(" ".join(rng.sample(latin, words)) for _ in range(60))[:500]
        for words in (2, 3, 5, 8)
        for _ in range(5)
    ]
    for text in [(unit * 500)[:500] for unit in units] + [distinct[:500], *worded]:
        # The reading's own work: a full collection of every loaded record
        # (about 2 s in bench/run.py's process) is not the input's, and is
        # timed by the row below.
        gc.collect()
        start = time.perf_counter()
        parse_address_in(dataset, text)
        slowest = max(slowest, time.perf_counter() - start)
    out.append(("parse_address: worst input found (500 chars)", _ms(slowest), "-",
                "target < 50 ms; the collector run before each"))  # fmt: skip
    start = time.perf_counter()
    gc.collect()
    tracked = len(gc.get_objects())
    out.append(("a full garbage collection, everything so far loaded", _ms(
        time.perf_counter() - start), "-", f"{tracked:,} objects tracked"))  # fmt: skip
    return out


def _same(value: str, gold: str) -> bool:
    """Whether cpca's name is the gold name, with or without a category word."""
    return value == gold or (
        min(len(value), len(gold)) >= 2
        and (value.startswith(gold) or gold.startswith(value))
    )


def _county_is(address: object, gold: str) -> bool | None:
    """Whether the county read is *gold*; ``None`` if no county was read."""
    county = getattr(address, "level", lambda level: None)(3)
    return None if county is None else gold in {n.text for n in county.names}


_MEMORY = """
import tracemalloc
from regionkit._address import _names
from regionkit._store import default_dataset
dataset = default_dataset()
for country in ("CN", "RU"):
    for stage in dataset.stages(country):
        dataset.stage_units(country, stage)
tracemalloc.start()
for country in ("CN", "RU"):
    _names(dataset, country)
print(tracemalloc.get_traced_memory()[0])
"""


def _names_memory() -> str:
    """Return what the names tables hold beyond the loaded records, in MB."""
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _MEMORY], capture_output=True, text=True, check=True
    )
    return f"{int(done.stdout) / 1e6:.1f} MB"


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:,.1f} µs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    table = rows(args.rows)
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
