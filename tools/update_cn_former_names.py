"""
Name China's former prefecture- and county-level units in every script.

The MCA lists give the 3,612 former units of ``data/cn/history.csv`` in Chinese
only (``data/cn/history_names.csv``). This tool writes exactly one generated
file, ``data/cn/history_names_derived.csv``: for each former unit the
Traditional full name, Hanyu Pinyin (with and without tone marks) and English
full and short names, and the Russian ones where the
Palladius rule has a category word, all by the rules and reviewed tables of
today's units:

- Traditional (the full name only: the MCA lists give no short Chinese names),
  pinyin and English, full and short: ``update_cn.make_names``
  with ``pinyin_overrides.csv`` (济源 Jǐyuán, 长 Cháng …);
- English exceptions of former units, hand-reviewed: ``history_english_exceptions.csv``
  (哲里木盟 Jirem League);
- English and Russian exceptions: a former unit whose Chinese name is that of a
  current unit of the same province with a row in ``english_exceptions.csv`` or
  ``russian_exceptions.csv`` gets the same name (乌兰察布盟 → Ulanqab League,
  like 乌兰察布市 Ulanqab); one whose short name is a current unit's short name
  gets that stem with its own generic word (香格里拉县 → Shangri-La County);
- Russian: ``update_cn_russian.build_rows`` with ``palladius.csv`` and
  ``russian_stems.csv``.

Ten former units have no generic word of today's categories (海南行政区, the
islands offices of 西沙, 南沙 and 中沙, 畹町镇): `ODD` gives their words and
English names. The rules are in ``data/cn/NOTES-lower.md`` ("Former units").
Run it from anywhere::

    python tools/update_cn_former_names.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import opencc
import update_cn
import update_cn_russian
from tables import Row, TableError, read_csv, render_csv, update_files

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "cn"
OUTPUT = DATA / "history_names_derived.csv"
NAME_COLUMNS = ("code", "locale", "form", "text", "source")
SOURCE = "areacodes-history"

# Former units outside today's categories: the name's pinyin words (a word in
# lower case stays lower case, GB/T 16159's function words) and English name.
ODD: dict[str, tuple[tuple[str, ...], str]] = {
    "海南行政区": (("海南", "行政区"), "Hainan Administrative Region"),
    "西沙、南沙、中沙群岛": (
        ("西沙,", "南沙,", "中沙", "群岛"),
        "Xisha, Nansha and Zhongsha Islands",
    ),
    "西沙群岛": (("西沙", "群岛"), "Xisha Islands"),
    "南沙群岛": (("南沙", "群岛"), "Nansha Islands"),
    "中沙群岛的岛礁及其海域": (
        ("中沙", "群岛", "de", "岛礁", "jí", "qí", "海域"),
        "Islands, Reefs and Waters of the Zhongsha Islands",
    ),
    "畹町镇": (("畹町", "镇"), "Wanding Town"),
}
# OpenCC fixes for former names, as update_cn.HANT_FIXES for today's (澄江市).
FORMER_HANT_FIXES = {"澄江县": "澄江縣"}  # OpenCC gives 澂, which t2s keeps
# 畹町 is Wǎndīng (pypinyin's first reading of 町 is tīng).
ODD_SYLLABLES = {"畹町": ("wǎn", "dīng")}


class BuildError(Exception):
    """The inputs are inconsistent; the message says where."""


def odd_names(name: str, overrides: list[update_cn.Override]) -> dict[str, str]:
    """Full names (locale -> text) of a former unit outside today's categories."""
    words, english = ODD[name]
    toned: list[str] = []
    for word in words:
        if not any("\u4e00" <= char <= "\u9fff" for char in word):
            # a function word given in pinyin (的 de, 及 jí, 其 qí)
            toned.append(word)
            continue
        hanzi = word.rstrip(",")
        if hanzi in ODD_SYLLABLES:
            syllables = list(ODD_SYLLABLES[hanzi])
        else:
            syllables, _ = update_cn.name_syllables(hanzi, overrides)
        toned.append(update_cn.pinyin_word(syllables) + word[len(hanzi) :])
    pinyin = " ".join(toned).replace("De ", "de ")
    return {
        "zh-Latn-pinyin": pinyin,
        "zh-Latn-pinyin-x-plain": update_cn.strip_tones(pinyin),
        "en": english,
    }


