"""
Write the names of Hong Kong's districts and Macau's parishes.

The SARs' own subdivisions have no GB/T 2260 code and no MCA name, so
``tools/update_cn.py`` does not make them. Their records are the hand-reviewed
``data/cn/sar_units.csv``; their names as the governments give them are the
hand-reviewed ``data/cn/sar_names.csv`` (English, Traditional Chinese and, for
Macau, Portuguese). This tool derives the rest and writes one generated file,
``data/cn/unit_names_sar.csv``:

- ``zh-Hans``: OpenCC ``t2s`` of the Traditional names (checked to convert back
  with ``s2t``);
- ``zh-Latn-pinyin`` and ``zh-Latn-pinyin-x-plain``: Mandarin pinyin of the
  Simplified names (pypinyin), for lookup ("Yóujiānwàng Qū"): the English names
  stay the official Cantonese romanizations ("Yau Tsim Mong District");
- ``ru``: the Russian names of the hand-reviewed ``data/cn/sar_names_ru.csv``,
  for the units a stored Russian source names (12 of Hong Kong's 18 districts;
  no Macau parish), each row's note saying where the name was seen.

Run it from anywhere::

    python tools/update_cn_sar.py [--check]

``pypinyin`` and ``opencc`` are build-time dependencies only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import opencc
import pypinyin
from tables import TableError, load_sources, read_csv, render_csv, update_files
from update_cn import pinyin_word, strip_tones

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "cn"
NAME_COLUMNS = ("code", "locale", "form", "text", "source")
HAND_COLUMNS = (
    "code",
    "en_full",
    "en_short",
    "zh_hant_full",
    "zh_hant_short",
    "pt_full",
    "pt_short",
    "source",
)
RU_COLUMNS = ("code", "full", "short", "note", "source")
GENERIC = "区"  # 區 of a district, and the last character of 堂區


class BuildError(Exception):
    """The hand tables are inconsistent; the message says where."""


def pinyin_of(name: str) -> tuple[str, str]:
    """Return the toned pinyin of a Simplified name: full ("Dàtáng Qū") and stem."""
    if not name.endswith(GENERIC) or len(name) < 2:
        raise BuildError(f"{name}: no 区 at the end")
    syllables = [
        options[0]
        for options in pypinyin.pinyin(name, style=pypinyin.Style.TONE, errors="strict")
    ]
    if len(syllables) != len(name):
        raise BuildError(f"{name}: pypinyin did not give one syllable per character")
    stem = pinyin_word(syllables[:-1])
    return f"{stem} {pinyin_word(syllables[-1:])}", stem


def read_russian(
    units: set[str], known: set[str]
) -> dict[str, tuple[str, str, str, str]]:
    """Return ``sar_names_ru.csv`` as code -> ("ru", full, short, source)."""
    russian: dict[str, tuple[str, str, str, str]] = {}
    for row in read_csv(DATA / "sar_names_ru.csv", RU_COLUMNS):
        code, source = row["code"], row["source"]
        if code not in units:
            raise BuildError(f"sar_names_ru.csv: {code} is not in sar_units.csv")
        if code in russian:
            raise BuildError(f"sar_names_ru.csv: {code} twice")
        undefined = sorted(set(source.split()) - known)
        if undefined:
            raise BuildError(f"sar_names_ru.csv: {code}: unknown sources {undefined}")
        if not row["note"]:
            raise BuildError(f"sar_names_ru.csv: {code}: no note says where seen")
        russian[code] = ("ru", row["full"], row["short"], source)
    return russian


def build(check: bool) -> int:
    """Write (or with *check*, verify) ``unit_names_sar.csv``."""
    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    units = {row["code"]: row for row in read_csv(DATA / "sar_units.csv")}
    known = set(load_sources("cn"))
    rows: list[list[str]] = []
    named: set[str] = set()
    russian = read_russian(set(units), known)
    for row in read_csv(DATA / "sar_names.csv", HAND_COLUMNS):
        code, source = row["code"], row["source"]
        if code not in units:
            raise BuildError(f"sar_names.csv: {code} is not in sar_units.csv")
        undefined = sorted(set(source.split()) - known)
        if undefined:
            raise BuildError(f"sar_names.csv: {code}: unknown sources {undefined}")
        named.add(code)
        hant_full, hant_short = row["zh_hant_full"], row["zh_hant_short"]
        if not hant_full.startswith(hant_short):
            raise BuildError(f"{code}: {hant_short} is not a prefix of {hant_full}")
        hans_full, hans_short = t2s.convert(hant_full), t2s.convert(hant_short)
        if s2t.convert(hans_full) != hant_full:
            raise BuildError(f"{code}: {hant_full} -> {hans_full} does not go back")
        toned_full, toned_stem = pinyin_of(hans_full)
        # A one-character stem (東區) keeps the whole name as its short form.
        toned_short = toned_full if hant_short == hant_full else toned_stem
        forms = [
            ("en", row["en_full"], row["en_short"], source),
            ("zh-Hant", hant_full, hant_short, source),
            ("zh-Hans", hans_full, hans_short, f"{source} opencc"),
            ("zh-Latn-pinyin", toned_full, toned_short, f"{source} pypinyin"),
            (
                "zh-Latn-pinyin-x-plain",
                strip_tones(toned_full),
                strip_tones(toned_short),
                f"{source} pypinyin",
            ),
        ]
        if row["pt_full"] or row["pt_short"]:
            forms.append(("pt", row["pt_full"], row["pt_short"], source))
        if code in russian:
            forms.append(russian[code])
        for locale, full, short, sources in forms:
            if not full or not short:
                raise BuildError(f"{code}: an empty {locale} name")
            rows.append([code, locale, "full", full, sources])
            rows.append([code, locale, "short", short, sources])
    missing = sorted(set(units) - named)
    if missing:
        raise BuildError(f"sar_names.csv: no names for {missing}")
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    outputs = {DATA / "unit_names_sar.csv": render_csv(NAME_COLUMNS, rows)}
    return update_files(outputs, check=check, tool="tools/update_cn_sar.py")


def main(argv: Sequence[str] | None = None) -> int:
    """Build unit_names_sar.csv; return 0 on success, 1 on bad input or stale."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if stale"
    )
    args = parser.parse_args(argv)
    try:
        return build(args.check)
    except (BuildError, TableError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
