"""
Write Russian names for China's prefecture- and county-level units.

The tool reads the generated tables ``data/cn/units.csv`` and
``data/cn/unit_names.csv`` and the hand-reviewed tables ``data/cn/palladius.csv``
(the Palladius syllable table), ``data/cn/russian_exceptions.csv`` (conventional
Russian names) and ``data/cn/russian_stems.csv`` (confirmed stems), and writes
exactly one generated file,
``data/cn/unit_names_ru.csv``: a ``ru`` full and short name for every unit.

- The short name is the Palladius transcription of the unit's plain pinyin short
  form (``zh-Latn-pinyin-x-plain``), one word per pinyin word group, with the hard
  sign ``ъ`` between a syllable ending in ``н`` and one beginning with a vowel.
- The full name adds the Russian category word (``городской округ Цицикар``,
  ``уезд Цзидун``, ``Яньбянь-Корейский автономный округ``).
- A row of ``russian_exceptions.csv`` replaces both names of its unit.
- A row of ``russian_stems.csv`` (a Chinese stem, a code prefix, a confirmed Russian
  stem) replaces the transcription of that stem in every other unit under the code
  prefix whose short name starts with it: siblings and children agree
  (乌拉特中旗 Урад-Чжунци like 乌拉特前旗 Урад-Цяньци; 乌鲁木齐县 Урумчи).

The rules and their sources are in ``data/cn/NOTES-russian.md``. Run it from
anywhere::

    python tools/update_cn_russian.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tables import Row, TableError, read_csv, render_csv, update_files

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "cn"
OUTPUT = DATA / "unit_names_ru.csv"
NAME_COLUMNS = ("code", "locale", "form", "text", "source")
PLAIN = "zh-Latn-pinyin-x-plain"

# Source ids (defined in data/cn/sources.csv).
PALLADIUS_SOURCE = "ruwiki-palladius"
CATEGORY_SOURCE = "ruwiki-cn-units"

# The Russian category word, put before the name (``уезд Цзидун``), as Russian
# Wikipedia writes it in the first sentence of its articles on the units.
CATEGORY_WORDS: dict[str, str] = {
    "prefecture_level_city": "городской округ",
    "prefecture": "округ",
    "league": "аймак",
    "district": "район",
    "county_level_city": "городской уезд",
    "county": "уезд",
    "banner": "хошун",
    "forestry_district": "лесной район",
    "special_district": "особый район",
}
# Autonomous units: ``<name>-<ethnic adjective> <noun>``.
AUTONOMOUS_NOUNS: dict[str, str] = {
    "autonomous_prefecture": "автономный округ",
    "autonomous_county": "автономный уезд",
    "autonomous_banner": "автономный хошун",
    "district": "национальный район",  # the four 民族区 (管城回族区 …)
}
CHINESE_SUFFIXES = ("自治州", "自治县", "自治旗", "区")

# Ethnic names in the Chinese names of autonomous units -> (the stem Russian
# Wikipedia uses before another ethnic name, the adjective it uses last). Russian
# Wikipedia joins them with hyphens: 黔东南苗族侗族自治州 is
# Цяньдуннань-Мяо-Дунский автономный округ, 阿坝藏族羌族自治州
# Нгава-Тибетско-Цянский. Source: ruwiki-cn-units (see NOTES-russian.md for
# which forms were checked).
ETHNIC: dict[str, tuple[str, str]] = {
    "保安": ("Баоань", "Баоаньский"),
    "白": ("Бай", "Байский"),
    "布朗": ("Блан", "Бланский"),
    "布依": ("Буи", "Буиский"),
    "朝鲜": ("Корейско", "Корейский"),
    "达斡尔": ("Даур", "Даурский"),
    "傣": ("Дай", "Дайский"),
    "东乡": ("Дунсян", "Дунсянский"),
    "侗": ("Дун", "Дунский"),
    "独龙": ("Дулун", "Дулунский"),
    "鄂伦春": ("Орочон", "Орочонский"),
    "鄂温克": ("Эвенк", "Эвенкийский"),
    "仡佬": ("Гэлао", "Гэлаоский"),
    "各": ("Многонационально", "Многонациональный"),
    "哈尼": ("Хани", "Ханийский"),
    "哈萨克": ("Казахско", "Казахский"),
    "回": ("Хуэй", "Хуэйский"),
    "景颇": ("Цзинпо", "Цзинпоский"),
    "柯尔克孜": ("Киргизско", "Киргизский"),
    "拉祜": ("Лаху", "Лахуский"),
    "黎": ("Ли", "Лиский"),
    "傈僳": ("Лису", "Лисуский"),
    "满": ("Маньчжуро", "Маньчжурский"),
    "毛南": ("Маонань", "Маонаньский"),
    "蒙古": ("Монголо", "Монгольский"),
    "苗": ("Мяо", "Мяоский"),
    "仫佬": ("Мулао", "Мулаоский"),
    "纳西": ("Наси", "Насиский"),
    "怒": ("Ну", "Нуский"),
    "普米": ("Пуми", "Пумиский"),
    "羌": ("Цян", "Цянский"),
    "撒拉": ("Салар", "Саларский"),
    "畲": ("Шэ", "Шэский"),
    "水": ("Шуй", "Шуйский"),
    "塔吉克": ("Таджикско", "Таджикский"),
    "土": ("Ту", "Туский"),
    "土家": ("Туцзя", "Туцзяский"),
    "佤": ("Ва", "Ваский"),
    "维吾尔": ("Уйгуро", "Уйгурский"),
    "锡伯": ("Сибо", "Сибоский"),
    "瑶": ("Яо", "Яоский"),
    "彝": ("И", "Ийский"),
    "裕固": ("Югур", "Югурский"),
    "藏": ("Тибетско", "Тибетский"),
    "壮": ("Чжуан", "Чжуанский"),
}
VOWELS = frozenset("аеёиоуыэюя")


class BuildError(Exception):
    """The input tables are wrong; the message says where."""


@dataclass(frozen=True)
class Stem:
    """A confirmed Russian stem from ``russian_stems.csv``."""

    hanzi: str
    within: str
    stem: str
    source: str


@dataclass(frozen=True)
class Conventional:
    """A conventional Russian name from ``russian_exceptions.csv``."""

    full: str
    short: str
    source: str


def read_palladius(path: Path) -> dict[str, str]:
    """Return the syllable table: plain pinyin syllable -> Cyrillic."""
    table: dict[str, str] = {}
    for row in read_csv(path):
        syllable, cyrillic = row["pinyin"], row["cyrillic"]
        if syllable in table:
            raise BuildError(f"{path.name}: syllable {syllable!r} listed twice")
        if not syllable or not cyrillic or not row["source"]:
            raise BuildError(f"{path.name}: incomplete row for {syllable!r}")
        table[syllable] = cyrillic
    return table


def read_exceptions(path: Path) -> dict[str, Conventional]:
    """Return the conventional names by unit code."""
    found: dict[str, Conventional] = {}
    for row in read_csv(path):
        code = row["code"]
        if code in found:
            raise BuildError(f"{path.name}: {code} listed twice")
        if not (row["full"] and row["short"] and row["source"]):
            raise BuildError(f"{path.name}: {code} needs full, short and source")
        found[code] = Conventional(row["full"], row["short"], row["source"])
    return found


def read_stems(path: Path) -> list[Stem]:
    """Return the confirmed stems, longest Chinese stem first."""
    stems: list[Stem] = []
    for row in read_csv(path):
        if not (row["hanzi"] and row["within"] and row["stem"] and row["source"]):
            raise BuildError(f"{path.name}: {row['hanzi']} needs every cell")
        stems.append(Stem(row["hanzi"], row["within"], row["stem"], row["source"]))
    return sorted(stems, key=lambda s: -len(s.hanzi))


def find_stem(stems: list[Stem], code: str, chinese_short: str) -> Stem | None:
    """The confirmed stem that applies to a unit, if any."""
    return next(
        (
            s
            for s in stems
            if code.startswith(s.within) and chinese_short.startswith(s.hanzi)
        ),
        None,
    )


def with_stem(plain: str, table: dict[str, str], stem: Stem) -> str:
    """
    Transcribe *plain* with its first word replaced by a confirmed stem.

    The stem must be the whole first pinyin word (``Wulate Zhongqi`` ->
    ``Урад-Чжунци``, ``Wulumuqi`` -> ``Урумчи``).
    """
    words = syllables(plain, table)
    if len(words[0]) != len(stem.hanzi):
        raise BuildError(f"stem {stem.hanzi} is not the first word of {plain!r}")
    rest = [table[s] for word in words[1:] for s in word]
    if not rest:
        return stem.stem
    return f"{stem.stem}-{capitalize(join_syllables(rest))}"


# ------------------------------------------------------------------ transcription


def segment(chunk: str, table: dict[str, str]) -> list[str]:
    """
    Split a run of pinyin letters into syllables of *table*.

    Pinyin writes an apostrophe before a syllable that begins with a, o or e, so
    inside a run no syllable but the first begins with one; with that rule every
    unit's pinyin splits in exactly one way, and anything else is an error.
    """
    results: list[list[str]] = []

    def walk(start: int, done: list[str]) -> None:
        if start == len(chunk):
            results.append(list(done))
            return
        for end in range(start + 1, min(len(chunk), start + 6) + 1):
            piece = chunk[start:end]
            if piece in table and (start == 0 or piece[0] not in "aoe"):
                done.append(piece)
                walk(end, done)
                done.pop()

    walk(0, [])
    if len(results) != 1:
        raise BuildError(f"pinyin {chunk!r} splits in {len(results)} ways")
    return results[0]


def join_syllables(parts: Iterable[str]) -> str:
    """Join Cyrillic syllables into one word, adding ``ъ`` after ``н``."""
    word = ""
    for part in parts:
        if word.endswith("н") and part[0] in VOWELS:
            word += "ъ"
        word += part
    return word


def syllables(plain: str, table: dict[str, str]) -> list[list[str]]:
    """Return the pinyin syllables of each space-separated word of *plain*."""
    words: list[list[str]] = []
    for word in plain.lower().split(" "):
        found: list[str] = []
        for chunk in word.split("'"):
            found.extend(segment(chunk, table))
        words.append(found)
    return words


def transcribe(plain: str, table: dict[str, str]) -> str:
    """
    Return the Palladius transcription of a plain pinyin name.

    One word: the syllables joined (``Xi'an`` -> ``Сиань``, ``Chang'an`` ->
    ``Чанъань``). Several words: a one-syllable first word is joined to the rest
    (``Zhao Xian`` -> ``Чжаосянь``); otherwise the first word and the rest joined
    are written with a hyphen (``Ke'erqin Zuoyi Zhongqi`` ->
    ``Кээрцинь-Цзоичжунци``).
    """
    words = [[table[s] for s in word] for word in syllables(plain, table)]
    if len(words) == 1 or len(words[0]) == 1:
        groups = [[s for word in words for s in word]]
    else:
        groups = [words[0], [s for word in words[1:] for s in word]]
    return "-".join(capitalize(join_syllables(group)) for group in groups)


def capitalize(word: str) -> str:
    """Upper-case the first letter only."""
    return word[:1].upper() + word[1:]


# ------------------------------------------------------------------ full names


def ethnic_names(middle: str) -> list[str] | None:
    """Split the ethnic part of a Chinese name (``苗族侗族``) into table keys."""
    keys = sorted(ETHNIC, key=len, reverse=True)
    found: list[str] = []
    rest = middle
    while rest:
        for key in keys:
            if rest.startswith(key):
                found.append(key)
                rest = rest[len(key) :].removeprefix("族")
                break
        else:
            return None
    return found or None


def autonomous_full(
    category: str, chinese_full: str, chinese_short: str, short: str
) -> tuple[str, str] | None:
    """
    Return the (full, short) Russian names of an autonomous unit.

    ``None`` when the ethnic part cannot be read from the Chinese name; the
    caller then writes the name without it.
    """
    noun = AUTONOMOUS_NOUNS[category]
    suffix = next((s for s in CHINESE_SUFFIXES if chinese_full.endswith(s)), "")
    core = chinese_full[: len(chinese_full) - len(suffix)]
    if chinese_short in ETHNIC and core.removesuffix("族") == chinese_short:
        # The name is the people's name alone (东乡族自治县, 鄂温克族自治旗).
        full = f"{ETHNIC[chinese_short][1]} {noun}"
        return full, full
    if not core.startswith(chinese_short):
        return None
    peoples = ethnic_names(core[len(chinese_short) :])
    if peoples is None:
        return None
    parts = [ETHNIC[p][0] for p in peoples[:-1]] + [ETHNIC[peoples[-1]][1]]
    return f"{short}-{'-'.join(parts)} {noun}", short


def is_ethnic_district(category: str, chinese_full: str) -> bool:
    """Tell the four 民族区 (管城回族区 …) from the other districts."""
    return category == "district" and chinese_full.endswith("族区")


# ------------------------------------------------------------------ the build


def merge_sources(*cells: str) -> str:
    """Join source cells, each id once, in order."""
    seen: list[str] = []
    for cell in cells:
        for source_id in cell.split():
            if source_id not in seen:
                seen.append(source_id)
    return " ".join(seen)


def build_rows(
    units: list[Row],
    names: list[Row],
    table: dict[str, str],
    exceptions: dict[str, Conventional],
    stems: Sequence[Stem] = (),
) -> tuple[list[list[str]], list[str]]:
    """Return the output rows and the notes to print."""
    by_code: dict[str, dict[tuple[str, str], Row]] = {}
    for row in names:
        by_code.setdefault(row["code"], {})[(row["locale"], row["form"])] = row
    unknown = sorted(set(exceptions) - {u["code"] for u in units})
    if unknown:
        raise BuildError(f"russian_exceptions.csv: unknown codes {unknown}")
    rows: list[list[str]] = []
    notes: list[str] = []
    for unit in units:
        code, category = unit["code"], unit["category"]
        own = by_code.get(code, {})
        try:
            plain = own[(PLAIN, "short")]
            chinese_full = own[("zh-Hans", "full")]["text"]
            chinese_short = own[("zh-Hans", "short")]["text"]
        except KeyError as error:
            raise BuildError(f"{code}: no {error.args[0]} name") from None
        count = sum(len(w) for w in syllables(plain["text"], table))
        if count != len(chinese_short):
            raise BuildError(
                f"{code}: {plain['text']!r} has {count} syllables for {chinese_short!r}"
            )
        if code in exceptions:
            exception = exceptions[code]
            rows.append([code, "ru", "full", exception.full, exception.source])
            rows.append([code, "ru", "short", exception.short, exception.source])
            continue
        stem = find_stem(list(stems), code, chinese_short)
        if stem is None:
            short = transcribe(plain["text"], table)
            short_source = merge_sources(plain["source"], PALLADIUS_SOURCE)
        else:
            short = with_stem(plain["text"], table, stem)
            short_source = merge_sources(plain["source"], PALLADIUS_SOURCE, stem.source)
        full_source = merge_sources(short_source, CATEGORY_SOURCE)
        named: tuple[str, str] | None = None
        if category in AUTONOMOUS_NOUNS and (
            category != "district" or is_ethnic_district(category, chinese_full)
        ):
            named = autonomous_full(category, chinese_full, chinese_short, short)
            if named is None:
                noun = AUTONOMOUS_NOUNS[category]
                named = (f"{noun} {short}", short)
                notes.append(f"{code} {chinese_full}: ethnic part not rendered")
        elif category in CATEGORY_WORDS:
            named = (f"{CATEGORY_WORDS[category]} {short}", short)
        if named is None:
            raise BuildError(f"{code}: no Russian category word for {category!r}")
        full, short = named
        rows.append([code, "ru", "full", full, full_source])
        rows.append([code, "ru", "short", short, short_source])
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return rows, notes


def build(data: Path, *, check: bool) -> int:
    """Do the work of :func:`main`."""
    table = read_palladius(data / "palladius.csv")
    exceptions = read_exceptions(data / "russian_exceptions.csv")
    stems = read_stems(data / "russian_stems.csv")
    units = read_csv(data / "units.csv")
    names = read_csv(data / "unit_names.csv")
    rows, notes = build_rows(units, names, table, exceptions, stems)
    for note in notes:
        print(f"note: {note}")
    print(
        f"{OUTPUT.name}: {len(rows) // 2} units, "
        f"{len(exceptions)} conventional names, {len(notes)} without ethnic part"
    )
    outputs = {data / OUTPUT.name: render_csv(NAME_COLUMNS, rows)}
    return update_files(outputs, check=check, tool="tools/update_cn_russian.py")


def main(argv: Sequence[str] | None = None) -> int:
    """Write unit_names_ru.csv; return 0 on success, 1 on bad input."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail if unit_names_ru.csv would change",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA,
        help="the data/cn folder (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        return build(args.data, check=args.check)
    except (BuildError, TableError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
