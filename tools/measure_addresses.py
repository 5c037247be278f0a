"""
Print how well `regionkit.parse_address` reads the address corpus, per level.

    python tools/measure_addresses.py

For each file of tests/corpus/addresses/ and each level it annotates: how
many rows are right, wrong (another unit: the costly failure) and missed. The
gold labels are the sources' own (see the folder's README). Where cpca is
installed, its reading of the same Chinese rows is printed beside.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import regionkit
from regionkit import Address, Division

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "addresses"


def rows(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def zh_names(division: Division) -> set[str]:
    return {n.text for n in division.names if n.locale.startswith("zh")}


def verdict(address: Address, level: int, gold: str, by_code: bool = False) -> str:
    """Return 'right', 'wrong' or 'missed' for one row and level."""
    found = address.level(level) if address.candidates == () else None
    if found is None:
        return "missed"
    if by_code:
        return "right" if found.national_code == gold else "wrong"
    return "right" if gold in zh_names(found) else "wrong"


def report(title: str, tallies: dict[str, Counter[str]]) -> None:
    print(f"\n{title}")
    for level, tally in tallies.items():
        total = sum(tally.values())
        print(
            f"  {level:<11} {tally['right'] / total:7.1%} right"
            f"  {tally['wrong']:5d} wrong  {tally['missed']:5d} missed  of {total}"
        )


def chinese(column: str) -> None:
    tallies: dict[str, Counter[str]] = {
        "province": Counter(),
        "prefecture": Counter(),
        "county": Counter(),
    }
    for row in rows("cn_google_i18n.csv"):
        text = row[column]
        if not text:
            continue
        address = regionkit.parse_address(text, country="CN")
        tallies["province"][verdict(address, 1, row["province"])] += 1
        if row["prefecture"] != row["province"]:  # municipalities have no level 2
            tallies["prefecture"][verdict(address, 2, row["prefecture"])] += 1
        tallies["county"][verdict(address, 3, row["county"])] += 1
    report(f"cn_google_i18n.csv ({column}): regionkit", tallies)


def same(value: str, gold: str) -> bool:
    """Whether cpca's name is the gold name, with or without a category word."""
    return value == gold or (
        min(len(value), len(gold)) >= 2
        and (value.startswith(gold) or gold.startswith(value))
    )


def cpca_side() -> None:
    try:
        import cpca  # an optional dev extra, read as Any (pyproject)
    except ImportError:
        print("\ncpca is not installed: no side-by-side figures")
        return
    table = rows("cn_google_i18n.csv")
    frame = cpca.transform([r["text"] for r in table])
    tallies: dict[str, Counter[str]] = {
        "province": Counter(),
        "prefecture": Counter(),
        "county": Counter(),
    }
    for row, (_, found) in zip(table, frame.iterrows(), strict=True):
        for level, column, gold in (
            ("province", "省", row["province"]),
            ("prefecture", "市", row["prefecture"]),
            ("county", "区", row["county"]),
        ):
            if level == "prefecture" and row["prefecture"] == row["province"]:
                continue
            value = found[column] if isinstance(found[column], str) else ""
            tally = tallies[level]
            tally[
                "missed" if not value else "right" if same(value, gold) else "wrong"
            ] += 1
    report("cn_google_i18n.csv (text): cpca", tallies)


def russian() -> None:
    for name in ("ru_hflabs_city.csv", "ru_hflabs_region.csv"):
        tally: Counter[str] = Counter()
        for row in rows(name):
            address = regionkit.parse_address(row["text"], country="RU")
            tally[verdict(address, 1, row["kladr_region"], by_code=True)] += 1
        report(f"{name}: regionkit", {"subject": tally})


def main() -> int:
    chinese("text")
    chinese("latin")
    cpca_side()
    russian()
    return 0


if __name__ == "__main__":
    sys.exit(main())