def current_exceptions() -> tuple[
    dict[tuple[str, str], Row], dict[tuple[str, str], Row], dict[str, dict[str, str]]
]:
    """
    English and Russian exception rows of current units, by (province, name).

    Keys are (two-digit province, Chinese full name) and (province, Chinese
    short name); the third result is each current unit's Chinese names.
    """
    chinese: dict[str, dict[str, str]] = {}
    for row in read_csv(DATA / "unit_names.csv"):
        if row["locale"] == "zh-Hans":
            chinese.setdefault(row["code"], {})[row["form"]] = row["text"]
    english: dict[tuple[str, str], Row] = {}
    russian: dict[tuple[str, str], Row] = {}
    for path, target in (
        (DATA / "english_exceptions.csv", english),
        (DATA / "russian_exceptions.csv", russian),
    ):
        for row in read_csv(path):
            names = chinese[row["code"]]
            province = row["code"][3:5]
            target[(province, "full:" + names["full"])] = row
            target[(province, "short:" + names["short"])] = row
    return english, russian, chinese


def build(*, check: bool) -> int:
    """Write (or check) history_names_derived.csv."""
    inventory = update_cn.syllable_inventory()
    overrides = update_cn.load_overrides(DATA / "pinyin_overrides.csv", inventory)
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    update_cn.HANT_FIXES.update(FORMER_HANT_FIXES)
    records = read_csv(DATA / "history.csv")
    chinese = {
        row["code"]: row["text"]
        for row in read_csv(DATA / "history_names.csv")
        if row["locale"] == "zh-Hans" and row["form"] == "full"
    }
    english_exc, russian_exc, current = current_exceptions()
    former_english = {
        row["code"]: row
        for row in read_csv(
            DATA / "history_english_exceptions.csv",
            ("code", "full", "short", "note", "source"),
        )
    }
    unknown = sorted(set(former_english) - {row["code"] for row in records})
    if unknown:
        raise BuildError(f"history_english_exceptions.csv: unknown codes {unknown}")

    def is_stem(row: Row | None) -> bool:
        """Whether an exception row names a unit whose short name is a stem."""
        if row is None:
            return False
        names = current[row["code"]]
        return names["short"] != names["full"]

    rows: list[list[str]] = []
    ru_units: list[Row] = []
    ru_names: list[Row] = []
    ru_conventional: dict[str, update_cn_russian.Conventional] = {}
    copied = {"en": 0, "ru": 0}
    for record in records:
        code, name = record["code"], chinese[record["code"]]
        province = record["national_code"][:2]
        if name in ODD:
            for locale, text in odd_names(name, overrides).items():
                source = SOURCE if locale == "en" else f"{SOURCE} pypinyin"
                if locale == "en" or name == "畹町镇":
                    source += " regionkit-review"
                rows.append([code, locale, "full", text, source])
            continue
        unit = update_cn.Unit(
            code.removeprefix("CN-"),
            name,
            int(record["level"]),
            record["category"],
            record["parent"],
            (SOURCE,),
        )
        try:
            made = update_cn.make_names(unit, overrides, s2t, t2s)
        except update_cn.BuildError as error:
            raise BuildError(f"{code}: {error}") from None
        forms = dict(made.forms)
        pinyin_source = " ".join([SOURCE, "pypinyin", *made.pinyin_sources])
        sources = {
            "zh-Hans": SOURCE,
            "zh-Hant": f"{SOURCE} opencc",
            "zh-Latn-pinyin": pinyin_source,
            "zh-Latn-pinyin-x-plain": pinyin_source,
            "en": pinyin_source,
        }
        parts = update_cn.split_name(name, unit.category)
        same = former_english.get(code) or english_exc.get((province, "full:" + name))
        stem = english_exc.get((province, "short:" + parts.short))
        if same is not None:
            forms["en"] = (same["full"], same["short"])
            sources["en"] = f"{SOURCE} {same['source']}"
            copied["en"] += 1
        plain_stem = parts.short != name and not parts.qualifiers and not parts.ethnic
        if same is None and stem is not None and is_stem(stem) and plain_stem:
            generic = update_cn.GENERIC_EN[parts.generic]
            full = (
                stem["short"] if parts.generic == "市" else f"{stem['short']} {generic}"
            )
            forms["en"] = (full, stem["short"])
            sources["en"] = f"{SOURCE} {stem['source']}"
            copied["en"] += 1
        for locale in update_cn.LOCALES:
            full, short = forms[locale]
            if locale.startswith("zh-Han"):  # the MCA name; its Traditional form
                if locale == "zh-Hant":
                    rows.append([code, locale, "full", full, sources[locale]])
                continue
            rows.append([code, locale, "full", full, sources[locale]])
            rows.append([code, locale, "short", short, sources[locale]])

        # Russian, by the current units' rules, where a category word exists.
        category = unit.category
        if category in update_cn_russian.CATEGORY_WORDS or (
            category in update_cn_russian.AUTONOMOUS_NOUNS
        ):
            ru_units.append({"code": code, "category": category})
            for locale in ("zh-Hans", update_cn_russian.PLAIN):
                for form, text in zip(("full", "short"), forms[locale], strict=True):
                    ru_names.append(
                        {
                            "code": code,
                            "locale": locale,
                            "form": form,
                            "text": text,
                            "source": sources.get(locale, pinyin_source),
                        }
                    )
            conventional = russian_exc.get((province, "full:" + name))
            ru_stem = russian_exc.get((province, "short:" + parts.short))
            word = update_cn_russian.CATEGORY_WORDS.get(category)
            if conventional is not None:
                ru_conventional[code] = update_cn_russian.Conventional(
                    conventional["full"],
                    conventional["short"],
                    f"{SOURCE} {conventional['source']}",
                )
                copied["ru"] += 1
            elif word is not None and plain_stem and is_stem(ru_stem):
                assert ru_stem is not None
                ru_conventional[code] = update_cn_russian.Conventional(
                    f"{word} {ru_stem['short']}",
                    ru_stem["short"],
                    f"{SOURCE} {ru_stem['source']}",
                )
                copied["ru"] += 1

    table = update_cn_russian.read_palladius(DATA / "palladius.csv")
    stems = update_cn_russian.read_stems(DATA / "russian_stems.csv")
    try:
        russian, notes = update_cn_russian.build_rows(
            ru_units, ru_names, table, ru_conventional, stems
        )
    except update_cn_russian.BuildError as error:
        raise BuildError(str(error)) from None
    for note in notes:
        print(f"note: {note}")
    rows.extend(russian)
    rows.sort(key=lambda row: (row[0], row[1], row[2]))
    print(
        f"{OUTPUT.name}: {len(records)} former units, {len(rows)} names; "
        f"{copied['en']} English and {copied['ru']} Russian names as today's "
        f"namesakes'; {len(records) - len(ru_units)} without a Russian name"
    )
    outputs = {OUTPUT: render_csv(NAME_COLUMNS, rows)}
    return update_files(outputs, check=check, tool="tools/update_cn_former_names.py")


def main(argv: Sequence[str] | None = None) -> int:
    """Build history_names_derived.csv; return 0 on success, 1 on bad input."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if stale"
    )
    args = parser.parse_args(argv)
    try:
        return build(check=args.check)
    except (BuildError, TableError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
